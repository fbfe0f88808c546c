import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, MigrationError } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations';
import { openDatabase } from '../../main/db/open';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'netwhy-db-'));
  dirs.push(dir);
  return join(dir, 'netwhy.sqlite');
}

describe('openDatabase', () => {
  it('creates an on-disk database in WAL mode with every migration applied, and reopens it unchanged', () => {
    const file = tempFile();
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    db.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')").run();
    db.close();
    const again = openDatabase(file);
    expect(again.prepare("SELECT value FROM settings WHERE key = 'theme'").get()).toEqual({ value: '"dark"' });
    again.close();
  });

  it('works in memory for tests and tools', () => {
    const db = openDatabase(':memory:');
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'connections'").get(),
    ).toBeTruthy();
    db.close();
  });

  it('drops the host details a rebuild replaced when the app quit before dropping them, and nothing else', () => {
    const file = tempFile();
    const db = openDatabase(file);
    db.prepare(
      "INSERT INTO hosts (ip, verdict, severity, lane, events, title_en, title_ja, ip_key, updated_at) VALUES ('203.0.113.9', 'scan', 'warning', 'unknown', 3, 't', 't', 'k', 1)",
    ).run();
    db.prepare("INSERT INTO host_details (ip, detail) VALUES ('203.0.113.9', '{}')").run();
    // What finishHostsRebuild leaves for dropRetiredHostDetails one pause later.
    db.exec('CREATE TABLE host_details_retired AS SELECT * FROM host_details');
    db.close();
    const again = openDatabase(file);
    expect(again.prepare("SELECT name FROM sqlite_master WHERE name = 'host_details_retired'").get()).toBeUndefined();
    expect(again.prepare('SELECT ip FROM hosts').all()).toEqual([{ ip: '203.0.113.9' }]);
    expect(again.prepare('SELECT ip FROM host_details').all()).toEqual([{ ip: '203.0.113.9' }]);
    again.close();
  });

  it('refuses a database written by a newer NetWhy instead of damaging it', () => {
    const file = tempFile();
    const raw = new BetterSqlite3(file);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => openDatabase(file)).toThrow(/newer NetWhy/);
  });

  it('rolls a failing migration back whole, leaving the previous version intact', () => {
    const db = new BetterSqlite3(':memory:');
    const broken = [
      { version: 1, name: 'ok', sql: 'CREATE TABLE a (x INTEGER);' },
      { version: 2, name: 'broken', sql: 'CREATE TABLE b (y INTEGER); INSERT INTO nowhere VALUES (1);' },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
    expect(() => migrate(db, [broken[0]!, { ...broken[0]!, name: 'dup' }])).toThrow(MigrationError);
    db.close();
  });
});

describe('connections queries use their indexes', () => {
  const plan = (sql: string, ...args: unknown[]): string => {
    const db = openDatabase(':memory:');
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[];
    db.close();
    return rows.map((r) => r.detail).join('\n');
  };

  it('history by time range', () => {
    expect(
      plan('SELECT id FROM connections WHERE last_seen >= ? AND first_seen < ? AND closed_at IS NOT NULL', 0, 1),
    ).toMatch(/USING INDEX connections_(last|first)_seen/);
  });

  it('open connections and recently closed ones', () => {
    expect(plan('SELECT id FROM connections WHERE closed_at IS NULL')).toMatch(
      /USING (COVERING )?INDEX connections_open_key/,
    );
  });

  it('state changes of one connection', () => {
    expect(plan('SELECT state, at FROM connection_states WHERE connection_id = ? ORDER BY at', 1)).toMatch(
      /USING (COVERING )?INDEX connection_states_conn/,
    );
  });
});
