import type { ParsedEvent, TcpFlag } from '../model/event';
import { normalizeIp } from '../net/ip';
import { stateless, type LineResult, type LogFamily } from './family';
import { splitHeader } from './syslog-prefix';

/**
 * BUFFALO AirStation attack log (WHR-G54S and relatives), as the log page shows it:
 *   種類/ATTACK ログ内容/ALERT [ SYN_FLOOD : ]: 1 attempts from ***.***.**.***.Total=1.
 * The line names the attack and the source only (no ports, no destination). Its "FIREWALL TCP connection denied
 * from a:p to b:p" lines are read by the connection-line family.
 */
const ATTACK = /ALERT \[\s*([A-Z_]+)\s*:?[^\]]*\]:\s*(\d+) attempts from ([0-9.]+?)\.?(?:Total=(\d+))?\.?$/;

/** A SYN flood is a burst of lone SYNs the router refused; other named attacks carry no flag set. */
function attackFlags(name: string): { proto: string; flags: TcpFlag[] } {
  if (/SYN/.test(name)) return { proto: 'tcp', flags: ['SYN'] };
  if (/UDP/.test(name)) return { proto: 'udp', flags: [] };
  if (/ICMP|PING|SMURF/.test(name)) return { proto: 'icmp', flags: [] };
  return { proto: 'unknown', flags: [] };
}

export function parseBuffalo(line: string): LineResult {
  const h = splitHeader(line);
  const m = ATTACK.exec(h.body.trim());
  if (!m) return h.time ? { kind: 'ignored' } : { kind: 'unknown', reason: 'not an AirStation attack line' };
  const src = normalizeIp(m[3] ?? '');
  if (!src) return { kind: 'unknown', reason: 'AirStation line with unreadable (masked?) address' };
  const name = m[1] ?? '';
  const event: ParsedEvent = {
    time: h.time,
    ...attackFlags(name),
    src,
    sport: null,
    // The target is the router's WAN address, which the line does not print.
    dst: '',
    dport: null,
    action: 'drop',
    direction: 'in',
    message: `${name}: ${m[2]} attempts`,
  };
  return { kind: 'event', event };
}

export const buffalo: LogFamily = {
  id: 'buffalo',
  name: 'BUFFALO AirStation attack log',
  example: 'ALERT [ SYN_FLOOD : ]: 1 attempts from 203.0.113.14.Total=1.',
  sniff(line) {
    return /ALERT \[\s*[A-Z_]+\s*:/.test(line) && line.includes(' attempts from ') ? 0.95 : 0;
  },
  open: stateless(parseBuffalo),
};
