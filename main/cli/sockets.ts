import { parseArgs } from 'node:util';
import { createLiveSocketSource, type SocketSource } from '../adapters/sockets';
import type { SocketObservation } from '../core/model/socket';
import { formatTable, type CliIo } from './io';

export const SOCKETS_USAGE = `netwhy sockets [--json]
  Lists this PC's live TCP and UDP sockets with their processes.
  --json   one JSON object per socket (JSON lines)
`;

function endpoint(address: string, port: number | null): string {
  if (!address) return '*';
  const host = address.includes(':') ? `[${address}]` : address;
  return port === null ? host : `${host}:${port}`;
}

/** Process name first, then protocol, then ports: the order the app's grouped list shows. */
export function sortSockets(sockets: SocketObservation[]): SocketObservation[] {
  return [...sockets].sort(
    (a, b) =>
      (a.processName ?? '~').localeCompare(b.processName ?? '~') ||
      (a.pid ?? 0) - (b.pid ?? 0) ||
      a.protocol.localeCompare(b.protocol) ||
      a.localPort - b.localPort ||
      a.remoteAddress.localeCompare(b.remoteAddress),
  );
}

export async function socketsCommand(
  argv: string[],
  io: CliIo,
  source: SocketSource = createLiveSocketSource(),
): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } }, strict: true });
  const sockets = sortSockets(await source.poll());
  if (values.json) {
    io.stdout(sockets.map((s) => JSON.stringify(s)).join('\n') + (sockets.length ? '\n' : ''));
    return 0;
  }
  io.stdout(
    formatTable(
      ['PROCESS', 'PID', 'PROTO', 'LOCAL', 'REMOTE', 'STATE', 'PATH'],
      sockets.map((s) => [
        s.processName ?? '-',
        s.pid === null ? '-' : String(s.pid),
        `${s.protocol}${s.family === 6 ? '6' : ''}`,
        endpoint(s.localAddress, s.localPort),
        endpoint(s.remoteAddress, s.remotePort),
        s.state || '-',
        s.processPath ?? '',
      ]),
    ),
  );
  io.stderr(`${sockets.length} sockets\n`);
  return 0;
}
