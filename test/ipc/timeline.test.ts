import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppContext } from '../../main/app-context';
import { dispatch } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { importLogFile } from '../../main/services/import';
import type { StartResult } from '../../preload/contract/app';
import type { BucketsResult, EventsResult, RangeResult, TimelineOptions } from '../../preload/contract/timeline';

describe('timeline ipc', () => {
  it('answers range, buckets, events and options through the zod-checked channels, and refuses absurd windows', async () => {
    const ctx = createAppContext({
      databasePath: ':memory:',
      info: { version: 'test', platform: 'linux', dataDir: '/tmp', systemLanguage: 'en-US' },
      socketSource: { poll: async () => [] },
      emit: () => undefined,
    });
    const handlers = createHandlers(ctx);
    const log = join(__dirname, '../fixtures/scenarios/netgear-ack-akamai.log');
    await importLogFile(ctx.db, log, { tz: 'UTC', year: 2024 });
    await dispatch(handlers, 'hosts.refresh', undefined);

    const range = (await dispatch(handlers, 'timeline.range', {
      first: { plotWidth: 1_000, offsetMs: 0 },
    })) as RangeResult;
    expect(range.events).toBe(120);
    expect(range.hostsStale).toBe(false);
    expect(range.first?.result.lanes.find((l) => l.key === 'akamai-edge')?.total).toBe(120);

    const b = (await dispatch(handlers, 'timeline.buckets', {
      from: range.from,
      to: (range.to ?? 0) + 1,
      width: 3_600_000,
    })) as BucketsResult;
    expect(b.level).toBe(3_600_000); // defaults: owner lanes, no filters, UTC
    expect(b.total).toBe(120);

    const e = (await dispatch(handlers, 'timeline.events', {
      from: range.from,
      to: (range.to ?? 0) + 1,
      lane: 'akamai-edge',
      limit: 3,
    })) as EventsResult;
    expect([e.total, e.events.length]).toEqual([120, 3]);
    expect(e.events[0]?.raw).toContain('[DoS Attack: ACK Scan] from source: 23.32.5.10, port 443');

    // A window's start: settings, app info and the same range with its first picture, in one answer.
    const start = (await dispatch(handlers, 'app.start', {
      timelineFirst: { plotWidth: 1_000, offsetMs: 0 },
    })) as StartResult;
    expect(start.settings.language).toBe('system');
    expect(start.info.systemLanguage).toBe('en-US');
    expect(start.timeline).toMatchObject({ events: 120, from: range.from, to: range.to });
    expect(start.timeline.first?.query).toEqual(range.first?.query);
    expect(Array.from(start.timeline.first?.result.n ?? [])).toEqual(Array.from(range.first?.result.n ?? []));
    await expect(dispatch(handlers, 'app.start', { timelineFirst: { plotWidth: 5 } })).rejects.toThrow(/plotWidth/);
    // The first picture failing does not cost the window its start: the range comes alone.
    const range0 = ctx.timeline.range;
    ctx.timeline.range = (first) => {
      if (first) throw new Error('bucket query failed');
      return range0(first);
    };
    const degraded = (await dispatch(handlers, 'app.start', {
      timelineFirst: { plotWidth: 1_000, offsetMs: 0 },
    })) as StartResult;
    expect(degraded.timeline).toMatchObject({ events: 120, from: range.from, first: null });
    ctx.timeline.range = range0;

    const o = (await dispatch(handlers, 'timeline.options', undefined)) as TimelineOptions;
    expect(o.sources.map((s) => s.id)).toEqual(['live', 1]);
    expect(o.protos).toEqual(['tcp']); // as the import stores it; the menu shows TCP

    // A year by the second is 31 million buckets: refused before SQLite sees it.
    await expect(
      dispatch(handlers, 'timeline.buckets', { from: 0, to: 365 * 86_400_000, width: 1_000 }),
    ).rejects.toThrow(/100,000 buckets/);
    await expect(dispatch(handlers, 'timeline.buckets', { from: 0, to: 1, width: 10 })).rejects.toThrow();
    ctx.close();
  });
});
