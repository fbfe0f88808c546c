import type { Database } from 'better-sqlite3';

/** Small hand-made rows for timeline tests: imports, events, hosts and live connections. */

export function addImport(db: Database, id: number, name = `log-${id}.txt`, source = 'file'): void {
  db.prepare(
    `INSERT INTO imports (id, source, file_name, status, started_at, updated_at, finished_at)
     VALUES (?, ?, ?, 'done', 1, 1, 1)`,
  ).run(id, source, name);
}

export interface EventSpec {
  importId: number;
  line: number;
  ts: number | null;
  remote: string | null;
  proto?: string;
  action?: string;
  dport?: number;
  sport?: number;
  process?: string | null;
  raw?: string;
}

export function addEvents(db: Database, events: readonly EventSpec[]): void {
  const stmt = db.prepare(
    `INSERT INTO events (import_id, line, ts_utc, proto, src, sport, dst, dport, action, flags, direction, process,
       remote, raw) VALUES (?, ?, ?, ?, ?, ?, '192.168.1.2', ?, ?, '', 'in', ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const e of events) {
      stmt.run(
        e.importId,
        e.line,
        e.ts,
        e.proto ?? 'TCP',
        e.remote,
        e.sport ?? 443,
        e.dport ?? 50_000,
        e.action ?? 'drop',
        e.process ?? null,
        e.remote,
        e.raw ?? `line ${e.line} from ${e.remote ?? '?'}`,
      );
    }
  })();
}

export function setHost(db: Database, ip: string, lane: string, verdict: string, at = 2): void {
  db.prepare(
    `INSERT INTO hosts (ip, verdict, severity, lane, events, title_en, title_ja, ip_key, updated_at)
     VALUES (?, ?, 'info', ?, 0, '', '', ?, ?)
     ON CONFLICT(ip) DO UPDATE SET lane = excluded.lane, verdict = excluded.verdict, updated_at = excluded.updated_at`,
  ).run(ip, verdict, lane, ip, at);
}

export function addLiveConnection(
  db: Database,
  c: { id: number; remote: string; process: string; states: [string, number][]; closedAt?: number },
): void {
  const first = c.states[0]?.[1] ?? 0;
  db.prepare(
    `INSERT INTO connections (id, key, protocol, family, local_address, local_port, remote_address, remote_port, pid,
       process_name, state, state_since, first_seen, last_seen, closed_at)
     VALUES (?, ?, 'tcp', 4, '192.168.1.2', 51000, ?, 443, 42, ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.id,
    `k${c.id}`,
    c.remote,
    c.process,
    c.states.at(-1)?.[0] ?? 'ESTABLISHED',
    first,
    first,
    first,
    c.closedAt ?? null,
  );
  for (const [state, at] of c.states) {
    db.prepare('INSERT INTO connection_states (connection_id, state, at) VALUES (?, ?, ?)').run(c.id, state, at);
  }
}
