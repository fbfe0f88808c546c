import { portStory } from '../intel/ports';
import type { Attribution, Evidence } from '../model/attribution';
import type { LocalizedText } from '../model/verdict';
import type { Packet } from './packets';
import { THRESHOLDS } from './thresholds';
import type { RuleText, TextVars, VerdictRule } from './types';
import { eventStampRange, type Stamped } from './when';

export function evidence(kind: string, en: string, ja: string): Evidence {
  return { kind, detail: en, detailJa: ja };
}

/**
 * A template split once at its placeholders: text at even positions, names at odd ones. A host summary rebuild
 * fills eight texts per host (~800,000 at 100,000 hosts); a regex replace with a callback each time was ~9 % of it.
 * The rules' templates are a few dozen constants, so the cache stays small.
 */
const compiled = new Map<string, string[]>();
function parts(template: string): string[] {
  let p = compiled.get(template);
  if (!p) compiled.set(template, (p = template.split(/\{(\w+)\}/)));
  return p;
}

/** Fills {name} placeholders; unknown names stay visible so a missing value is noticed in tests. */
export function fill(template: string, vars: TextVars): string {
  const p = parts(template);
  let out = p[0] as string;
  for (let i = 1; i < p.length; i += 2) {
    const k = p[i] as string;
    out += (k in vars ? String(vars[k]) : `{${k}}`) + (p[i + 1] as string);
  }
  return out;
}

export function localized(template: LocalizedText, vars: TextVars): LocalizedText {
  return { en: fill(template.en, vars), ja: fill(template.ja, vars) };
}

/** A rule's title, explanation and advice for one match. */
export function renderText(rule: VerdictRule, vars: TextVars): RuleText {
  return {
    title: localized(rule.templates.title, vars),
    explanation: localized(rule.templates.explanation, vars),
    advice: localized(rule.templates.advice, vars),
  };
}

const OWNER_NAMES: Record<string, string> = {
  akamai: 'Akamai',
  linode: 'Akamai Connected Cloud (Linode)',
  cloudflare: 'Cloudflare',
  fastly: 'Fastly',
  google: 'Google',
  amazon: 'Amazon',
  microsoft: 'Microsoft',
  apple: 'Apple',
};

/** "Akamai", "Akamai Connected Cloud (Linode)", the AS name, or null. */
export function ownerName(a: Attribution | null): string | null {
  if (!a) return null;
  if (isAkamaiCloud(a)) return 'Akamai Connected Cloud (Linode)';
  if (a.owner) return OWNER_NAMES[a.owner] ?? a.owner;
  return a.asOrg ?? a.rdap?.org ?? null;
}

export function isAkamai(a: Attribution | null): boolean {
  return a?.owner === 'akamai' || a?.owner === 'linode';
}

/** AS63949, ex-Linode: rented virtual machines, not the CDN (DOMAIN.md §1). */
export function isAkamaiCloud(a: Attribution | null): boolean {
  return (
    a !== null && (a.asn === 63949 || a.owner === 'linode' || (a.owner === 'akamai' && a.role === 'cloud-customer'))
  );
}

/** A content-delivery edge (or Private Relay / scrubbing): serves other companies' sites. */
export function isCdn(a: Attribution | null): boolean {
  return a !== null && (a.role === 'cdn-edge' || a.role === 'private-relay' || a.role === 'ddos-scrubbing');
}

/** Any server network: CDN, hosting, cloud. Servers answer; they rarely knock. */
export function isServerNetwork(a: Attribution | null): boolean {
  return a !== null && (isCdn(a) || a.role === 'hosting' || a.role === 'cloud-customer' || a.role === 'dns');
}

/** Owner phrase for texts: "Akamai (AS20940)" / "Akamai（AS20940）"; the AS name when no owner is known. */
export function ownerVars(a: Attribution | null): TextVars {
  const name = ownerName(a);
  const as = a?.asn ? `AS${a.asn}` : null;
  return {
    owner: name ? (as ? `${name}, ${as}` : name) : 'an unidentified network',
    ownerJa: name ? (as ? `${name}、${as}` : name) : '所有者不明のネットワーク',
    ownerShort: name ?? 'an unknown owner',
    ownerShortJa: name ?? '不明な所有者',
  };
}

/** The attribution facts every verdict shows: AS, country, PTR, and the PC's DNS cache chain. */
export function ownerEvidence(a: Attribution | null, sites: string[][] | undefined): Evidence[] {
  const out: Evidence[] = [];
  if (a?.asn) {
    const org = a.asOrg ? ` ${a.asOrg}` : '';
    out.push(evidence('asn', `AS${a.asn}${org}`, `AS${a.asn}${org}`));
  }
  if (a?.country) out.push(evidence('country', `Country: ${a.country}`, `国: ${a.country}`));
  if (a?.ptr) {
    const ok = a.ptrConfirmed ? ' (forward-confirmed)' : '';
    const okJa = a.ptrConfirmed ? '（正引きで確認済み）' : '';
    out.push(evidence('ptr', `Reverse DNS: ${a.ptr}${ok}`, `逆引き: ${a.ptr}${okJa}`));
  }
  for (const chain of (sites ?? []).slice(0, 3)) {
    const text = chain.join(' → ');
    out.push(evidence('dns-cache', `This PC's DNS cache: ${text}`, `このPCのDNSキャッシュ: ${text}`));
  }
  return out;
}

const OPENING_SHAPES = new Set(['syn', 'null', 'xmas', 'synfin']);

/** What the most-tried port of ours usually means (intel/ports.ts), when NetWhy knows a story for it. */
export function portStoryEvidence(packets: readonly Packet[]): Evidence[] {
  const counts = new Map<string, number>();
  for (const p of packets)
    if (p.localPort !== null)
      counts.set(`${p.proto}|${p.localPort}`, (counts.get(`${p.proto}|${p.localPort}`) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (!top) return [];
  const [proto, port] = top[0].split('|') as [string, string];
  // The stories of temporary ports say "usually the other side answering"; a SYN there opens a connection, so the
  // story would contradict the packets.
  const opening = packets.some((p) => p.localPort === Number(port) && OPENING_SHAPES.has(p.shape));
  if (opening && Number(port) >= THRESHOLDS.ephemeralPort) return [];
  const s = portStory(Number(port), proto);
  return s.known || s.service ? [evidence('port', s.story.en, s.story.ja)] : [];
}

/** "1 packet", "3 packets": an English noun in the form its count needs (Japanese nouns have none). */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`;
}

/** "port 443", "ports 80, 443": portList with the noun its length needs. */
export function portsPhrase(ports: Iterable<number>): string {
  const list = [...new Set(ports)];
  return `${list.length === 1 ? 'port' : 'ports'} ${portList(list)}`;
}

/** "443", "443, 80", "22, 23, 80 … (200 ports)". */
export function portList(ports: Iterable<number>, max = 8): string {
  const sorted = [...new Set(ports)].sort((a, b) => a - b);
  const head = sorted.slice(0, max).join(', ');
  return sorted.length > max ? `${head} … (${sorted.length})` : head;
}

const PROTO_NAMES: Record<string, string> = { icmpv6: 'ICMPv6', ipv6: 'IPv6' };

/** A protocol as a reader sees it: "TCP", "ICMPv6"; a log that named none gives "unknown" / "不明". */
export function protoLabel(proto: string): LocalizedText {
  const p = proto.toLowerCase();
  if (!p || p === 'unknown' || p === '?') return { en: 'unknown', ja: '不明' };
  const name = PROTO_NAMES[p] ?? p.toUpperCase();
  return { en: name, ja: name };
}

// A TCP packet whose line printed no flags, named after the shape the verdicts gave it (packets.ts shapeOf).
const SHAPE_NAMES: Record<string, LocalizedText> = {
  syn: { en: 'SYN', ja: 'SYN' },
  synack: { en: 'SYN+ACK', ja: 'SYN+ACK' },
  ack: { en: 'ACK', ja: 'ACK' },
  rst: { en: 'RST', ja: 'RST' },
  fin: { en: 'FIN', ja: 'FIN' },
  synfin: { en: 'SYN+FIN', ja: 'SYN+FIN' },
  null: { en: 'NULL (no flags)', ja: 'NULL（フラグなし）' },
  xmas: { en: 'XMAS (FIN+PSH+URG)', ja: 'XMAS（FIN+PSH+URG）' },
  unknown: { en: 'TCP (flags not in the log)', ja: 'TCP（フラグの記録なし）' },
};

function tcpKind(p: Packet): LocalizedText {
  if (p.event.flags.length) {
    const f = p.event.flags.join('+');
    return { en: f, ja: f };
  }
  return SHAPE_NAMES[p.shape] ?? { en: p.shape.toUpperCase(), ja: p.shape.toUpperCase() };
}

/** The TCP flags seen ("ACK, SYN+ACK, RST"), at most four; empty when no packet is TCP. */
export function flagList(packets: readonly Packet[]): string {
  const seen = new Set<string>();
  for (const p of packets) if (p.proto === 'tcp') seen.add(tcpKind(p).en);
  return [...seen].slice(0, 4).join(', ');
}

/** What kinds of packets these were, for "Packet kinds: …": TCP flags, "UDP", "ICMP", in the reader's language. */
export function packetKinds(packets: readonly Packet[]): LocalizedText {
  const seen = new Map<string, LocalizedText>();
  for (const p of packets) {
    const k = p.proto === 'tcp' ? tcpKind(p) : protoLabel(p.proto);
    if (!seen.has(k.en)) seen.set(k.en, k);
    if (seen.size === 5) break;
  }
  const kinds = [...seen.values()];
  return { en: kinds.map((k) => k.en).join(', '), ja: kinds.map((k) => k.ja).join('、') };
}

/** The earliest and latest of the packets' events (their times as the log gave them); null when none had a time. */
export function timeSpan(packets: readonly Packet[]): { first: Stamped | null; last: Stamped | null } {
  let first: Packet | null = null;
  let last: Packet | null = null;
  for (const p of packets) {
    if (p.ts === null) continue;
    if (!first || p.ts < (first.ts ?? 0)) first = p;
    if (!last || p.ts > (last.ts ?? 0)) last = p;
  }
  return { first: first?.event ?? null, last: last?.event ?? null };
}

export function countEvidence(packets: readonly Packet[]): Evidence {
  const n = packets.length;
  const { first, last } = timeSpan(packets);
  const range = eventStampRange(first, last);
  const one = first?.tsUtc === last?.tsUtc;
  const when = range ? (one ? ` at ${range.en}` : `, ${range.en}`) : '';
  const whenJa = range ? `（${range.ja}）` : '';
  return evidence('count', `${plural(n, 'log line')}${when}`, `ログ ${n} 行${whenJa}`);
}
