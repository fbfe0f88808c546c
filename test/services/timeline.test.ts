import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../main/db/open';
import { createTimelineService } from '../../main/services/timeline';
import { addEvents, addImport, addLiveConnection } from '../helpers/timeline-db';

describe('timeline live mode', () => {
  afterEach(() => vi.useRealTimers());

  it('pushes timeline.live once per burst of new data, and not when a poll changed nothing', async () => {
    vi.useFakeTimers();
    const db = openDatabase(':memory:');
    const pushed: unknown[] = [];
    const tl = createTimelineService({
      db,
      now: () => 42,
      emit: (event, payload) => event === 'timeline.live' && pushed.push(payload),
      throttleMs: 1_000,
    });
    // A socket poll with nothing new: no push.
    tl.observe('sockets.changed');
    await vi.advanceTimersByTimeAsync(1_500);
    expect(pushed).toEqual([]);

    // A new connection and a syslog batch inside one second: one push, with the newest time.
    addLiveConnection(db, { id: 1, remote: '23.1.1.1', process: 'weather.exe', states: [['ESTABLISHED', 5_000]] });
    tl.observe('sockets.changed');
    addImport(db, 1, 'syslog', 'syslog');
    addEvents(db, [{ importId: 1, line: 1, ts: 9_000, remote: '23.1.1.1' }]);
    tl.observe('syslog.event');
    tl.observe('imports.progress'); // not a waker
    await vi.advanceTimersByTimeAsync(1_500);
    expect(pushed).toEqual([{ at: 42, latest: 9_000 }]);
    // The rollup already holds the syslog line: the next bucket query finds it.
    expect(tl.range().events).toBe(1);
    tl.stop();
  });

  it('answers the start-up request with the first picture: the whole range, owner lanes, in one round trip', () => {
    const db = openDatabase(':memory:');
    const tl = createTimelineService({ db, now: () => 0, emit: () => undefined });
    expect(tl.range({ plotWidth: 1_000, offsetMs: 0 }).first).toBeNull(); // nothing yet: no picture
    addImport(db, 1);
    const day = Date.UTC(2024, 2, 10);
    addEvents(db, [
      { importId: 1, line: 1, ts: day, remote: '23.1.1.1' },
      { importId: 1, line: 2, ts: day + 20 * 3_600_000, remote: '23.1.1.1' },
    ]);
    const r = tl.range({ plotWidth: 1_000, offsetMs: 9 * 3_600_000 });
    expect(r.first).not.toBeNull();
    const { query, result } = r.first!;
    expect(query.from).toBeLessThan(day);
    expect(query.to).toBeGreaterThan(day + 20 * 3_600_000);
    expect(query.width).toBe(10 * 60_000); // ~20 h on 1,000 px at 6 px per bar
    expect(result.total).toBe(2);
    expect(result.ticks).toHaveLength(2);
    expect({ ...tl.buckets(query), queryMs: 0 }).toEqual({ ...result, queryMs: 0 });
    tl.stop();
  });
});
