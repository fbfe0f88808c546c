import si from 'systeminformation';
import type { SocketObservation } from '../../core/model/socket';
import { normalizeConnections, type ProcessInfo, type RawConnection } from './normalize';

export interface SocketSource {
  /** One snapshot of this PC's sockets with their owning processes. */
  poll(): Promise<SocketObservation[]>;
}

export interface SystemInformationLike {
  networkConnections(): Promise<RawConnection[]>;
  processes(): Promise<{ list: { pid: number; name: string; path?: string; command?: string }[] }>;
}

/**
 * Live sockets through systeminformation. The process table is costly (~100 ms), so it is read only when a socket
 * names a PID this cache has not seen, and at most once per `processRefreshMs`.
 */
export function createSystemSocketSource(
  lib: SystemInformationLike = si as unknown as SystemInformationLike,
  options: { processRefreshMs?: number; now?: () => number } = {},
): SocketSource {
  const refreshMs = options.processRefreshMs ?? 10_000;
  const now = options.now ?? Date.now;
  let table = new Map<number, ProcessInfo>();
  let tableAt = -Infinity;

  async function refreshProcesses(): Promise<void> {
    const { list } = await lib.processes();
    table = new Map(list.map((p) => [p.pid, { name: p.name, path: processPath(p.path, p.name, p.command) }] as const));
    tableAt = now();
  }

  return {
    async poll() {
      const raw = await lib.networkConnections();
      const needsTable = raw.some((r) => {
        const pid = typeof r.pid === 'string' ? Number.parseInt(r.pid, 10) : r.pid;
        return typeof pid === 'number' && pid > 0 && !table.has(pid);
      });
      if (needsTable && now() - tableAt >= refreshMs) {
        try {
          await refreshProcesses();
        } catch {
          // Names from the socket table are still shown; paths stay unknown.
        }
      }
      return normalizeConnections(raw, table);
    },
  };
}

/** systeminformation gives the folder in `path` on some systems and the full executable on others. */
function processPath(path: string | undefined, name: string, command: string | undefined): string | null {
  if (path) {
    const sep = path.includes('\\') ? '\\' : '/';
    return path.endsWith(name) ? path : `${path.replace(/[\\/]$/, '')}${sep}${name}`;
  }
  const first = command?.split(' ')[0];
  return first && /[\\/]/.test(first) ? first : null;
}
