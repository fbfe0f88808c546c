import type { ImportSummary } from '../../../../preload/contract/imports';

/** Bytes as base64 for the ipc (a plain browser has no file path to send). */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) {
    out += String.fromCharCode(...bytes.subarray(i, i + step));
  }
  return btoa(out);
}

export function textToBase64(text: string): string {
  return toBase64(new TextEncoder().encode(text));
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return m >= 60
    ? `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
    : `${m}:${String(s % 60).padStart(2, '0')}`;
}

export function formatCount(n: number, language: string): string {
  return n.toLocaleString(language === 'ja' ? 'ja-JP' : 'en-US');
}

/** IANA zones the browser knows, for the zone picker; the current zone first if the list lacks it. */
export function zoneNames(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  const zones = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

export function systemZoneName(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * An import's first and last time in the zone it was read with (the list shows them on two lines); null without
 * times.
 */
export function rangeParts(i: ImportSummary, language: string): [string, string] | null {
  if (i.firstTs === null || i.lastTs === null) return null;
  const f = rangeFormat(language, i.zone);
  return [f.format(i.firstTs), f.format(i.lastTs)];
}

// The list re-renders on every progress event of a running import: one formatter per language and zone, not two per
// row per render (building one costs ~0.2 ms).
const rangeFormats = new Map<string, Intl.DateTimeFormat>();

function rangeFormat(language: string, stored: string | null): Intl.DateTimeFormat {
  const key = `${language}|${stored ?? ''}`;
  let f = rangeFormats.get(key);
  if (f) return f;
  // English names the month (as components/format.ts does): "10/03/2026" reads as October 3 to a US reader.
  const ja = language === 'ja';
  const opts: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: ja ? '2-digit' : 'short',
    day: ja ? '2-digit' : 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };
  let zone = stored ?? undefined;
  try {
    if (zone) new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    zone = undefined;
  }
  f = new Intl.DateTimeFormat(ja ? 'ja-JP' : 'en-GB', zone ? { ...opts, timeZone: zone } : opts);
  rangeFormats.set(key, f);
  return f;
}
