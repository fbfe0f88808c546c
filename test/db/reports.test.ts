import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';
import { ReportEdits, ReportEditsPatch } from '../../preload/contract/reports';

const plan = (db: ReturnType<typeof openDatabase>, sql: string, ...args: unknown[]): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join('; ');

describe('migration 0005_reports', () => {
  it('creates the reports table with its indexes, and the report queries use them', () => {
    const db = openDatabase(':memory:');
    const cols = (db.prepare('PRAGMA table_info(reports)').all() as { name: string }[]).map((c) => c.name);
    expect(cols).toEqual(
      expect.arrayContaining([
        'uuid',
        'created_at',
        'host',
        'recipient',
        'verdict',
        'event_ids',
        'options',
        'snapshot',
      ]),
    );
    expect(plan(db, 'SELECT id FROM reports ORDER BY created_at DESC LIMIT 10')).toMatch(/reports_created/);
    expect(plan(db, 'SELECT id FROM events WHERE remote = ? AND ts_utc >= ? ORDER BY ts_utc', '1.2.3.4', 0)).toMatch(
      /events_remote_ts/,
    );
    db.close();
  });
});

describe('report edits over IPC', () => {
  it('a patch carries only the changed field (no defaults that would reset the others)', () => {
    expect(ReportEditsPatch.parse({ summary: 'mine' })).toEqual({ summary: 'mine' });
    expect(() => ReportEditsPatch.parse({ colour: 'red' })).toThrow();
    expect(ReportEdits.parse({})).toMatchObject({ redact: true, language: 'en', recipient: null });
  });
});
