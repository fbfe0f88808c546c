import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isLocalAddress } from '../../main/core/net/scope';
import { openDatabase } from '../../main/db/open';
import { queryRange } from '../../main/db/repos/timeline';
import { syncTimelineRollup } from '../../main/db/repos/timeline-rollup';
import { refreshHosts } from '../../main/services/analysis';
import { importLogFile } from '../../main/services/import';
import { tempDbFiles } from '../helpers/host-rows';

const files = tempDbFiles();
afterEach(() => files.cleanup());

const fixtures = (dir: string, only: RegExp = /./): string[] =>
  readdirSync(join(__dirname, '../fixtures', dir))
    .filter((f) => !f.endsWith('.md') && only.test(f))
    .map((f) => join(__dirname, '../fixtures', dir, f));

/** How versions before migration 0009 chose the stored address (services/import-batches.ts then). */
function previousRemote(e: { src: string; dst: string; direction: string | null }): string | null {
  if (e.direction === 'in') return e.src || null;
  if (e.direction === 'out') return e.dst || null;
  const s = e.src ? isLocalAddress(e.src) : true;
  const d = e.dst ? isLocalAddress(e.dst) : true;
  if (!s && d) return e.src;
  if (s && !d) return e.dst;
  return null;
}

describe('migration 0009_event_remote', () => {
  it('gives rows stored by the previous rule the address a fresh import stores, and rebuilds the timeline counts', async () => {
    const file = files.file();
    const db = openDatabase(file);
    for (const f of [...fixtures('logs'), ...fixtures('scenarios'), ...fixtures('sockets', /(netstat|ss)-/)]) {
      await importLogFile(db, f, { tz: 'UTC', year: 2024 });
    }
    const fresh = db.prepare('SELECT id, remote FROM events ORDER BY id').all();
    // What an older version stored: no address for a drop at the router's own public WAN address, say.
    const rows = db.prepare('SELECT id, src, dst, direction FROM events').all() as {
      id: number;
      src: string;
      dst: string;
      direction: string | null;
    }[];
    const set = db.prepare('UPDATE events SET remote = ? WHERE id = ?');
    for (const r of rows) set.run(previousRemote(r), r.id);
    const changed = (db.prepare('SELECT id, remote FROM events ORDER BY id').all() as unknown[]).filter(
      (r, i) => JSON.stringify(r) !== JSON.stringify(fresh[i]),
    );
    expect(changed.length).toBeGreaterThan(10);
    syncTimelineRollup(db);
    await refreshHosts(db, { attributor: null, now: Date.now() + 60_000 });
    expect(queryRange(db).hostsStale).toBe(false);
    // Back to version 8: later migrations' own changes undone too, so they apply again on top.
    db.exec('ALTER TABLE imports DROP COLUMN error_code');
    db.exec('ALTER TABLE imports DROP COLUMN continues_import');
    db.exec('ALTER TABLE imports DROP COLUMN lines_before');
    db.pragma('user_version = 8');
    db.close();

    const upgraded = openDatabase(file);
    expect(upgraded.pragma('user_version', { simple: true })).toBe(11);
    expect(upgraded.prepare('SELECT id, remote FROM events ORDER BY id').all()).toEqual(fresh);
    // No LAN device, multicast group or loopback address is anyone's "remote" (fe80::, 239.255.255.250, 127.0.0.1 …).
    const remotes = upgraded.prepare('SELECT DISTINCT remote FROM events WHERE remote IS NOT NULL').all() as {
      remote: string;
    }[];
    expect(remotes.length).toBeGreaterThan(30);
    expect(remotes.filter((r) => isLocalAddress(r.remote))).toEqual([]);
    const local = upgraded
      .prepare("SELECT count(*) AS n FROM events WHERE remote IS NULL AND src <> '' AND dst <> ''")
      .get() as { n: number };
    expect(local.n).toBeGreaterThan(0);
    // Counted again from the events with their new addresses, and the host summary is due for a rebuild.
    expect(upgraded.prepare('SELECT count(*) AS n FROM timeline_rollup').get()).toEqual({ n: 0 });
    expect(syncTimelineRollup(upgraded).newEvents).toBe(rows.length);
    expect(queryRange(upgraded).hostsStale).toBe(true);
    upgraded.close();
  });
});
