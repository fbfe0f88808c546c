import type { TimeParts } from '../model/event';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "Jan", "january", "JAN" -> 1; undefined when not a month name. */
export function monthFromName(name: string): number | undefined {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 ? undefined : i + 1;
}

/** "3:04:05 PM", "15:04:05", "15:04:05.123", "午後3:04:05" -> clock fields; undefined if not a clock. */
export function parseClock(
  text: string,
): Pick<TimeParts, 'hour' | 'minute' | 'second' | 'millisecond' | 'fraction'> | undefined {
  const m = /^\s*(午前|午後)?\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?\s*([AaPp]\.?[Mm]\.?)?\s*$/.exec(text);
  if (!m) return undefined;
  let hour = Number(m[2]);
  const pm = m[1] === '午後' || (m[6] !== undefined && /^p/i.test(m[6]));
  const am = m[1] === '午前' || (m[6] !== undefined && /^a/i.test(m[6]));
  // An English 12-hour clock runs 1-12 ("13:00 PM" is malformed); Japanese 午前/午後 also write 0 (午後0:30 = 12:30).
  if (m[6] !== undefined && (hour < 1 || hour > 12)) return undefined;
  if (m[1] !== undefined && hour > 12) return undefined;
  if (pm && hour < 12) hour += 12;
  if (am && hour === 12) hour = 0;
  const minute = Number(m[3]);
  const second = m[4] === undefined ? 0 : Number(m[4]);
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  return { hour, minute, second, ...fractionFields(m[5]) };
}

/**
 * A stated fraction of a second as time fields: its milliseconds, and its digits when milliseconds would not print
 * them back (",5", ".123456"), kept for ts (TimeParts.fraction). No fields when none was stated.
 */
export function fractionFields(digits: string | undefined): Pick<TimeParts, 'millisecond' | 'fraction'> {
  if (digits === undefined) return {};
  const millisecond = Number(digits.padEnd(3, '0').slice(0, 3));
  return digits.length === 3 ? { millisecond } : { millisecond, fraction: digits };
}
