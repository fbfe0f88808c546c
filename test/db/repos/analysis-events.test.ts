import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../main/db/open';
import { readHostEvents, type HostPageCursor } from '../../../main/db/repos/analysis-events';
import { createImport } from '../../../main/db/repos/imports';

/** Every page of one address's events, in the order they come back. */
function pages(db: Database, remote: string, limit: number): number[] {
  const ids: number[] = [];
  for (let cursor: HostPageCursor = null, guard = 0; guard < 1_000; guard++) {
    const page = readHostEvents(db, remote, cursor, limit);
    ids.push(...page.events.map((e) => e.id));
    if (page.next === null) break;
    cursor = page.next;
  }
  return ids;
}

describe('paging one big address along its index', () => {
  it('returns every event exactly once, whatever the page size, with untimed events and shared instants', () => {
    const db = openDatabase(':memory:');
    const id = createImport(db, { source: 'file', started_at: 0 });
    const insert = db.prepare(
      `INSERT INTO events (import_id, line, ts_utc, proto, src, dst, remote, raw)
       VALUES (?, ?, ?, 'tcp', ?, '192.168.1.2', ?, '')`,
    );
    // Lines without a time (uptime stamps), many at one instant, out of order: what a router log holds.
    const times = [null, 5, null, 5, 5, 3, null, 3, 7, null, 5, 5, 1, null, 7, 7, 5];
    times.forEach((t, i) => insert.run(id, i + 1, t, '45.1.1.1', '45.1.1.1'));
    insert.run(id, 100, 2, '45.1.1.2', '45.1.1.2');
    const all = (
      db.prepare("SELECT id FROM events WHERE remote = '45.1.1.1' ORDER BY id").all() as { id: number }[]
    ).map((r) => r.id);
    for (let limit = 1; limit <= all.length + 2; limit++) {
      const got = pages(db, '45.1.1.1', limit);
      expect(
        [...got].sort((a, b) => a - b),
        `page size ${limit}`,
      ).toEqual(all);
      expect(new Set(got).size, `page size ${limit}`).toBe(got.length);
    }
    db.close();
  });

  it('starts at an instant from a cursor at (time, 0), without the untimed events (a report of a time range)', () => {
    const db = openDatabase(':memory:');
    const id = createImport(db, { source: 'file', started_at: 0 });
    const insert = db.prepare(
      `INSERT INTO events (import_id, line, ts_utc, proto, src, dst, remote, raw)
       VALUES (?, ?, ?, 'tcp', '45.1.1.1', '192.168.1.2', '45.1.1.1', '')`,
    );
    const times = [null, 5, 3, 5, null, 7, 4, 5];
    times.forEach((t, i) => insert.run(id, i + 1, t));
    const from = (cursor: HostPageCursor, limit: number): (number | null)[] => {
      const out: (number | null)[] = [];
      for (let c = cursor; ;) {
        const page = readHostEvents(db, '45.1.1.1', c, limit);
        out.push(...page.events.map((e) => e.event.tsUtc));
        if (page.next === null) return out;
        c = page.next;
      }
    };
    for (const limit of [1, 2, 3, 10]) {
      expect(from({ ts: 4, id: 0 }, limit), `page size ${limit}`).toEqual([4, 5, 5, 5, 7]);
      expect(from({ ts: 5, id: 0 }, limit), `page size ${limit}`).toEqual([5, 5, 5, 7]);
    }
    db.close();
  });
});
