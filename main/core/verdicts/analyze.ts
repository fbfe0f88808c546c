import type { Attribution } from '../model/attribution';
import type { ConnectionEvent } from '../model/event';
import { VERDICT_IDS, type Severity, type Verdict, type VerdictId } from '../model/verdict';
import { siteChains, type DnsRecord } from './dns-cache';
import { laneFor, type Lane } from './lane';
import { internetRemotes, linkToThisPc, mergeLinks, socketsFromEvents, type LinkFinding } from './link';
import { isInternetAddress, toPacket, type Packet } from './packets';
import { RULES } from './rules';
import { THRESHOLDS } from './thresholds';
import { localized, renderText } from './describe';
import type { Group, LocalSocket, RuleMatch, RuleText, TextVars, VerdictRule, World } from './types';
import { findP2pPorts, measureScan } from './world';

export interface AnalyzeContext {
  attributions: Map<string, Attribution>;
  /** Sockets of this PC: live (the Connections monitor) and/or listeners from a pasted netstat. */
  sockets?: readonly LocalSocket[];
  /** Records from the PC's DNS cache (ipconfig /displaydns, resolver logs). */
  dnsCache?: readonly DnsRecord[];
  now?: number;
}

export interface FlowVerdict {
  remote: string;
  proto: string;
  remotePort: number | null;
  /** null when the flow spans our ephemeral client ports (a server answering from a service port). */
  localPort: number | null;
  direction: 'in' | 'out' | null;
  events: number;
  firstSeen: number | null;
  lastSeen: number | null;
  /** Line numbers (in their files) of the first events, for "show me the lines". */
  lines: number[];
  /** The flow's verdict with its title; the full explanation is written per host (HostSummary.verdict). */
  verdict: Pick<Verdict, 'id' | 'severity' | 'rule' | 'title'>;
}

export interface PortCount {
  proto: string;
  port: number;
  count: number;
}

export interface HostSummary {
  ip: string;
  attribution: Attribution | null;
  lane: Lane;
  events: number;
  firstSeen: number | null;
  lastSeen: number | null;
  protocols: Record<string, number>;
  /** Local ports the host reached or used, most frequent first. */
  ports: PortCount[];
  /** The host's own ports (80/443 for a server), most frequent first. */
  remotePorts: PortCount[];
  actions: Record<string, number>;
  verdict: Verdict;
  /** The values the verdict's texts were filled from: with the rule id, enough to write them again (ruleText). */
  verdictVars: TextVars;
  /** Verdict id -> flows with it, when the host's flows disagree. */
  flowVerdicts: Partial<Record<VerdictId, number>>;
  links: LinkFinding[];
  sites: string[][];
}

export interface AnalysisSummary {
  events: number;
  hosts: number;
  flows: number;
  hostsByVerdict: Record<VerdictId, number>;
  eventsByVerdict: Record<VerdictId, number>;
  hostsBySeverity: Record<Severity, number>;
  firstSeen: number | null;
  lastSeen: number | null;
  links: LinkFinding[];
}

export interface Analysis {
  hosts: HostSummary[];
  flows: FlowVerdict[];
  summary: AnalysisSummary;
}

const RULE_BY_VERDICT = new Map<VerdictId, VerdictRule>(RULES.map((r) => [r.verdict, r]));

interface Judged {
  rule: VerdictRule;
  match: RuleMatch;
  packets: Packet[];
}

/** The first rule (in RULES order) that matches the group. */
function judge(group: Group, world: World): Judged {
  for (const rule of RULES) {
    const match = rule.match({ group, world });
    if (match) return { rule, match, packets: group.packets };
  }
  throw new Error('the unknown rule always matches');
}

function verdictOf(j: Pick<Judged, 'rule' | 'match'>): Verdict {
  return {
    id: j.rule.verdict,
    severity: j.rule.severity,
    rule: j.rule.id,
    ...renderText(j.rule, j.match.vars),
    evidence: j.match.evidence,
  };
}

/**
 * A flow is one conversation shape with a host: protocol, the host's port, our port, who sent. When the host
 * talks from a service port (< 1024) to one of our high ports, our side is an ephemeral client port that changes
 * per connection: those are one flow ("443 -> *"), so a thousand late ACKs make one flow, not a thousand.
 */
function flowLocalPort(p: Packet): number | null | '*' {
  if (
    p.remotePort !== null &&
    p.remotePort < THRESHOLDS.highPort &&
    p.localPort !== null &&
    p.localPort >= THRESHOLDS.highPort
  )
    return '*';
  return p.localPort;
}
const flowKey = (p: Packet): string => `${p.proto}|${p.remotePort ?? ''}|${flowLocalPort(p) ?? ''}|${p.inbound}`;

function count<T extends string | number>(items: Iterable<T>): Map<T, number> {
  const m = new Map<T, number>();
  for (const i of items) m.set(i, (m.get(i) ?? 0) + 1);
  return m;
}

function portCounts(packets: readonly Packet[], side: 'localPort' | 'remotePort'): PortCount[] {
  const m = count(packets.filter((p) => p[side] !== null).map((p) => `${p.proto}|${p[side]}`));
  return [...m]
    .map(([k, n]) => ({ proto: k.split('|')[0] as string, port: Number(k.split('|')[1]), count: n }))
    .sort((a, b) => b.count - a.count || a.port - b.port);
}

/** Earliest and latest time of packets (no spread: logs can hold millions). */
function span(packets: readonly Packet[]): [number | null, number | null] {
  let lo: number | null = null;
  let hi: number | null = null;
  for (const p of packets) {
    if (p.ts === null) continue;
    if (lo === null || p.ts < lo) lo = p.ts;
    if (hi === null || p.ts > hi) hi = p.ts;
  }
  return [lo, hi];
}

/** A host's headline: a scan or a local program outweighs everything; otherwise the verdict of most events. */
const HEADLINE_FIRST: VerdictId[] = ['scan', 'stale-local', 'p2p-download'];

const RULE_BY_ID = new Map<string, VerdictRule>(RULES.map((r) => [r.id, r]));
const UNFILLED = /\{\w+\}/;

/**
 * A verdict's title, explanation and advice written again from its rule id and fill values (HostSummary
 * .verdictVars), so a stored summary needs to keep only those; null for a rule this version no longer has.
 */
export function ruleText(ruleId: string, vars: TextVars): RuleText | null {
  const rule = RULE_BY_ID.get(ruleId);
  if (!rule) return null;
  const text = renderText(rule, vars);
  // Values stored by an older version lack the placeholders a template has gained since: a text with "{when}" left
  // in it is not shown; the caller asks to analyse again, as for a rule that is gone.
  const parts = [text.title, text.explanation, text.advice].flatMap((t) => [t.en, t.ja]);
  return parts.some((t) => UNFILLED.test(t)) ? null : text;
}

/** What one host's analysis yields: its summary and its flows. */
export interface HostAnalysis {
  host: HostSummary;
  flows: FlowVerdict[];
}

/** The facts about the whole input a single host's verdict may depend on (World without the per-host scan). */
export type WorldFacts = Omit<World, 'scans'>;

/**
 * Judges one remote host at a time against facts about the whole input (this PC's sockets, P2P ports, DNS names),
 * so a caller can walk a stored log host by host without holding every packet. `packets` are the host's, in
 * input order.
 */
export function hostAnalyzer(
  facts: WorldFacts,
): (ip: string, packets: Packet[], attribution: Attribution | null) => HostAnalysis {
  return (ip, list, attribution) => {
    const finding = measureScan(list);
    const world: World = { ...facts, scans: finding ? new Map([[ip, finding]]) : new Map() };
    const groups = new Map<string, Packet[]>();
    for (const p of list) {
      const k = flowKey(p);
      const g = groups.get(k);
      if (g) g.push(p);
      else groups.set(k, [p]);
    }
    const judged: Judged[] = [];
    const flows: FlowVerdict[] = [];
    for (const g of groups.values()) {
      const j = judge({ remote: ip, packets: g, attribution }, world);
      judged.push(j);
      const first = g[0] as Packet;
      const [firstSeen, lastSeen] = span(g);
      flows.push({
        remote: ip,
        proto: first.proto,
        remotePort: first.remotePort,
        localPort: flowLocalPort(first) === '*' ? null : first.localPort,
        direction: first.inbound === null ? null : first.inbound ? 'in' : 'out',
        events: g.length,
        firstSeen,
        lastSeen,
        lines: g.slice(0, 5).map((p) => p.event.line),
        verdict: {
          id: j.rule.verdict,
          severity: j.rule.severity,
          rule: j.rule.id,
          title: localized(j.rule.templates.title, j.match.vars),
        },
      });
    }
    return { host: summarizeHost(ip, attribution, list, judged, world, facts.sockets), flows };
  };
}

/** The internet-side packets of events, in input order (what the rules judge). */
export function internetPackets(events: readonly ConnectionEvent[]): Packet[] {
  return events.map(toPacket).filter((p) => isInternetAddress(p.remote));
}

/**
 * Judges every flow and every remote host of a set of events (one import, several files, or a paste), using
 * the attributions the caller looked up, this PC's sockets and DNS cache when given. Pure and deterministic.
 */
export function analyzeEvents(events: readonly ConnectionEvent[], ctx: AnalyzeContext): Analysis {
  const packets = internetPackets(events);
  const sockets = [...(ctx.sockets ?? []), ...socketsFromEvents(events)];
  const byHost = new Map<string, Packet[]>();
  for (const p of packets) {
    const list = byHost.get(p.remote);
    if (list) list.push(p);
    else byHost.set(p.remote, [p]);
  }
  for (const ip of internetRemotes(ctx.sockets ?? [])) if (!byHost.has(ip)) byHost.set(ip, []);

  const analyze = hostAnalyzer({
    sockets,
    p2pPorts: findP2pPorts(packets, sockets, ctx.attributions),
    sites: siteChains(ctx.dnsCache ?? []),
    now: ctx.now ?? null,
  });
  const flows: FlowVerdict[] = [];
  const hosts: HostSummary[] = [];
  for (const [ip, list] of byHost) {
    const r = analyze(ip, list, ctx.attributions.get(ip) ?? null);
    flows.push(...r.flows);
    hosts.push(r.host);
  }
  hosts.sort((a, b) => b.events - a.events || a.ip.localeCompare(b.ip));
  return { hosts, flows, summary: summarize(packets, hosts, flows) };
}

function summarizeHost(
  ip: string,
  attribution: Attribution | null,
  packets: Packet[],
  judged: Judged[],
  world: World,
  sockets: LocalSocket[],
): HostSummary {
  const eventsBy = new Map<VerdictId, number>();
  const flowsBy: Partial<Record<VerdictId, number>> = {};
  for (const j of judged) {
    const id = j.rule.verdict;
    eventsBy.set(id, (eventsBy.get(id) ?? 0) + j.packets.length);
    flowsBy[id] = (flowsBy[id] ?? 0) + 1;
  }
  let headline: VerdictId | undefined = HEADLINE_FIRST.find((v) => eventsBy.has(v));
  if (!headline) {
    headline = [...eventsBy].sort(
      (a, b) => b[1] - a[1] || VERDICT_IDS.indexOf(a[0]) - VERDICT_IDS.indexOf(b[0]),
    )[0]?.[0];
  }
  // The host-level text speaks about all packets that share the headline verdict (one flow: its own match).
  const same = judged.filter((j) => j.rule.verdict === headline);
  let chosen: Pick<Judged, 'rule' | 'match'> | undefined = same.length === 1 ? same[0] : undefined;
  const rule = headline ? RULE_BY_VERDICT.get(headline) : undefined;
  if (!chosen && rule && same.length > 1) {
    const match = rule.match({ group: { remote: ip, packets: same.flatMap((j) => j.packets), attribution }, world });
    chosen = match ? { rule, match } : same[0];
  }
  const source = chosen ?? judge({ remote: ip, packets, attribution }, world);
  const verdict = verdictOf(source);
  const [firstSeen, lastSeen] = span(packets);
  const process = sockets.find((s) => s.remoteAddress === ip && s.processName)?.processName ?? null;
  return {
    ip,
    attribution,
    lane: laneFor(attribution, { verdict: verdict.id, process }),
    events: packets.length,
    firstSeen,
    lastSeen,
    protocols: Object.fromEntries(count(packets.map((p) => p.proto))),
    ports: portCounts(packets, 'localPort'),
    remotePorts: portCounts(packets, 'remotePort'),
    actions: Object.fromEntries(count(packets.map((p) => p.event.action))),
    verdict,
    verdictVars: source.match.vars,
    flowVerdicts: flowsBy,
    // A scanner's packets were not meant for whatever listens on one of the ports it tried (link.ts).
    links: linkToThisPc(packets, sockets, world.scans.has(ip)),
    sites: world.sites.get(ip) ?? [],
  };
}

function summarize(packets: Packet[], hosts: HostSummary[], flows: FlowVerdict[]): AnalysisSummary {
  const zero = <K extends string>(keys: readonly K[]): Record<K, number> =>
    Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  const hostsByVerdict = zero(VERDICT_IDS);
  const eventsByVerdict = zero(VERDICT_IDS);
  const hostsBySeverity = zero(['info', 'notice', 'warning'] as const);
  for (const h of hosts) {
    hostsByVerdict[h.verdict.id]++;
    hostsBySeverity[h.verdict.severity]++;
  }
  for (const f of flows) eventsByVerdict[f.verdict.id] += f.events;
  const [firstSeen, lastSeen] = span(packets);
  return {
    events: packets.length,
    hosts: hosts.length,
    flows: flows.length,
    hostsByVerdict,
    eventsByVerdict,
    hostsBySeverity,
    firstSeen,
    lastSeen,
    links: mergeLinks(hosts.map((h) => h.links)),
  };
}
