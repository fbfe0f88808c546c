import type { Connection } from '../../../../preload/contract/sockets';

export type SortKey = 'process' | 'protocol' | 'local' | 'remote' | 'state' | 'firstSeen' | 'lastSeen';
export type SortDir = 'asc' | 'desc';

export interface ProcessGroup {
  key: string;
  name: string | null;
  pid: number | null;
  path: string | null;
  rows: Connection[];
  openCount: number;
  stuckCount: number;
}

export function endpoint(address: string, port: number | null): string {
  if (!address) return '*';
  const host = address.includes(':') ? `[${address}]` : address;
  return port === null ? host : `${host}:${port}`;
}

/** Case-insensitive match against everything a row shows: process, pid, path, addresses, ports, state. */
export function matchesFilter(c: Connection, filter: string): boolean {
  const terms = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const hay = [
    c.processName ?? '',
    c.pid === null ? '' : String(c.pid),
    c.processPath ?? '',
    c.protocol,
    endpoint(c.localAddress, c.localPort),
    endpoint(c.remoteAddress, c.remotePort),
    c.state,
  ]
    .join(' ')
    .toLowerCase();
  return terms.every((t) => hay.includes(t));
}

function compare(a: Connection, b: Connection, key: SortKey): number {
  switch (key) {
    case 'process':
      return (a.processName ?? '').localeCompare(b.processName ?? '') || (a.pid ?? 0) - (b.pid ?? 0);
    case 'protocol':
      return a.protocol.localeCompare(b.protocol) || a.family - b.family;
    case 'local':
      return a.localAddress.localeCompare(b.localAddress) || a.localPort - b.localPort;
    case 'remote':
      return a.remoteAddress.localeCompare(b.remoteAddress) || (a.remotePort ?? -1) - (b.remotePort ?? -1);
    case 'state':
      return a.state.localeCompare(b.state);
    case 'firstSeen':
      return a.firstSeen - b.firstSeen;
    case 'lastSeen':
      return a.lastSeen - b.lastSeen;
  }
}

export function sortConnections(rows: readonly Connection[], key: SortKey, dir: SortDir): Connection[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare(a, b, key) || a.id - b.id);
}

/**
 * Groups rows by owning process (TCPView's tree). Groups are ordered by the sort key's best row, so sorting by
 * "last seen" brings the most recently active program to the top.
 */
/** The program a connection belongs to, as Connections groups and counts them: name and PID. */
export const processKey = (c: Connection): string => `${c.processName ?? ''}|${c.pid ?? ''}`;

export function groupByProcess(rows: readonly Connection[], key: SortKey, dir: SortDir): ProcessGroup[] {
  const sorted = sortConnections(rows, key, dir);
  const groups = new Map<string, ProcessGroup>();
  for (const c of sorted) {
    const gk = processKey(c);
    let g = groups.get(gk);
    if (!g) {
      g = { key: gk, name: c.processName, pid: c.pid, path: c.processPath, rows: [], openCount: 0, stuckCount: 0 };
      groups.set(gk, g);
    }
    g.rows.push(c);
    if (c.closedAt === null) g.openCount++;
    if (c.stuck) g.stuckCount++;
    g.path ??= c.processPath;
  }
  const list = [...groups.values()];
  if (key === 'process') {
    const sign = dir === 'asc' ? 1 : -1;
    // Unknown owners (TIME_WAIT, other users' sockets) always go last.
    list.sort(
      (a, b) =>
        (a.name === null ? 1 : b.name === null ? -1 : sign * a.name.localeCompare(b.name)) ||
        (a.pid ?? 0) - (b.pid ?? 0),
    );
  }
  return list;
}
