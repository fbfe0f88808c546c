import type { Attribution } from '../model/attribution';
import type { ConnectionEvent } from '../model/event';
import { HARMLESS_VERDICTS, type LocalizedText } from '../model/verdict';
import { chooseRecipient } from './abuse-contacts';
import type { AbuseReport, ReportEventRow, ReportOptions, ReportSeen, ReportTotals, ReportVerdict } from './model';
import { createRedactor, isLanAddress, syslogHostNames } from './redact';
import { HARMLESS_WARNINGS, VERDICT_PHRASES } from './texts';
import { reportTime, type ReportTime } from './time';

export interface ReportInput {
  /** The internet-side address the report is about. */
  host: string;
  events: readonly ConnectionEvent[];
  attribution: Attribution | null;
  verdict: ReportVerdict | null;
  /**
   * Totals of all the source's events when `events` holds only the ones to list (a stored report); without it they
   * are counted from `events`.
   */
  totals?: ReportTotals | null;
}

const FLAG_ORDER = ['SYN', 'ACK', 'FIN', 'RST', 'PSH', 'URG', 'ECE', 'CWR'];
export const DEFAULT_MAX_EVENTS = 500;

function sortFlags(flags: Iterable<string>): string[] {
  return [...new Set(flags)].sort((a, b) => FLAG_ORDER.indexOf(a) - FLAG_ORDER.indexOf(b));
}

/**
 * The distinct flag combinations of the TCP events, in the order first seen ("ACK", "SYN+ACK", "RST"). One merged
 * set ("SYN,ACK,RST") made late replies (ACK, SYN+ACK, RST) read as if SYNs had been sent too.
 */
function flagCombinations(events: readonly ConnectionEvent[]): string[] {
  const combos = new Set<string>();
  for (const e of events) {
    if (e.proto === 'tcp' && e.flags.length) combos.add(sortFlags(e.flags).join('+'));
  }
  return [...combos];
}

/** The flag combinations for the summary: "ACK; SYN+ACK; RST" / 「ACK、SYN+ACK、RST」. */
export function flagsText(flagsSeen: readonly string[], ja: boolean): string {
  return flagsSeen.length ? flagsSeen.join(ja ? '、' : '; ') : '-';
}

function byTime(a: ConnectionEvent, b: ConnectionEvent): number {
  const ta = a.tsUtc ?? Number.POSITIVE_INFINITY;
  const tb = b.tsUtc ?? Number.POSITIVE_INFINITY;
  return ta - tb || a.line - b.line;
}

function list(values: readonly (string | number)[]): string {
  return values.length ? values.join(', ') : '-';
}

/** Ports the summary sentence names before it only counts the rest. */
const SUMMARY_PORTS = 20;

/**
 * The destination ports for the summary sentence: the first 20, then how many more. Cutting the list silently made
 * an 800-port scan read as a 20-port one.
 */
function portsText(ports: readonly number[], ja: boolean): string {
  if (ports.length <= SUMMARY_PORTS) return list(ports);
  const shown = ports.slice(0, SUMMARY_PORTS).join(', ');
  const more = ports.length - SUMMARY_PORTS;
  return ja
    ? `${shown} … ほか ${more} 個（全 ${ports.length} ポート）`
    : `${shown}, … and ${more} more (${ports.length} ports)`;
}

function ownerText(r: Pick<AbuseReport, 'attribution'>): string {
  const a = r.attribution;
  const name = a.rdapOrg ?? a.asOrg ?? a.rdapName;
  const parts = [a.asn !== null ? `AS${a.asn}` : null, name].filter((p): p is string => Boolean(p));
  return parts.join(', ');
}

function when(r: Pick<AbuseReport, 'firstSeen' | 'lastSeen'>, ja: boolean): string {
  const f = r.firstSeen;
  const l = r.lastSeen;
  if (!f?.time || !l?.time) return '';
  const zone = f.zone === l.zone ? ` (${f.zone})` : '';
  if (f.time === l.time) return ja ? `${f.time}${zone} に` : ` at ${f.time}${zone}`;
  return ja ? `${f.time} から ${l.time}${zone} までの間に` : ` between ${f.time} and ${l.time}${zone}`;
}

/** The summary NetWhy proposes; the user edits it into their own words. */
export function defaultSummary(r: Omit<AbuseReport, 'summary' | 'defaultSummary'>): LocalizedText {
  const phrase = VERDICT_PHRASES[r.verdict?.id ?? 'unknown'];
  const owner = ownerText(r);
  const flags = { en: flagsText(r.flagsSeen, false), ja: flagsText(r.flagsSeen, true) };
  const proto = list(r.protocols.map((p) => p.toUpperCase()));
  const en =
    `My firewall logged ${r.eventCount} event${r.eventCount === 1 ? '' : 's'} of ${phrase.en} from ` +
    `${r.source}${owner ? ` (${owner})` : ''} to my network${when(r, false)}. ` +
    // Sentences, not "; " between the items: the flag combinations are separated by "; " themselves.
    `Protocol: ${proto}. TCP flags: ${flags.en}. Destination ports: ${portsText(r.destinationPorts, false)}. ` +
    'I did not request this traffic. Please investigate and stop it.';
  const ja =
    `私のファイアウォールは${when(r, true)}、${r.source}${owner ? `（${owner}）` : ''} から私のネットワークへの` +
    `${phrase.ja}を ${r.eventCount} 件記録しました。プロトコル: ${proto}。TCP フラグ: ${flags.ja}。宛先ポート: ${portsText(r.destinationPorts, true)}。` +
    '私はこの通信を要求していません。調査と停止をお願いします。';
  return { en, ja };
}

/** The events a report lists: the earliest `max` (untimed ones last). */
export function listedEvents<E extends ConnectionEvent>(events: readonly E[], max = DEFAULT_MAX_EVENTS): E[] {
  return [...events].sort(byTime).slice(0, max);
}

/**
 * Count, times, protocols, flags, ports and destinations of all events of one source: the summary speaks for every
 * event, also those beyond the listed rows.
 */
export function reportTotals(host: string, events: readonly ConnectionEvent[]): ReportTotals {
  const sorted = [...events].sort(byTime);
  // "Destination" is the user's side of each event: dst when the source sent it, src when it was outbound.
  const userSide = sorted.map((e) => (e.src === host ? { ip: e.dst, port: e.dport } : { ip: e.src, port: e.sport }));
  const hostSide = sorted.map((e) => (e.src === host ? e.sport : e.dport));
  const times = sorted
    .map((e) => ({ e, t: reportTime(e) }))
    .filter((x): x is { e: ConnectionEvent; t: ReportTime } => x.t !== null);
  const seen = times.map(({ e, t }): ReportSeen => ({ time: t.iso, zone: t.zone, tsUtc: e.tsUtc }));
  return {
    eventCount: sorted.length,
    // sorted is by time, untimed events last: the first and last timed ones are the ends.
    firstSeen: seen[0] ?? null,
    lastSeen: seen[seen.length - 1] ?? null,
    protocols: [...new Set(sorted.map((e) => e.proto))],
    flagsSeen: flagCombinations(sorted),
    sourcePorts: [...new Set(hostSide.filter((p): p is number => p !== null))].sort((x, y) => x - y),
    destinationPorts: [...new Set(userSide.map((u) => u.port).filter((p): p is number => p !== null))].sort(
      (x, y) => x - y,
    ),
    destinations: [...new Set(userSide.map((u) => u.ip).filter((ip) => ip && !isLanAddress(ip)))],
    assumedZones: [...new Set(times.filter(({ t }) => t.assumed).map(({ t }) => t.zone))],
  };
}

/**
 * Builds the report model from the events of one source address. Pure: formats (text, CSV, X-ARF, .eml inputs)
 * are rendered from this model, so they cannot disagree with each other or with the preview.
 */
export function buildReport(input: ReportInput, options: ReportOptions): AbuseReport {
  const sorted = [...input.events].sort(byTime);
  const listed = listedEvents(sorted, options.maxEvents);
  const totals = input.totals ?? reportTotals(input.host, sorted);
  const redactor = createRedactor({
    enabled: options.redact,
    hostNames: [...syslogHostNames(sorted.map((e) => e.raw)), ...(options.hostNames ?? [])],
  });

  const rows: ReportEventRow[] = listed.map((e) => {
    const t = reportTime(e);
    return {
      time: t?.iso ?? null,
      zone: t?.zone ?? null,
      zoneAssumed: t?.assumed ?? false,
      tsUtc: e.tsUtc,
      proto: e.proto,
      src: redactor.address(e.src),
      sport: e.sport,
      dst: redactor.address(e.dst),
      dport: e.dport,
      flags: e.proto === 'tcp' ? sortFlags(e.flags).join(',') : '',
      raw: redactor.text(e.raw),
    };
  });

  const a = input.attribution;
  const recipient = chooseRecipient(a, options.recipient);
  const harmless = input.verdict !== null && HARMLESS_VERDICTS.includes(input.verdict.id);

  const base: Omit<AbuseReport, 'summary' | 'defaultSummary'> = {
    id: options.reportId,
    createdAt: new Date(options.now).toISOString(),
    source: input.host,
    recipient: recipient.email,
    recipientSource: recipient.source,
    verdict: input.verdict,
    warning: harmless && input.verdict ? (HARMLESS_WARNINGS[input.verdict.id] ?? null) : null,
    attribution: {
      asn: a?.asn ?? null,
      asOrg: a?.asOrg ?? null,
      country: a?.country ?? null,
      ptr: a?.ptr ?? null,
      ptrConfirmed: a?.ptrConfirmed ?? null,
      owner: a?.owner ?? null,
      role: a?.role ?? 'unknown',
      rdapName: a?.rdap?.name ?? null,
      rdapOrg: a?.rdap?.org ?? null,
    },
    evidence: (a?.evidence ?? []).map((ev) => ({
      ...ev,
      detail: redactor.text(ev.detail),
      ...(ev.detailJa ? { detailJa: redactor.text(ev.detailJa) } : {}),
    })),
    rows,
    ...totals,
    redaction: { enabled: options.redact, lanAddresses: 0, macAddresses: 0, hostNames: 0 },
    reporter: options.reporter ?? null,
    japaneseCopy: options.japaneseCopy ?? false,
    language: options.language,
    generator: options.generator ?? 'NetWhy',
  };
  const generated = defaultSummary(base);
  const summary: LocalizedText = {
    en: redactor.text(options.summary?.trim() ? options.summary : generated.en),
    ja: redactor.text(options.summaryJa?.trim() ? options.summaryJa : generated.ja),
  };
  return { ...base, summary, defaultSummary: generated, redaction: { enabled: options.redact, ...redactor.counts() } };
}
