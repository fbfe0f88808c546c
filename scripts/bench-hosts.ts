/**
 * `npm run bench:hosts [-- --lines N]`: the host summary rebuilt after an import (services/analysis.ts
 * refreshHosts), on the import benchmark's netfilter log, whose addresses are nearly all distinct (the hardest case:
 * one host per event). Rebuilds twice (the first from an empty table, the second replacing a full one, as every
 * later import does) and measures the second's time, the longest stretch either held the event loop (the window's
 * main process: IPC and timers wait that long), and the process's peak RSS. Prints one JSON object as the last line.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../main/db/open';
import { bundledAttributor, refreshHosts } from '../main/services/analysis';
import { importLogFile } from '../main/services/import';
import { generateNetfilterLog } from './netfilter-log';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { lines: { type: 'string' } } });
  const lines = values.lines ? Number(values.lines) : 100_000;
  const dir = join(tmpdir(), 'netwhy-bench-hosts');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `netfilter-${lines}.log`);
  const dbFile = join(dir, 'bench.sqlite');
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
  await generateNetfilterLog(file, lines, Number.POSITIVE_INFINITY);
  const db = openDatabase(dbFile);
  await importLogFile(db, file, { tz: 'UTC', year: 2026 });
  const rssBefore = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(`imported ${lines} lines (peak RSS so far ${rssBefore} MB)`);

  // A 5 ms timer: the longest gap between its ticks is how long the rebuild kept the event loop busy.
  const rebuild = async (): Promise<{ seconds: number; stallMs: number; hosts: number; events: number }> => {
    let last = performance.now();
    let stallMs = 0;
    const probe = setInterval(() => {
      const now = performance.now();
      stallMs = Math.max(stallMs, now - last);
      last = now;
    }, 5);
    const t = performance.now();
    const r = await refreshHosts(db, { attributor: bundledAttributor(), now: Date.now() });
    const seconds = (performance.now() - t) / 1000;
    // One more tick, so a stall in the rebuild's last step is measured too.
    await new Promise((resolve) => setTimeout(resolve, 20));
    clearInterval(probe);
    return { seconds, stallMs, hosts: r.hosts, events: r.events };
  };
  // The first rebuild after the import starts from an empty table; every later one also replaces a full one.
  const first = await rebuild();
  console.log(
    `first rebuild: ${first.hosts} hosts in ${first.seconds.toFixed(1)} s, longest stall ${Math.round(first.stallMs)} ms`,
  );
  const again = await rebuild();
  console.log(`rebuilt again: ${again.seconds.toFixed(1)} s, longest stall ${Math.round(again.stallMs)} ms`);
  db.close();
  for (const f of [file, dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
  console.log(
    JSON.stringify({
      events: again.events,
      hosts: again.hosts,
      refreshSeconds: Math.round(again.seconds * 10) / 10,
      longestStallMs: Math.round(Math.max(first.stallMs, again.stallMs)),
      firstRefreshSeconds: Math.round(first.seconds * 10) / 10,
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
