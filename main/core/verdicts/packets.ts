import type { ConnectionEvent, TcpFlag } from '../model/event';
import { isInternetAddress, isLocalAddress } from '../net/scope';
import { THRESHOLDS, UDP_REPLY_PORTS, WEB_PORTS } from './thresholds';

export { isInternetAddress, isLocalAddress };

/**
 * What a TCP packet's flags say about who started the conversation. Routers name dropped packets after these
 * ("DoS Attack: ACK Scan"); the shape, not the router's label, decides the verdict.
 */
export type Shape =
  | 'syn' // SYN alone: someone opening a connection
  | 'synack' // a server answering a SYN
  | 'ack' // ACK (with PSH/FIN/RST maybe): part of a conversation already running
  | 'rst' // RST alone
  | 'fin' // FIN alone: nmap -sF
  | 'null' // no flag at all: nmap -sN
  | 'xmas' // FIN+PSH+URG: nmap -sX
  | 'synfin' // SYN+FIN: never legitimate
  | 'udp'
  | 'other' // ICMP and the rest
  | 'unknown'; // TCP whose log line has no flags

/** One event seen from this network: which side is the internet, and what the packet looks like. */
export interface Packet {
  event: ConnectionEvent;
  remote: string;
  local: string | null;
  remotePort: number | null;
  localPort: number | null;
  proto: string;
  /** The remote side sent this packet (a router's inbound log line). null for socket-table rows. */
  inbound: boolean | null;
  shape: Shape;
  /** A socket-table row (netstat/ss): a state, maybe a process, no flags. */
  socketRow: boolean;
  ts: number | null;
}

// Router logs that carry no flag field name the packet in words (Netgear "[DoS Attack: ACK Scan]").
const MESSAGE_FLAGS: [RegExp, TcpFlag[]][] = [
  [/SYN\/ACK|SYN-ACK|SYN ACK/i, ['SYN', 'ACK']],
  [/\bACK\b/i, ['ACK']],
  [/\bRST\b/i, ['RST']],
  [/\bFIN\b/i, ['FIN']],
  [/\bSYN\b/i, ['SYN']],
];

// Families that print every TCP flag a packet carries: no flag printed means a NULL packet, not a missing field.
const FLAG_COMPLETE_FORMATS = new Set(['netfilter']);

export function shapeOf(proto: string, flags: readonly TcpFlag[], message?: string | null, format?: string): Shape {
  if (proto === 'udp') return 'udp';
  if (proto !== 'tcp') return 'other';
  if (flags.length === 0 && format && FLAG_COMPLETE_FORMATS.has(format)) return 'null';
  let f = flags;
  if (f.length === 0 && message) {
    if (/NULL/i.test(message)) return 'null';
    if (/XMAS/i.test(message)) return 'xmas';
    f = MESSAGE_FLAGS.find(([re]) => re.test(message))?.[1] ?? [];
  }
  if (f.length === 0) return 'unknown';
  const has = (x: TcpFlag): boolean => f.includes(x);
  if (has('SYN') && has('FIN')) return 'synfin';
  if (has('FIN') && has('PSH') && has('URG') && !has('ACK')) return 'xmas';
  if (has('SYN')) return has('ACK') ? 'synack' : 'syn';
  if (has('ACK')) return 'ack';
  if (has('RST')) return 'rst';
  if (has('FIN')) return 'fin';
  return 'null';
}

/**
 * Which end of an event is the remote one and whether the remote end sent it. The one rule for the verdicts
 * (toPacket) and for the `remote` column the import stores (services/import-batches.ts), so that a walk over that
 * column meets every event of a host where the rules place it.
 */
export function placeEvent(event: Pick<ConnectionEvent, 'state' | 'direction' | 'src' | 'dst'>): {
  socketRow: boolean;
  inbound: boolean | null;
  remoteIsSrc: boolean;
} {
  const socketRow = event.state != null && event.state !== '';
  let inbound: boolean | null;
  if (socketRow) inbound = null;
  else if (event.direction === 'in') inbound = true;
  else if (event.direction === 'out') inbound = false;
  else if (isLocalAddress(event.src) && !isLocalAddress(event.dst)) inbound = false;
  // Both public (a router's WAN address as destination) or unknown: the logged source is the sender.
  else inbound = true;
  // Socket tables list the local end first.
  return { socketRow, inbound, remoteIsSrc: socketRow ? false : inbound !== false };
}

/**
 * The address an event is stored under (events.remote): the remote end as placeEvent puts it, or null when that end
 * is empty or private (a LAN device, multicast, this PC's loopback: no host the summary, the timeline colours or a
 * report is about). For a router's drop of an internet packet at its own public WAN address (both ends public, no
 * direction) that is the sender; for a socket-table row, the foreign address.
 */
export function storedRemote(event: Pick<ConnectionEvent, 'state' | 'direction' | 'src' | 'dst'>): string | null {
  const remote = placeEvent(event).remoteIsSrc ? event.src : event.dst;
  return isInternetAddress(remote) ? remote : null;
}

/** Places an event: the internet-side address, the local side, and whether the remote side sent it. */
export function toPacket(event: ConnectionEvent): Packet {
  const { socketRow, inbound, remoteIsSrc } = placeEvent(event);
  return {
    event,
    remote: remoteIsSrc ? event.src : event.dst,
    local: remoteIsSrc ? event.dst : event.src,
    remotePort: remoteIsSrc ? event.sport : event.dport,
    localPort: remoteIsSrc ? event.dport : event.sport,
    proto: event.proto,
    inbound,
    shape: shapeOf(event.proto, event.flags, event.message, event.format),
    socketRow,
    ts: event.tsUtc,
  };
}

/** A packet from a web server's port 80/443 that belongs to a conversation (late ACK/RST/FIN, QUIC). */
export function isWebReply(p: Packet): boolean {
  if (p.inbound !== true || p.remotePort === null || !WEB_PORTS.has(p.remotePort)) return false;
  if (p.proto === 'udp') return p.remotePort === 443;
  return p.shape === 'ack' || p.shape === 'rst' || p.shape === 'fin' || p.shape === 'synack';
}

/**
 * Could this inbound packet open a conversation or probe a port? SYN and the stealth shapes always; ACK/RST
 * only when aimed at a service port (an nmap ACK scan) — replies go to the user's high ephemeral ports;
 * UDP unless it comes from a reply port (DNS, NTP, QUIC, STUN).
 */
export function isScanShaped(p: Packet): boolean {
  if (p.inbound !== true || isWebReply(p)) return false;
  switch (p.shape) {
    case 'syn':
    case 'null':
    case 'xmas':
    case 'synfin':
    case 'unknown':
      return true;
    case 'fin':
    case 'ack':
    case 'rst':
    case 'synack':
      return p.localPort !== null && p.localPort < THRESHOLDS.highPort;
    case 'udp':
      return p.remotePort === null || !UDP_REPLY_PORTS.has(p.remotePort);
    default:
      return false;
  }
}

export function isStealth(p: Packet): boolean {
  return p.inbound === true && (p.shape === 'null' || p.shape === 'xmas' || p.shape === 'synfin');
}
