import { bucketStart } from '../../../../main/core/timeline/buckets';
import type { Selection } from './draw';
import { clampView, span, type TimeView } from './view';

/**
 * Keyboard cursor over the bars: ↑/↓ change lane, [ and ] step one bar. With no cursor yet it starts on the bar at
 * the window's centre. Returns a new view when the cursor left the window (the window follows it).
 */
export function moveCursor(
  cursor: Selection | null,
  key: string,
  view: TimeView,
  width: number,
  lanes: number,
  offsetMs = 0,
): { cursor: Selection; view: TimeView | null } {
  const center = bucketStart((view.from + view.to) / 2, width, offsetMs);
  let c: Selection = cursor && cursor.width === width ? cursor : { t: center, width, lane: cursor?.lane ?? 0 };
  if (cursor && cursor.width === width) {
    if (key === 'ArrowUp') c = { ...c, lane: Math.max(0, c.lane - 1) };
    else if (key === 'ArrowDown') c = { ...c, lane: Math.min(Math.max(0, lanes - 1), c.lane + 1) };
    else if (key === '[') c = { ...c, t: c.t - width };
    else if (key === ']') c = { ...c, t: c.t + width };
  }
  let next: TimeView | null = null;
  if (c.t < view.from || c.t + width > view.to) {
    const s = span(view);
    next = clampView({ from: c.t + width / 2 - s / 2, to: c.t + width / 2 + s / 2 });
  }
  return { cursor: c, view: next };
}
