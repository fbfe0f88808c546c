import type { Attribution, Evidence } from '../model/attribution';
import type { LocalizedText, VerdictId } from '../model/verdict';

/** Who files the report: X-ARF needs an organisation, an e-mail and a domain (xarf-core.json contact_info). */
export interface ReporterContact {
  name: string;
  email: string;
}

export interface ReportOptions {
  /** Stable id of the report (UUID, X-ARF report_id); core cannot make random numbers itself. */
  reportId: string;
  /** Creation time, ms since the epoch. */
  now: number;
  /** The user's language: the harmless-verdict warning and the UI speak it. The e-mail body is English. */
  language: 'en' | 'ja';
  /** Mask the user's LAN addresses, MAC addresses and host names (default on). */
  redact: boolean;
  reporter?: ReporterContact | null;
  /** The user's own words; replaces the generated English summary. */
  summary?: string | null;
  /** The user's own words for the Japanese copy. */
  summaryJa?: string | null;
  /** Overrides the recipient found in RDAP / the knowledge table. */
  recipient?: string | null;
  /** Append a Japanese copy of the body (for Japanese contacts). */
  japaneseCopy?: boolean;
  /** Extra names of the user's own machines to mask (router name, PC name). */
  hostNames?: readonly string[];
  /** Events listed at most; abuse desks want an incident, not a log dump. */
  maxEvents?: number;
  /** Application name + version for the footer and the X-ARF sender. */
  generator?: string;
}

/** The verdict facts a report needs; the full Verdict (issue 5) fits this shape. */
export interface ReportVerdict {
  id: VerdictId;
  title?: LocalizedText;
}

/** One row of the event table: exactly the fields abuse desks ask for, plus the log line it came from. */
export interface ReportEventRow {
  /** ISO 8601 with offset ("2026-11-21T09:14:03+09:00"); null when the log line had no absolute time. */
  time: string | null;
  /** IANA zone name (or "UTC+09:00" when the line stated only an offset). */
  zone: string | null;
  /** The log had no zone: the import assumed `zone`. */
  zoneAssumed: boolean;
  tsUtc: number | null;
  proto: string;
  src: string;
  sport: number | null;
  dst: string;
  dport: number | null;
  /** Canonical order, comma separated ("SYN,ACK"); '' when none or not TCP. */
  flags: string;
  raw: string;
}

/** When an event was seen, as the report prints it (the time fields of a ReportEventRow). */
export type ReportSeen = Pick<ReportEventRow, 'time' | 'zone' | 'tsUtc'>;

/**
 * What a report says about all events of its source, listed or not. Plain JSON: a stored report keeps only the
 * events it lists (at most maxEvents), so it keeps these beside them to reopen with the true count and times.
 */
export interface ReportTotals {
  /** Events matched in total (a report's rows may be capped by maxEvents). */
  eventCount: number;
  /** Earliest and latest timed event of all eventCount events, listed or not. */
  firstSeen: ReportSeen | null;
  lastSeen: ReportSeen | null;
  protocols: string[];
  /** Distinct TCP flag combinations, first seen first, flags joined by "+" ("ACK", "SYN+ACK", "RST"). */
  flagsSeen: string[];
  sourcePorts: number[];
  destinationPorts: number[];
  /** Public destination addresses kept in the report (the abuse desk needs them). */
  destinations: string[];
  /** Zones the import assumed for zoneless log lines. */
  assumedZones: string[];
}

export type RecipientSource = 'user' | 'rdap' | 'knowledge' | null;

/** A report: what it says of all its source's events (ReportTotals) plus its listed rows, texts and parties. */
export interface AbuseReport extends ReportTotals {
  id: string;
  createdAt: string;
  /** The internet-side address the report is about. */
  source: string;
  recipient: string | null;
  recipientSource: RecipientSource;
  verdict: ReportVerdict | null;
  /** Set for harmless verdicts: why a report is unlikely to help. Shown to the user first; never in the body. */
  warning: LocalizedText | null;
  summary: LocalizedText;
  /** Generated summary (before the user's edits), so the UI can offer "reset". */
  defaultSummary: LocalizedText;
  attribution: Pick<Attribution, 'asn' | 'asOrg' | 'country' | 'ptr' | 'ptrConfirmed' | 'owner' | 'role'> & {
    rdapName: string | null;
    rdapOrg: string | null;
  };
  evidence: Evidence[];
  rows: ReportEventRow[];
  redaction: { enabled: boolean; lanAddresses: number; macAddresses: number; hostNames: number };
  reporter: ReporterContact | null;
  japaneseCopy: boolean;
  language: 'en' | 'ja';
  generator: string;
}
