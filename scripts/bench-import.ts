/**
 * `npm run bench:import [-- --lines N | --size 1GB] [--keep]`: generates a deterministic netfilter log, then measures
 * parsing alone (readLogFileChunks, as `netwhy parse` reads), parse + store (importLogFile into a fresh database), `grep -c` over the same file
 * (the I/O baseline) and the process's peak RSS. Prints one JSON object as the last line (issue 3).
 * Targets: >= 500,000 lines/s parse + store; peak RSS <= 300 MB for a 1 GB file.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../main/db/open';
import { importLogFile } from '../main/services/import';
import { readLogFileChunks } from '../main/services/read-log';
import { generateNetfilterLog } from './netfilter-log';

function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(k|m|g)?i?b?$/i.exec(text.trim());
  if (!m) throw new Error(`--size: cannot read "${text}" (e.g. 1GB, 500MB)`);
  const unit = { k: 1 << 10, m: 1 << 20, g: 1 << 30 }[(m[2] ?? '').toLowerCase() as 'k' | 'm' | 'g'] ?? 1;
  return Math.round(Number(m[1]) * unit);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { lines: { type: 'string' }, size: { type: 'string' }, keep: { type: 'boolean', default: false } },
  });
  const bytes = values.size ? parseSize(values.size) : Number.POSITIVE_INFINITY;
  const wanted = values.lines ? Number(values.lines) : values.size ? Number.POSITIVE_INFINITY : 1_000_000;
  const dir = join(tmpdir(), 'netwhy-bench-import');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, values.size ? `netfilter-${values.size}.log` : `netfilter-${wanted}.log`);
  const dbFile = join(dir, 'bench.sqlite');

  let t = performance.now();
  const lines = await generateNetfilterLog(file, wanted, bytes);
  const size = statSync(file).size;
  console.log(
    `generated ${lines} lines, ${(size / 1e6).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s: ${file}`,
  );

  t = performance.now();
  execFileSync('grep', ['-c', 'SRC=', file]);
  const grepSeconds = (performance.now() - t) / 1000;
  console.log(`grep -c: ${grepSeconds.toFixed(2)} s`);

  t = performance.now();
  let events = 0;
  for await (const chunk of readLogFileChunks(file, { tz: 'UTC', year: 2026 })) events += chunk.length;
  const parseSeconds = (performance.now() - t) / 1000;
  console.log(`parse: ${events} events in ${parseSeconds.toFixed(2)} s`);

  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
  const db = openDatabase(dbFile);
  t = performance.now();
  let lastShown = 0;
  // The parse worker, bundled beside this script by run-bundled.mjs as the app builds it beside its main process.
  const parseWorker = join(__dirname, 'import-worker.cjs');
  const result = await importLogFile(db, file, { tz: 'UTC', year: 2026, parseWorker }, (p) => {
    if (performance.now() - lastShown > 2000) {
      lastShown = performance.now();
      console.log(
        `  ${(p.bytesDone / 1e6).toFixed(0)} / ${(p.bytesTotal / 1e6).toFixed(0)} MB, ${p.linesPerSec} lines/s`,
      );
    }
  });
  const importSeconds = (performance.now() - t) / 1000;
  db.close();
  console.log(`import: ${result.row.lines_parsed} events stored in ${importSeconds.toFixed(2)} s (${result.outcome})`);
  if (!values.keep) for (const f of [file, dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });

  const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  if (values.size && peakRssMB > 300) console.log(`WARNING: peak RSS ${peakRssMB} MB is above the 300 MB target`);
  console.log(
    JSON.stringify({
      lines,
      parseLinesPerSec: Math.round(lines / parseSeconds),
      importLinesPerSec: Math.round(lines / importSeconds),
      importSeconds: Math.round(importSeconds * 100) / 100,
      grepSeconds: Math.round(grepSeconds * 100) / 100,
      peakRssMB,
    }),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
