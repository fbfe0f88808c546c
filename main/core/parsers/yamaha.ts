import type { Action, Direction, ParsedEvent } from '../model/event';
import { protocolName } from './common';
import { splitColonEndpoint, splitDotEndpoint, type Endpoint } from './endpoint';
import { stateless, type LineResult, type LogFamily } from './family';
import { directionByAddress } from './judge';
import { leadingTime, splitHeader } from './syslog-prefix';

/**
 * Yamaha RTX / NVR / FWX routers (syslog or `show log`). Two connection lines:
 *   [INSPECT] LAN2[out][200102] TCP 192.0.2.1:40980 > 198.51.100.2:80 (2012/06/19 10:10:44)
 *     the stateful ("dynamic") filter opened a session: interface, direction, filter number, first packet, time.
 *   PP[01] Rejected at IN(2000) filter: TCP 198.51.100.7:52311 > 192.0.2.1:23
 *     a static filter matched: "Rejected" (reject = discard, Yamaha's reject filters do not answer) or "Passed".
 * IPv6 endpoints print as "2001:db8::1.443" (port after the last dot).
 */

const INSPECT = /\[INSPECT\]\s+(\S+?)\[(in|out)\]\[(\d+)\]\s+(\S+)\s+(\S+)\s+>\s+(\S+)(?:\s+\((.+?)\))?/;
const FILTER =
  /(?:^|\s)(\S+)\s+(Rejected|Passed|Restricted)\s+at\s+(IN|OUT)\(([^)]*)\)\s+filter:\s+(\S+)\s+(\S+)\s+>\s+(\S+)/;

function endpoint(text: string, proto: string): Endpoint | null {
  const hasPort = proto === 'tcp' || proto === 'udp';
  if (/^\d+\.\d+\.\d+\.\d+(:\d+)?$/.test(text)) return splitColonEndpoint(text);
  if (text.includes(':')) return splitDotEndpoint(text, hasPort && /\.\d+$/.test(text));
  return null;
}

/**
 * Direction: by addresses first (internet -> private = in). Otherwise by interface: LAN1 is the LAN side on every
 * RTX default config, so a packet entering it ("IN") heads outward; on PP/TUNNEL/LAN2+ (the WAN side) "IN" is inbound.
 */
function direction(src: string, dst: string, iface: string, dir: 'in' | 'out'): Direction {
  const byAddr = directionByAddress(src, dst);
  if (byAddr) return byAddr;
  const lanSide = /^LAN1$/i.test(iface);
  if (dir === 'in') return lanSide ? 'out' : 'in';
  return lanSide ? 'in' : 'out';
}

function build(
  protoText: string,
  srcText: string,
  dstText: string,
  fields: Pick<ParsedEvent, 'time' | 'action' | 'iface' | 'rule' | 'message'>,
  dir: 'in' | 'out',
): LineResult {
  const proto = protocolName(protoText);
  const s = endpoint(srcText, proto);
  const d = endpoint(dstText, proto);
  if (!s || !d) return { kind: 'unknown', reason: 'Yamaha line with unreadable (masked?) addresses' };
  const event: ParsedEvent = {
    ...fields,
    proto,
    src: s.ip,
    sport: s.port,
    dst: d.ip,
    dport: d.port,
    flags: [],
    direction: direction(s.ip, d.ip, fields.iface ?? '', dir),
  };
  return { kind: 'event', event };
}

export function parseYamaha(line: string): LineResult {
  const h = splitHeader(line);
  const ins = INSPECT.exec(h.body);
  if (ins) {
    const stamped = ins[7] ? leadingTime(`${ins[7]} `) : null;
    return build(
      ins[4] ?? '',
      ins[5] ?? '',
      ins[6] ?? '',
      {
        time: stamped?.time ?? h.time,
        // INSPECT logs the first packet of a session the dynamic filter let through.
        action: 'allow',
        iface: ins[1] ?? null,
        rule: ins[3] ?? null,
        message: 'INSPECT',
      },
      (ins[2] ?? 'in') as 'in' | 'out',
    );
  }
  const f = FILTER.exec(h.body);
  if (f) {
    const verdict = f[2] ?? '';
    const action: Action = verdict === 'Passed' ? 'allow' : 'drop';
    return build(
      f[5] ?? '',
      f[6] ?? '',
      f[7] ?? '',
      {
        time: h.time,
        action,
        iface: f[1] ?? null,
        rule: f[4] ?? null,
        message: `${verdict} at ${f[3]}(${f[4]}) filter`,
      },
      (f[3] ?? 'IN').toLowerCase() as 'in' | 'out',
    );
  }
  return h.time ? { kind: 'ignored' } : { kind: 'unknown', reason: 'not a Yamaha filter or INSPECT line' };
}

export const yamaha: LogFamily = {
  id: 'yamaha',
  name: 'Yamaha RTX / NVR / FWX router',
  example: 'PP[01] Rejected at IN(2000) filter: TCP 198.51.100.7:52311 > 192.0.2.1:23',
  sniff(line) {
    if (line.includes('[INSPECT]') && line.includes(' > ')) return 0.95;
    if (/ (Rejected|Passed) at (IN|OUT)\(/.test(line)) return 0.95;
    return 0;
  },
  open: stateless(parseYamaha),
};
