import type { TFunction } from 'i18next';

export function formatClock(ms: number, language: string): string {
  return new Date(ms).toLocaleTimeString(language === 'ja' ? 'ja-JP' : 'en-GB', { hour12: false });
}

export function formatDateTime(ms: number, language: string): string {
  return new Date(ms).toLocaleString(language === 'ja' ? 'ja-JP' : 'en-GB', { hour12: false });
}

export function formatAgo(t: TFunction, now: number, at: number): string {
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 60) return t('common:time.secondsAgo', { count: s });
  if (s < 3600) return t('common:time.minutesAgo', { count: Math.floor(s / 60) });
  return t('common:time.hoursAgo', { count: Math.floor(s / 3600) });
}
