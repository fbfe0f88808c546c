import { splitColonEndpoint } from '../parsers/endpoint';
import { isUnconnected } from '../parsers/sockets/table';
import type { LocalSocket } from './types';

// Same row layout the netstat-windows family reads (parsers/sockets/netstat-windows.ts).
const ROW = /^\s*(TCP|UDP)\s+(\S+)\s+(\S+)(?:\s+([A-Z_0-9]+))?(?:\s+(\d+))?\s*$/;

/**
 * The listening and unconnected UDP sockets of a pasted Windows `netstat -ano -b`, with the program `-b` names
 * on the line after them. The import family skips these rows (they are not connections), but they are what a
 * router log's rejected packets were aimed at: "netsession_win.exe listens on UDP 51234".
 */
export function listenersFromNetstatWindows(text: string): LocalSocket[] {
  const out: LocalSocket[] = [];
  let unowned: LocalSocket[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const m = ROW.exec(raw);
    if (m) {
      const protocol = m[1] === 'TCP' ? 'tcp' : 'udp';
      const state = protocol === 'tcp' ? (m[4] ?? '') : '';
      const pidText = protocol === 'tcp' ? m[5] : (m[5] ?? (m[4] && /^\d+$/.test(m[4]) ? m[4] : undefined));
      const local = splitColonEndpoint(m[2] ?? '');
      const foreign = m[3] === '*:*' ? null : splitColonEndpoint(m[3] ?? '');
      const listening = state === 'LISTENING' || (protocol === 'udp' && isUnconnected(foreign));
      if (!local || local.port === null || !listening) {
        unowned = [];
        continue;
      }
      const s: LocalSocket = {
        protocol,
        family: local.ip.includes(':') ? 6 : 4,
        localAddress: local.ip,
        localPort: local.port,
        remoteAddress: '',
        remotePort: null,
        state: protocol === 'tcp' ? 'LISTEN' : '',
        pid: pidText === undefined ? null : Number(pidText),
        processName: null,
        processPath: null,
        source: 'log',
      };
      out.push(s);
      unowned.push(s);
      continue;
    }
    const exe = /^\s*\[(.+)\]\s*$/.exec(raw);
    if (exe) {
      for (const s of unowned) s.processName = exe[1] ?? null;
      unowned = [];
    }
  }
  return out;
}
