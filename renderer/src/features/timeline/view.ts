import { MAX_SPAN, MIN_SPAN } from '../../../../main/core/timeline/buckets';
import { clampView, span, type TimeView } from '../../../../main/core/timeline/window';

// The window arithmetic main needs too lives in main/core/timeline/window.ts; zoom and pan are the renderer's.
export { clampView, dataOutside, extentOf, fitView, span, type TimeView } from '../../../../main/core/timeline/window';

/** Screen x (0..width) of time t. */
export function xOf(t: number, v: TimeView, width: number): number {
  return ((t - v.from) / span(v)) * width;
}

/** Time at screen x. */
export function tOf(x: number, v: TimeView, width: number): number {
  return v.from + (x / width) * span(v);
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
