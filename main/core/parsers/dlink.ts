import type { ParsedEvent } from '../model/event';
import { normalizeIp } from '../net/ip';
import { parseTcpFlags, protocolName } from './common';
import { splitColonEndpoint } from './endpoint';
import { stateless, type LineResult, type LogFamily } from './family';
import { directionByAddress } from './judge';
import { leadingTime, splitHeader } from './syslog-prefix';

/**
 * D-Link DIR / DGL ("GamerLounge") firmware messages, from the firmware's own string table
 * (IPNAT_TCP_BLOCKED_EGRESS_NOT_SYN and siblings):
 *   Blocked outgoing TCP packet from %v:%u to %v:%u as %s received but there is no active connection
 *   Dropped packet from %v to %v that was received from the wrong network interface (IP address spoofing)
 * "%s" is the segment's flag set ("SYN:ACK", "FIN:ACK", "RST"): the router dropped a segment that matched no NAT
 * session (DOMAIN.md §5).
 */

const BLOCKED =
  /Blocked (incoming|outgoing) (\w+) packet from (\S+) to (\S+?)(?: as (\S+) received but there is no active connection)?(?:\s|$)/;
const SPOOFED = /Dropped packet from (\S+) to (\S+) that was received from the wrong network interface/;
// The device's own clock, printed after the syslog header: "Sun Sep 17 08:18:54 2006 GamerLounge System Log:".
const DEVICE_TIME = /(?:^|\s)((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2} \d{4})\s/;

export function parseDlink(line: string): LineResult {
  const h = splitHeader(line);
  const dev = DEVICE_TIME.exec(h.body);
  const time = (dev ? leadingTime(`${dev[1]} `)?.time : undefined) ?? h.time;
  const b = BLOCKED.exec(h.body);
  if (b) {
    const s = splitColonEndpoint(b[3] ?? '');
    const d = splitColonEndpoint(b[4] ?? '');
    if (!s || !d) return { kind: 'unknown', reason: 'D-Link line with unreadable addresses' };
    const proto = protocolName(b[2] ?? '');
    const event: ParsedEvent = {
      time,
      proto,
      src: s.ip,
      sport: s.port,
      dst: d.ip,
      dport: d.port,
      action: 'drop',
      flags: proto === 'tcp' ? parseTcpFlags((b[5] ?? '').replace(/:/g, ' ')) : [],
      direction: b[1] === 'incoming' ? 'in' : 'out',
      message: b[5] ? `no active connection (${b[5]})` : `Blocked ${b[1]} ${b[2]} packet`,
    };
    return { kind: 'event', event };
  }
  const sp = SPOOFED.exec(h.body);
  if (sp) {
    const src = normalizeIp(sp[1] ?? '');
    const dst = normalizeIp(sp[2] ?? '');
    if (!src || !dst) return { kind: 'unknown', reason: 'D-Link line with unreadable addresses' };
    const event: ParsedEvent = {
      time,
      proto: 'unknown',
      src,
      sport: null,
      dst,
      dport: null,
      action: 'drop',
      flags: [],
      direction: directionByAddress(src, dst) ?? null,
      message: 'IP address spoofing',
    };
    return { kind: 'event', event };
  }
  return time ? { kind: 'ignored' } : { kind: 'unknown', reason: 'not a D-Link firewall line' };
}

export const dlink: LogFamily = {
  id: 'dlink',
  name: 'D-Link DIR / DGL router',
  example:
    'Sep 17 08:18:42 192.168.0.1 Sun Sep 17 08:18:54 2006 GamerLounge System Log: Blocked outgoing TCP packet from 192.168.0.200:139 to 192.168.88.1:2536 as SYN:ACK received but there is no active connection',
  sniff(line) {
    if (line.includes('received but there is no active connection')) return 0.95;
    if (/Blocked (incoming|outgoing) \w+ packet from /.test(line)) return 0.9;
    if (line.includes('received from the wrong network interface')) return 0.9;
    return 0;
  },
  open: stateless(parseDlink),
};
