import type { SocketObservation } from '../../core/model/socket';
import { socketState } from '../../core/parsers/sockets/table';

/** The shape systeminformation's networkConnections() returns (v5), before its quirks are fixed. */
export interface RawConnection {
  protocol?: string;
  localAddress?: string;
  localPort?: string | number;
  peerAddress?: string;
  peerPort?: string | number;
  state?: string;
  pid?: number | string | null;
  process?: string;
}

export interface ProcessInfo {
  name: string;
  path: string | null;
}

function toPort(value: string | number | undefined): number | null {
  if (value === undefined || value === '' || value === '*') return null;
  const n = typeof value === 'number' ? value : Number.parseInt(value, 10);
  return Number.isInteger(n) && n >= 0 && n <= 65_535 ? n : null;
}

function cleanAddress(address: string | undefined): string {
  if (!address) return '';
  let a = address.trim();
  if (a.startsWith('[') && a.endsWith(']')) a = a.slice(1, -1);
  const zone = a.indexOf('%');
  if (zone >= 0) a = a.slice(0, zone);
  return a;
}

const UNSPECIFIED = new Set(['', '*', '0.0.0.0', '::', '[::]']);

function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/**
 * Fixes systeminformation's known quirks (shared/DOMAIN.md §7): ports as strings, the Windows header row returned
 * as a connection ('proto'), empty process names on Windows (filled from `processes` by PID), macOS giving the
 * executable path as the process name, PID 0 for TIME_WAIT, and per-OS state spellings.
 */
export function normalizeConnections(
  raw: readonly RawConnection[],
  processes: ReadonlyMap<number, ProcessInfo>,
): SocketObservation[] {
  const out: SocketObservation[] = [];
  for (const r of raw) {
    const proto = (r.protocol ?? '').toLowerCase();
    const protocol = proto.startsWith('tcp') ? 'tcp' : proto.startsWith('udp') ? 'udp' : null;
    if (!protocol) continue; // the Windows header row ('proto') and anything unparseable
    const localAddress = cleanAddress(r.localAddress);
    const localPort = toPort(r.localPort);
    if (localPort === null) continue;
    const peer = cleanAddress(r.peerAddress);
    const remoteAddress = UNSPECIFIED.has(peer) ? '' : peer;
    const remotePort = remoteAddress ? toPort(r.peerPort) : null;
    // Windows and ss spell states differently from the netstat names NetWhy uses; the pasted-table parsers share
    // the same table. UDP has no state ('UNCONN'/'UNKNOWN'/'' depending on the OS).
    const state = protocol === 'udp' ? '' : (socketState(r.state) ?? '');
    const pidNum = typeof r.pid === 'string' ? Number.parseInt(r.pid, 10) : r.pid;
    const pid = pidNum && Number.isInteger(pidNum) && pidNum > 0 ? pidNum : null;
    const family = proto.endsWith('6') || localAddress.includes(':') ? 6 : 4;

    const given = (r.process ?? '').trim();
    const fromTable = pid !== null ? processes.get(pid) : undefined;
    const givenIsPath = /[\\/]/.test(given);
    const processName = given ? (givenIsPath ? baseName(given) : given) : (fromTable?.name ?? null);
    const processPath = givenIsPath ? given : (fromTable?.path ?? null);

    out.push({
      protocol,
      family,
      localAddress,
      localPort,
      remoteAddress,
      remotePort,
      state,
      pid,
      processName: processName || null,
      processPath: processPath || null,
    });
  }
  return out;
}
