import { bucketStart } from '../../../../main/core/timeline/buckets';
import type { Selection } from './draw';
import { clampView, span, type TimeView } from './view';

/** The bars at hand (a BucketsResult's parallel arrays): only bars with events are listed there. */
export interface Bars {
  t: ArrayLike<number>;
  lane: ArrayLike<number>;
  n: ArrayLike<number>;
  width: number;
}

/** Starts of the bars with events in `lane`, ascending. */
function starts(bars: Bars, lane: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < bars.t.length; i++) {
    if ((bars.lane[i] ?? -1) === lane && (bars.n[i] ?? 0) > 0) out.push(bars.t[i] ?? 0);
  }
  return out.sort((a, b) => a - b);
}

const inView = (t: number, width: number, view: TimeView): boolean => t + width > view.from && t < view.to;

/** The bar with events nearest to `t` in `lane` within the view, or null. */
function nearest(bars: Bars, lane: number, t: number, view: TimeView): number | null {
  let best: number | null = null;
  for (const s of starts(bars, lane)) {
    if (inView(s, bars.width, view) && (best === null || Math.abs(s - t) < Math.abs(best - t))) best = s;
  }
  return best;
}

/**
 * Keyboard cursor over the bars: ↑/↓ change lane, [ and ] jump to the previous/next bar with events in the lane
 * (empty bars are skipped: walking them one at a time took dozens of presses to reach anything). With no cursor yet
 * it starts on the bar with events nearest the window's centre (in its lane if that lane has one in view, else in
 * any lane); a lane change lands on that lane's nearest bar with events when the same time has none. Without
 * `bars` (or bars of another width, while a zoom's answer is on its way) it steps one bar at a time. Returns a new
 * view when the cursor left the window (the window follows it).
 */
export function moveCursor(
  cursor: Selection | null,
  key: string,
  view: TimeView,
  width: number,
  lanes: number,
  offsetMs = 0,
  bars: Bars | null = null,
): { cursor: Selection; view: TimeView | null } {
  const known = bars !== null && bars.width === width ? bars : null;
  const centre = (view.from + view.to) / 2;
  let c: Selection;
  if (!cursor || cursor.width !== width) {
    c = { t: bucketStart(centre, width, offsetMs), width, lane: Math.min(cursor?.lane ?? 0, Math.max(0, lanes - 1)) };
    if (known) {
      const own = nearest(known, c.lane, centre, view);
      if (own !== null) c = { ...c, t: own };
      else {
        let best: Selection | null = null;
        for (let lane = 0; lane < lanes; lane++) {
          const s = nearest(known, lane, centre, view);
          if (s !== null && (best === null || Math.abs(s - centre) < Math.abs(best.t - centre))) {
            best = { t: s, width, lane };
          }
        }
        if (best) c = best;
      }
    }
  } else {
    c = cursor;
    if (key === 'ArrowUp' || key === 'ArrowDown') {
      const lane = key === 'ArrowUp' ? Math.max(0, c.lane - 1) : Math.min(Math.max(0, lanes - 1), c.lane + 1);
      c = { ...c, lane };
      if (known && !starts(known, lane).includes(c.t)) {
        const s = nearest(known, lane, c.t + width / 2, view);
        if (s !== null) c = { ...c, t: s };
      }
    } else if (key === '[' || key === ']') {
      if (known) {
        const all = starts(known, c.lane);
        const s = key === '[' ? all.filter((x) => x < c.t).pop() : all.find((x) => x > c.t);
        // Nothing with events that way among the bars at hand: stay (← → still pan the window).
        if (s !== undefined) c = { ...c, t: s };
      } else c = { ...c, t: c.t + (key === '[' ? -width : width) };
    }
  }
  let next: TimeView | null = null;
  if (c.t < view.from || c.t + width > view.to) {
    const s = span(view);
    next = clampView({ from: c.t + width / 2 - s / 2, to: c.t + width / 2 + s / 2 });
  }
  return { cursor: c, view: next };
}
