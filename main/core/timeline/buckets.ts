/**
 * Bucket widths of the timeline (shared by the query in main and the canvas in the renderer). "Nice" steps, so
 * that axis ticks fall on whole minutes/hours/days; every width of a minute or more is a multiple of a rollup
 * level, so zoomed-out views are summed from pre-aggregated rows instead of a million events.
 */
const S = 1_000;
const M = 60 * S;
const H = 60 * M;
export const DAY = 24 * H;

export const BUCKET_WIDTHS: readonly number[] = [
  S,
  2 * S,
  5 * S,
  10 * S,
  15 * S,
  30 * S,
  M,
  2 * M,
  5 * M,
  10 * M,
  20 * M,
  30 * M,
  H,
  2 * H,
  3 * H,
  6 * H,
  12 * H,
  DAY,
  2 * DAY,
  7 * DAY,
];

/** Rollup levels stored in timeline_rollup (ms), finest first. */
export const ROLLUP_LEVELS: readonly number[] = [M, 10 * M, H];

/** Narrowest and widest windows the view allows: a second on screen, and a little over a year. */
export const MIN_SPAN = S;
export const MAX_SPAN = 400 * DAY;

/** The narrowest nice width that keeps the window within `maxBuckets` buckets. */
export function bucketWidthFor(spanMs: number, maxBuckets: number): number {
  const wanted = spanMs / Math.max(1, maxBuckets);
  for (const w of BUCKET_WIDTHS) if (w >= wanted) return w;
  return BUCKET_WIDTHS[BUCKET_WIDTHS.length - 1] ?? DAY;
}

/**
 * The coarsest rollup level that can build buckets of `width` aligned to local time `offsetMs` east of UTC, or
 * null when the raw events must be read (widths under a minute, or a zone offset that splits the level).
 */
export function rollupLevelFor(width: number, offsetMs: number): number | null {
  let best: number | null = null;
  for (const level of ROLLUP_LEVELS) {
    if (width % level === 0 && offsetMs % level === 0) best = level;
  }
  return best;
}

/** Start of the bucket holding `t`, buckets aligned to local midnight for a zone `offsetMs` east of UTC. */
export function bucketStart(t: number, width: number, offsetMs: number): number {
  return Math.floor((t + offsetMs) / width) * width - offsetMs;
}
