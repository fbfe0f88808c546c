import type { Attribution } from '../model/attribution';
import type { ConnectionEvent } from '../model/event';
import { HARMLESS_VERDICTS, type LocalizedText } from '../model/verdict';
import { chooseRecipient } from './abuse-contacts';
import type { AbuseReport, ReportEventRow, ReportOptions, ReportSeen, ReportTotals, ReportVerdict } from './model';
import { createRedactor, isLanAddress, syslogHostNames } from './redact';
import { HARMLESS_WARNINGS, VERDICT_PHRASES } from './texts';
import { reportTime, reportZone } from './time';

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

/** When, for the English sentence: " at T (zone)" or " between A and B (zone)". */
function whenEn(r: Pick<AbuseReport, 'firstSeen' | 'lastSeen'>): string {
  const f = r.firstSeen;
  const l = r.lastSeen;
  if (!f?.time || !l?.time) return '';
  const zone = f.zone === l.zone ? ` (${f.zone})` : '';
  return f.time === l.time ? ` at ${f.time}${zone}` : ` between ${f.time} and ${l.time}${zone}`;
}

/**
 * When, for the Japanese sentence: a parenthesis after it, "（A 〜 B、Asia/Tokyo）". Put in front ("私のファイアウォールは
 * 2026-… から … までの間に、…") the long ISO times ran into the particles and read as one word.
 */
function whenJa(r: Pick<AbuseReport, 'firstSeen' | 'lastSeen'>): string {
  const f = r.firstSeen;
  const l = r.lastSeen;
  if (!f?.time || !l?.time) return '';
  const zone = f.zone === l.zone ? `、${f.zone}` : '';
  return f.time === l.time ? `（${f.time}${zone}）` : `（${f.time} 〜 ${l.time}${zone}）`;
}

/** The summary NetWhy proposes; the user edits it into their own words. */
export function defaultSummary(r: Omit<AbuseReport, 'summary' | 'defaultSummary'>): LocalizedText {
  const phrase = VERDICT_PHRASES[r.verdict?.id ?? 'unknown'];
  const one = r.eventCount === 1;
  const owner = ownerText(r);
  const flags = { en: flagsText(r.flagsSeen, false), ja: flagsText(r.flagsSeen, true) };
  const proto = list(r.protocols.map((p) => p.toUpperCase()));
  const remark = phrase.remark
    ? { en: ` ${one ? phrase.remark.en.one : phrase.remark.en.other}`, ja: phrase.remark.ja }
    : null;
  const en =
    `My firewall logged ${r.eventCount} ${one ? phrase.en.one : phrase.en.other} from ` +
    `${r.source}${owner ? ` (${owner})` : ''} to my network${whenEn(r)}.${remark?.en ?? ''} ` +
    // Sentences, not "; " between the items: the flag combinations are separated by "; " themselves.
    `Protocol: ${proto}. TCP flags: ${flags.en}. Destination ports: ${portsText(r.destinationPorts, false)}. ` +
    'I did not request this traffic. Please investigate and stop it.';
  const ja =
    `私のファイアウォールが、${r.source}${owner ? `（${owner}）` : ''}から私のネットワークへの${phrase.ja}を ` +
    `${r.eventCount} 件記録しました${whenJa(r)}。${remark?.ja ?? ''}` +
    `プロトコル: ${proto}。TCP フラグ: ${flags.ja}。宛先ポート: ${portsText(r.destinationPorts, true)}。` +
    '私はこの通信を要求していません。調査のうえ、止めていただくようお願いいたします。';
  return { en, ja };
}

/** The events a report lists: the earliest `max` (untimed ones last). */
export function listedEvents<E extends ConnectionEvent>(events: readonly E[], max = DEFAULT_MAX_EVENTS): E[] {
  return [...events].sort(byTime).slice(0, max);
}

/** Where an event sits in byTime order: time (untimed last), line, then the order it was added (a stable sort). */
type SortKey = readonly [time: number, line: number, seq: number];

function compareKeys(a: SortKey, b: SortKey): number {
  // Infinity - Infinity is NaN, which is falsy: two untimed events go on to compare by line.
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Distinct values, each remembered at its earliest position, read back in the order they were first seen by time. */
class FirstSeen<V> {
  private readonly at = new Map<V, SortKey>();
  note(value: V, key: SortKey): void {
    const known = this.at.get(value);
    if (known === undefined || compareKeys(key, known) < 0) this.at.set(value, key);
  }
  values(): V[] {
    return [...this.at].sort((a, b) => compareKeys(a[1], b[1])).map(([v]) => v);
  }
}

/** Adds events one at a time (any order, e.g. page by page) and gives the totals of all of them. */
export interface ReportTotalsAccumulator {
  add(event: ConnectionEvent): void;
  result(): ReportTotals;
}

/** When a timed event was seen, as the report prints it. */
function seenAt(e: ConnectionEvent): ReportSeen | null {
  const t = reportTime(e);
  return t && { time: t.iso, zone: t.zone, tsUtc: e.tsUtc };
}

/**
 * The totals of one source's events without holding the events: memory grows with the distinct protocols, flag
 * combinations, ports, destinations and zones, not with the count, so a host with hundreds of thousands of events
 * can be totalled page by page. The result equals that of all the added events sorted by time (untimed last, ties
 * by line, then in the order added): "first seen" orders keep that meaning whatever order the pages come in.
 */
export function reportTotalsAccumulator(host: string): ReportTotalsAccumulator {
  let count = 0;
  // The ends are kept as events and printed once in result(): writing each event's time would cost more than all
  // the rest of a busy host's totals.
  let first: { key: SortKey; event: ConnectionEvent } | null = null;
  let last: { key: SortKey; event: ConnectionEvent } | null = null;
  const protocols = new FirstSeen<string>();
  const flags = new FirstSeen<string>();
  const destinations = new FirstSeen<string>();
  const assumedZones = new FirstSeen<string>();
  const sourcePorts = new Set<number>();
  const destinationPorts = new Set<number>();
  return {
    add(e) {
      const key: SortKey = [e.tsUtc ?? Number.POSITIVE_INFINITY, e.line, count++];
      // "Destination" is the user's side of each event: dst when the source sent it, src when it was outbound.
      const fromHost = e.src === host;
      const userIp = fromHost ? e.dst : e.src;
      const userPort = fromHost ? e.dport : e.sport;
      const hostPort = fromHost ? e.sport : e.dport;
      protocols.note(e.proto, key);
      // Each combination as seen ("ACK", "SYN+ACK", "RST"): one merged set ("SYN,ACK,RST") made late replies read
      // as if SYNs had been sent too.
      if (e.proto === 'tcp' && e.flags.length) flags.note(sortFlags(e.flags).join('+'), key);
      if (hostPort !== null) sourcePorts.add(hostPort);
      if (userPort !== null) destinationPorts.add(userPort);
      if (userIp && !isLanAddress(userIp)) destinations.note(userIp, key);
      const z = reportZone(e);
      if (z === null) return;
      if (z.assumed) assumedZones.note(z.zone, key);
      if (first === null || compareKeys(key, first.key) < 0) first = { key, event: e };
      // Of events at the same time and line the one added last ends the sorted list.
      if (last === null || compareKeys(last.key, key) < 0) last = { key, event: e };
    },
    result() {
      return {
        eventCount: count,
        firstSeen: first && seenAt(first.event),
        lastSeen: last && seenAt(last.event),
        protocols: protocols.values(),
        flagsSeen: flags.values(),
        sourcePorts: [...sourcePorts].sort((x, y) => x - y),
        destinationPorts: [...destinationPorts].sort((x, y) => x - y),
        destinations: destinations.values(),
        assumedZones: assumedZones.values(),
      };
    },
  };
}

/**
 * Count, times, protocols, flags, ports and destinations of all events of one source: the summary speaks for every
 * event, also those beyond the listed rows.
 */
export function reportTotals(host: string, events: Iterable<ConnectionEvent>): ReportTotals {
  const totals = reportTotalsAccumulator(host);
  for (const e of events) totals.add(e);
  return totals.result();
}

/**
 * The first `max` events by time (untimed last) of events added one at a time, holding about 2 × max of them: the
 * same events in the same order as listedEvents of all of them added in that order.
 */
export function listedEventsCollector<E extends ConnectionEvent>(
  max = DEFAULT_MAX_EVENTS,
): { add(event: E): void; result(): E[] } {
  // Kept events stay sorted and ahead of newer ones, so the stable sort breaks ties in the order they were added.
  let kept: E[] = [];
  const trim = (): void => {
    kept = kept.sort(byTime).slice(0, max);
  };
  return {
    add(e) {
      kept.push(e);
      if (kept.length >= 2 * max + 1) trim();
    },
    result() {
      trim();
      return [...kept];
    },
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
