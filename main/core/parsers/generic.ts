import type { ParsedEvent } from '../model/event';
import { parseTcpFlags, protocolName } from './common';
import { stateless, type LineResult, type LogFamily } from './family';
import { actionFromWords, directionByAddress } from './judge';
import { ADDR_PORT, endpointOf } from './endpoints-text';
import { splitHeader } from './syslog-prefix';

/**
 * Last resort for logs no family knows: any line with two address:port pairs (IPv4 or [IPv6]:port) and a verdict
 * word (block/deny/drop/reject/accept/allow/permit, 拒否/破棄/許可 …). The first pair is taken as the source,
 * the second as the destination, which is how "from X to Y" and "X -> Y" lines read.
 */
const PAIR = new RegExp(ADDR_PORT, 'g');
const PROTO = /\b(TCP|UDP|ICMPv6|ICMP|GRE|ESP|SCTP)\b/i;
const FLAG_WORDS = /\b(SYN|ACK|FIN|RST|PSH|URG)\b/g;

export function parseGeneric(line: string): LineResult {
  const h = splitHeader(line);
  const pairs = h.body.match(PAIR);
  if (!pairs || pairs.length < 2) return { kind: 'unknown', reason: 'fewer than two address:port pairs' };
  const action = actionFromWords(h.body);
  if (action === 'unknown') return { kind: 'unknown', reason: 'no verdict word' };
  const s = endpointOf(pairs[0] ?? '');
  const d = endpointOf(pairs[1] ?? '');
  if (!s || !d) return { kind: 'unknown', reason: 'unreadable addresses' };
  const protoMatch = PROTO.exec(h.body);
  const protoNumber = /\bPROTO=(\w+)/.exec(h.body);
  const proto = protoMatch
    ? protocolName(protoMatch[1] ?? '')
    : protoNumber
      ? protocolName(protoNumber[1] ?? '')
      : 'unknown';
  const event: ParsedEvent = {
    time: h.time,
    proto,
    src: s.ip,
    sport: s.port,
    dst: d.ip,
    dport: d.port,
    action,
    flags: proto === 'tcp' ? parseTcpFlags((h.body.match(FLAG_WORDS) ?? []).join(' ')) : [],
    direction: directionByAddress(s.ip, d.ip) ?? null,
    message: h.body,
  };
  return { kind: 'event', event };
}

export const generic: LogFamily = {
  id: 'generic',
  name: 'Generic: two address:port pairs and a verdict word',
  example:
    'Apr 17 00:32:31 malice kernel: Packet log: input REJECT eth0 PROTO=6 192.168.25.3:2351 172.16.50.3:111 L=60 S=0x00 I=45086 F=0x4000 T=45 SYN (#8)',
  sniff(line) {
    const pairs = line.match(PAIR);
    return pairs && pairs.length >= 2 && actionFromWords(line) !== 'unknown' ? 0.2 : 0;
  },
  open: stateless(parseGeneric),
};
