import type { Database } from 'better-sqlite3';
import { ruleText } from '../../core/verdicts/analyze';
import type { TextVars } from '../../core/verdicts/types';
import type { HostDetail, HostQuery, HostRow, VerdictDto } from '../../../preload/contract/hosts';

/**
 * A host's verdict as stored: the rule id and the values its texts are filled from, not the texts. The title,
 * explanation and advice in both languages were ~60 % of a host's details (~1.4 of 2.3 KB): written for 100,000
 * hosts on every rebuild, read for the one host a panel opens. getHost writes them again (core ruleText).
 */
export type StoredVerdict = Omit<VerdictDto, 'title' | 'explanation' | 'advice'> & { vars: TextVars };

/** The host panel's extra fields as stored in host_details. */
export type StoredHostDetail = Omit<HostDetail, keyof HostRow | 'verdictDetail'> & { verdictDetail: StoredVerdict };

/** What the analysis service writes per host; `detail` goes to host_details as JSON. */
export interface HostRecord {
  row: HostRow;
  ownerId: string | null;
  confidence: string | null;
  ipKey: string;
  detail: StoredHostDetail;
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
}

/**
 * The summary's two tables: `hosts` (the list's rows and indexes) and `host_details` (the panel's JSON, kept apart
 * so the rows stay small; migration 0008 says why). They are written, rebuilt and swapped together.
 */
const LIVE = { hosts: 'hosts', details: 'host_details' } as const;
/** Where a rebuild writes while the app keeps reading the live tables. */
const NEXT = { hosts: 'hosts_next', details: 'host_details_next' } as const;
/** The tables a finished rebuild replaced, until a pause after the swap drops them. */
const RETIRED = { hosts: 'hosts_retired', details: 'host_details_retired' } as const;
type Tables = typeof LIVE | typeof NEXT;

/**
 * Writes hosts one at a time inside the caller's transaction: `clear` empties both tables, `put` adds a host's row
 * and its details. The summary is derived data, rebuilt from events.
 */
export function hostWriter(
  db: Database,
  at: number,
  tables: Tables = LIVE,
): { clear(): void; put(r: HostRecord): void } {
  const insert = db.prepare(`
    INSERT INTO ${tables.hosts} (ip, owner, owner_name, role, asn, as_org, country, confidence, verdict, severity,
                       lane, events, first_seen, last_seen, title_en, title_ja, ip_key, updated_at)
    VALUES (@ip, @owner, @ownerName, @role, @asn, @asOrg, @country, @confidence, @verdict, @severity, @lane, @events,
            @firstSeen, @lastSeen, @titleEn, @titleJa, @ipKey, @at)`);
  const insertDetail = db.prepare(`INSERT INTO ${tables.details} (ip, detail) VALUES (?, ?)`);
  return {
    clear() {
      db.prepare(`DELETE FROM ${tables.hosts}`).run();
      db.prepare(`DELETE FROM ${tables.details}`).run();
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
      });
      insertDetail.run(r.row.ip, JSON.stringify(r.detail));
    },
  };
}

/** Creates an empty `next` table with the definition of `live` as the schema holds it (so it follows migrations). */
function createLike(db: Database, live: string, next: string): void {
  const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(live) as {
    sql: string;
  };
  // A table renamed into place (migrations 0007, 0008, every finished rebuild) is stored as CREATE TABLE "name".
  const head = new RegExp(`^CREATE TABLE\\s+("${live}"|${live})(?=\\s*\\()`, 'i');
  if (!head.test(sql)) throw new Error(`Unexpected definition of ${live}: ${sql.slice(0, 40)}`);
  db.exec(`DROP TABLE IF EXISTS ${next}`);
  db.exec(sql.replace(head, `CREATE TABLE ${next}`));
}

/**
 * Starts a rebuild beside the live tables: empty `hosts_next` and `host_details_next` with the same definitions,
 * and a writer into them. A rebuild left by a killed app is dropped first.
 */
export function beginHostsRebuild(db: Database, at: number): ReturnType<typeof hostWriter> {
  dropRetiredHostDetails(db);
  createLike(db, LIVE.hosts, NEXT.hosts);
  createLike(db, LIVE.details, NEXT.details);
  return hostWriter(db, at, NEXT);
}

/**
 * An index of `hosts` as the rebuild makes it for `hosts_next`. Index names are unique in a database and SQLite cannot
 * rename one, so the next table's indexes take the live ones' names with `_b` added or taken off: the names alternate
 * from one rebuild to the next (hosts_events, hosts_events_b, hosts_events, ...). Only the name differs.
 */
function nextIndexSql(sql: string): { name: string; sql: string } {
  // As the schema holds it: CREATE INDEX name ON hosts(...), the table quoted once a rebuild renamed it into place.
  const m = /^CREATE INDEX\s+"?(\w+)"?\s+ON\s+("hosts"|hosts)\s*\(/i.exec(sql);
  if (!m) throw new Error(`Unexpected index of ${LIVE.hosts}: ${sql.slice(0, 60)}`);
  const live = m[1] as string;
  const name = live.endsWith('_b') ? live.slice(0, -2) : `${live}_b`;
  return { name, sql: `CREATE INDEX ${name} ON ${NEXT.hosts}(${sql.slice(m[0].length)}` };
}

/**
 * The index builds of a rebuild, one function each, to run between its last write and finishHostsRebuild with a
 * pause between them. Each CREATE INDEX sorts the whole table (~0.1 s at 300,000 hosts); all five inside the swap's
 * transaction held the main process 1.1-1.4 s at 300,000 hosts. Built on `hosts_next` beforehand, the swap only
 * renames. An index already built is skipped, so finishHostsRebuild can run what is left.
 */
export function hostsRebuildIndexes(db: Database): (() => void)[] {
  const defs = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name")
    .all(LIVE.hosts) as { sql: string }[];
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?");
  return defs.map(({ sql }) => {
    const next = nextIndexSql(sql);
    return () => {
      if (!exists.get(next.name)) db.exec(next.sql);
    };
  });
}

/**
 * Puts the rebuilt tables in place of the live ones in one short transaction (renames only, once
 * hostsRebuildIndexes has run; otherwise the indexes left are built here): readers see the old pair or the new
 * one, never a half-written or mixed one. The replaced tables are renamed aside and dropped one pause later by
 * dropRetiredHostDetails (dropping a table walks all of its pages: ~150 ms per 380 MB). The details table has no
 * secondary index; its primary key's index goes with it through the rename.
 */
export function finishHostsRebuild(db: Database): void {
  const indexes = hostsRebuildIndexes(db);
  db.transaction(() => {
    // A table retired earlier still holds the index names this rebuild's alternate with.
    dropRetiredHostDetails(db);
    for (const build of indexes) build();
    db.exec(`ALTER TABLE ${LIVE.hosts} RENAME TO ${RETIRED.hosts};`);
    db.exec(`ALTER TABLE ${NEXT.hosts} RENAME TO ${LIVE.hosts};`);
    db.exec(`ALTER TABLE ${LIVE.details} RENAME TO ${RETIRED.details};`);
    db.exec(`ALTER TABLE ${NEXT.details} RENAME TO ${LIVE.details};`);
  })();
}

/** The tables a finished rebuild replaced (see finishHostsRebuild): dropped in a step of their own. */
export function dropRetiredHostDetails(db: Database): void {
  db.exec(`DROP TABLE IF EXISTS ${RETIRED.details}; DROP TABLE IF EXISTS ${RETIRED.hosts};`);
}

export function abandonHostsRebuild(db: Database): void {
  db.exec(`DROP TABLE IF EXISTS ${NEXT.hosts}; DROP TABLE IF EXISTS ${NEXT.details};`);
}

/** Replaces the whole summary (both tables) in one transaction. */
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

/**
 * How the summary stands: its size, when it was built, and whether it is current: built after the last commit of
 * every import (a finished one's last commit is its end; a live syslog session's is its newest line; a killed one's
 * the last it made). An import removed while the app quit before the rebuild it starts is not noticed.
 */
export function hostsSummaryState(db: Database): {
  hosts: number;
  events: number;
  analysedAt: number | null;
  current: boolean;
} {
  const r = db
    .prepare(
      `SELECT (SELECT count(*) FROM hosts) AS hosts, (SELECT count(*) FROM events) AS events,
              (SELECT max(updated_at) FROM hosts) AS analysed,
              (SELECT max(coalesce(updated_at, finished_at, started_at)) FROM imports) AS imported`,
    )
    .get() as { hosts: number; events: number; analysed: number | null; imported: number | null };
  return {
    hosts: r.hosts,
    events: r.events,
    analysedAt: r.analysed,
    current: r.analysed !== null && r.analysed >= (r.imported ?? 0),
  };
}

/**
 * One host with the panel's details; null when the address has no row, or a row but no details (the panel then says
 * NetWhy has no verdict for it yet: an explanation is never made up from the row alone).
 */
export function getHost(db: Database, ip: string): HostDetail | null {
  const r = db
    .prepare('SELECT h.*, d.detail FROM hosts h LEFT JOIN host_details d ON d.ip = h.ip WHERE h.ip = ?')
    .get(ip) as (DbRow & { detail: string | null }) | undefined;
  if (!r || r.detail === null) return null;
  // Details stored before this format (migration 0008 copied them) carry their texts.
  const stored = JSON.parse(r.detail) as StoredHostDetail | Omit<HostDetail, keyof HostRow>;
  if (!('vars' in stored.verdictDetail)) return { ...toRow(r), ...(stored as Omit<HostDetail, keyof HostRow>) };
  const { vars, ...verdict } = stored.verdictDetail;
  const text = ruleText(verdict.rule, vars);
  // A rule this version no longer has: no explanation rather than a made-up one (the panel asks to analyse again).
  if (!text) return null;
  return { ...toRow(r), ...stored, verdictDetail: { ...verdict, ...text } };
}

export function hostVerdicts(
  db: Database,
  ips: readonly string[],
): Record<string, { verdict: HostRow['verdict']; severity: HostRow['severity']; title: HostRow['title'] }> {
  const out: Record<string, { verdict: HostRow['verdict']; severity: HostRow['severity']; title: HostRow['title'] }> =
    {};
  const stmt = db.prepare('SELECT verdict, severity, title_en, title_ja FROM hosts WHERE ip = ?');
  for (const ip of ips) {
    const r = stmt.get(ip) as Pick<DbRow, 'verdict' | 'severity' | 'title_en' | 'title_ja'> | undefined;
    if (r) {
      out[ip] = {
        verdict: r.verdict as HostRow['verdict'],
        severity: r.severity as HostRow['severity'],
        title: { en: r.title_en, ja: r.title_ja },
      };
    }
  }
  return out;
}
