import type { Action, Direction, TimeParts } from '../model/event';
import { parseTcpFlags, protocolName } from './common';
import { type Endpoint, makeEvent, splitSlashEndpoint } from './endpoint';
import { stateless, type LineResult, type LogFamily } from './family';
import { directionByAddress } from './judge';
import { leadingTime } from './syslog-prefix';
import { monthFromName } from '../time/parts';

/*
 * Cisco ASA / FTD syslog, message texts from Cisco's "ASA Series Syslog Messages" guide:
 *   106001 Inbound TCP connection denied from IP/port to IP/port flags tcp_flags on interface name
 *   106006/106007 Deny inbound UDP from IP/port to IP/port on interface name | due to DNS Query
 *   106015 Deny TCP (no connection) from IP/port to IP/port flags tcp_flags on interface name
 *   106023 Deny protocol src iface:IP/port dst iface:IP/port [type t, code c,] by access-group "acl"
 *   106100 access-list acl {permitted|denied|est-allowed} protocol iface/IP(port) -> iface/IP(port) hit-cnt …
 *   302013/302015 Built {inbound|outbound} TCP|UDP connection id for iface:IP/port (mapped) to iface:IP/port (mapped)
 *   302020 Built {inbound|outbound} ICMP connection for faddr IP/0 gaddr IP/0 laddr IP/0
 * Teardowns (302014/302016/302021) repeat their Built line and print nothing; other message ids are not connections.
 */

const ID = /%(?:ASA|FTD|PIX|FWSM)(?:-\w+)?-(\d)-(\d{6}):?\s*(.*)$/;
const HEAD_TIME =
  /^(?:<\d{1,3}>)?\s*([A-Z][a-z]{2}) +(\d{1,2}) (?:(\d{4}) )?(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?: ([A-Z]{3,4}))?/;
// Interface names that face the internet in ASA configurations ("outside" is the default name).
const OUTSIDE = /outside|internet|untrust|external|^wan|isp/i;

function timeOf(pre: string): TimeParts | null {
  const m = HEAD_TIME.exec(pre);
  const month = m ? monthFromName(m[1] ?? '') : undefined;
  if (m && month !== undefined) {
    const t: TimeParts = { month, day: Number(m[2]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]) };
    if (m[3] !== undefined) t.year = Number(m[3]);
    if (m[7] !== undefined) t.millisecond = Number(m[7].padEnd(3, '0').slice(0, 3));
    // Only UTC is unambiguous among zone abbreviations; others ("EDT", "IST") are left to the import's zone.
    if (m[8] === 'UTC' || m[8] === 'GMT') t.offsetMinutes = 0;
    return t;
  }
  return leadingTime(pre.replace(/^<\d{1,3}>/, ''))?.time ?? null;
}

/** "outside:1.2.3.4/443" (interface names never hold a colon, IPv6 addresses do). */
function ifaceEndpoint(text: string): { iface: string; ep: Endpoint } | null {
  const i = text.indexOf(':');
  if (i < 0) return null;
  const ep = splitSlashEndpoint(text.slice(i + 1).replace(/\(.*$/, ''));
  return ep ? { iface: text.slice(0, i), ep } : null;
}

function byInterfaces(srcIface: string | null, dstIface: string | null, src: Endpoint, dst: Endpoint): Direction {
  if (srcIface && OUTSIDE.test(srcIface) && !(dstIface && OUTSIDE.test(dstIface))) return 'in';
  if (dstIface && OUTSIDE.test(dstIface) && !(srcIface && OUTSIDE.test(srcIface))) return 'out';
  return directionByAddress(src.ip, dst.ip) ?? null;
}

interface Parts {
  proto: string;
  src: Endpoint;
  dst: Endpoint;
  action: Action;
  direction: Direction;
  iface: string | null;
  rule?: string | null;
  flags?: string;
}

function parseMessage(id: string, text: string): Parts | 'ignored' | null {
  let m: RegExpExecArray | null;
  switch (id) {
    case '106001':
    case '106015':
      m =
        /(?:Inbound TCP connection denied|Deny TCP \(no connection\)) from (\S+) to (\S+) flags (.*?)\s+on interface (\S+)/.exec(
          text,
        );
      if (!m) return null;
      return withEndpoints(m[1], m[2], (src, dst) => ({
        proto: 'tcp',
        src,
        dst,
        action: 'deny',
        direction: id === '106001' || OUTSIDE.test(m?.[4] ?? '') ? 'in' : (directionByAddress(src.ip, dst.ip) ?? null),
        iface: m?.[4] ?? null,
        flags: m?.[3] ?? '',
      }));
    case '106006':
    case '106007':
      m = /Deny inbound (\w+) from (\S+) to (\S+?)(?: on interface (\S+)| due to)/.exec(text);
      if (!m) return null;
      return withEndpoints(m[2], m[3], (src, dst) => ({
        proto: protocolName(m?.[1] ?? ''),
        src,
        dst,
        action: 'deny',
        direction: 'in',
        iface: m?.[4] ?? null,
      }));
    case '106023': {
      m = /Deny (\S+) src (\S+) dst (\S+?),? (?:\(?type \d+, code \d+\)?,? )?by access-group "([^"]*)"/.exec(text);
      if (!m) return null;
      const s = ifaceEndpoint(m[2] ?? '');
      const d = ifaceEndpoint(m[3] ?? '');
      if (!s || !d) return null;
      return {
        proto: protocolName(m[1] ?? ''),
        src: s.ep,
        dst: d.ep,
        action: 'deny',
        direction: byInterfaces(s.iface, d.iface, s.ep, d.ep),
        iface: s.iface,
        rule: m[4] ?? null,
      };
    }
    case '106100': {
      m =
        /access-list (\S+) (permitted|denied|est-allowed) (\S+) ([^/\s]+)\/(\S+)\((\d+)\) -> ([^/\s]+)\/(\S+)\((\d+)\)/.exec(
          text,
        );
      if (!m) return null;
      const src = splitSlashEndpoint(`${m[5]}/${m[6]}`);
      const dst = splitSlashEndpoint(`${m[8]}/${m[9]}`);
      if (!src || !dst) return null;
      return {
        proto: protocolName(m[3] ?? ''),
        src,
        dst,
        action: m[2] === 'denied' ? 'deny' : 'allow',
        direction: byInterfaces(m[4] ?? null, m[7] ?? null, src, dst),
        iface: m[4] ?? null,
        rule: m[1] ?? null,
      };
    }
    case '302013':
    case '302015': {
      m = /Built (inbound|outbound) (TCP|UDP) connection \d+ for (\S+)(?: .*?)? to (\S+)/.exec(text);
      if (!m) return null;
      const f = ifaceEndpoint(m[3] ?? '');
      const l = ifaceEndpoint(m[4] ?? '');
      if (!f || !l) return null;
      // The "for" side is the one on the lower-security interface; the initiator is it for inbound connections.
      const inbound = m[1] === 'inbound';
      return {
        proto: protocolName(m[2] ?? ''),
        src: inbound ? f.ep : l.ep,
        dst: inbound ? l.ep : f.ep,
        action: 'allow',
        direction: inbound ? 'in' : 'out',
        iface: f.iface,
      };
    }
    case '302020': {
      m =
        /Built (inbound|outbound) ICMP connection for faddr (\S+?)(?:\(\S*\))? gaddr \S+ laddr (\S+?)(?:\(\S*\))?(?: |$)/.exec(
          text,
        );
      if (!m) return null;
      const inbound = m[1] === 'inbound';
      return withEndpoints(inbound ? m[2] : m[3], inbound ? m[3] : m[2], (src, dst) => ({
        proto: src.ip.includes(':') ? 'icmpv6' : 'icmp',
        src: { ip: src.ip, port: null },
        dst: { ip: dst.ip, port: null },
        action: 'allow',
        direction: inbound ? 'in' : 'out',
        iface: null,
      }));
    }
    default:
      return 'ignored';
  }
}

function withEndpoints(
  a: string | undefined,
  b: string | undefined,
  f: (s: Endpoint, d: Endpoint) => Parts,
): Parts | null {
  const s = splitSlashEndpoint((a ?? '').replace(/\(.*$/, ''));
  const d = splitSlashEndpoint((b ?? '').replace(/\(.*$/, ''));
  return s && d ? f(s, d) : null;
}

export function parseAsa(line: string): LineResult {
  const m = ID.exec(line);
  if (!m) return { kind: 'unknown', reason: 'not a Cisco ASA line' };
  const id = m[2] ?? '';
  const parts = parseMessage(id, m[3] ?? '');
  if (parts === 'ignored') return { kind: 'ignored' };
  if (!parts) return { kind: 'unknown', reason: `ASA ${id}: unexpected wording` };
  const proto = parts.proto;
  return {
    kind: 'event',
    event: makeEvent({
      time: timeOf(line.slice(0, m.index)),
      proto,
      src: proto === 'tcp' || proto === 'udp' ? parts.src : { ip: parts.src.ip, port: null },
      dst: proto === 'tcp' || proto === 'udp' ? parts.dst : { ip: parts.dst.ip, port: null },
      action: parts.action,
      flags: parseTcpFlags(parts.flags),
      direction: parts.direction,
      iface: parts.iface,
      rule: parts.rule ?? null,
      message: `ASA-${m[1]}-${id}`,
    }),
  };
}

export const ciscoAsa: LogFamily = {
  id: 'cisco-asa',
  name: 'Cisco ASA / FTD',
  example:
    'Apr 30 2013 09:23:40: %ASA-4-106023: Deny tcp src outside:192.168.2.126/53638 dst inside:10.0.0.132/8111 by access-group "acl_out" [0x71761f18, 0x0]',
  sniff(line) {
    return line.includes('%') && ID.test(line) ? 0.97 : 0;
  },
  open: stateless(parseAsa),
};
