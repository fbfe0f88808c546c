import { bucketWidthFor, MAX_SPAN, MIN_SPAN } from './buckets';

/**
 * The visible time window and the first picture's arithmetic, shared by the renderer (zoom, pan) and main (which
 * answers the start-up request with the first buckets already, saving the app a round trip before its first frame).
 */
export interface TimeView {
  /** UTC ms, inclusive. */
  from: number;
  /** UTC ms, exclusive. */
  to: number;
}

/** Pixels per bar at most: ~200 bars across a 1,200 px plot. */
export const PX_PER_BUCKET = 6;
/** Single events are drawn as ticks when the fetched window holds this few. */
export const TICKS_CAP = 1_500;

export const span = (v: TimeView): number => v.to - v.from;

/** The data's extent as a window ([first, last] made half-open), or null when there is nothing. */
export function extentOf(r: { from: number | null; to: number | null }): TimeView | null {
  return r.from !== null && r.to !== null ? { from: r.from, to: r.to + 1 } : null;
}

/** Keeps the span between a second and MAX_SPAN; keeps at least part of the data extent in view. */
export function clampView(v: TimeView, extent?: TimeView | null): TimeView {
  const s = Math.min(MAX_SPAN, Math.max(MIN_SPAN, span(v)));
  let from = v.from + (span(v) - s) / 2;
  if (extent) {
    // Pan no further than half a window past either end of the data.
    const lo = extent.from - s / 2;
    const hi = extent.to + s / 2;
    from = Math.min(Math.max(from, lo), Math.max(lo, hi - s));
  }
  return { from: Math.round(from), to: Math.round(from + s) };
}

/** Room left at each end of a fitted window, as a fraction of the data's span. */
const FIT_PAD = 0.02;

/** Whether the whole extent (with its room) fits in the widest window. */
export function fitsInOneView(extent: TimeView): boolean {
  return span(extent) * (1 + 2 * FIT_PAD) <= MAX_SPAN;
}

/**
 * The whole extent with a little room at both ends. Data spanning more than the widest window (an old log next to
 * today's live sockets) gets the most recent widest window instead, newest data at the right edge as in Live mode:
 * the middle of such a range is often empty (a chart saying "Nothing in this window" over a legend counting
 * events), while its end always holds the latest event. The screen says there is more outside (dataOutside).
 */
export function fitView(extent: TimeView): TimeView {
  if (!fitsInOneView(extent)) {
    const to = extent.to + MAX_SPAN * FIT_PAD;
    return clampView({ from: to - MAX_SPAN, to }, extent);
  }
  const s = Math.max(MIN_SPAN * 60, span(extent));
  const pad = s * FIT_PAD;
  return clampView({ from: extent.from - pad, to: extent.from + s + pad });
}

/** Which sides of the view data lies beyond, when the extent cannot be shown at once (else both false). */
export function dataOutside(view: TimeView, extent: TimeView): { earlier: boolean; later: boolean } {
  if (fitsInOneView(extent)) return { earlier: false, later: false };
  return { earlier: extent.from < view.from, later: extent.to > view.to };
}

/** Bar width for a view drawn `plotWidth` pixels wide. */
export function widthFor(view: TimeView, plotWidth: number): number {
  return bucketWidthFor(span(view), Math.max(20, plotWidth / PX_PER_BUCKET));
}

/** What to fetch for a view: one window either side too, so panning redraws from data at hand. */
export function fetchWindow(view: TimeView): TimeView {
  const s = span(view);
  return { from: view.from - s, to: view.to + s };
}
