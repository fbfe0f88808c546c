import type { ParsedEvent } from '../model/event';
import { protocolName } from './common';
import { stateless, type LineResult, type LogFamily } from './family';
import { actionFromWords, directionByAddress } from './judge';
import { ADDR_PORT, endpointOf } from './endpoints-text';
import { splitHeader } from './syslog-prefix';

/**
 * The one-sentence firewall line of several Japanese home routers and ISP home gateways:
 *   UDP connection rejected from a.a.a.a:AAAAA to b.b.b.b:BBBBB
 *   FIREWALL UDP connection denied from 192.168.1.x:x to 192.168.1.x:x
 * Accepted whichever router wrote it, with any prefix or time in front (syslog, "2024/11/21 09:14:03", 午後…).
 */
const LINE = new RegExp(
  String.raw`\b(TCP|UDP|ICMP|ICMPv6)\s+connection\s+(rejected|denied|dropped|blocked|refused|discarded|accepted|allowed|permitted)\s+from\s+(${ADDR_PORT})\s+to\s+(${ADDR_PORT})`,
  'i',
);

export function parseConnectionLine(line: string): LineResult {
  const h = splitHeader(line);
  const m = LINE.exec(h.body);
  if (!m) return h.time ? { kind: 'ignored' } : { kind: 'unknown', reason: 'no "connection … from … to …" sentence' };
  const s = endpointOf(m[3] ?? '');
  const d = endpointOf(m[4] ?? '');
  if (!s || !d) return { kind: 'unknown', reason: 'unreadable addresses' };
  const event: ParsedEvent = {
    time: h.time,
    proto: protocolName(m[1] ?? ''),
    src: s.ip,
    sport: s.port,
    dst: d.ip,
    dport: d.port,
    action: actionFromWords(m[2] ?? ''),
    flags: [],
    direction: directionByAddress(s.ip, d.ip) ?? null,
    message: h.body.slice(0, m.index + m[0].length).trim(),
  };
  return { kind: 'event', event };
}

export const connectionLine: LogFamily = {
  id: 'connection-rejected',
  name: 'Japanese home router "UDP connection rejected from a:p to b:p" line',
  example: 'UDP connection rejected from 203.0.113.9:3478 to 192.168.1.10:61234',
  sniff(line) {
    return / connection (rejected|denied|dropped|blocked|refused|discarded|accepted|allowed|permitted) from /i.test(
      line,
    )
      ? 0.85
      : 0;
  },
  open: stateless(parseConnectionLine),
};
