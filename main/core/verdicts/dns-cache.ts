import { normalizeIp } from '../net/ip';

/** One resolver record: name -> address (A/AAAA) or name -> name (CNAME). */
export interface DnsRecord {
  name: string;
  type: 'A' | 'AAAA' | 'CNAME';
  data: string;
}

const TYPE_NUMBERS: Record<string, DnsRecord['type']> = { '1': 'A', '5': 'CNAME', '28': 'AAAA' };
const clean = (name: string): string => name.trim().toLowerCase().replace(/\.$/, '');

// "    Record Name . . . . . : www.apple.com" — label, dot leaders, colon, value. Labels are localised on
// Japanese Windows, so records are read by position: 1st = name, 2nd = numeric type, last = data.
const KV = /^\s*([^.:\r\n][^:\r\n]*?)\s*(?:\.\s*)*:\s(.*)$/;

/**
 * `ipconfig /displaydns` (Windows). Records are blocks of "label . . . : value" lines separated by blank lines or
 * a dashed rule under the queried name; the format is the one Microsoft's ipconfig message table prints
 * (MSG_DNS_*_RECORD) and public transcripts show (test/fixtures/dns/SOURCES.md).
 */
export function parseDisplayDns(text: string): DnsRecord[] {
  const out: DnsRecord[] = [];
  let block: string[] = [];
  const flush = (): void => {
    if (block.length >= 3) {
      const name = block[0] as string;
      const type = TYPE_NUMBERS[(block[1] as string).trim()];
      const data = (block[block.length - 1] as string).trim();
      if (type === 'CNAME') out.push({ name: clean(name), type, data: clean(data) });
      else if (type) {
        const ip = normalizeIp(data);
        if (ip) out.push({ name: clean(name), type, data: ip });
      }
    }
    block = [];
  };
  for (const line of text.split(/\r?\n/)) {
    const m = KV.exec(line);
    if (m && /\s\.\s|\.\s*:/.test(line)) block.push(m[2] ?? '');
    else flush();
  }
  flush();
  return out;
}

/**
 * Resolver cache dumps of systemd-resolved (`systemctl kill -s USR1 systemd-resolved`, journal lines such as
 * "vortex.data.microsoft.com IN CNAME asimov.vortex.data.trafficmanager.net").
 */
export function parseResolvedDump(text: string): DnsRecord[] {
  const out: DnsRecord[] = [];
  for (const m of text.matchAll(/(\S+)\s+IN\s+(A|AAAA|CNAME)\s+(\S+)\s*$/gm)) {
    const type = m[2] as DnsRecord['type'];
    const data = type === 'CNAME' ? clean(m[3] ?? '') : normalizeIp(m[3] ?? '');
    if (data) out.push({ name: clean(m[1] ?? ''), type, data });
  }
  return out;
}

/**
 * dnsmasq `log-queries` lines (routers, Pi-hole): "reply www.apple.com is <CNAME>" followed by the next names of
 * the chain and finally "reply e6858.dsce9.akamaiedge.net is 23.x.x.x". dnsmasq does not print CNAME targets, so
 * consecutive reply lines of one answer (same serial number with log-queries=extra) are linked in order.
 */
export function parseDnsmasq(text: string): DnsRecord[] {
  const out: DnsRecord[] = [];
  const pending = new Map<string, { last: string; cname: boolean }>();
  const re =
    /dnsmasq\[\d+\]:\s+(?:(\d+)\s+\S+\/\d+\s+)?(query\[\w+\]|reply|cached|forwarded)\s+(\S+)\s+(?:is|from|to)\s+(\S+)/;
  for (const line of text.split(/\r?\n/)) {
    const m = re.exec(line);
    if (!m) continue;
    const serial = m[1] ?? '';
    const kind = m[2] ?? '';
    const name = clean(m[3] ?? '');
    const value = m[4] ?? '';
    if (kind.startsWith('query')) {
      pending.delete(serial);
      continue;
    }
    if (kind !== 'reply' && kind !== 'cached') continue;
    const prev = pending.get(serial);
    if (prev?.cname && prev.last !== name) out.push({ name: prev.last, type: 'CNAME', data: name });
    if (value === '<CNAME>') {
      pending.set(serial, { last: name, cname: true });
      continue;
    }
    const ip = normalizeIp(value);
    if (ip) out.push({ name, type: ip.includes(':') ? 'AAAA' : 'A', data: ip });
    pending.set(serial, { last: name, cname: false });
  }
  return out;
}

/** Any of the three formats, detected by their markers. */
export function parseDnsCacheText(text: string): DnsRecord[] {
  if (/dnsmasq\[\d+\]/.test(text)) return parseDnsmasq(text);
  if (/\sIN\s+(A|AAAA|CNAME)\s/.test(text)) return parseResolvedDump(text);
  return parseDisplayDns(text);
}

/**
 * address -> name chains ending in it, e.g. 23.1.2.3 -> [["www.apple.com", "www.apple.com.edgekey.net",
 * "e6858.dsce9.akamaiedge.net", "23.1.2.3"]]: the site a CDN address served, as this PC asked for it.
 */
export function siteChains(records: readonly DnsRecord[]): Map<string, string[][]> {
  const aliasesOf = new Map<string, Set<string>>();
  for (const r of records) {
    if (r.type !== 'CNAME') continue;
    let s = aliasesOf.get(r.data);
    if (!s) aliasesOf.set(r.data, (s = new Set()));
    s.add(r.name);
  }
  const out = new Map<string, string[][]>();
  const seen = new Set<string>();
  for (const r of records) {
    if (r.type === 'CNAME') continue;
    const key = `${r.name}|${r.data}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const chains: string[][] = [];
    const walk = (name: string, tail: string[], depth: number): void => {
      const parents = aliasesOf.get(name);
      if (!parents || depth > 10) {
        chains.push([name, ...tail]);
        return;
      }
      for (const p of parents) if (!tail.includes(p)) walk(p, [name, ...tail], depth + 1);
    };
    walk(r.name, [r.data], 0);
    const list = out.get(r.data) ?? [];
    for (const c of chains) if (!list.some((x) => x.join() === c.join())) list.push(c);
    out.set(r.data, list);
  }
  return out;
}
