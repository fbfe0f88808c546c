import type { Action, ParsedEvent } from '../model/event';
import { normalizeIp } from '../net/ip';
import { protocolName } from './common';
import { splitColonEndpoint } from './endpoint';
import { stateless, type LineResult, type LogFamily } from './family';
import { actionFromWords, directionByAddress, isWanInterface } from './judge';
import { splitHeader } from './syslog-prefix';

/**
 * ZyXEL, two generations:
 * - Prestige / ZyNOS (P-645, P-660, P-2302 support notes, "Filter log"):
 *     ZyXEL Communications Corp.: IP[Src=202.132.154.1 Dst=192.168.1.33 UDP spo=0035 dpo=05d4]}S03>R01mF
 *   ports in hexadecimal; "S03>R01mF" = filter set 3, rule 1, matched (m), action F(orward) / D(rop) / N(one).
 * - ZyWALL USG / USG FLEX / ATP (ZLD), key="value" pairs:
 *     src="157.230.49.33:11031" dst="193.149.142.45:23" msg="Match default rule DROP" note="ACCESS BLOCK" …
 */

const ZYNOS =
  /IP\[Src=(\S+)\s+Dst=(\S+)\s+(\w+)(?:\s+spo=([0-9a-fA-F]+)\s+dpo=([0-9a-fA-F]+))?\s*\]\}?(S\d+>R\d+m([FDN]))?/;
const ZYNOS_ACTION: Record<string, Action> = { F: 'allow', D: 'drop', N: 'unknown' };
// Quoted pairs, and the unquoted ones newer firmware appends (dir=WAN1:LAN1 protoID=6 sent=930790).
const KV = /(\w+)=(?:"([^"]*)"|([^\s"]+))/g;

function parseZynos(m: RegExpExecArray, time: ParsedEvent['time']): LineResult {
  const src = normalizeIp(m[1] ?? '');
  const dst = normalizeIp(m[2] ?? '');
  if (!src || !dst) return { kind: 'unknown', reason: 'ZyXEL line with unreadable addresses' };
  const hex = (t: string | undefined): number | null => (t === undefined ? null : parseInt(t, 16));
  const event: ParsedEvent = {
    time,
    proto: protocolName(m[3] ?? ''),
    src,
    sport: hex(m[4]),
    dst,
    dport: hex(m[5]),
    action: m[7] ? (ZYNOS_ACTION[m[7]] ?? 'unknown') : 'unknown',
    flags: [],
    direction: directionByAddress(src, dst) ?? null,
    rule: m[6] ?? null,
  };
  return { kind: 'event', event };
}

export function parseZyxel(line: string): LineResult {
  const h = splitHeader(line);
  const zynos = ZYNOS.exec(h.body);
  if (zynos) return parseZynos(zynos, h.time);
  const kv = new Map<string, string>();
  for (const m of h.body.matchAll(KV)) kv.set(m[1] ?? '', m[2] ?? m[3] ?? '');
  const srcText = kv.get('src');
  const dstText = kv.get('dst');
  if (srcText === undefined || dstText === undefined || !kv.has('msg')) {
    return h.time ? { kind: 'ignored' } : { kind: 'unknown', reason: 'not a ZyXEL filter line' };
  }
  const s = splitColonEndpoint(srcText);
  const d = splitColonEndpoint(dstText);
  if (!s || !d) return { kind: 'ignored' };
  const note = kv.get('note') ?? '';
  // note="ACCESS BLOCK"/"ACCESS FORWARD" is the verdict; action="Drop" (newer firmware) is more precise.
  const actionText = kv.get('action');
  let action = actionText ? actionFromWords(actionText) : 'unknown';
  if (action === 'unknown') action = /FORWARD|ALLOW|PERMIT/i.test(note) ? 'allow' : actionFromWords(note);
  if (action === 'unknown') action = actionFromWords(kv.get('msg') ?? '');
  // A session record ("Traffic Log") is traffic the firewall let through.
  if (action === 'unknown' && /traffic log/i.test(kv.get('cat') ?? '')) action = 'allow';
  // Other categories (VPN, login, AP management …) print addresses but are not filter decisions.
  if (action === 'unknown') return { kind: 'ignored' };
  const protoText = kv.get('protoID') ?? kv.get('proto') ?? '';
  const proto = protocolName(protoText);
  // dir="WAN1:LAN1" (from zone : to zone) when the firmware prints it.
  const dir = kv.get('dir') ?? '';
  const [fromZone, toZone] = dir.split(':');
  const event: ParsedEvent = {
    time: h.time,
    proto: /^(tcp|udp|icmp|icmpv6|gre|esp|ah|sctp|igmp)$/.test(proto) ? proto : 'unknown',
    src: s.ip,
    sport: s.port,
    dst: d.ip,
    dport: d.port,
    action,
    flags: [],
    direction:
      directionByAddress(s.ip, d.ip) ?? (isWanInterface(fromZone) ? 'in' : isWanInterface(toZone) ? 'out' : null),
    iface: fromZone || null,
    rule: kv.get('cat') ?? null,
    message: kv.get('msg') ?? null,
  };
  return { kind: 'event', event };
}

export const zyxel: LogFamily = {
  id: 'zyxel',
  name: 'ZyXEL (ZyNOS Prestige filter log, ZyWALL/USG FLEX key="value")',
  example:
    '<142>May 22 17:24:08 2026 usgflex700h src="157.230.49.33:11031" dst="193.149.142.45:23" msg="Match default rule DROP" note="ACCESS BLOCK" user="" devID="f44d5c94f517" cat="Security Policy Control" action="Drop"',
  sniff(line) {
    if (line.includes('IP[Src=')) return 0.95;
    if (line.includes(' src="') && line.includes(' dst="') && line.includes(' msg="')) {
      return line.includes('note="') || line.includes('devID="') ? 0.9 : 0.5;
    }
    return 0;
  },
  open: stateless(parseZyxel),
};
