import type { Database } from 'better-sqlite3';
import type { EventChannel, EventPayload } from '../../preload/contract';
import type { BucketsQuery, BucketsResult, RangeResult, TimelineOptions } from '../../preload/contract/timeline';
import { extentOf, fetchWindow, fitView, TICKS_CAP, widthFor } from '../core/timeline/window';
import { syncTimelineRollup } from '../db/repos/timeline-rollup';
import {
  queryBuckets,
  queryEvents,
  queryOptions,
  queryRange,
  type BucketArgs,
  type EventArgs,
} from '../db/repos/timeline';

type Emit = <E extends EventChannel>(event: E, payload: EventPayload<E>) => void;

export interface TimelineService {
  /** With `first`, also the buckets of the first picture (see RangeQuery). */
  range(first?: { plotWidth: number; offsetMs: number }): RangeResult;
  buckets(args: BucketArgs): BucketsResult;
  events(args: EventArgs): ReturnType<typeof queryEvents>;
  options(): TimelineOptions;
  /** Told about every event the app emits: socket polls and syslog batches wake live mode. */
  observe(event: EventChannel): void;
  stop(): void;
}

/** Events that can put something new on the timeline. */
const WAKERS: ReadonlySet<EventChannel> = new Set<EventChannel>([
  'sockets.changed',
  'syslog.event',
  'imports.finished',
  'hosts.changed',
]);

export function createTimelineService(options: {
  db: Database;
  now: () => number;
  emit: Emit;
  /** Least time between two 'timeline.live' pushes (a syslog flood must not redraw the window 100 times/s). */
  throttleMs?: number;
}): TimelineService {
  const { db, now, emit } = options;
  const throttleMs = options.throttleMs ?? 1_000;
  let timer: NodeJS.Timeout | null = null;
  let lastPush = 0;

  // Anything new since last time? Reads only index ends, so it is cheap at every socket poll.
  const signature = (): string => {
    const r = db
      .prepare(
        `SELECT (SELECT coalesce(max(id), 0) FROM events) AS e, (SELECT coalesce(max(rowid), 0) FROM connection_states) AS s,
                (SELECT count(*) FROM connections WHERE closed_at IS NOT NULL) AS c,
                (SELECT coalesce(max(updated_at), 0) FROM hosts) AS h`,
      )
      .get() as { e: number; s: number; c: number; h: number };
    return `${r.e}/${r.s}/${r.c}/${r.h}`;
  };

  let lastSignature = signature();

  const push = (): void => {
    timer = null;
    if (!db.open) return;
    const sig = signature();
    if (sig === lastSignature) return;
    lastSignature = sig;
    lastPush = Date.now();
    syncTimelineRollup(db);
    emit('timeline.live', { at: now(), latest: queryRange(db).to });
  };

  const buckets = (args: BucketArgs): BucketsResult => {
    const started = performance.now();
    syncTimelineRollup(db);
    const result = queryBuckets(db, args);
    return { ...result, queryMs: Math.round((performance.now() - started) * 100) / 100 };
  };

  return {
    range(first) {
      syncTimelineRollup(db);
      const range = queryRange(db);
      const extent = extentOf(range);
      if (!first || !extent || range.events === 0) return { ...range, first: null };
      const view = fitView(extent);
      const query: Required<BucketsQuery> = {
        ...fetchWindow(view),
        width: widthFor(view, first.plotWidth),
        laneMode: 'owner',
        filters: {},
        offsetMs: first.offsetMs,
        eventsCap: TICKS_CAP,
      };
      return { ...range, first: { query, result: buckets(query) } };
    },
    buckets,
    events(args) {
      return queryEvents(db, args);
    },
    options() {
      syncTimelineRollup(db);
      const o = queryOptions(db);
      return { ...o, sources: [{ id: 'live', kind: 'live', name: null }, ...o.sources] };
    },
    observe(event) {
      if (!WAKERS.has(event) || timer) return;
      timer = setTimeout(push, Math.max(0, lastPush + throttleMs - Date.now()));
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
