import { existsSync } from 'node:fs';
import { createProcSocketSource } from './linux-proc';
import { createSystemSocketSource, type SocketSource } from './systeminformation';

export type { SocketSource };

/**
 * The live-socket source for this OS: Linux reads /proc directly (see linux-proc.ts for why); Windows and macOS
 * use systeminformation with NetWhy's quirk fixes.
 */
export function createLiveSocketSource(platform: NodeJS.Platform = process.platform): SocketSource {
  if (platform === 'linux' && existsSync('/proc/net/tcp')) return createProcSocketSource();
  return createSystemSocketSource();
}
