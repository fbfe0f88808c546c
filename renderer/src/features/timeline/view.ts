import { MAX_SPAN, MIN_SPAN } from '../../../../main/core/timeline/buckets';

/** The visible time window, [from, to) in UTC ms. Pure functions: the canvas and the tests share them. */
export interface TimeView {
  from: number;
  to: number;
}

export const span = (v: TimeView): number => v.to - v.from;

/** The data's extent as a window ([first, last] made half-open), or null when there is nothing. */
export function extentOf(r: { from: number | null; to: number | null }): TimeView | null {
  return r.from !== null && r.to !== null ? { from: r.from, to: r.to + 1 } : null;
}

/** Screen x (0..width) of time t. */
export function xOf(t: number, v: TimeView, width: number): number {
  return ((t - v.from) / span(v)) * width;
}

/** Time at screen x. */
export function tOf(x: number, v: TimeView, width: number): number {
  return v.from + (x / width) * span(v);
}

/** Keeps the span between a second and MAX_SPAN; keeps at least part of the data extent in view. */
export function clampView(v: TimeView, extent?: TimeView | null): TimeView {
  let s = Math.min(MAX_SPAN, Math.max(MIN_SPAN, span(v)));
  let from = v.from + (span(v) - s) / 2;
  if (extent) {
    // Pan no further than half a window past either end of the data.
    const lo = extent.from - s / 2;
    const hi = extent.to + s / 2;
    if (hi - lo < s) s = Math.max(MIN_SPAN, s);
    from = Math.min(Math.max(from, lo), Math.max(lo, hi - s));
  }
  return { from: Math.round(from), to: Math.round(from + s) };
}

/**
 * Zooms by `factor` (< 1 in, > 1 out) keeping the time under `anchor` (0..1 across the width) where it is,
 * as maps and GlassWire do.
 */
export function zoomAt(v: TimeView, factor: number, anchor = 0.5, extent?: TimeView | null): TimeView {
  const s = Math.min(MAX_SPAN, Math.max(MIN_SPAN, span(v) * factor));
  const pivot = v.from + anchor * span(v);
  return clampView({ from: pivot - anchor * s, to: pivot - anchor * s + s }, extent);
}

/** Moves the window by `fraction` of its width (negative = earlier). */
export function panBy(v: TimeView, fraction: number, extent?: TimeView | null): TimeView {
  const d = fraction * span(v);
  return clampView({ from: v.from + d, to: v.to + d }, extent);
}

/** The window a brush drawn from x0 to x1 selects (order-free); too narrow a brush is widened to MIN_SPAN. */
export function brushView(v: TimeView, x0: number, x1: number, width: number): TimeView {
  const a = tOf(Math.min(x0, x1), v, width);
  const b = tOf(Math.max(x0, x1), v, width);
  return clampView({ from: a, to: b });
}

/** The whole extent with a little room at both ends. */
export function fitView(extent: TimeView): TimeView {
  const s = Math.max(MIN_SPAN * 60, span(extent));
  const pad = s * 0.02;
  return clampView({ from: extent.from - pad, to: extent.from + s + pad });
}

/** Live mode: keep the window's width, move it so the newest data sits near the right edge. */
export function follow(v: TimeView, latest: number): TimeView {
  const s = span(v);
  return { from: latest + s * 0.05 - s, to: latest + s * 0.05 };
}

/** Wheel delta (pixels, or lines/pages by deltaMode) to a zoom factor; pinch (ctrl+wheel) zooms faster. */
export function wheelFactor(deltaY: number, deltaMode: number, pinch: boolean): number {
  const px = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(Math.max(-200, Math.min(200, px)) * (pinch ? 0.01 : 0.002));
}

/** Index of the bucket under time t, for buckets of `width` starting at `origin` (a bucket start). */
export function bucketIndexAt(t: number, origin: number, width: number): number {
  return Math.floor((t - origin) / width);
}
