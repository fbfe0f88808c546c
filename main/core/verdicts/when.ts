import type { ConnectionEvent } from '../model/event';
import type { LocalizedText } from '../model/verdict';
import { offsetText, reportZone } from '../report/time';
import { offsetAt } from '../time/zone';

/**
 * Times as a reader sees them, in the wall clock of the log (its stated offset, or the zone the import assumed):
 * prose ("between 12 Mar 2026 03:20 and 03:23 (UTC+9)" / "2026年3月12日 3:20〜3:23（UTC+9）") and the compact stamps
 * of evidence lines and the CLI ("2026-03-12 03:20:00 – 03:23:19 +09:00"). Raw ISO ("2026-03-12T03:20:00+09:00") is
 * for machines; a month name in English avoids the 03/12 vs 12/03 question.
 */

export type Stamped = Pick<ConnectionEvent, 'ts' | 'tsUtc' | 'zone'>;

/** Wall-clock fields at an instant, with the offset (minutes east) they are in. */
interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  offset: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number): string => String(n).padStart(2, '0');

function wallAt(utcMs: number, offset: number): Wall {
  const t = new Date(utcMs + offset * 60_000);
  return {
    y: t.getUTCFullYear(),
    mo: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
    offset,
  };
}

/** An event's wall clock: the offset its line stated, or the zone the import assumed (report/time.ts). */
function wallOf(e: Stamped): Wall | null {
  const z = reportZone(e);
  return z === null ? null : wallAt(e.tsUtc as number, z.offset);
}

/** "UTC+9", "UTC+5:30", "UTC-4", "UTC". */
export function utcLabel(offset: number): string {
  if (offset === 0) return 'UTC';
  const a = Math.abs(offset);
  return `UTC${offset < 0 ? '-' : '+'}${Math.floor(a / 60)}${a % 60 ? `:${pad(a % 60)}` : ''}`;
}

const sameDay = (a: Wall, b: Wall): boolean => a.y === b.y && a.mo === b.mo && a.d === b.d;
const sameMinute = (a: Wall, b: Wall): boolean => sameDay(a, b) && a.h === b.h && a.mi === b.mi;

// Prose shows minutes; seconds only when both ends fall in one minute (a burst of late replies), so they differ.
const clockEn = (w: Wall, secs: boolean): string => `${pad(w.h)}:${pad(w.mi)}${secs ? `:${pad(w.s)}` : ''}`;
const clockJa = (w: Wall, secs: boolean): string => `${w.h}:${pad(w.mi)}${secs ? `:${pad(w.s)}` : ''}`;
const dateEn = (w: Wall): string => `${w.d} ${MONTHS[w.mo - 1]} ${w.y}`;
const dateJa = (w: Wall, year = true): string => `${year ? `${w.y}年` : ''}${w.mo}月${w.d}日`;

/**
 * When something happened, for a sentence: " at 12 Mar 2026 03:20 (UTC+9)" / " between 12 Mar 2026 03:20 and 03:23
 * (UTC+9)"; Japanese "2026年3月12日 3:20（UTC+9）に" / "2026年3月12日 3:20〜3:23（UTC+9）に". Empty when the log gave no
 * wall-clock times (a dmesg line carries seconds since boot only): a reader must never see "between ? and ?".
 */
export function whenPhrase(first: Stamped | null, last: Stamped | null): LocalizedText {
  const a = first ? wallOf(first) : null;
  const b = last ? wallOf(last) : null;
  if (!a || !b) return { en: '', ja: '' };
  const secs = sameMinute(a, b);
  const zoneA = utcLabel(a.offset);
  if (first?.tsUtc === last?.tsUtc)
    return {
      en: ` at ${dateEn(a)} ${clockEn(a, true)} (${zoneA})`,
      ja: `${dateJa(a)} ${clockJa(a, true)}（${zoneA}）に`,
    };
  if (a.offset !== b.offset) {
    // A clock change (summer time) between the two: each end with its own offset.
    const zoneB = utcLabel(b.offset);
    return {
      en: ` between ${dateEn(a)} ${clockEn(a, secs)} (${zoneA}) and ${dateEn(b)} ${clockEn(b, secs)} (${zoneB})`,
      ja: `${dateJa(a)} ${clockJa(a, secs)}（${zoneA}）〜${dateJa(b, b.y !== a.y)} ${clockJa(b, secs)}（${zoneB}）に`,
    };
  }
  const day = sameDay(a, b);
  return {
    en: ` between ${dateEn(a)} ${clockEn(a, secs)} and ${day ? '' : `${dateEn(b)} `}${clockEn(b, secs)} (${zoneA})`,
    ja: `${dateJa(a)} ${clockJa(a, secs)}〜${day ? '' : `${dateJa(b, b.y !== a.y)} `}${clockJa(b, secs)}（${zoneA}）に`,
  };
}

const stampDate = (w: Wall): string => `${w.y}-${pad(w.mo)}-${pad(w.d)}`;
const stampClock = (w: Wall): string => `${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}`;

/**
 * Two instants as compact stamps sharing what they share: "2026-03-12 03:20:00 – 03:23:19 +09:00",
 * "2024-03-10 08:00:00 – 2024-03-11 17:53:47 +09:00", or one stamp when they are the same second. `dash` is the
 * range mark of the language ("–", "〜").
 */
function stampRangeOf(a: Wall, b: Wall, dash: string): string {
  const off = offsetText(a.offset);
  if (a.offset !== b.offset)
    return `${stampDate(a)} ${stampClock(a)} ${off} ${dash} ${stampDate(b)} ${stampClock(b)} ${offsetText(b.offset)}`;
  const start = `${stampDate(a)} ${stampClock(a)}`;
  if (sameDay(a, b) && stampClock(a) === stampClock(b)) return `${start} ${off}`;
  return `${start} ${dash} ${sameDay(a, b) ? '' : `${stampDate(b)} `}${stampClock(b)} ${off}`;
}

/** Evidence: the first and last log line's times as stamps (see stampRangeOf); null when the log gave none. */
export function eventStampRange(first: Stamped | null, last: Stamped | null): LocalizedText | null {
  const a = first ? wallOf(first) : null;
  const b = last ? wallOf(last) : null;
  if (!a || !b) return null;
  return { en: stampRangeOf(a, b, '–'), ja: stampRangeOf(a, b, '〜') };
}

/** The CLI: instants (UTC ms) as stamps in the zone the user gave (or this PC's): "2024-03-10 08:00:00 – … +09:00". */
export function zoneStampRange(first: number, last: number, zone: string, lang: 'en' | 'ja'): string {
  return stampRangeOf(
    wallAt(first, offsetAt(first, zone)),
    wallAt(last, offsetAt(last, zone)),
    lang === 'en' ? '–' : '〜',
  );
}
