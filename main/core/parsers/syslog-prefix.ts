import type { TimeParts } from '../model/event';
import { parseClockText, parseDateText } from '../time/date-text';
import { fractionFields, monthFromName, parseClock } from '../time/parts';

/**
 * What a logging pipeline puts in front of a router's own words: an optional <PRI>, a timestamp in one of the
 * forms syslog daemons, journald, OpenWrt `logread`, busybox and `dmesg` print, an optional host and program tag,
 * and a kernel uptime stamp. Families call `splitHeader` and read their own format from `body`.
 */
export interface SyslogHeader {
  /** The time the header states, exactly as stated (no year or zone unless printed); null when none. */
  time: TimeParts | null;
  host: string | null;
  /** Program tag without pid and colon ("kernel", "filterlog"); null when the line has none. */
  tag: string | null;
  /** True when a kernel uptime stamp "[12345.678]" was removed (the line then has no absolute time of its own). */
  uptime: boolean;
  body: string;
}

const PRI = /^<\d{1,3}>/;
// "Nov 21 09:14:03", "Nov  1 09:14:03.123" (RFC 3164 §4.1.2), optionally followed by a year ("Nov 21 09:14:03 2026").
const BSD = /^([A-Z][a-z]{2})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?:\s+(\d{4})(?=\s))?\s+/;
// OpenWrt logread, `dmesg -T`, ctime(3): "Mon Mar 23 13:16:49 2026".
const CTIME = /^\[?(?:[A-Z][a-z]{2})\s+([A-Z][a-z]{2})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+(\d{4})\]?\s+/;
// RFC 5424 / RFC 3339 / journald short-iso / "2014-05-12 14:33:55": date, time, optional fraction and offset.
const ISO = /^(?:1\s+)?(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?\s+/;
// Japanese routers and Yamaha `show log`: "2012/06/19 10:10:44: ", "2024年11月21日 午後3:04:05 ".
const SLASH =
  /^(\d{4})[/年-](\d{1,2})[/月-](\d{1,2})日?\s*(?:\([^)]*\)\s*)?((?:午前|午後)?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)(?::\s|\s+|$)/;
// An AM/PM marker as a word (what SLASH's clock accepts after the digits); sticky, read in place.
const AMPM = /[AaPp][Mm](?:\s|$)/y;

function ampmAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at) | 0x20;
  if (c !== 97 && c !== 112) return false;
  AMPM.lastIndex = at;
  return AMPM.test(text);
}

// Kernel uptime stamp: "[ 3529.289825]" or "[12345.678]".
const UPTIME = /^\[\s*\d+\.\d+\]\s*/;
// A program tag: "kernel:", "filterlog[123]:", "sshd[42]:".
const TAG = /^([A-Za-z0-9_./-]+)(?:\[\d+\])?:$/;
// Tokens that may stand between the time and the tag: a host name or address, or OpenWrt's "kern.warn" facility.
const HOSTISH = /^[A-Za-z0-9_.:%-]+$/;

function offsetOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (text === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (!m) return undefined;
  const v = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -v : v;
}

function clean(t: TimeParts): TimeParts {
  const out: TimeParts = { hour: t.hour, minute: t.minute, second: t.second };
  if (t.year !== undefined) out.year = t.year;
  if (t.month !== undefined) out.month = t.month;
  if (t.day !== undefined) out.day = t.day;
  if (t.millisecond !== undefined) out.millisecond = t.millisecond;
  if (t.fraction !== undefined) out.fraction = t.fraction;
  if (t.offsetMinutes !== undefined) out.offsetMinutes = t.offsetMinutes;
  return out;
}

/** Reads a leading timestamp; returns it with the rest of the text, or null when the text starts otherwise. */
export function leadingTime(text: string): { time: TimeParts; rest: string } | null {
  // ISO and SLASH both start with a digit: skip them for "Nov 21 …" headers (the per-line hot path).
  const c0 = text.charCodeAt(0);
  const digit = c0 >= 48 && c0 <= 57;
  let m = digit ? ISO.exec(text) : null;
  // "2024-11-21 03:04:05 PM": a 12-hour clock after a dash date. ISO would stop before the "PM" and read 03:04;
  // SLASH (or date-text, for "T" or a fraction) reads the AM/PM. A time with an offset is never a 12-hour one.
  if (m && m[8] === undefined && ampmAt(text, m[0].length)) m = null;
  if (m) {
    const time = clean({
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour: Number(m[4]),
      minute: Number(m[5]),
      second: Number(m[6]),
      ...fractionFields(m[7]),
      offsetMinutes: offsetOf(m[8]),
    });
    return { time, rest: text.slice(m[0].length) };
  }
  m = digit ? SLASH.exec(text) : null;
  if (m) {
    const clock = parseClock(m[4] ?? '');
    if (clock) {
      const time = clean({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), ...clock });
      return { time, rest: text.slice(m[0].length) };
    }
  }
  m = CTIME.exec(text);
  if (m) {
    const month = monthFromName(m[1] ?? '');
    if (month !== undefined) {
      const time = clean({
        year: Number(m[6]),
        month,
        day: Number(m[2]),
        hour: Number(m[3]),
        minute: Number(m[4]),
        second: Number(m[5]),
      });
      return { time, rest: text.slice(m[0].length) };
    }
  }
  m = BSD.exec(text);
  if (m) {
    const month = monthFromName(m[1] ?? '');
    if (month !== undefined) {
      const time = clean({
        year: m[7] === undefined ? undefined : Number(m[7]),
        month,
        day: Number(m[2]),
        hour: Number(m[3]),
        minute: Number(m[4]),
        second: Number(m[5]),
        ...fractionFields(m[6]),
      });
      return { time, rest: text.slice(m[0].length) };
    }
  }
  // Last, the forms the header patterns above do not know (date-text.ts): Japanese dates ("2024年11月21日
  // 午後3時04分05秒", "11月21日 15時04分"), US dates with 12-hour clocks ("11/21/2024 3:04:05 PM") and a clock
  // alone ("15:04:05", "午後3:04:05"). All start with a digit or 午 (午前/午後), so other lines never get here.
  if (digit || c0 === 0x5348) return dateTextAt(text, digit);
  return null;
}

function dateTextAt(text: string, digit: boolean): { time: TimeParts; rest: string } | null {
  const date = digit ? parseDateText(text) : null;
  // A date without a clock is not a timestamp: midnight would be a time the line never stated.
  const read = date?.hasClock ? date : parseClockText(text);
  if (!read) return null;
  let end = read.length;
  // Yamaha-style "10:10:44: " ends the stamp with a colon.
  if (text.charCodeAt(end) === 58 && isSpace(text.charCodeAt(end + 1))) end++;
  // The stamp must end at a word boundary: "00:11:22:33:44:55" (a MAC) or "15:04abc" is not a time.
  if (end < text.length && !isSpace(text.charCodeAt(end))) return null;
  while (end < text.length && isSpace(text.charCodeAt(end))) end++;
  return { time: read.time, rest: text.slice(end) };
}

function isSpace(c: number): boolean {
  // Exactly the characters a JavaScript regex's \s matches (ECMA-262 WhiteSpace and LineTerminator).
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Cheap pre-check for the RFC 5424 header regex: its third whitespace-separated token (PROCID) must be "-" or
 * digits, which a BSD "host kernel: [123.4] …" header never has. Saves the backtracking regex on every line.
 */
function maybe5424(text: string, from = 0): boolean {
  const n = text.length;
  let i = from;
  for (let token = 0; token < 2; token++) {
    while (i < n && !isSpace(text.charCodeAt(i))) i++;
    if (i === n) return false;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
  }
  const start = i;
  while (i < n && !isSpace(text.charCodeAt(i))) i++;
  if (i === start) return false;
  if (i - start === 1 && text.charCodeAt(start) === 45) return true;
  for (let j = start; j < i; j++) {
    const c = text.charCodeAt(j);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * One-entry memo for splitHeader: consecutive lines of a log mostly share their header ("Nov  1 00:00:00 router
 * kernel: "), and reading it with the regexes above was about a fifth of parsing a netfilter line. Only a header with
 * a time and a program tag is remembered: then every decision the full reading makes lies inside that prefix, except
 * the RFC 5424 pre-check on the tokens after the time, which is made again for each line.
 * test/core/parsers/syslog-prefix.test.ts compares it with the full reading line by line.
 */
let memoPrefix = '';
let memoTimeEnd = 0;
let memo: { time: TimeParts; host: string | null; tag: string | null } | null = null;

/** Splits a log line into its syslog/journald/logread/dmesg header and the device's own message. */
export function splitHeader(line: string): SyslogHeader {
  if (memo !== null && line.startsWith(memoPrefix)) {
    const text = line.trim();
    if (!maybe5424(text, memoTimeEnd)) {
      return withUptime({ ...memo.time }, memo.host, memo.tag, text.slice(memoPrefix.length).trimStart());
    }
  }
  return splitHeaderUncached(line);
}

/** splitHeader without the memo (and resetting it): the reference the memo is tested against. */
export function splitHeaderUncached(line: string): SyslogHeader {
  memo = null;
  const trimmed = line.trim();
  let text = trimmed;
  if (text.charCodeAt(0) === 60) text = text.replace(PRI, '');
  let time: TimeParts | null = null;
  let host: string | null = null;
  let tag: string | null = null;
  const lead = leadingTime(text);
  if (lead) {
    time = lead.time;
    text = lead.rest;
    const timeEnd = trimmed.length - text.length;
    // RFC 5424: HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA, "-" for nil (RFC 5424 §6).
    const r5424 = maybe5424(text) ? /^(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(-|(?:\[[^\]]*\])+)\s?/.exec(text) : null;
    if (r5424 && r5424[3] !== undefined && /^(-|\d+)$/.test(r5424[3]) && /^(-|\S+)$/.test(r5424[4] ?? '')) {
      host = r5424[1] === '-' ? null : (r5424[1] ?? null);
      tag = r5424[2] === '-' ? null : (r5424[2] ?? null);
      text = text.slice(r5424[0].length);
    } else {
      // Up to two host/facility tokens, then "tag:". Without a tag nothing is taken: the token may be the message.
      const tokens = text.split(' ', 4);
      for (let i = 0; i < Math.min(3, tokens.length); i++) {
        const t = tokens[i] ?? '';
        const tm = TAG.exec(t);
        if (tm && !/^\d+:$/.test(t)) {
          const before = tokens.slice(0, i);
          if (before.every((b) => HOSTISH.test(b))) {
            host = before[0] ?? null;
            tag = tm[1] ?? null;
            text = text.slice(tokens.slice(0, i + 1).join(' ').length).trimStart();
            if (text !== '') {
              memoPrefix = trimmed.slice(0, trimmed.length - text.length);
              memoTimeEnd = timeEnd;
              memo = { time, host, tag };
            }
          }
          break;
        }
        if (!HOSTISH.test(t)) break;
      }
    }
  }
  return withUptime(time, host, tag, text);
}

function withUptime(time: TimeParts | null, host: string | null, tag: string | null, text: string): SyslogHeader {
  let body = text;
  let uptime = false;
  const up = UPTIME.exec(body);
  if (up) {
    uptime = true;
    body = body.slice(up[0].length);
  }
  return { time, host, tag, uptime, body };
}
