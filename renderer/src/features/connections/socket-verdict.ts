import type { HostRow } from '../../../../preload/contract/hosts';

type VerdictId = HostRow['verdict'];
type Severity = HostRow['severity'];

/** What a live socket's row shows: a verdict about this socket, or the address's overall verdict labelled as such. */
export type SocketBadge =
  | { kind: 'socket'; verdict: VerdictId; severity: Severity }
  /** `from`: 'log' when the verdict can only come from router-log lines, 'address' for the address as a whole. */
  | { kind: 'address'; verdict: VerdictId; severity: Severity; from: 'log' | 'address' };

// Verdicts that describe rejected or unasked-for packets in a router log, never a connection a program here opened.
const LOG_ONLY: ReadonlySet<VerdictId> = new Set(['cdn-reply', 'scan', 'probe']);
// States in which the program on this PC holds the connection open (main/core/verdicts/rules/stale-local.ts).
const STALE_STATES = new Set(['CLOSE_WAIT', 'LAST_ACK']);

/**
 * The badge of one live socket, from the stored verdict of its remote address. The address's verdict sums up
 * everything seen of it (router-log lines too): "CDN reply" for an address whose late replies the router dropped
 * says nothing about the browser connection open to it now, which is an ordinary CDN connection.
 */
export function socketBadge(
  host: { verdict: VerdictId; severity: Severity },
  socket: { state: string; stuck: boolean },
): SocketBadge {
  if (socket.stuck || (host.verdict === 'stale-local' && STALE_STATES.has(socket.state)))
    return { kind: 'socket', verdict: 'stale-local', severity: 'notice' };
  // The CDN-reply rule only matches CDN addresses: a socket open to one is an ordinary CDN connection.
  if (host.verdict === 'cdn-reply') return { kind: 'socket', verdict: 'cdn-connection', severity: 'info' };
  if (LOG_ONLY.has(host.verdict)) return { kind: 'address', ...host, from: 'log' };
  // A program not closing another connection to this address: this socket is not the one.
  if (host.verdict === 'stale-local') return { kind: 'address', ...host, from: 'address' };
  return { kind: 'socket', ...host };
}
