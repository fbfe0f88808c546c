/** A live socket on this PC, as one poll of the OS sees it (quirks already fixed by the adapter). */
export interface SocketObservation {
  protocol: 'tcp' | 'udp';
  family: 4 | 6;
  localAddress: string;
  localPort: number;
  /** Empty string and null port for listening or unconnected sockets. */
  remoteAddress: string;
  remotePort: number | null;
  /** Normalised TCP state (ESTABLISHED, CLOSE_WAIT, LISTEN, TIME_WAIT …); '' for UDP. */
  state: string;
  pid: number | null;
  processName: string | null;
  processPath: string | null;
}

/** Identity of a connection across polls: protocol + both endpoints + owner. */
export function socketKey(s: SocketObservation): string {
  return `${s.protocol}|${s.localAddress}|${s.localPort}|${s.remoteAddress}|${s.remotePort ?? ''}|${s.pid ?? ''}`;
}
