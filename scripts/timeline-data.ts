/**
 * Deterministic timeline data for `npm run bench:timeline`: N events over 30 days in the mix a home router log
 * shows (mostly Akamai edge replies, NetSession peers, a few scanners on Akamai Connected Cloud, other CDNs, ISPs,
 * unknowns), with the host summary rows the verdict service would write for their addresses.
 */
import type { Database } from 'better-sqlite3';
import type { Lane } from '../main/core/verdicts/lane';

export const BENCH_END = Date.UTC(2024, 4, 31);
export const BENCH_DAYS = 30;

interface Kind {
  lane: Lane;
  verdict: string;
  share: number;
  /** How many distinct addresses of this kind. */
  hosts: number;
  ip: (i: number) => string;
  proto: 'TCP' | 'UDP';
  sport: (r: number) => number;
  dport: (r: number) => number;
  action: string;
  label: string;
}

const q = (a: number, b: number, i: number): string => `${a}.${b}.${(i >> 8) & 255}.${i & 255}`;

const KINDS: Kind[] = [
  {
    lane: 'akamai-edge',
    verdict: 'cdn-reply',
    share: 0.42,
    hosts: 1_500,
    ip: (i) => q(23, 215, i),
    proto: 'TCP',
    sport: () => 443,
    dport: (r) => 49_152 + (r % 16_000),
    action: 'drop',
    label: 'ACK Scan',
  },
  {
    lane: 'akamai-netsession',
    verdict: 'p2p-download',
    share: 0.12,
    hosts: 800,
    ip: (i) => q(95, 100, i),
    proto: 'UDP',
    sport: (r) => 1024 + (r % 60_000),
    dport: () => 48_500,
    action: 'drop',
    label: 'UDP Port Scan',
  },
  {
    lane: 'akamai-cloud',
    verdict: 'scan',
    share: 0.08,
    hosts: 60,
    ip: (i) => q(45, 33, i),
    proto: 'TCP',
    sport: (r) => 30_000 + (r % 30_000),
    dport: (r) => [22, 23, 3389, 445, 8080][r % 5] ?? 22,
    action: 'drop',
    label: 'SYN Scan',
  },
  {
    lane: 'other-cdn',
    verdict: 'cdn-reply',
    share: 0.16,
    hosts: 600,
    ip: (i) => q(104, 16, i),
    proto: 'TCP',
    sport: () => 443,
    dport: (r) => 49_152 + (r % 16_000),
    action: 'drop',
    label: 'RST Scan',
  },
  {
    lane: 'isp',
    verdict: 'probe',
    share: 0.1,
    hosts: 400,
    ip: (i) => q(126, 1, i),
    proto: 'TCP',
    sport: (r) => 1024 + (r % 60_000),
    dport: (r) => [80, 443, 8443][r % 3] ?? 80,
    action: 'drop',
    label: 'SYN Scan',
  },
  {
    lane: 'unknown',
    verdict: 'unknown',
    share: 0.12,
    hosts: 2_000,
    ip: (i) => q(185, 220, i),
    proto: 'UDP',
    sport: (r) => 1024 + (r % 60_000),
    dport: (r) => 1024 + (r % 60_000),
    action: 'accept',
    label: 'UDP',
  },
];

const pad = (n: number): string => String(n).padStart(2, '0');
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A Netgear-style line (the form DOMAIN.md §5 quotes), so the event list shows something realistic. */
function netgearLine(k: Kind, ip: string, sport: number, t: number): string {
  const d = new Date(t);
  return `[DoS Attack: ${k.label}] from source: ${ip}, port ${sport}, ${DAYS[d.getUTCDay()]}, ${MONTHS[d.getUTCMonth()]} ${pad(
    d.getUTCDate(),
  )},${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Fills `db` (fresh, migrated) with `count` events; returns the time range. */
export function fillTimelineDatabase(db: Database, count: number): { from: number; to: number } {
  const from = BENCH_END - BENCH_DAYS * 86_400_000;
  let seed = 12_345;
  const rnd = (): number => {
    // xorshift32: fast and the same on every run.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4_294_967_296;
  };
  db.pragma('synchronous = OFF');
  db.prepare(
    `INSERT INTO imports (id, source, file_name, family, status, started_at, updated_at, finished_at, lines_total,
       lines_parsed) VALUES (1, 'file', 'netgear-30-days.log', 'netgear', 'done', ?, ?, ?, ?, ?)`,
  ).run(BENCH_END, BENCH_END, BENCH_END, count, count);
  const ROWS = 100;
  const cols =
    '(import_id, line, ts_utc, ts_text, zone, proto, src, sport, dst, dport, action, flags, direction, format, remote, raw)';
  const one = "(1, ?, ?, ?, 'UTC', ?, ?, ?, '203.0.113.20', ?, ?, ?, 'in', 'netgear', ?, ?)";
  const many = db.prepare(`INSERT INTO events ${cols} VALUES ${new Array(ROWS).fill(one).join(',')}`);
  const cumulative: number[] = [];
  KINDS.reduce((sum, k) => (cumulative.push(sum + k.share), sum + k.share), 0);
  const span = BENCH_DAYS * 86_400_000;
  // Daily rhythm: more traffic in the evening, as a household's is.
  const when = (i: number): number => {
    const base = from + (i / count) * span;
    const hour = Math.floor((base % 86_400_000) / 3_600_000);
    const jitter = (rnd() - 0.5) * (hour >= 18 ? 60_000 : 240_000);
    return Math.min(BENCH_END - 1, Math.max(from, Math.round(base + jitter)));
  };
  db.transaction(() => {
    let batch: unknown[] = [];
    for (let i = 0; i < count; i++) {
      const r = rnd();
      const k = KINDS[cumulative.findIndex((c) => r < c)] ?? KINDS[0]!;
      const host = Math.floor(rnd() ** 2 * k.hosts); // a few addresses are much busier than the rest
      const ip = k.ip(host);
      const ri = Math.floor(rnd() * 1e9);
      const t = when(i);
      const sport = k.sport(ri);
      batch.push(
        i + 1,
        t,
        new Date(t).toISOString(),
        k.proto,
        ip,
        sport,
        k.dport(ri),
        k.action,
        k.proto === 'TCP' ? 'ACK' : '',
        ip,
        netgearLine(k, ip, sport, t),
      );
      if (batch.length === ROWS * 11) {
        many.run(batch);
        batch = [];
      }
    }
    if (batch.length) {
      const rest = batch.length / 11;
      db.prepare(`INSERT INTO events ${cols} VALUES ${new Array(rest).fill(one).join(',')}`).run(batch);
    }
    const host = db.prepare(
      `INSERT OR IGNORE INTO hosts (ip, verdict, severity, lane, events, title_en, title_ja, ip_key, updated_at)
       VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?)`,
    );
    for (const k of KINDS) {
      for (let h = 0; h < k.hosts; h++) {
        const ip = k.ip(h);
        host.run(
          ip,
          k.verdict,
          k.verdict === 'scan' ? 'warning' : 'info',
          k.lane,
          k.verdict,
          k.verdict,
          ip,
          BENCH_END + 1,
        );
      }
    }
  })();
  db.pragma('synchronous = NORMAL');
  return { from, to: BENCH_END };
}
