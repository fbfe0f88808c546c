import { createSocket, type RemoteInfo } from 'node:dgram';

export interface UdpListener {
  port: number;
  close(): Promise<void>;
}

/**
 * Binds a UDP socket for syslog (RFC 5426: one message per datagram). Resolves once bound, rejects with the
 * system's reason (EACCES for port 514 without privileges, EADDRINUSE when another syslog daemon has it).
 */
export function listenUdp(
  port: number,
  host: string,
  onMessage: (data: Buffer, from: RemoteInfo) => void,
): Promise<UdpListener> {
  return new Promise((resolve, reject) => {
    const socket = createSocket({ type: host.includes(':') ? 'udp6' : 'udp4', reuseAddr: false });
    const fail = (e: Error): void => {
      socket.close();
      reject(e);
    };
    socket.once('error', fail);
    socket.on('message', onMessage);
    socket.bind(port, host, () => {
      socket.removeListener('error', fail);
      // Errors after binding (rare for UDP) must not crash the app.
      socket.on('error', () => undefined);
      let closing: Promise<void> | null = null;
      resolve({
        port: socket.address().port,
        close: () => (closing ??= new Promise<void>((res) => socket.close(() => res()))),
      });
    });
  });
}
