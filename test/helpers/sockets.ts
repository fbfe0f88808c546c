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
