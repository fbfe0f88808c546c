import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppContext, type AppContext } from '../../main/app-context';
import { dropBulkIndexes } from '../../main/db/bulk-indexes';
import { dispatch } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { REBUILD_ON_OPEN_MAX_HOSTS } from '../../main/ipc/hosts';
import { importLogBytes, importLogFile } from '../../main/services/import';
import type { ImportSummary } from '../../preload/contract/imports';
import type { HostDetail, HostList } from '../../preload/contract/hosts';

/** An app context on an in-memory database with no live sockets; `over` sets what a test watches (emit, now). */
const memoryContext = (over: Partial<Parameters<typeof createAppContext>[0]>): AppContext =>
  createAppContext({
    databasePath: ':memory:',
    info: { version: 'test', platform: 'linux', dataDir: '/tmp', systemLanguage: 'en-US' },
    socketSource: { poll: async () => [] },
    emit: () => undefined,
    ...over,
  });

describe('hosts ipc', () => {
  it('refreshes from imported events, lists, details, filters and exports CSV through the zod-checked channels', async () => {
    const events: string[] = [];
    const ctx = memoryContext({
      emit: (e) => events.push(e),
      now: () => Date.UTC(2024, 2, 13),
    });
    const handlers = createHandlers(ctx);
    await importLogFile(ctx.db, join(__dirname, '../fixtures/scenarios/syn-sweep-200.log'), { tz: 'UTC', year: 2024 });
    expect(await dispatch(handlers, 'hosts.refresh', undefined)).toMatchObject({ hosts: 1, events: 200 });
    expect(events).toContain('hosts.changed');
    const list = (await dispatch(handlers, 'hosts.list', { sort: 'ip', dir: 'asc' })) as HostList;
    expect(list.hosts.map((h) => [h.ip, h.verdict])).toEqual([['45.33.32.156', 'scan']]);
    const detail = (await dispatch(handlers, 'hosts.detail', { ip: '45.33.32.156' })) as HostDetail;
    expect(detail.verdictDetail.advice.ja).toContain('報告');
    expect(await dispatch(handlers, 'hosts.detail', { ip: '192.0.2.1' })).toBeNull();
    const csv = (await dispatch(handlers, 'hosts.exportCsv', { lang: 'ja' })) as { fileName: string; text: string };
    expect(csv.fileName).toBe('netwhy-hosts-2024-03-13.csv');
    expect(csv.text.split('\r\n')[1]).toContain('45.33.32.156,US,');
    await expect(dispatch(handlers, 'hosts.list', { sort: 'password' })).rejects.toThrow(/sort/);
    ctx.close();
  });
});

describe('hosts follow imports', () => {
  it('rebuilds the table shortly after an import finishes, without anyone asking', async () => {
    const seen: string[] = [];
    let done: () => void = () => undefined;
    const changed = new Promise<void>((r) => (done = r));
    const ctx = memoryContext({
      emit: (e) => {
        seen.push(e);
        if (e === 'hosts.changed') done();
      },
    });
    const handlers = createHandlers(ctx);
    await dispatch(handlers, 'imports.start', {
      path: join(__dirname, '../fixtures/scenarios/udp-akamai-peers.log'),
      tz: 'UTC',
      year: 2024,
    });
    await changed;
    expect(seen.indexOf('imports.finished')).toBeLessThan(seen.indexOf('hosts.changed'));
    const list = (await dispatch(handlers, 'hosts.list', {})) as HostList;
    expect(list.total).toBe(7);
    expect(new Set(list.hosts.map((h) => h.lane))).toEqual(new Set(['akamai-netsession']));
    ctx.close();
  });
});

/** An app context in memory whose emitted events are recorded, and a wait for the next 'hosts.changed'. */
function recordingContext(): { ctx: AppContext; seen: string[]; nextChange: () => Promise<void> } {
  const seen: string[] = [];
  const waiters: (() => void)[] = [];
  const ctx = memoryContext({
    emit: (e) => {
      seen.push(e);
      if (e === 'hosts.changed') for (const w of waiters.splice(0)) w();
    },
  });
  return { ctx, seen, nextChange: () => new Promise<void>((r) => waiters.push(r)) };
}

describe('hosts follow removed imports', () => {
  it("takes a removed import's hosts out of the table without anyone asking", async () => {
    const { ctx, nextChange } = recordingContext();
    const handlers = createHandlers(ctx);
    const imported = nextChange();
    await dispatch(handlers, 'imports.start', {
      path: join(__dirname, '../fixtures/scenarios/udp-akamai-peers.log'),
      tz: 'UTC',
      year: 2024,
    });
    await imported;
    expect(((await dispatch(handlers, 'hosts.list', {})) as HostList).total).toBe(7);

    const [row] = (await dispatch(handlers, 'imports.list', undefined)) as ImportSummary[];
    const removed = nextChange();
    expect(await dispatch(handlers, 'imports.remove', { importId: row!.id })).toBe(true);
    await removed;
    expect(((await dispatch(handlers, 'hosts.list', {})) as HostList).total).toBe(0);
    ctx.close();
  });
});

describe('hosts refresh while an import writes', () => {
  it('says the rebuild is put off and keeps the table while an import has the address index dropped', async () => {
    const { ctx, seen } = recordingContext();
    const handlers = createHandlers(ctx);
    await importLogFile(ctx.db, join(__dirname, '../fixtures/scenarios/syn-sweep-200.log'), { tz: 'UTC', year: 2024 });
    expect(await dispatch(handlers, 'hosts.refresh', undefined)).toMatchObject({ hosts: 1, deferred: false });
    const before = (await dispatch(handlers, 'hosts.list', {})) as HostList;
    seen.length = 0;

    // A big import still writing (updated just now) dropped the index.
    dropBulkIndexes(ctx.db);
    ctx.db
      .prepare("INSERT INTO imports (source, status, started_at, updated_at) VALUES ('file', 'running', ?, ?)")
      .run(Date.now(), Date.now());
    ctx.db.prepare('DELETE FROM events').run();
    expect(await dispatch(handlers, 'hosts.refresh', undefined)).toMatchObject({ hosts: 1, deferred: true });
    expect(seen).not.toContain('hosts.changed');
    expect(await dispatch(handlers, 'hosts.list', {})).toEqual(before);
    ctx.close();
  });
});

describe('hosts screen opening', () => {
  /** `n` stored one-event hosts, each from its own address (a month of scanners), rebuilt into the summary. */
  async function bigSummary(n: number): Promise<{ ctx: AppContext; handlers: ReturnType<typeof createHandlers> }> {
    let clock = Date.UTC(2024, 2, 13);
    const ctx = memoryContext({
      emit: () => undefined,
      now: () => (clock += 1000),
    });
    const lines = Array.from(
      { length: n },
      (_, i) =>
        `Mar 12 10:00:00 gw kernel: [UFW BLOCK] IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 ` +
        `SRC=45.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255} DST=192.168.1.20 LEN=40 TOS=0x00 PREC=0x00 TTL=50 ` +
        `ID=1 PROTO=TCP SPT=443 DPT=51234 WINDOW=1024 RES=0x00 ACK URGP=0`,
    );
    await importLogBytes(ctx.db, 'big.log', new TextEncoder().encode(lines.join('\n') + '\n'), 'file', {
      tz: 'UTC',
      year: 2024,
      now: () => Date.UTC(2024, 2, 12),
    });
    const handlers = createHandlers(ctx);
    await dispatch(handlers, 'hosts.refresh', undefined);
    return { ctx, handlers };
  }

  const analysedAt = (ctx: AppContext): number =>
    (ctx.db.prepare('SELECT max(updated_at) AS at FROM hosts').get() as { at: number }).at;

  it('reuses a big summary that is current, and rebuilds it once an import ended after it', async () => {
    const { ctx, handlers } = await bigSummary(REBUILD_ON_OPEN_MAX_HOSTS);
    const built = analysedAt(ctx);
    expect(await dispatch(handlers, 'hosts.refresh', { onlyIfStale: true })).toMatchObject({
      hosts: REBUILD_ON_OPEN_MAX_HOSTS,
      at: built,
      deferred: false,
    });
    expect(analysedAt(ctx)).toBe(built);
    // An import ends after the summary was built: opening the screen rebuilds.
    await importLogFile(ctx.db, join(__dirname, '../fixtures/scenarios/syn-sweep-200.log'), {
      tz: 'UTC',
      year: 2024,
      now: () => built + 60_000,
    });
    await dispatch(handlers, 'hosts.refresh', { onlyIfStale: true });
    expect(analysedAt(ctx)).toBeGreaterThan(built);
    ctx.close();
  }, 60_000);

  it('always rebuilds a small summary, so new live connections show up', async () => {
    const { ctx, handlers } = await bigSummary(50);
    const built = analysedAt(ctx);
    await dispatch(handlers, 'hosts.refresh', { onlyIfStale: true });
    expect(analysedAt(ctx)).toBeGreaterThan(built);
    await expect(dispatch(handlers, 'hosts.refresh', { onlyIfStale: 'yes' })).rejects.toThrow(/onlyIfStale/);
    ctx.close();
  });
});
