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

/** The whole extent with a little room at both ends. */
export function fitView(extent: TimeView): TimeView {
  const s = Math.max(MIN_SPAN * 60, span(extent));
  const pad = s * 0.02;
  return clampView({ from: extent.from - pad, to: extent.from + s + pad });
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
