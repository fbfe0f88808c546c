/**
 * Reason codes for lines NetWhy could not read (stored in unknown_lines.reason; the screen and the CLI translate
 * them). Reasons a parser gives itself are stored as its own words.
 */
export const REASON = {
  /** No family recognised the line. */
  noFormat: 'no-format',
  /** The line holds NUL or other binary bytes. */
  binary: 'binary',
  /** The line was longer than the reader keeps (cut at MAX_LINE_CHARS, core/import/pipeline.ts). */
  tooLong: 'too-long',
  /** The parser threw on it (a parser bug; the line is kept). */
  parserError: 'parser-error',
} as const;

/**
 * Why a line was skipped, as a home user can understand it. The parsers store a short technical reason with each
 * line they cannot read ("no IN=/OUT= fields", "Yamaha line with unreadable (masked?) addresses"); the import
 * pipeline stores a code ('binary', 'too-long' …). Both stay stored as they are (the CLI and experts read them);
 * the Imports screen shows the kind below in the user's language, with the stored text beside it.
 */
export const SKIP_REASON_KINDS = [
  /** A line of another kind in the same log: a DHCP or Wi-Fi message, a header, not a connection record. */
  'other-line',
  /** The addresses are missing, unreadable or hidden (some routers mask them with *** in their logs). */
  'no-addresses',
  /** A connection record worded or laid out in a way the parser does not know. */
  'layout',
  /** netstat or ss printed host or service names instead of numbers (run without -n). */
  'names-not-numbers',
  /** netstat cut a long IPv6 address short (Linux netstat without -W). */
  'ipv6-cut',
  /** A record without the date the format needs. */
  'no-date',
  /** The pipeline's codes (REASON above). */
  'no-format',
  'binary',
  'too-long',
  'parser-error',
  /** Anything else, such as a reason stored by a version that had other wording. */
  'other',
] as const;
export type SkipReasonKind = (typeof SKIP_REASON_KINDS)[number];

/** The pipeline's codes are stored as they are named, and each is a kind of its own. */
const CODE_KINDS: readonly SkipReasonKind[] = Object.values(REASON);
const CODES: ReadonlySet<string> = new Set(CODE_KINDS);

/**
 * First match wins, so the specific sentences (names, IPv6, date, "not a … line") come before the broad "address"
 * one ("fewer than two address:port pairs" is a line of another kind, not a hidden address). Each pattern is written against the wording the parsers use
 * (main/core/parsers/*.ts `reason:`); test/core/model/skip-reasons.test.ts checks that every such reason lands here.
 */
const RULES: readonly (readonly [RegExp, SkipReasonKind])[] = [
  [/host or service names/i, 'names-not-numbers'],
  [/IPv6 address may be cut/i, 'ipv6-cut'],
  [/without a date/i, 'no-date'],
  [/^not an? |no IN=\/OUT= fields|no \[event\] tag|no verdict word|no "connection|fewer than two/i, 'other-line'],
  [/\baddress(es)?\b|\bSRC\/DST\b|without a source/i, 'no-addresses'],
  [/unexpected (layout|wording)|IP version/i, 'layout'],
];

export function skipReasonKind(reason: string): SkipReasonKind {
  if (CODES.has(reason)) return reason as SkipReasonKind;
  for (const [pattern, kind] of RULES) if (pattern.test(reason)) return kind;
  return 'other';
}

/** Whether the stored text says more than its kind's sentence (a parser's wording, not a pipeline code). */
export function isTechnicalReason(reason: string): boolean {
  return !CODES.has(reason) && reason.trim() !== '';
}
