import type { Database } from 'better-sqlite3';
import type { HostDetail, HostQuery, HostRow } from '../../../preload/contract/hosts';

/** What the analysis service writes per host; `detail` is the JSON of the host panel's extra fields. */
export interface HostRecord {
  row: HostRow;
  ownerId: string | null;
  confidence: string | null;
  ipKey: string;
  detail: Omit<HostDetail, keyof HostRow>;
}

interface DbRow {
  ip: string;
  owner: string | null;
  owner_name: string | null;
  role: string | null;
  asn: number | null;
  as_org: string | null;
  country: string | null;
  verdict: string;
  severity: string;
  lane: string;
  events: number;
  first_seen: number | null;
  last_seen: number | null;
  title_en: string;
  title_ja: string;
  updated_at: number;
  detail: string;
}

/** Where a rebuild writes while the app keeps reading `hosts`. */
const NEXT = 'hosts_next';

/**
 * Writes hosts one at a time inside the caller's transaction: `clear` empties the table, `put` adds a host. The
 * summary is derived data, rebuilt from events.
 */
export function hostWriter(
  db: Database,
  at: number,
  table: 'hosts' | typeof NEXT = 'hosts',
): { clear(): void; put(r: HostRecord): void } {
  const insert = db.prepare(`
    INSERT INTO ${table} (ip, owner, owner_name, role, asn, as_org, country, confidence, verdict, severity, lane, events,
                       first_seen, last_seen, title_en, title_ja, ip_key, updated_at, detail)
    VALUES (@ip, @owner, @ownerName, @role, @asn, @asOrg, @country, @confidence, @verdict, @severity, @lane, @events,
            @firstSeen, @lastSeen, @titleEn, @titleJa, @ipKey, @at, @detail)`);
  return {
    clear() {
      db.prepare(`DELETE FROM ${table}`).run();
    },
    put(r) {
      insert.run({
        ip: r.row.ip,
        owner: r.ownerId,
        ownerName: r.row.owner,
        role: r.row.role,
        asn: r.row.asn,
        asOrg: r.row.asOrg,
        country: r.row.country,
        confidence: r.confidence,
        verdict: r.row.verdict,
        severity: r.row.severity,
        lane: r.row.lane,
        events: r.row.events,
        firstSeen: r.row.firstSeen,
        lastSeen: r.row.lastSeen,
        titleEn: r.row.title.en,
        titleJa: r.row.title.ja,
        ipKey: r.ipKey,
        at,
        detail: JSON.stringify(r.detail),
      });
    },
  };
}

/**
 * Starts a rebuild beside the live table: an empty `hosts_next` with the same definition (read from the schema, so
 * it follows future migrations), and a writer into it. A rebuild left by a killed app is dropped first.
 */
export function beginHostsRebuild(db: Database, at: number): ReturnType<typeof hostWriter> {
  const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'hosts'").get() as {
    sql: string;
  };
  db.exec(`DROP TABLE IF EXISTS ${NEXT}`);
  db.exec(sql.replace(/^CREATE TABLE\s+("hosts"|hosts)/i, `CREATE TABLE ${NEXT}`));
  return hostWriter(db, at, NEXT);
}

/**
 * Puts the rebuilt table in place of `hosts` in one short transaction (a rename, and the indexes built once over
 * the finished rows): readers see the old table or the new one, never a half-written one.
 */
export function finishHostsRebuild(db: Database): void {
  const indexes = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'hosts' AND sql IS NOT NULL")
    .all() as { sql: string }[];
  db.transaction(() => {
    db.exec(`DROP TABLE hosts; ALTER TABLE ${NEXT} RENAME TO hosts;`);
    for (const { sql } of indexes) db.exec(sql);
  })();
}

export function abandonHostsRebuild(db: Database): void {
  db.exec(`DROP TABLE IF EXISTS ${NEXT}`);
}

/** Replaces the whole table in one transaction. */
export function replaceHosts(db: Database, records: readonly HostRecord[], at: number): void {
  const writer = hostWriter(db, at);
  db.transaction(() => {
    writer.clear();
    for (const r of records) writer.put(r);
  })();
}

const SORT_SQL: Record<NonNullable<HostQuery['sort']>, string> = {
  ip: 'ip_key',
  country: "COALESCE(country, '~')",
  owner: "COALESCE(owner_name, as_org, '~')",
  events: 'events',
  verdict: 'verdict',
  firstSeen: 'first_seen',
  lastSeen: 'last_seen',
};

function where(q: HostQuery): { sql: string; params: Record<string, string> } {
  const parts: string[] = [];
  const params: Record<string, string> = {};
  if (q.verdicts?.length) {
    parts.push(`verdict IN (${q.verdicts.map((_, i) => `@v${i}`).join(', ')})`);
    q.verdicts.forEach((v, i) => (params[`v${i}`] = v));
  }
  if (q.search?.trim()) {
    parts.push(
      "(ip LIKE @s ESCAPE '\\' OR owner_name LIKE @s ESCAPE '\\' OR as_org LIKE @s ESCAPE '\\' OR country LIKE @s ESCAPE '\\')",
    );
    params.s = `%${q.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

function toRow(r: DbRow): HostRow {
  return {
    ip: r.ip,
    owner: r.owner_name,
    role: r.role,
    asn: r.asn,
    asOrg: r.as_org,
    country: r.country,
    verdict: r.verdict as HostRow['verdict'],
    severity: r.severity as HostRow['severity'],
    lane: r.lane as HostRow['lane'],
    title: { en: r.title_en, ja: r.title_ja },
    events: r.events,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
  };
}

export function listHosts(db: Database, q: HostQuery): { total: number; hosts: HostRow[]; updatedAt: number | null } {
  const w = where(q);
  const dir = q.dir === 'asc' ? 'ASC' : 'DESC';
  const order = `${SORT_SQL[q.sort ?? 'events']} ${dir}, ip_key ASC`;
  const rows = db
    .prepare(`SELECT * FROM hosts ${w.sql} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
    .all({ ...w.params, limit: q.limit ?? 500, offset: q.offset ?? 0 }) as DbRow[];
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM hosts ${w.sql}`).get(w.params) as { n: number }).n;
  const updated = db.prepare('SELECT MAX(updated_at) AS at FROM hosts').get() as { at: number | null };
  return { total, hosts: rows.map(toRow), updatedAt: updated.at };
}

export function getHost(db: Database, ip: string): HostDetail | null {
  const r = db.prepare('SELECT * FROM hosts WHERE ip = ?').get(ip) as DbRow | undefined;
  if (!r) return null;
  return { ...toRow(r), ...(JSON.parse(r.detail) as Omit<HostDetail, keyof HostRow>) };
}

export function hostVerdicts(
  db: Database,
  ips: readonly string[],
): Record<string, { verdict: HostRow['verdict']; severity: HostRow['severity']; title: HostRow['title'] }> {
  const out: Record<string, { verdict: HostRow['verdict']; severity: HostRow['severity']; title: HostRow['title'] }> =
    {};
  const stmt = db.prepare('SELECT * FROM hosts WHERE ip = ?');
  for (const ip of ips) {
    const r = stmt.get(ip) as DbRow | undefined;
    if (r) out[ip] = { verdict: toRow(r).verdict, severity: toRow(r).severity, title: toRow(r).title };
  }
  return out;
}
