/**
 * `npm run bench:import-ceiling [-- --lines N]`: how fast the two halves of an import could possibly go on this
 * machine, measured without NetWhy's own parser or writer, so the ≥ 500,000 lines/s target of issue 3 can be judged
 * against the hardware and SQLite rather than against our code.
 *
 * - sqliteInsertRowsPerSec: rows of the real `events` table (every migration applied, the bulk index dropped as a
 *   big import drops it) generated inside SQLite by one INSERT … SELECT per 10,000 rows: no JavaScript, no value
 *   binding, nothing to parse. Shaped like the benchmark's netfilter rows (a ~240-character raw line, two addresses).
 * - minimalReadLinesPerSec: the benchmark's log read, decoded and split into lines, with SRC, DST, SPT, DPT and the
 *   clock found by indexOf: no validation, no address normalisation, no zones, no format detection.
 * - blockStoreEventsPerSec: the other storage design, a few thousand events per SQLite row as one 300-byte-per-event
 *   BLOB (what a columnar event store would write).
 * - sqliteFloorRowsPerSec: the same rows made as cheap as a row per event can be: no raw line, no index of any kind
 *   (not even the (import, line) one a resume needs, nor the address index every host view needs), constant columns
 *   NULL. If this is below the target, no tuning of a one-row-per-event store can reach it.
 * - bestCaseLinesPerSec: the slower of the first two. With perfect overlap on both cores an import that parses and
 *   stores one row per event cannot beat it.
 * Prints one JSON object as the last line.
 */
import { closeSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dropBulkIndexes } from '../main/db/bulk-indexes';
import { openDatabase } from '../main/db/open';
import { createImport } from '../main/db/repos/imports';
import { generateNetfilterLog } from './netfilter-log';

const BATCH = 10_000;

function freshDatabase(file: string): ReturnType<typeof openDatabase> {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  return openDatabase(file);
}

function sqliteInsertRowsPerSec(dbFile: string, rows: number, floor = false): number {
  const db = freshDatabase(dbFile);
  dropBulkIndexes(db);
  const importId = createImport(db, { source: 'file', started_at: Date.now(), file_name: 'ceiling.log' });
  // The floor: the events columns without raw, zone or format, in a table with no index.
  const table = floor ? 'events_floor' : 'events';
  if (floor)
    db.exec(`CREATE TABLE events_floor (id INTEGER PRIMARY KEY, import_id INTEGER NOT NULL, line INTEGER NOT NULL,
      ts_utc INTEGER, ts_text TEXT, zone TEXT, proto TEXT, src TEXT, sport INTEGER, dst TEXT, dport INTEGER,
      action TEXT, flags TEXT, direction TEXT, iface TEXT, rule TEXT, length INTEGER, message TEXT, format TEXT,
      process TEXT, pid INTEGER, state TEXT, remote TEXT) STRICT`);
  // The rows, generated inside SQLite; timed once on their own so only the storing is counted.
  const generated = `WITH RECURSIVE s(n) AS (SELECT @first UNION ALL SELECT n + 1 FROM s WHERE n < @last)
     SELECT @importId AS import_id, n AS line, 1761955200000 + n * 200 AS ts_utc, 'Nov  1 00:00:01' AS ts_text,
       ${floor ? 'NULL' : "'UTC'"} AS zone, 'tcp' AS proto, a AS src, 443 AS sport, '192.168.1.20' AS dst, 49152 + n % 16000 AS dport,
       'deny' AS action, 'ACK,RST' AS flags, 'in' AS direction, 'eth0' AS iface, 'UFW BLOCK' AS rule,
       40 + n % 1400 AS length, NULL AS message, ${floor ? 'NULL' : "'netfilter'"} AS format, NULL AS process, NULL AS pid, NULL AS state,
       a AS remote${floor ? '' : ','}
       ${
         floor
           ? ''
           : `printf('Nov  1 00:00:01 router kernel: [%d.100000] [UFW BLOCK] IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=%s DST=192.168.1.20 LEN=%d TOS=0x00 PREC=0x00 TTL=52 ID=%d DF PROTO=TCP SPT=443 DPT=%d WINDOW=1024 RES=0x00 ACK RST URGP=0',
         n, a, 40 + n % 1400, n % 65535, 49152 + n % 16000) AS raw`
       }
     FROM (SELECT n, '23.' || (n % 256) || '.' || (n / 256 % 256) || '.' || (1 + n % 254) AS a FROM s)`;
  const columns =
    'import_id, line, ts_utc, ts_text, zone, proto, src, sport, dst, dport, action, flags, direction, iface, rule, ' +
    `length, message, format, process, pid, state, remote${floor ? '' : ', raw'}`;
  const insert = db.prepare(`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM (${generated})`);
  const generate = db.prepare(
    `SELECT sum(${floor ? '' : 'length(raw) + '}length(src) + length(remote) + dport) AS n FROM (${generated})`,
  );
  const run = (each: (first: number, last: number) => void): number => {
    const t = performance.now();
    for (let first = 1; first <= rows; first += BATCH) each(first, Math.min(rows, first + BATCH - 1));
    return (performance.now() - t) / 1000;
  };
  const generating = run((first, last) => generate.get({ importId, first, last }));
  const total = run((first, last) => db.transaction(() => insert.run({ importId, first, last }))());
  const seconds = total - generating;
  db.close();
  return rows / seconds;
}

function blockStoreEventsPerSec(dbFile: string, events: number): number {
  const db = freshDatabase(dbFile);
  db.exec('CREATE TABLE event_blocks (id INTEGER PRIMARY KEY, first_line INTEGER, n INTEGER, data BLOB) STRICT');
  const perBlock = 4096;
  // 300 bytes per event: about what a column block of this log's events would hold (raw line included).
  const block = Buffer.alloc(perBlock * 300, 0x41);
  const insert = db.prepare('INSERT INTO event_blocks (first_line, n, data) VALUES (?, ?, ?)');
  const write = db.transaction((first: number, blocks: number) => {
    for (let b = 0; b < blocks; b++) {
      const line = first + b * perBlock;
      const n = Math.min(perBlock, events - line);
      if (n <= 0) break;
      insert.run(line, n, n === perBlock ? block : block.subarray(0, n * 300));
    }
  });
  const t = performance.now();
  // Two blocks (8,192 events) per transaction, about the import's 10,000 lines.
  for (let first = 0; first < events; first += 2 * perBlock) write(first, 2);
  const seconds = (performance.now() - t) / 1000;
  db.close();
  return events / seconds;
}

function minimalReadLinesPerSec(file: string): number {
  const t = performance.now();
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(1 << 22);
  const decoder = new TextDecoder();
  const ts = new Float64Array(BATCH);
  const ports = new Int32Array(BATCH * 2);
  const texts: string[] = new Array<string>(BATCH * 3);
  let rest = '';
  let lines = 0;
  for (;;) {
    const got = readSync(fd, buf, 0, buf.length, null);
    if (got === 0) break;
    const text = rest + decoder.decode(buf.subarray(0, got), { stream: true });
    let i = 0;
    for (;;) {
      const end = text.indexOf('\n', i);
      if (end < 0) {
        rest = text.slice(i);
        break;
      }
      const line = text.slice(i, end);
      i = end + 1;
      const k = lines % BATCH;
      const s = line.indexOf(' SRC=');
      const d = line.indexOf(' DST=', s);
      const sp = line.indexOf(' SPT=', d);
      const dp = line.indexOf(' DPT=', sp);
      texts[k * 3] = line.slice(s + 5, line.indexOf(' ', s + 5));
      texts[k * 3 + 1] = line.slice(d + 5, line.indexOf(' ', d + 5));
      texts[k * 3 + 2] = line;
      ports[k * 2] = sp < 0 ? -1 : parseInt(line.slice(sp + 5, sp + 11), 10);
      ports[k * 2 + 1] = dp < 0 ? -1 : parseInt(line.slice(dp + 5, dp + 11), 10);
      const clock = (c: number): number => (line.charCodeAt(c) - 48) * 10 + line.charCodeAt(c + 1) - 48;
      ts[k] = clock(7) * 3_600_000 + clock(10) * 60_000 + clock(13) * 1000;
      lines++;
    }
  }
  closeSync(fd);
  return lines / ((performance.now() - t) / 1000);
}

function main(): Promise<void> {
  const { values } = parseArgs({ options: { lines: { type: 'string' } } });
  const lines = values.lines ? Number(values.lines) : 1_000_000;
  const dir = join(tmpdir(), 'netwhy-bench-import');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `ceiling-${lines}.log`);
  const dbFile = join(dir, 'ceiling.sqlite');
  return generateNetfilterLog(file, lines, Number.POSITIVE_INFINITY).then(() => {
    console.log(`generated ${lines} lines, ${(statSync(file).size / 1e6).toFixed(1)} MB: ${file}`);
    const read = minimalReadLinesPerSec(file);
    console.log(`minimal read: ${Math.round(read)} lines/s`);
    const insert = sqliteInsertRowsPerSec(dbFile, lines);
    console.log(`SQLite alone: ${Math.round(insert)} rows/s`);
    const floor = sqliteInsertRowsPerSec(dbFile, lines, true);
    console.log(`SQLite floor (no raw line, no index): ${Math.round(floor)} rows/s`);
    const blocks = blockStoreEventsPerSec(dbFile, lines);
    console.log(`blocks: ${Math.round(blocks)} events/s`);
    for (const f of [file, dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
    console.log(
      JSON.stringify({
        lines,
        sqliteInsertRowsPerSec: Math.round(insert),
        sqliteFloorRowsPerSec: Math.round(floor),
        minimalReadLinesPerSec: Math.round(read),
        blockStoreEventsPerSec: Math.round(blocks),
        bestCaseLinesPerSec: Math.round(Math.min(insert, read)),
        targetLinesPerSec: 500_000,
      }),
    );
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
