import type {
  BucketsQuery,
  BucketsResult,
  FirstPicture,
  RangeResult,
  TimelineRange,
} from '../../../../preload/contract/timeline';
import { netwhy } from '../../api';
import { GUTTER } from './draw';

/**
 * Start-up: the app asks whether the timeline should be home (there are imported events). That answer is the
 * timeline's range, and the first picture needs the buckets of the whole range: main returns both with the window's
 * settings in one round trip (app.start with `timelineFirst`, asked by main.tsx), so the screen finds them ready
 * when it mounts.
 */
let range: Promise<TimelineRange> | null = null;
let first: { query: BucketsQuery; answer: Promise<BucketsResult> } | null = null;
// The same answers once they have arrived, so the screen's first render can draw without waiting a tick.
let rangeNow: TimelineRange | null = null;
let firstNow: { query: BucketsQuery; result: BucketsResult } | null = null;

/** The plot's width before layout: window minus sidebar, screen padding, canvas border and lane labels. */
export function estimatePlotWidth(): number {
  // styles.css: a 210 px sidebar; .screen-body padding 2 × 22 px; the canvas frame's border 2 × 1 px.
  const screen = document.getElementById('screen')?.clientWidth ?? window.innerWidth - 210;
  return Math.max(320, Math.floor(screen - 2 * 22 - 2)) - GUTTER;
}

/** What the first picture needs to know of this window: the plot's estimated width and the zone offset. */
export function firstPicture(): FirstPicture {
  // Within what the contract accepts (100–20,000 px): a window wider than that must not make app.start fail.
  const plotWidth = Math.min(20_000, Math.max(100, estimatePlotWidth()));
  return { plotWidth, offsetMs: -new Date().getTimezoneOffset() * 60_000 };
}

let hasData: Promise<boolean> | null = null;
// Set once something may have changed the timeline's data since start-up: the answer is then out of date.
let outdated = false;
let unsubscribe: (() => void) | null = null;

/**
 * The start-up answer describes the database as it was then. It is only worth keeping until the data changes: an
 * import finished while another screen was open (the Timeline not mounted, so nobody listened) would otherwise be
 * missing when the Timeline is first opened, and "Nothing on the timeline yet" shown over imported events.
 */
function dropPrefetched(): void {
  outdated = true;
  range = null;
  first = null;
  rangeNow = null;
  firstNow = null;
  stopListening();
}

/** main.tsx hands over main's start-up answer: the range, with the first picture's buckets when there is data. */
export function prefetchTimeline(answer: Promise<RangeResult>): void {
  range = answer;
  outdated = false;
  stopListening();
  // The same events the screen reloads on: anything new on the timeline or re-judged hosts.
  const offLive = netwhy.on('timeline.live', dropPrefetched);
  const offHosts = netwhy.on('hosts.changed', dropPrefetched);
  unsubscribe = () => {
    offLive();
    offHosts();
  };
  hasData = answer
    .then((r) => {
      if (outdated) return r.first !== null;
      rangeNow = r;
      if (!r.first) return false;
      first = { query: r.first.query, answer: Promise.resolve(r.first.result) };
      firstNow = r.first;
      return true;
    })
    // A failed request answers no (the app opens on another screen; the timeline shows the error when opened).
    .catch(() => false);
}

/** Whether there is anything on the timeline, which makes it the app's home. Asks main if start-up did not. */
export function timelineHasData(): Promise<boolean> {
  if (!hasData) prefetchTimeline(netwhy.timeline.range({ first: firstPicture() }));
  return hasData ?? Promise.resolve(false);
}

/** Once the screen has taken the range it listens for changes itself. */
function stopListening(): void {
  unsubscribe?.();
  unsubscribe = null;
}

const covers = (p: BucketsQuery, q: BucketsQuery): boolean =>
  p.laneMode === q.laneMode &&
  JSON.stringify(p.filters) === JSON.stringify(q.filters) &&
  p.from <= q.from &&
  p.to >= q.to;

export const takePrefetched = {
  range(): Promise<TimelineRange> | null {
    const r = range;
    range = null;
    stopListening();
    return r;
  },
  /** The range if it has arrived (then the promise is spent too). */
  rangeNow(): TimelineRange | null {
    const r = rangeNow;
    rangeNow = null;
    if (r) {
      range = null;
      stopListening();
    }
    return r;
  },
  /** The start-up buckets if they have arrived and cover `q`. */
  bucketsNow(q: BucketsQuery): BucketsResult | null {
    const p = firstNow;
    firstNow = null;
    if (!p || !covers(p.query, q)) return null;
    first = null;
    return p.result;
  },
  /**
   * The start-up buckets when they cover what is wanted. The bar width may be a step off the estimate (a
   * scrollbar): still the right counts, drawn at their own width, and replaced at the next zoom.
   */
  buckets(q: BucketsQuery): Promise<BucketsResult> | null {
    const p = first;
    first = null;
    firstNow = null;
    return p && covers(p.query, q) ? p.answer : null;
  },
};
