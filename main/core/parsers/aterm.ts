import type { ParsedEvent } from '../model/event';
import { normalizeIp } from '../net/ip';
import { parsePort, protocolName } from './common';
import { stateless, type LineResult, type LogFamily } from './family';
import { directionByAddress } from './judge';
import { splitHeader } from './syslog-prefix';

/**
 * NEC Aterm (older firmware) NAPT refusals, as users paste them from the router's log page:
 *   2001/12/01 20:14:23 Refused NATe P:6(TCP) SRC:**** DST:**** SPORT:2419 (unknown) DPORT:80 (HTTP)
 * "NATe" is NEC's name for its NAPT; "Refused" = the packet matched no translation and was discarded.
 */
const REFUSED =
  /Refused NATe\s+P:(\d+)(?:\((\w+)\))?\s+SRC:(\S+)\s+DST:(\S+)\s+SPORT:(\d+)(?:\s*\([^)]*\))?\s+DPORT:(\d+)/;

export function parseAterm(line: string): LineResult {
  const h = splitHeader(line);
  const m = REFUSED.exec(h.body);
  if (!m) return h.time ? { kind: 'ignored' } : { kind: 'unknown', reason: 'not an Aterm NATe line' };
  const src = normalizeIp(m[3] ?? '');
  const dst = normalizeIp(m[4] ?? '');
  if (!src || !dst) return { kind: 'unknown', reason: 'Aterm line with unreadable (masked?) addresses' };
  const event: ParsedEvent = {
    time: h.time,
    proto: protocolName(m[1] ?? ''),
    src,
    sport: parsePort(m[5]),
    dst,
    dport: parsePort(m[6]),
    action: 'drop',
    flags: [],
    direction: directionByAddress(src, dst) ?? null,
    message: 'Refused NATe',
  };
  return { kind: 'event', event };
}

export const aterm: LogFamily = {
  id: 'aterm',
  name: 'NEC Aterm (Refused NATe)',
  example:
    '2001/12/01 20:14:23 Refused NATe P:6(TCP) SRC:198.51.100.23 DST:192.0.2.5 SPORT:2419 (unknown) DPORT:80 (HTTP)',
  sniff(line) {
    return line.includes('Refused NATe') ? 0.95 : 0;
  },
  open: stateless(parseAterm),
};
