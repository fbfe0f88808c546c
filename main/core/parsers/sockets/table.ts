import type { Direction, ParsedEvent } from '../../model/event';
import { type Endpoint, makeEvent } from '../endpoint';

/*
 * Shared rules for pasted socket tables (netstat, ss). A table row is a snapshot, not a packet: time null,
 * action 'allow' (the OS let the socket exist), src = local end, dst = foreign end.
 */

// netstat/ss spell TCP states differently; NetWhy uses the Linux netstat names (as the live-socket adapter does).
const STATES: Record<string, string> = {
  ESTAB: 'ESTABLISHED',
  LISTENING: 'LISTEN',
  'SYN-SENT': 'SYN_SENT',
  'SYN-RECV': 'SYN_RECV',
  SYN_RECEIVED: 'SYN_RECV',
  'FIN-WAIT-1': 'FIN_WAIT1',
  'FIN-WAIT-2': 'FIN_WAIT2',
  FIN_WAIT_1: 'FIN_WAIT1',
  FIN_WAIT_2: 'FIN_WAIT2',
  'TIME-WAIT': 'TIME_WAIT',
  'CLOSE-WAIT': 'CLOSE_WAIT',
  'LAST-ACK': 'LAST_ACK',
};

const KNOWN = new Set([
  'ESTABLISHED',
  'SYN_SENT',
  'SYN_RECV',
  'FIN_WAIT1',
  'FIN_WAIT2',
  'TIME_WAIT',
  'CLOSE',
  'CLOSED',
  'CLOSE_WAIT',
  'LAST_ACK',
  'LISTEN',
  'CLOSING',
  'UNCONN',
  'BOUND',
]);

/** Canonical state name, or null when the word is not a socket state. */
export function socketState(word: string | undefined): string | null {
  if (word === undefined) return null;
  const w = word.toUpperCase();
  const s = STATES[w] ?? w;
  return KNOWN.has(s) ? s : null;
}

/** The first port of the dynamic range Linux uses by default (net.ipv4.ip_local_port_range 32768–60999). */
const EPHEMERAL_FROM = 32768;

/**
 * Which way a connected socket was opened, seen from this PC:
 * 1. local port is one this same table shows LISTENing → 'in' (a peer connected to our server);
 * 2. exactly one side uses a system port (< 1024, RFC 6335 §6) → that side is the server;
 * 3. exactly one side is in the dynamic range (≥ 32768; Windows uses 49152+, within it) → the other side is the server;
 * 4. otherwise null. Server on the foreign side = 'out', on the local side = 'in'.
 */
export function socketDirection(
  localPort: number | null,
  remotePort: number | null,
  listening: ReadonlySet<number>,
): Direction {
  if (localPort === null || remotePort === null) return null;
  if (listening.has(localPort)) return 'in';
  const lSys = localPort < 1024;
  const rSys = remotePort < 1024;
  if (rSys && !lSys) return 'out';
  if (lSys && !rSys) return 'in';
  const lEph = localPort >= EPHEMERAL_FROM;
  const rEph = remotePort >= EPHEMERAL_FROM;
  if (lEph && !rEph) return 'out';
  if (rEph && !lEph) return 'in';
  return null;
}

/** Tracks listening ports of one pasted table (per protocol). */
export class ListeningPorts {
  private readonly byProto = new Map<string, Set<number>>();
  add(proto: string, port: number | null): void {
    if (port === null) return;
    let set = this.byProto.get(proto);
    if (!set) this.byProto.set(proto, (set = new Set()));
    set.add(port);
  }
  of(proto: string): ReadonlySet<number> {
    return this.byProto.get(proto) ?? new Set();
  }
}

/** Foreign ends that mean "not connected": "*:*", "0.0.0.0:0", "[::]:0", "0.0.0.0:*". */
export function isUnconnected(foreign: Endpoint | null): boolean {
  if (!foreign) return true;
  return (foreign.ip === '0.0.0.0' || foreign.ip === '::') && (foreign.port === null || foreign.port === 0);
}

export function socketEvent(
  proto: 'tcp' | 'udp',
  local: Endpoint,
  foreign: Endpoint,
  state: string | null,
  pid: number | null,
  process: string | null,
  listening: ListeningPorts,
): ParsedEvent {
  return makeEvent({
    time: null,
    proto,
    src: local,
    dst: foreign,
    action: 'allow',
    direction: socketDirection(local.port, foreign.port, listening.of(proto)),
    state: proto === 'tcp' ? state : null,
    pid,
    process,
  });
}
