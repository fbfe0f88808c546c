/**
 * One connection event, normalised from any log family or socket table.
 * Field meanings follow the `netwhy parse` contract (issue 3): `src`/`dst` as the log states them,
 * `direction` seen from the user's side.
 */
export type Protocol = 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'gre' | 'esp' | 'ah' | 'sctp' | 'igmp' | string;
export type Action = 'allow' | 'deny' | 'drop' | 'reject' | 'unknown';
export type Direction = 'in' | 'out' | null;
export type TcpFlag = 'SYN' | 'ACK' | 'FIN' | 'RST' | 'PSH' | 'URG' | 'ECE' | 'CWR';

/** Calendar fields as a log line states them; anything the line lacks stays undefined. */
export interface TimeParts {
  year?: number;
  /** 1-12 */
  month?: number;
  day?: number;
  hour: number;
  minute: number;
  second: number;
  millisecond?: number;
  /**
   * The fraction's digits as the line states them, when they are not exactly the three of `millisecond`
   * (".578333", ".5"): ts repeats what the log says (issue 3), while tsUtc keeps milliseconds.
   */
  fraction?: string;
  /** Offset stated by the line itself, in minutes east of UTC (e.g. +09:00 -> 540). */
  offsetMinutes?: number;
  /**
   * A clock the device prints only for entries of its own today (RouterOS: "10:29:41" today, "nov/02 14:30:01"
   * before): dated with the import's "now" in the zone, not with the date of the line before it.
   */
  today?: true;
}

export interface ParsedEvent {
  /** Time fields from the line, or null when the line has no absolute time (uptime stamps, socket tables). */
  time: TimeParts | null;
  proto: Protocol;
  src: string;
  sport: number | null;
  dst: string;
  dport: number | null;
  action: Action;
  flags: TcpFlag[];
  direction: Direction;
  iface?: string | null;
  rule?: string | null;
  length?: number | null;
  /** The vendor's own words for what happened ("DoS Attack: ACK Scan", "UFW BLOCK"). */
  message?: string | null;
  /** Socket tables only: TCP state and owning process, when the table gives them. */
  state?: string | null;
  pid?: number | null;
  process?: string | null;
}

/** A parsed event placed in time and in its source file. */
export interface ConnectionEvent extends ParsedEvent {
  /** ISO 8601 as the log states it: with offset when known, else local time without offset; null if no time. */
  ts: string | null;
  /** Milliseconds since the epoch (UTC), computed with the zone the import assumed; null if no time. */
  tsUtc: number | null;
  /**
   * The IANA zone the import assumed for a zoneless time, or the offset the line stated ("Z", "+09:00"): a name
   * always means assumed, so a report can say so (--tz UTC included).
   */
  zone: string | null;
  format: string;
  line: number;
  raw: string;
}
