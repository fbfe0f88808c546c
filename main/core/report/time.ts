import type { ConnectionEvent } from '../model/event';
import { isValidZone, offsetAt } from '../time/zone';

/** "+09:00" / "-05:30" / "+00:00": abuse desks compare times across zones, so the offset is always written out. */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

const OFFSET_IN_TS = /(Z|[+-]\d{2}:?\d{2})$/;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** The offset a log line stated itself, in minutes east; null when it stated none. */
export function statedOffset(ts: string | null): number | null {
  const m = ts ? OFFSET_IN_TS.exec(ts) : null;
  if (!m || !m[1]) return null;
  if (m[1] === 'Z') return 0;
  const digits = m[1].replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

export interface ReportTime {
  /** ISO 8601 local time with offset, seconds precision (milliseconds when the log had them). */
  iso: string;
  zone: string;
  /** True when the log line had no zone or offset and the import's zone was assumed. */
  assumed: boolean;
}

const OFFSET_ZONE = /^(?:Z|[+-]\d{2}:?\d{2})$/;

/** The zone a report names for an event, its offset then, and whether the import assumed it. */
export interface ReportZone {
  offset: number;
  zone: string;
  /** True when the log line had no zone or offset and the import's zone was assumed. */
  assumed: boolean;
}

/**
 * The zone part of reportTime, without the text: what a report's totals need of each of a host's events (only the
 * first and last are printed). The import stores, per event, either the offset the line stated ("+09:00", "Z") or
 * the IANA zone it assumed for a zoneless line (main/core/import/time.ts); the report names the zone and says when
 * it was assumed.
 */
export function reportZone(e: Pick<ConnectionEvent, 'ts' | 'tsUtc' | 'zone'>): ReportZone | null {
  if (e.tsUtc === null || !Number.isFinite(e.tsUtc)) return null;
  const stated = statedOffset(e.ts);
  if (e.zone && OFFSET_ZONE.test(e.zone)) {
    const offset = statedOffset(e.zone.length === 5 ? `${e.zone.slice(0, 3)}:${e.zone.slice(3)}` : e.zone) ?? 0;
    return { offset, zone: `UTC${offsetText(offset)}`, assumed: false };
  }
  if (e.zone && isValidZone(e.zone)) {
    const offset = offsetAt(e.tsUtc, e.zone);
    // The import stores a stated offset as such ("Z", "+09:00"), so a zone name is always one it assumed, UTC too
    // (--tz UTC on a log without zones). Rows stored before it did held "UTC" for lines stating "Z": they read as
    // assumed now (README, Abuse reports, Formats).
    if (stated === null || offset === stated) return { offset, zone: e.zone, assumed: true };
  }
  if (stated !== null) return { offset: stated, zone: `UTC${offsetText(stated)}`, assumed: false };
  return { offset: 0, zone: 'UTC', assumed: true };
}

/**
 * An event's time as the report prints it: ISO 8601 with offset plus the zone name
 * ("2026-11-21T09:14:03+09:00" "Asia/Tokyo"), see reportZone.
 */
export function reportTime(e: Pick<ConnectionEvent, 'ts' | 'tsUtc' | 'zone'>): ReportTime | null {
  const z = reportZone(e);
  if (z === null) return null;
  const local = new Date((e.tsUtc as number) + z.offset * 60_000);
  const ms = local.getUTCMilliseconds();
  const iso =
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${ms ? `.${pad(ms, 3)}` : ''}${offsetText(z.offset)}`;
  return { iso, zone: z.zone, assumed: z.assumed };
}
