import { normalizeIp } from '../net/ip';
import { parsePort, protocolName } from './common';
import { intOrNull, makeEvent } from './endpoint';
import { stateless, type LineResult, type LogFamily } from './family';
import { directionByAddress } from './judge';
import { leadingTime } from './syslog-prefix';

/*
 * Peplink / Pepwave firewall event log, as documented in the Peplink Balance user manual (Firewall > Event
 * Logging): "Aug 13 23:47:44 Denied CONN=WAN1 SRC=20.3.2.1 DST=192.168.1.20 LEN=48 PROTO=TCP SPT=2260 DPT=80".
 * CONN names the connection (LAN, WAN1, "Ethernet WAN" — it may hold spaces). Only the "Denied" wording is
 * documented; lines for allow rules have no published sample and are not read.
 */

const LINE = /Denied CONN=(.+?) SRC=(\S+) DST=(\S+)(?: LEN=(\d+))? PROTO=(\S+)(?: SPT=(\d+))?(?: DPT=(\d+))?/;

export function parsePeplink(line: string): LineResult {
  const m = LINE.exec(line);
  if (!m) return { kind: 'unknown', reason: 'not a Peplink firewall line' };
  const src = normalizeIp(m[2] ?? '');
  const dst = normalizeIp(m[3] ?? '');
  if (src === null || dst === null) return { kind: 'unknown', reason: 'Peplink: bad address' };
  const proto = protocolName(m[5] ?? '');
  const ported = proto === 'tcp' || proto === 'udp';
  return {
    kind: 'event',
    event: makeEvent({
      time: leadingTime(line.slice(0, m.index).replace(/^<\d{1,3}>/, ''))?.time ?? null,
      proto,
      src: { ip: src, port: ported ? parsePort(m[6]) : null },
      dst: { ip: dst, port: ported ? parsePort(m[7]) : null },
      action: 'deny',
      direction: directionByAddress(src, dst) ?? null,
      iface: m[1] ?? null,
      length: intOrNull(m[4]),
      message: 'Denied',
    }),
  };
}

export const peplink: LogFamily = {
  id: 'peplink',
  name: 'Peplink / Pepwave firewall',
  example: 'Aug 13 23:47:44 Denied CONN=WAN1 SRC=20.3.2.1 DST=192.168.1.20 LEN=48 PROTO=TCP SPT=2260 DPT=80',
  sniff(line) {
    return line.includes('Denied CONN=') && LINE.test(line) ? 0.97 : 0;
  },
  open: stateless(parsePeplink),
};
