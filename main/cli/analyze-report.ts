import type { Attribution } from '../core/model/attribution';
import type { Analysis, FlowVerdict, HostSummary } from '../core/verdicts/analyze';
import { ownerName, plural } from '../core/verdicts/describe';
import type { LinkFinding } from '../core/verdicts/link';
import { zoneStampRange } from '../core/verdicts/when';

export type Lang = 'en' | 'ja';

export interface FileSummary {
  file: string;
  family: string | null;
  lines: number;
  events: number;
}

// The JSON keeps instants in UTC for programs; the text shows them in the reader's zone (analysisText).
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The `--json` contract of `netwhy analyze` (issue 5): one object, verdict ids as in VERDICT_IDS. */
export function analysisJson(a: Analysis, lang: Lang, files: FileSummary[], offline: boolean): object {
  const text = (t: { en: string; ja: string }): string => t[lang];
  return {
    hosts: a.hosts.map((h) => ({
      ip: h.ip,
      owner: ownerName(h.attribution),
      asn: h.attribution?.asn ?? null,
      asOrg: h.attribution?.asOrg ?? null,
      country: h.attribution?.country ?? null,
      role: h.attribution?.role ?? null,
      lane: h.lane,
      events: h.events,
      firstSeen: iso(h.firstSeen),
      lastSeen: iso(h.lastSeen),
      ports: h.ports,
      remotePorts: h.remotePorts,
      protocols: h.protocols,
      actions: h.actions,
      verdict: h.verdict.id,
      severity: h.verdict.severity,
      rule: h.verdict.rule,
      title: text(h.verdict.title),
      explanation: text(h.verdict.explanation),
      advice: text(h.verdict.advice),
      evidence: h.verdict.evidence.map((e) => ({
        kind: e.kind,
        detail: lang === 'ja' ? (e.detailJa ?? e.detail) : e.detail,
      })),
      links: h.links.map((l) => linkJson(l, lang)),
      sites: h.sites,
    })),
    flows: a.flows.map((f: FlowVerdict) => ({
      remote: f.remote,
      proto: f.proto,
      remotePort: f.remotePort,
      localPort: f.localPort,
      direction: f.direction,
      events: f.events,
      firstSeen: iso(f.firstSeen),
      lastSeen: iso(f.lastSeen),
      lines: f.lines,
      verdict: f.verdict.id,
      severity: f.verdict.severity,
      title: text(f.verdict.title),
    })),
    summary: {
      files,
      offline,
      events: a.summary.events,
      hosts: a.summary.hosts,
      flows: a.summary.flows,
      firstSeen: iso(a.summary.firstSeen),
      lastSeen: iso(a.summary.lastSeen),
      hostsByVerdict: a.summary.hostsByVerdict,
      eventsByVerdict: a.summary.eventsByVerdict,
      hostsBySeverity: a.summary.hostsBySeverity,
      links: a.summary.links.map((l) => linkJson(l, lang)),
    },
  };
}

function linkJson(l: LinkFinding, lang: Lang): object {
  return {
    proto: l.proto,
    port: l.port,
    process: l.process,
    pid: l.pid,
    listening: l.listening,
    events: l.events,
    text: l.text[lang],
  };
}

const LABELS = {
  en: {
    heading: (f: number, e: number, h: number) =>
      `NetWhy analysis: ${plural(f, 'file')}, ${plural(e, 'event')}, ${plural(h, 'remote host')}`,
    period: 'Period',
    verdicts: 'Verdicts',
    link: 'Link to this PC',
    advice: 'What to do',
    evidence: 'Evidence',
    events: (n: number) => plural(n, 'event'),
    alsoHosts: 'Other hosts with this verdict',
    more: (n: number) => `… and ${n} more`,
    none: 'No connection events were found in the input.',
    offline: 'Offline: owners come from the bundled IP database only (no reverse DNS, no RDAP).',
    unknownOwner: 'owner unknown',
  },
  ja: {
    heading: (f: number, e: number, h: number) =>
      `NetWhy の分析結果：ファイル ${f} 個、イベント ${e} 件、通信相手 ${h} 件`,
    period: '期間',
    verdicts: '判定の内訳',
    link: 'このPCとの関係',
    advice: 'どうすればよいか',
    evidence: '根拠',
    events: (n: number) => `${n} 件`,
    alsoHosts: '同じ判定のほかの通信相手',
    more: (n: number) => `…ほか ${n} 件`,
    none: '入力から通信イベントは見つかりませんでした。',
    offline: 'オフライン：所有者は同梱の IP データベースだけで判定しています（逆引き・RDAP なし）。',
    unknownOwner: '所有者不明',
  },
};

const SEVERITY_MARK = { warning: '!!', notice: '! ', info: '  ' } as const;
const SEVERITY_ORDER = { warning: 0, notice: 1, info: 2 } as const;

function ownerLine(a: Attribution | null, lang: Lang): string {
  const parts = [ownerName(a) ?? LABELS[lang].unknownOwner];
  if (a?.asn) parts.push(`AS${a.asn}${a.asOrg ? ` ${a.asOrg}` : ''}`);
  if (a?.country) parts.push(a.country);
  return parts.join(' · ');
}

const MAX_LISTED = 30;

/**
 * The readable report: one section per verdict, worst first. Each section explains its largest host in full
 * (explanation, advice, evidence) and lists the other hosts that share the verdict on one line each.
 */
export function analysisText(a: Analysis, lang: Lang, files: FileSummary[], offline: boolean, zone: string): string {
  const L = LABELS[lang];
  // Times in the zone the user gave (--tz) or this PC's, with the offset, as the evidence lines write them.
  const when = (first: number | null, last: number | null): string | null =>
    first === null ? null : zoneStampRange(first, last ?? first, zone, lang);
  const out: string[] = [L.heading(files.length, a.summary.events, a.summary.hosts)];
  const period = when(a.summary.firstSeen, a.summary.lastSeen);
  if (period) out.push(`${L.period}: ${period}`);
  if (offline) out.push(L.offline);
  if (!a.hosts.length) return [...out, '', L.none, ''].join('\n');
  const counts = Object.entries(a.summary.hostsByVerdict)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${v} ${n}`)
    .join(' · ');
  out.push(`${L.verdicts}: ${counts}`);
  if (a.summary.links.length) {
    out.push('', `${L.link}:`);
    for (const l of a.summary.links) out.push(`  * ${l.text[lang]}`);
  }
  const groups = new Map<string, HostSummary[]>();
  for (const h of a.hosts) {
    const g = groups.get(h.verdict.id);
    if (g) g.push(h);
    else groups.set(h.verdict.id, [h]);
  }
  const ordered = [...groups.values()].sort(
    (x, y) =>
      SEVERITY_ORDER[(x[0] as HostSummary).verdict.severity] - SEVERITY_ORDER[(y[0] as HostSummary).verdict.severity] ||
      y.length - x.length,
  );
  for (const hosts of ordered) {
    hosts.sort((x, y) => y.events - x.events || x.ip.localeCompare(y.ip));
    out.push('', ...section(hosts, lang, when));
  }
  return out.join('\n') + '\n';
}

type When = (first: number | null, last: number | null) => string | null;

function hostLine(h: HostSummary, lang: Lang, when: When): string {
  const span = when(h.firstSeen, h.lastSeen);
  return `   ${h.ip.padEnd(15)}  ${ownerLine(h.attribution, lang)}  ${LABELS[lang].events(h.events)}${span ? `  ${span}` : ''}`;
}

function section(hosts: HostSummary[], lang: Lang, when: When): string[] {
  const L = LABELS[lang];
  const first = hosts[0] as HostSummary;
  const v = first.verdict;
  const lines = [
    `${SEVERITY_MARK[v.severity]} [${v.id}] ${v.title[lang]}  (${hosts.length})`,
    hostLine(first, lang, when),
    `   ${v.explanation[lang]}`,
    `   ${L.advice}: ${v.advice[lang]}`,
    `   ${L.evidence}:`,
    ...v.evidence.map((e) => `     - ${lang === 'ja' ? (e.detailJa ?? e.detail) : e.detail}`),
    ...first.links.map((l) => `   → ${l.text[lang]}`),
  ];
  const rest = hosts.slice(1);
  if (rest.length) {
    lines.push(`   ${L.alsoHosts}:`);
    for (const h of rest.slice(0, MAX_LISTED)) lines.push(hostLine(h, lang, when));
    if (rest.length > MAX_LISTED) lines.push(`   ${L.more(rest.length - MAX_LISTED)}`);
  }
  return lines;
}
