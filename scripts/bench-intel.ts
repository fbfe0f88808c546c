/**
 * npm run bench:intel — offline IP database speed. Prints one JSON object as the last line:
 *   {"loadMs", "lookupsPerSec", "rssMB"}
 * loadMs: reading and mapping resources/ipdb/ipdb.bin (cold, in this process). lookupsPerSec: IpDatabase.lookup() over
 * a deterministic mix of address strings (80 % IPv4, 3 % IPv4-mapped IPv6, 17 % IPv6), generated before timing, each
 * lookup a different address (the cache-hostile case); best of 5 rounds by wall clock. The line before it also gives
 * CPU-time rates (steadier on a shared machine) and a log-like mix with repeat addresses. rssMB: resident memory
 * of this process (Node + tsx + the loaded database) before the test strings are generated.
 * Targets (issue 4): loadMs <= 50, lookupsPerSec >= 5,000,000.
 */
import { loadBundledIpDatabase } from '../main/adapters/ipdb/load';
import type { IpDatabaseLike } from '../main/core/intel/ipdb';

const COUNT = 1_000_000;
const ROUNDS = 5;

/** Small deterministic PRNG (mulberry32) so every run times the same addresses. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const V6_HEADS = [0x2001, 0x2400, 0x2404, 0x2600, 0x2601, 0x2606, 0x2a00, 0x2a01, 0x2a02, 0x2a03, 0x2c0f, 0x2800];

function addresses(count: number): string[] {
  const rnd = mulberry32(20240601 + count);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = rnd() % 100;
    if (r < 80) {
      const n = rnd();
      out.push(`${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`);
    } else if (r < 83) {
      const n = rnd();
      out.push(`::ffff:${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`);
    } else {
      const head = V6_HEADS[rnd() % V6_HEADS.length] ?? 0x2001;
      const g = (): string => (rnd() & 0xffff).toString(16);
      // Half written in full, half compressed the way logs print them (RFC 5952).
      out.push(
        rnd() & 1
          ? `${head.toString(16)}:${g()}:${g()}:${g()}:${g()}:${g()}:${g()}:${g()}`
          : `${head.toString(16)}:${g()}:${g()}::${g()}`,
      );
    }
  }
  // Round-trip through one text, as addresses arrive from a log file: template literals build rope strings, whose
  // characters V8 reads noticeably slower than the flat strings a file reader produces.
  return out.join('\n').split('\n');
}

/** Times `rounds` passes of lookups over `ips`; the best round's rate by wall clock and by this process's CPU time. */
function measure(
  db: IpDatabaseLike,
  ips: readonly string[],
  rounds: number,
): { wall: number; cpu: number; hits: number } {
  let hits = 0;
  // Warm-up: let the JIT compile the lookup path before timing.
  for (let i = 0; i < Math.min(200_000, ips.length); i++) if (db.lookup(ips[i] as string)) hits++;
  let wall = 0;
  let cpu = 0;
  for (let round = 0; round < rounds; round++) {
    const c0 = process.cpuUsage();
    const start = performance.now();
    for (let i = 0; i < ips.length; i++) if (db.lookup(ips[i] as string)) hits++;
    const seconds = (performance.now() - start) / 1000;
    const c = process.cpuUsage(c0);
    wall = Math.max(wall, ips.length / seconds);
    cpu = Math.max(cpu, ips.length / ((c.user + c.system) / 1e6));
  }
  return { wall, cpu, hits };
}

const t0 = performance.now();
const { db, path } = loadBundledIpDatabase();
const loadMs = performance.now() - t0;
// Resident memory with the database loaded, before the benchmark's own million test strings exist.
const rssLoadedMB = process.memoryUsage().rss / 1048576;

// Every lookup a different address spread over the whole space: the cache-hostile worst case (the reported figure).
const uniform = addresses(COUNT);
// A log's view: 20,000 distinct hosts looked up again and again (most of a router log's lines are repeat visitors).
const distinct = addresses(20_000);
const logLike = Array.from({ length: COUNT }, (_, i) => distinct[(i * 7919) % distinct.length] as string);

const u = measure(db, uniform, ROUNDS);
const l = measure(db, logLike, ROUNDS);
const rssEndMB = process.memoryUsage().rss / 1048576;
const m = (n: number): string => `${(n / 1e6).toFixed(2)} M/s`;
console.log(
  `database: ${path} (data of ${db.meta.dataDate ?? 'unknown date'}, ${db.header.v4Count} IPv4 + ${db.header.v6Count} IPv6 ranges)`,
);
console.log(
  `uniform random: ${m(u.wall)} wall, ${m(u.cpu)} CPU; log-like (20k distinct): ${m(l.wall)} wall, ${m(l.cpu)} CPU; best of ${ROUNDS} x ${COUNT}; RSS ${rssLoadedMB.toFixed(0)} MB loaded, ${rssEndMB.toFixed(0)} MB with the test strings`,
);
console.log(
  JSON.stringify({
    loadMs: Math.round(loadMs * 10) / 10,
    lookupsPerSec: Math.round(u.wall),
    rssMB: Math.round(rssLoadedMB * 10) / 10,
  }),
);
