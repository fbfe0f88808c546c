import { protocolName } from './common';
import { makeEvent, splitColonEndpoint } from './endpoint';
import { stateless, type LineResult, type LogFamily } from './family';
import { directionByAddress } from './judge';
import { splitHeader } from './syslog-prefix';

/*
 * LANCOM (LCOS) firewall syslog notification, as documented in the LCOS reference manual (Firewall > "SYSLOG
 * notifications"): "PACKET_ALERT: Dst: 192.168.200.10:80 {}, Src: 10.0.0.37:4353 {} (TCP): port filter".
 * Ports appear only for port-based protocols; {} holds a station name when LANCOM can resolve it locally.
 * The notification is sent when the firewall drops a packet. The optional PACKET_INFO follow-up line names the
 * filter and its actions but repeats no addresses, so it prints nothing.
 */

const ALERT = /PACKET_ALERT: Dst: (\S+?) \{[^}]*\}, Src: (\S+?) \{[^}]*\} \(([\w-]+)\): ?(.*)$/;

export function parseLancom(line: string): LineResult {
  const m = ALERT.exec(line);
  if (!m) {
    if (line.includes('PACKET_INFO') || /^\s*matched filter:/.test(line)) return { kind: 'ignored' };
    return { kind: 'unknown', reason: 'not a LANCOM PACKET_ALERT line' };
  }
  const dst = splitColonEndpoint(m[1] ?? '');
  const src = splitColonEndpoint(m[2] ?? '');
  if (!src || !dst) return { kind: 'unknown', reason: 'LANCOM: bad address' };
  return {
    kind: 'event',
    event: makeEvent({
      time: splitHeader(line.slice(0, m.index)).time,
      proto: protocolName(m[3] ?? ''),
      src,
      dst,
      action: 'drop',
      direction: directionByAddress(src.ip, dst.ip) ?? null,
      message: (m[4] ?? '').trim() || null,
    }),
  };
}

export const lancom: LogFamily = {
  id: 'lancom',
  name: 'LANCOM (LCOS) firewall',
  example: 'PACKET_ALERT: Dst: 192.168.200.10:80 {}, Src: 10.0.0.37:4353 {} (TCP): port filter',
  sniff(line) {
    if (line.includes('PACKET_ALERT: Dst: ')) return 0.97;
    return line.includes('PACKET_INFO:') ? 0.9 : 0;
  },
  open: stateless(parseLancom),
};
