import type { TFunction } from 'i18next';

// English dates name the month ("10 Mar 2026"): "10/03/2026" reads as 10 March in Britain and October 3 in the US,
// and NetWhy cannot tell which reader it has. Japanese keeps its own unambiguous year-first order (2026/3/10).
const EN_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' };

/**
 * `dateMinute` is a date with the time to the minute, for a span that needs no seconds (an import's first and last
 * time).
 */
export type DateFormatKind = 'date' | 'time' | 'dateTime' | 'dateMinute';

// Tables format a date per row and re-render often: one formatter per language, kind and zone, not one per call
// (building one costs ~0.2 ms).
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * The formatter every date the windows show goes through: the English and Japanese rules above, in `timeZone` (an
 * IANA name, as an import stores the zone its log was read in) or, without one or for a name this browser does not
 * know, the PC's zone.
 */
export function dateFormatter(kind: DateFormatKind, language: string, timeZone?: string | null): Intl.DateTimeFormat {
  const ja = language === 'ja';
  const key = `${kind}|${ja ? 'ja' : 'en'}|${timeZone ?? ''}`;
  let f = formats.get(key);
  if (f) return f;
  const date: Intl.DateTimeFormatOptions = ja ? { year: 'numeric', month: 'numeric', day: 'numeric' } : EN_DATE;
  const time: Intl.DateTimeFormatOptions = ja ? { ...TIME, hour: 'numeric' } : TIME;
  const opts =
    kind === 'date'
      ? date
      : kind === 'time'
        ? time
        : kind === 'dateTime'
          ? { ...date, ...time }
          : { ...date, hour: time.hour, minute: time.minute, hourCycle: time.hourCycle };
  const locale = ja ? 'ja-JP' : 'en-GB';
  try {
    f = new Intl.DateTimeFormat(locale, timeZone ? { ...opts, timeZone } : opts);
  } catch {
    // A RangeError for a zone name the browser's time zone data lacks.
    f = new Intl.DateTimeFormat(locale, opts);
  }
  formats.set(key, f);
  return f;
}

/** A date: "10 Mar 2026" (English), "2026/3/10" (Japanese). */
export function formatDate(ms: number, language: string): string {
  return dateFormatter('date', language).format(ms);
}

/** A time of day, 24-hour: "08:00:00" (English), "8:00:00" (Japanese). */
export function formatClock(ms: number, language: string): string {
  return dateFormatter('time', language).format(ms);
}

/** A date and time: "10 Mar 2026, 08:00:00" (English), "2026/3/10 8:00:00" (Japanese). */
export function formatDateTime(ms: number, language: string): string {
  return dateFormatter('dateTime', language).format(ms);
}

/** The date and the time apart, for a table cell that may wrap between them: ["10 Mar 2026", "08:00:00"]. */
export function formatDateTimeParts(ms: number, language: string): [string, string] {
  return [dateFormatter('date', language).format(ms), dateFormatter('time', language).format(ms)];
}

export function formatAgo(t: TFunction, now: number, at: number): string {
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 60) return t('common:time.secondsAgo', { count: s });
  if (s < 3600) return t('common:time.minutesAgo', { count: Math.floor(s / 60) });
  return t('common:time.hoursAgo', { count: Math.floor(s / 3600) });
}

/** A count with the language's digit grouping: "12,345". */
export function formatCount(n: number, language: string): string {
  return n.toLocaleString(language === 'ja' ? 'ja-JP' : 'en-US');
}

const regionNames = new Map<string, Intl.DisplayNames>();

/**
 * A country's name in the UI language ("United States", "アメリカ合衆国") from its ISO 3166 code; the code itself when
 * the browser does not know it (or for the registries' "EU" / "ZZ" placeholders it cannot name).
 */
export function countryName(code: string, language: string): string {
  const lang = language === 'ja' ? 'ja' : 'en';
  let names = regionNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
    regionNames.set(lang, names);
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    // A malformed code (not two letters or three digits) throws a RangeError.
    return code;
  }
}
