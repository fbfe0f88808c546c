import type { ImportSummary } from '../../../../preload/contract/imports';
import { dateFormatter } from '../../components/format';

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
 * An import's first and last time in the zone it was read with (the list shows them on two lines), written as every
 * other date in the windows is; null without times.
 */
export function rangeParts(i: ImportSummary, language: string): [string, string] | null {
  if (i.firstTs === null || i.lastTs === null) return null;
  const f = dateFormatter('dateMinute', language, i.zone);
  return [f.format(i.firstTs), f.format(i.lastTs)];
}
