import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppContext } from '../../main/app-context';
import { dispatch } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { importLogFile } from '../../main/services/import';
import type { HostDetail, HostList } from '../../preload/contract/hosts';

describe('hosts ipc', () => {
  it('refreshes from imported events, lists, details, filters and exports CSV through the zod-checked channels', async () => {
    const events: string[] = [];
    const ctx = createAppContext({
      databasePath: ':memory:',
      info: { version: 'test', platform: 'linux', dataDir: '/tmp', systemLanguage: 'en-US' },
      socketSource: { poll: async () => [] },
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
    const ctx = createAppContext({
      databasePath: ':memory:',
      info: { version: 'test', platform: 'linux', dataDir: '/tmp', systemLanguage: 'en-US' },
      socketSource: { poll: async () => [] },
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
