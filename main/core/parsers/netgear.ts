import type { ParsedEvent, TcpFlag, TimeParts } from '../model/event';
import { normalizeIp } from '../net/ip';
import { monthFromName } from '../time/parts';
import { parsePort, parseTcpFlags } from './common';
import { stateless, type LineResult, type LogFamily } from './family';
import { directionByAddress } from './judge';
import { splitHeader } from './syslog-prefix';

/**
 * NETGEAR home routers (R/RAX/Orbi/WNR/DGN lines). Every entry is "[<event>] <details>, <Weekday>, <Month> <dd>,
 * <yyyy> hh:mm:ss" (the web log and the e-mailed log), e.g.
 *   [DoS Attack: ACK Scan] from source: 89.108.72.11, port 80, Tuesday, February 16, 2016 08:28:56
 *   [LAN access from remote] from 77.247.108.110:55413 to 10.0.0.5:443, Wednesday, October 02, 2019 19:59:39
 * Firmware that logs through syslogd writes "[DoS attack: ACK Scan] from source: 1.2.3.4:443" with the syslog
 * header holding the time (NETGEAR GPL ipt_DLOG.c, "netgear spec v1.9" items 15/19/20).
 */

// ", Tuesday, February 16, 2016 17:35:23" / ", Friday, May 07,2021 00:21:49" / " Friday, Jan 27,2012 12:57:46".
const DATE =
  /,?\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,\s+([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})\s*$/;
const EVENT = /\[([^\]]+)\]\s*(.*)$/;
const DOS = /^DoS [Aa]ttack: (.+)$/;
// "from source: 23.1.2.3, port 443" (web log) or "from source: 23.1.2.3:443" (syslog).
const DOS_SOURCE = /from source:?\s*([0-9.]+)(?:,\s*port\s+(\d+)|:(\d+))?/;
const ENDPOINTS = /from\s+([0-9.]+):(\d+)\s+to\s+([0-9.]+):(\d+)/;
const SERVICE_SOURCE = /from source:?\s*([0-9.]+)/;

/**
 * The router names a "DoS Attack" after the TCP flags of a segment that matched no NAT/SPI state, so the name is
 * the flag set: an ACK Scan is a lone ACK, an RST Scan a lone RST, a SYN/ACK Scan a SYN+ACK (typically a server's
 * late reply to a connection the router already forgot; DOMAIN.md §5). XMAS = FIN+PSH+URG and NULL = no flags
 * follow nmap's scan names. Names without flags (Chargen, Smurf, Ping Sweep …) give none.
 */
function scanFlags(name: string): { proto: string; flags: TcpFlag[] } {
  const n = name.toLowerCase();
  if (/xmas/.test(n)) return { proto: 'tcp', flags: ['FIN', 'PSH', 'URG'] };
  if (/\bnull scan\b/.test(n)) return { proto: 'tcp', flags: [] };
  if (/ping|smurf|icmp/.test(n)) return { proto: 'icmp', flags: [] };
  const flags = parseTcpFlags(name.replace(/\b(scan|flood|attack)\b/gi, ''));
  if (flags.length > 0) return { proto: 'tcp', flags };
  if (/\btcp\b/.test(n) && !/\budp\b/.test(n)) return { proto: 'tcp', flags: [] };
  if (/\budp\b/.test(n) && !/\btcp\b/.test(n)) return { proto: 'udp', flags: [] };
  return { proto: 'unknown', flags: [] };
}

function netgearTime(text: string): { time: TimeParts; rest: string } | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const month = monthFromName(m[1] ?? '');
  if (month === undefined) return null;
  return {
    time: {
      year: Number(m[3]),
      month,
      day: Number(m[2]),
      hour: Number(m[4]),
      minute: Number(m[5]),
      second: Number(m[6]),
    },
    rest: text.slice(0, m.index),
  };
}

function base(time: TimeParts | null): Omit<ParsedEvent, 'src' | 'dst' | 'action' | 'direction'> {
  return { time, proto: 'unknown', sport: null, dport: null, flags: [] };
}

export function parseNetgear(line: string): LineResult {
  const h = splitHeader(line);
  // Firmware's internal "19 00" level prefix sometimes survives into the syslog text.
  const body = h.body.replace(/^\d{2} 00(?=\[)/, '');
  const ev = EVENT.exec(body);
  if (!ev) return { kind: 'unknown', reason: 'no [event] tag' };
  const name = (ev[1] ?? '').trim();
  const stamped = netgearTime(ev[2] ?? '');
  const time = stamped?.time ?? h.time;
  const details = stamped ? stamped.rest : (ev[2] ?? '');

  const dos = DOS.exec(name);
  if (dos) {
    const m = DOS_SOURCE.exec(details);
    const src = m ? normalizeIp(m[1] ?? '') : null;
    if (!m || !src) return { kind: 'unknown', reason: 'DoS entry without a source address' };
    const { proto, flags } = scanFlags(dos[1] ?? '');
    // The line names only the attacker: the target is the router's own WAN address, which it does not print.
    const event: ParsedEvent = {
      ...base(time),
      proto,
      flags,
      src,
      sport: parsePort(m[2] ?? m[3]),
      dst: '',
      // The router blocked it: the segment matched no connection and was discarded without an answer.
      action: 'drop',
      direction: 'in',
      message: name,
    };
    return { kind: 'event', event };
  }
  if (/^LAN access from remote$/i.test(name)) {
    const m = ENDPOINTS.exec(details);
    const src = m ? normalizeIp(m[1] ?? '') : null;
    const dst = m ? normalizeIp(m[3] ?? '') : null;
    if (!m || !src || !dst) return { kind: 'unknown', reason: 'LAN access entry without addresses' };
    // Logged for the first packet of a connection let in by port forwarding, port triggering or DMZ.
    const event: ParsedEvent = {
      ...base(time),
      src,
      sport: parsePort(m[2]),
      dst,
      dport: parsePort(m[4]),
      action: 'allow',
      direction: directionByAddress(src, dst) ?? 'in',
      message: name,
    };
    return { kind: 'event', event };
  }
  const svc = /^service blocked:\s*(.+)$/i.exec(name);
  if (svc) {
    const m = SERVICE_SOURCE.exec(details);
    const src = m ? normalizeIp(m[1] ?? '') : null;
    if (!src) return { kind: 'unknown', reason: 'service-blocked entry without a source' };
    // "Block Services": a LAN PC tried an outbound service the owner blocked; the line names no destination.
    const event: ParsedEvent = {
      ...base(time),
      src,
      dst: '',
      action: 'deny',
      direction: 'out',
      rule: (svc[1] ?? '').trim(),
      message: name,
    };
    return { kind: 'event', event };
  }
  // DHCP, Internet connected, NTP, admin login, site blocked/allowed, WLAN, UPnP, e-mail … are not connections.
  return stamped || h.time ? { kind: 'ignored' } : { kind: 'unknown', reason: 'Netgear entry without a date' };
}

export const netgear: LogFamily = {
  id: 'netgear',
  name: 'NETGEAR router log',
  example: '[DoS Attack: ACK Scan] from source: 89.108.72.11, port 80, Tuesday, February 16, 2016 08:28:56',
  sniff(line) {
    if (line.includes('[DoS Attack:') || line.includes('[DoS attack:')) return 0.95;
    if (line.includes('[LAN access from remote]')) return 0.95;
    if (line.includes('[') && DATE.test(line) && /^[^[]*\[[^\]]+\]/.test(line)) return 0.7;
    return 0;
  },
  open: stateless(parseNetgear),
};
