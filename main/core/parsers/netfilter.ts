import type { Action, Direction, ParsedEvent, TcpFlag } from '../model/event';
import { normalizeIp } from '../net/ip';
import { isLocalAddress } from '../net/scope';
import { parsePort, protocolName } from './common';
import { stateless, type LineResult, type LogFamily } from './family';
import { actionFromWords, isWanInterface } from './judge';
import { splitHeader } from './syslog-prefix';

/**
 * Linux netfilter LOG / nftables `log` lines (nf_log_syslog.c): "<prefix>IN=eth0 OUT= MAC=… SRC=… DST=… LEN=…
 * … PROTO=TCP SPT=… DPT=… WINDOW=… RES=0x00 ACK RST URGP=0". The prefix is whatever the rule set chose
 * (`--log-prefix`), and is where the verdict lives: UFW "[UFW BLOCK] ", OpenWrt fw3 "DROP(src wan)", fw4
 * "reject wan in: ", DD-WRT / Tomato / ASUSWRT "DROP " / "ACCEPT ", Ubiquiti EdgeOS "[WAN_LOCAL-default-D]".
 */

// EdgeOS/VyOS: "[<ruleset>-<rule number|default>-<action letter>]", A = accept, D = drop, R = reject.
const EDGEOS = /\[([A-Za-z0-9_.-]+)-(default|\d+)-([ADR])\]$/;
const EDGEOS_ACTION: Record<string, Action> = { A: 'allow', D: 'drop', R: 'reject' };
// UFW prefixes (ufw's before/after logging chains): BLOCK, ALLOW, AUDIT, LIMIT BLOCK, AUDIT INVALID.
const UFW = /^\[UFW ([A-Z ]+)\]$/;
const FIELDS_START = /(?:^|[\s\]):])IN=\S* OUT=/;

function actionOf(prefix: string): { action: Action; rule: string | null } {
  const edge = EDGEOS.exec(prefix);
  if (edge) return { action: EDGEOS_ACTION[edge[3] ?? ''] ?? 'unknown', rule: `${edge[1]}-${edge[2]}` };
  const ufw = UFW.exec(prefix);
  // AUDIT logs a packet without deciding anything (ufw "logging full").
  if (ufw) return { action: /AUDIT/.test(ufw[1] ?? '') ? 'unknown' : actionFromWords(ufw[1] ?? ''), rule: null };
  const rule = prefix
    .replace(/^\[|\]$/g, '')
    .replace(/:$/, '')
    .trim();
  return { action: actionFromWords(prefix), rule: rule === '' ? null : rule };
}

/**
 * Direction rule, in order: (1) the zone the prefix names (OpenWrt "wan in"/"(src wan)", EdgeOS WAN_IN/WAN_LOCAL
 * = from the internet; "wan out"/"(dest wan)"/WAN_OUT = toward it); (2) addresses: internet -> local = in,
 * local -> internet = out, local -> local (LAN traffic, multicast) = null; (3) both public: IN on a WAN-named
 * interface = in, OUT on one = out; else on a host with a public address (a VPS running UFW), IN set with OUT
 * empty = a packet arriving for this host = in, IN empty with OUT set = one this host sends = out.
 */
function zoneDirectionOf(prefix: string): Direction | undefined {
  if (/\bwan (in|forward|input)\b|\(src wan\)|\bWAN_(IN|LOCAL)\b|WAN_(IN|LOCAL)-/i.test(prefix)) return 'in';
  if (/\bwan (out|output)\b|\(dest wan\)|\bWAN_OUT\b|WAN_OUT-/i.test(prefix)) return 'out';
  return undefined;
}

function directionOf(src: string, dst: string, inIf: string, outIf: string): Direction {
  const srcLocal = isLocalAddress(src);
  const dstLocal = isLocalAddress(dst);
  if (!srcLocal && dstLocal) return 'in';
  if (srcLocal && !dstLocal) return 'out';
  if (srcLocal && dstLocal) return null;
  if (isWanInterface(inIf)) return 'in';
  if (isWanInterface(outIf)) return 'out';
  if (inIf !== '' && outIf === '') return 'in';
  if (inIf === '' && outIf !== '') return 'out';
  return null;
}

// TCP flag words netfilter prints after PROTO=TCP, in NetWhy's canonical order (parseTcpFlags' FLAG_ORDER).
const FLAG_BITS: Record<string, number> = { SYN: 1, ACK: 2, FIN: 4, RST: 8, PSH: 16, URG: 32, ECE: 64, CWR: 128 };
const FLAG_ORDER: TcpFlag[] = ['SYN', 'ACK', 'FIN', 'RST', 'PSH', 'URG', 'ECE', 'CWR'];

interface PrefixFacts {
  action: Action;
  rule: string | null;
  message: string | null;
  /** Direction the prefix itself names (step 1 of directionOf), else undefined. */
  zoneDirection: Direction | undefined;
}

// A log holds a handful of distinct prefixes: judge each once (bounded, so a hostile file cannot grow it).
const prefixCache = new Map<string, PrefixFacts>();

function prefixFacts(prefix: string): PrefixFacts {
  let f = prefixCache.get(prefix);
  if (f) return f;
  const { action, rule } = actionOf(prefix);
  f = {
    action,
    rule,
    message: prefix.replace(/^\[|\]$/g, '').replace(/:$/, '') || null,
    zoneDirection: zoneDirectionOf(prefix),
  };
  if (prefixCache.size >= 256) prefixCache.clear();
  prefixCache.set(prefix, f);
  return f;
}

export function parseNetfilter(line: string): LineResult {
  const h = splitHeader(line);
  const body = h.body;
  const start = FIELDS_START.exec(body);
  if (!start) {
    // Other kernel/daemon lines of the same syslog (DHCP, link up/down …) are not connections.
    return h.time || h.tag || h.uptime ? { kind: 'ignored' } : { kind: 'unknown', reason: 'no IN=/OUT= fields' };
  }
  const at = start.index + (start[0].startsWith('IN=') ? 0 : 1);
  let prefix = body.slice(0, at).trim();
  // "Jan  8 03:37:09 DENY: IN=…": with no host, the log prefix sits where a program tag would.
  if (prefix === '' && h.tag && !/kernel|klogd/i.test(h.tag)) prefix = `${h.tag}:`;
  // One pass over the space-separated KEY=value tokens; the first occurrence of a key wins.
  let srcText: string | undefined;
  let dstText: string | undefined;
  let protoText: string | undefined;
  let inIf: string | undefined;
  let outIf: string | undefined;
  let len: string | undefined;
  let spt: string | undefined;
  let dpt: string | undefined;
  let flagBits = 0;
  let afterProto = false;
  const n = body.length;
  let pos = at;
  while (pos < n) {
    let end = body.indexOf(' ', pos);
    if (end < 0) end = n;
    if (end === pos) {
      pos++;
      continue;
    }
    // ICMP errors quote the offending packet in brackets: its SRC/DST are not this packet's.
    if (body.charCodeAt(pos) === 91) break;
    const eq = body.indexOf('=', pos);
    if (eq > pos && eq < end) {
      // The key is matched in place (its length, then startsWith at pos) rather than sliced out: a line has about
      // twenty KEY=value tokens and only eight keys matter, so slicing each key was most of this loop's garbage.
      const k = eq - pos;
      if (k === 3) {
        if (body.startsWith('SRC', pos)) srcText ??= body.slice(eq + 1, end);
        else if (body.startsWith('DST', pos)) dstText ??= body.slice(eq + 1, end);
        else if (body.startsWith('OUT', pos)) outIf ??= body.slice(eq + 1, end);
        else if (body.startsWith('LEN', pos)) len ??= body.slice(eq + 1, end);
        else if (body.startsWith('SPT', pos)) spt ??= body.slice(eq + 1, end);
        else if (body.startsWith('DPT', pos)) dpt ??= body.slice(eq + 1, end);
      } else if (k === 2) {
        if (body.startsWith('IN', pos)) inIf ??= body.slice(eq + 1, end);
      } else if (k === 5 && body.startsWith('PROTO', pos)) {
        protoText ??= body.slice(eq + 1, end);
        afterProto = true;
      }
    } else if (afterProto && end - pos === 3 && eq !== pos) {
      flagBits |= FLAG_BITS[body.slice(pos, end)] ?? 0;
    }
    pos = end + 1;
  }
  const src = normalizeIp(srcText ?? '');
  const dst = normalizeIp(dstText ?? '');
  if (!src || !dst) return { kind: 'unknown', reason: 'netfilter line without SRC/DST addresses' };
  const proto = protocolName(protoText ?? 'unknown');
  const facts = prefixFacts(prefix);
  const flags: TcpFlag[] = [];
  if (proto === 'tcp' && flagBits !== 0)
    for (let b = 0; b < 8; b++) if (flagBits & (1 << b)) flags.push(FLAG_ORDER[b] as TcpFlag);
  const event: ParsedEvent = {
    time: h.time,
    proto,
    src,
    sport: parsePort(spt),
    dst,
    dport: parsePort(dpt),
    action: facts.action,
    flags,
    direction: facts.zoneDirection !== undefined ? facts.zoneDirection : directionOf(src, dst, inIf ?? '', outIf ?? ''),
    iface: inIf || outIf || null,
    rule: facts.rule,
    length: len !== undefined && /^\d+$/.test(len) ? Number(len) : null,
    message: facts.message,
  };
  return { kind: 'event', event };
}

export const netfilter: LogFamily = {
  id: 'netfilter',
  name: 'Linux netfilter / iptables / nftables LOG (UFW, OpenWrt, DD-WRT, Tomato, ASUSWRT, EdgeRouter)',
  example:
    'Dec 26 09:05:47 server01 kernel: [126140.629122] [UFW BLOCK] IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd SRC=254.253.252.251 DST=191.192.193.194 LEN=52 TOS=0x02 PREC=0x00 TTL=128 ID=9209 DF PROTO=TCP SPT=17833 DPT=22 WINDOW=8192 RES=0x00 CWR ECE SYN URGP=0',
  sniff(line) {
    const i = line.indexOf('OUT=');
    if (i < 0 || line.indexOf('SRC=', i) < 0 || line.indexOf('DST=', i) < 0) return 0;
    return FIELDS_START.test(line) ? 0.95 : 0.3;
  },
  open: stateless(parseNetfilter),
};
