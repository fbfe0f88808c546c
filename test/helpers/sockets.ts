import type { SocketObservation } from '../../main/core/model/socket';

/** The scenarios' PC: Akamai NetSession (netsession_win.exe, PID 4321) listening on UDP 51234. */
export const NETSESSION_LISTENER: SocketObservation = {
  protocol: 'udp',
  family: 4,
  localAddress: '0.0.0.0',
  localPort: 51234,
  remoteAddress: '',
  remotePort: null,
  state: '',
  pid: 4321,
  processName: 'netsession_win.exe',
  processPath: null,
};

/** The same NetSession holding a half-closed connection to an Akamai edge (the CLOSE_WAIT users find in netstat). */
export const NETSESSION_CLOSE_WAIT: SocketObservation = {
  protocol: 'tcp',
  family: 4,
  localAddress: '192.168.1.20',
  localPort: 50999,
  remoteAddress: '23.215.0.137',
  remotePort: 443,
  state: 'CLOSE_WAIT',
  pid: 4321,
  processName: 'netsession_win.exe',
  processPath: null,
};
