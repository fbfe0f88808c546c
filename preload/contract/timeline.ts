import { z } from 'zod';
import { invoke } from './define';

/** How the timeline splits its rows: by the owner lane of the remote address, by verdict, or by local program. */
export const LaneMode = z.enum(['owner', 'verdict', 'process']);
export type LaneMode = z.infer<typeof LaneMode>;

/** Where an event came from: a live socket observation, or an import (file, paste, syslog session) by id. */
export const SourceId = z.union([z.literal('live'), z.number().int()]);
export type SourceId = z.infer<typeof SourceId>;

const short = z.string().max(64);

/** Filters of the timeline; an empty or missing list means "all". */
export const TimelineFilters = z.object({
  owners: z.array(short).max(16).optional(),
  verdicts: z.array(short).max(16).optional(),
  protos: z.array(short).max(16).optional(),
  /** Matches either the source or the destination port. */
  port: z.number().int().min(0).max(65_535).nullable().optional(),
  actions: z.array(short).max(32).optional(),
  sources: z.array(SourceId).max(256).optional(),
  /** Substring of the address, program or raw log line. */
  text: z.string().max(200).optional(),
});
export type TimelineFilters = z.infer<typeof TimelineFilters>;

const Window = z.object({
  from: z.number(),
  to: z.number(),
  laneMode: LaneMode.default('owner'),
  filters: TimelineFilters.default({}),
});

export const BucketsQuery = Window.extend({
  /** Bucket width in ms, one of BUCKET_WIDTHS (main/core/timeline/buckets.ts). */
  width: z.number().int().min(1_000),
  /** Local zone's offset east of UTC in ms, so day buckets start at local midnight. */
  offsetMs: z
    .number()
    .int()
    .min(-14 * 3_600_000)
    .max(14 * 3_600_000)
    .default(0),
  /** Return single events (for ticks) when the window holds at most this many. 0 = never. */
  eventsCap: z.number().int().min(0).max(5_000).default(0),
}).refine((q) => q.to > q.from && (q.to - q.from) / q.width <= 100_000, {
  // The screen asks for ~2,000 at most; this keeps a bad request from grouping a year by the second.
  message: 'window must be non-empty and hold at most 100,000 buckets',
});
export type BucketsQuery = z.input<typeof BucketsQuery>;

/** One event as a tick on the canvas (only when zoomed in far enough). */
export const TimelineTick = z.object({ key: z.string(), t: z.number(), lane: z.number().int(), remote: z.string() });
export type TimelineTick = z.infer<typeof TimelineTick>;

/**
 * Buckets as parallel columns (t, lane index, count): a month at 3 h width over six lanes is ~1,400 triples, far
 * cheaper to send and validate than as objects. The columns are typed arrays, so each crosses ipc as one block of
 * bytes rather than one value per bucket (the first picture's answer is on the way to the app's first paint).
 */
export const BucketsResult = z.object({
  from: z.number(),
  to: z.number(),
  width: z.number(),
  /** 'raw' = read from the events themselves; otherwise the rollup level in ms used. */
  level: z.union([z.literal('raw'), z.number()]),
  lanes: z.array(z.object({ key: z.string(), total: z.number().int() })),
  /** Bucket starts (ms). */
  t: z.instanceof(Float64Array),
  /** Index into `lanes` (main folds lanes so there are at most 64). */
  lane: z.instanceof(Uint8Array),
  /** Events in the bucket. */
  n: z.instanceof(Float64Array),
  total: z.number().int(),
  ticks: z.array(TimelineTick).nullable(),
  queryMs: z.number(),
});
export type BucketsResult = z.infer<typeof BucketsResult>;

export const EventsQuery = Window.extend({
  /** Only events in this lane (of laneMode). */
  lane: short.optional(),
  limit: z.number().int().min(1).max(10_000).default(5_000),
});
export type EventsQuery = z.input<typeof EventsQuery>;

export const TimelineEvent = z.object({
  key: z.string(),
  source: SourceId,
  t: z.number(),
  proto: z.string().nullable(),
  src: z.string().nullable(),
  sport: z.number().int().nullable(),
  dst: z.string().nullable(),
  dport: z.number().int().nullable(),
  action: z.string().nullable(),
  flags: z.string().nullable(),
  remote: z.string().nullable(),
  process: z.string().nullable(),
  state: z.string().nullable(),
  lane: z.string(),
  verdict: z.string(),
  raw: z.string().nullable(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const EventsResult = z.object({ total: z.number().int(), events: z.array(TimelineEvent) });
export type EventsResult = z.infer<typeof EventsResult>;

export const TimelineRange = z.object({
  /** Earliest and latest timestamp of anything on the timeline (events with a time, live observations). */
  from: z.number().nullable(),
  to: z.number().nullable(),
  /** Imported events with a usable time, and live socket observations. */
  events: z.number().int(),
  live: z.number().int(),
  /** Events were imported since the host summary (owner lanes, verdicts) was last rebuilt. */
  hostsStale: z.boolean(),
});
export type TimelineRange = z.infer<typeof TimelineRange>;

/** The first picture's plot width and zone offset (RangeQuery's `first`; app.start passes it on). */
export const FirstPicture = z.object({
  plotWidth: z.number().min(100).max(20_000),
  offsetMs: z
    .number()
    .int()
    .min(-14 * 3_600_000)
    .max(14 * 3_600_000),
});
export type FirstPicture = z.infer<typeof FirstPicture>;

/**
 * Start-up: with `first`, the range comes back with the buckets of the first picture (the whole range, owner lanes,
 * no filters), computed by main with the same arithmetic (main/core/timeline/window.ts), in one round trip.
 */
export const RangeQuery = z.object({ first: FirstPicture.optional() }).optional();

export const RangeResult = TimelineRange.extend({
  first: z.object({ query: BucketsQuery, result: BucketsResult }).nullable(),
});
export type RangeResult = z.infer<typeof RangeResult>;

export const TimelineOptions = z.object({
  sources: z.array(
    z.object({ id: SourceId, kind: z.enum(['live', 'file', 'paste', 'syslog']), name: z.string().nullable() }),
  ),
  protos: z.array(z.string()),
  actions: z.array(z.string()),
});
export type TimelineOptions = z.infer<typeof TimelineOptions>;

export const timelineInvoke = {
  'timeline.range': invoke(RangeQuery, RangeResult),
  'timeline.buckets': invoke(BucketsQuery, BucketsResult),
  'timeline.events': invoke(EventsQuery, EventsResult),
  'timeline.options': invoke(z.undefined(), TimelineOptions),
};

export const timelineEvents = {
  /** New socket observations or syslog/import events reached the timeline (throttled to about one a second). */
  'timeline.live': z.object({ at: z.number(), latest: z.number().nullable() }),
};
