/**
 * npm run bench:sockets — what one live-socket poll costs with 500 sockets open (the benchmark opens them on
 * loopback itself). A poll is what the app does every 2 s: systeminformation's networkConnections() (+ the process
 * table when a new PID appears), NetWhy's quirk fixes, and recording the snapshot in SQLite.
 * CPU counts this process AND the children it waits for (netstat/ss), read from /proc/self/stat where available.
 * Last line: {"sockets","pollWallMs","pollCpuMs","cpuPercentAt2s"} (medians).
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLiveSocketSource } from '../main/adapters/sockets';
import { openDatabase } from '../main/db/open';
import { recordSocketSnapshot } from '../main/services/sockets';

const TARGET_SOCKETS = Number(process.argv.find((a) => a.startsWith('--sockets='))?.split('=')[1] ?? 500);
const POLLS = Number(process.argv.find((a) => a.startsWith('--polls='))?.split('=')[1] ?? 25);

/** Children's user+system CPU in ms (Linux /proc: cutime + cstime, in clock ticks of 1/100 s). */
function childrenCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); cutime and cstime are fields 16 and 17.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function main(): Promise<void> {
  const server = createServer(() => undefined);
  server.maxConnections = TARGET_SOCKETS;
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;
  const clients: Socket[] = [];
  // Each loopback connection is two sockets (client and server ends).
  for (let i = 0; i < Math.floor(TARGET_SOCKETS / 2); i++) {
    const c = connect(port, '127.0.0.1');
    clients.push(c);
    await new Promise<void>((done) => c.once('connect', () => done()));
  }

  const dir = mkdtempSync(join(tmpdir(), 'netwhy-bench-'));
  const db = openDatabase(join(dir, 'bench.sqlite'));
  const source = createLiveSocketSource();
  await source.poll(); // warm-up: loads the process table once, as the app does at start

  const wall: number[] = [];
  const cpu: number[] = [];
  let sockets = 0;
  for (let i = 0; i < POLLS; i++) {
    const c0 = process.cpuUsage();
    const k0 = childrenCpuMs();
    const t0 = performance.now();
    const snapshot = await source.poll();
    recordSocketSnapshot(db, snapshot, Date.now());
    wall.push(performance.now() - t0);
    const own = process.cpuUsage(c0);
    const k1 = childrenCpuMs();
    cpu.push((own.user + own.system) / 1000 + (k0 !== null && k1 !== null ? k1 - k0 : 0));
    sockets = snapshot.filter((s) => s.localPort === port || s.remotePort === port).length;
    await new Promise((r) => setTimeout(r, 50));
  }

  for (const c of clients) c.destroy();
  server.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });

  const pollCpuMs = median(cpu);
  const result = {
    sockets,
    pollWallMs: Number(median(wall).toFixed(2)),
    pollCpuMs: Number(pollCpuMs.toFixed(2)),
    cpuPercentAt2s: Number(((pollCpuMs / 2000) * 100).toFixed(3)),
  };
  console.log(
    `polls: ${POLLS}, sockets seen on the benchmark port: ${sockets}; children CPU ${childrenCpuMs() === null ? 'not measurable here' : 'included'}`,
  );
  console.log(JSON.stringify(result));
}

void main();
