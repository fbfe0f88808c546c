import { describe, expect, it } from 'vitest';
import {
  brushView,
  clampView,
  extentOf,
  fitView,
  follow,
  panBy,
  span,
  tOf,
  wheelFactor,
  xOf,
  zoomAt,
} from '../../../../renderer/src/features/timeline/view';
import { moveCursor } from '../../../../renderer/src/features/timeline/cursor';
import { axisTicks, tickFormatter, widthParts } from '../../../../renderer/src/features/timeline/axis';

const H = 3_600_000;
const D = 24 * H;
const T0 = Date.UTC(2024, 4, 1);
const day = { from: T0, to: T0 + D };

describe('zoom and pan', () => {
  it('zooms around the pointer: the time under it stays under it', () => {
    const anchor = 0.25;
    const before = tOf(anchor * 1000, day, 1000);
    const z = zoomAt(day, 0.5, anchor);
    expect(span(z)).toBe(D / 2);
    expect(tOf(anchor * 1000, z, 1000)).toBeCloseTo(before, -1);
    expect(xOf(before, z, 1000)).toBeCloseTo(250, 3);
  });

  it('stops at a one-second window and at 400 days', () => {
    let v = day;
    for (let i = 0; i < 40; i++) v = zoomAt(v, 0.5);
    expect(span(v)).toBe(1_000);
    for (let i = 0; i < 40; i++) v = zoomAt(v, 2);
    expect(span(v)).toBe(400 * D);
  });

  it('pans by a fraction of the window, no further than half a window past the data', () => {
    expect(panBy(day, 0.1)).toEqual({ from: T0 + 0.1 * D, to: T0 + 1.1 * D });
    const extent = { from: T0, to: T0 + 3 * D };
    let v = day;
    for (let i = 0; i < 100; i++) v = panBy(v, -0.5, extent);
    expect(v.from).toBe(T0 - D / 2);
    for (let i = 0; i < 100; i++) v = panBy(v, 0.5, extent);
    expect(v.to).toBe(T0 + 3 * D + D / 2);
  });

  it('turns a brush (either direction) into the window it covers', () => {
    expect(brushView(day, 750, 250, 1000)).toEqual({ from: T0 + D / 4, to: T0 + (3 * D) / 4 });
    // A click-sized brush still gives at least a second.
    expect(span(brushView(day, 500, 500, 1000))).toBe(1_000);
  });

  it('fits the whole range with a little room, and follows new data in live mode', () => {
    const f = fitView({ from: T0, to: T0 + 10 * D });
    expect(f.from).toBeLessThan(T0);
    expect(f.to).toBeGreaterThan(T0 + 10 * D);
    expect(span(f)).toBeCloseTo(10.4 * D, -3);
    const live = follow(day, T0 + 5 * D);
    expect(span(live)).toBe(D);
    expect(live.to).toBeGreaterThan(T0 + 5 * D);
    expect(extentOf({ from: null, to: null })).toBeNull();
    expect(extentOf({ from: 5, to: 9 })).toEqual({ from: 5, to: 10 });
  });

  it('makes wheel steps gentle and pinch steps faster, in and out symmetrically', () => {
    expect(wheelFactor(-100, 0, false)).toBeLessThan(1);
    expect(wheelFactor(100, 0, false) * wheelFactor(-100, 0, false)).toBeCloseTo(1, 10);
    expect(wheelFactor(-100, 0, true)).toBeLessThan(wheelFactor(-100, 0, false));
    expect(wheelFactor(-3, 1, false)).toBeCloseTo(wheelFactor(-48, 0, false), 10); // line mode
  });

  it('keeps a view inside the allowed spans', () => {
    expect(span(clampView({ from: 0, to: 10 }))).toBe(1_000);
  });
});

describe('keyboard cursor', () => {
  it('starts on the centre bar, steps bars with [ ], lanes with arrows, and pulls the window along', () => {
    const start = moveCursor(null, ']', day, H, 6);
    expect(start.cursor).toEqual({ t: T0 + 12 * H, width: H, lane: 0 });
    const next = moveCursor(start.cursor, ']', day, H, 6);
    expect(next.cursor.t).toBe(T0 + 13 * H);
    expect(moveCursor(next.cursor, 'ArrowDown', day, H, 6).cursor.lane).toBe(1);
    expect(moveCursor({ ...next.cursor, lane: 5 }, 'ArrowDown', day, H, 6).cursor.lane).toBe(5);
    expect(moveCursor(next.cursor, 'ArrowUp', day, H, 6).cursor.lane).toBe(0);
    const off = moveCursor({ t: T0 + 23 * H, width: H, lane: 0 }, ']', day, H, 6);
    expect(off.view).not.toBeNull();
    expect(off.view!.to).toBeGreaterThanOrEqual(T0 + 25 * H);
  });
});

describe('keyboard cursor over real bars', () => {
  // A day of hour bars: lane 0 (Akamai edge) has events at 02:00 and 20:00 only, lane 1 at 11:00.
  const bars = {
    t: [T0 + 2 * H, T0 + 20 * H, T0 + 11 * H],
    lane: [0, 0, 1],
    n: [5, 3, 1],
    width: H,
  };

  it('starts on a bar with events, not on the empty bar at the centre', () => {
    // Lane 0's bar nearest the centre (12:00) is 20:00 (11:00 is lane 1's).
    expect(moveCursor(null, 'ArrowDown', day, H, 2, 0, bars).cursor).toEqual({ t: T0 + 20 * H, width: H, lane: 0 });
    // A lane with nothing in view: the nearest bar with events in any lane.
    const empty = { ...bars, lane: [1, 1, 1] };
    expect(moveCursor(null, 'Enter', day, H, 2, 0, empty).cursor).toEqual({ t: T0 + 11 * H, width: H, lane: 1 });
  });

  it('jumps with [ ] to the previous / next bar that has events in the lane, skipping empty ones', () => {
    const at20 = { t: T0 + 20 * H, width: H, lane: 0 };
    expect(moveCursor(at20, '[', day, H, 2, 0, bars).cursor.t).toBe(T0 + 2 * H);
    expect(moveCursor({ ...at20, t: T0 + 2 * H }, ']', day, H, 2, 0, bars).cursor.t).toBe(T0 + 20 * H);
    // Nothing later in the lane: the cursor stays where it is.
    expect(moveCursor(at20, ']', day, H, 2, 0, bars).cursor).toEqual(at20);
  });

  it('lands on a bar with events when ↑ ↓ reach a lane that is empty at the same time', () => {
    const at20 = { t: T0 + 20 * H, width: H, lane: 0 };
    const down = moveCursor(at20, 'ArrowDown', day, H, 2, 0, bars).cursor;
    expect(down).toEqual({ t: T0 + 11 * H, width: H, lane: 1 });
    // ↓ ↓ ↑ as the reviewer pressed it: back in lane 0 on a bar with events.
    const up = moveCursor(down, 'ArrowUp', day, H, 2, 0, bars).cursor;
    expect(bars.t.filter((_, i) => bars.lane[i] === 0)).toContain(up.t);
  });
});

describe('time axis', () => {
  it('puts ticks at least 90 px apart on whole local hours or days', () => {
    const a = axisTicks(day.from, day.to, 1000, 9 * H);
    expect(a.kind).toBe('minutes');
    expect(a.step).toBe(3 * H);
    expect(a.ticks.every((t) => (t + 9 * H) % (3 * H) === 0)).toBe(true);
    const month = axisTicks(T0, T0 + 30 * D, 1000, 0);
    expect(month.kind).toBe('days');
    expect(widthParts(6 * H)).toEqual({ unit: 'h', count: 6 });
    expect(axisTicks(T0, T0 + 60 * D, 1000, 0).ticks.length).toBeGreaterThan(2);
    expect(widthParts(2 * D)).toEqual({ unit: 'd', count: 2 });
    expect(widthParts(15_000)).toEqual({ unit: 's', count: 15 });
  });
});

describe('time axis over the widest window in a small window', () => {
  it('keeps month labels apart and on the first of a month (a 1024 px window, 400 days, Japanese)', () => {
    // 1024 px window: ~650 px of plot. Labels like "2026年10月" are ~70 px wide at 12 px.
    const from = Date.UTC(2025, 9, 17);
    const a = axisTicks(from, from + 400 * D, 650, 9 * H);
    expect(a.kind).toBe('months');
    const px = (t: number): number => ((t - from) / (400 * D)) * 650;
    for (let i = 1; i < a.ticks.length; i++) expect(px(a.ticks[i]!) - px(a.ticks[i - 1]!)).toBeGreaterThanOrEqual(90);
    for (const t of a.ticks) expect(new Date(t + 9 * H).getUTCDate()).toBe(1);
    // Each label names its own month once ("2026年1月"), not a run of them.
    const labels = a.ticks.map(tickFormatter('months', 'ja'));
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.every((l) => /^\d{4}年\d{1,2}月$/.test(l))).toBe(true);
    // Years apart when even a year per label would crowd them.
    const decade = axisTicks(from, from + 3650 * D, 300, 0);
    for (let i = 1; i < decade.ticks.length; i++)
      expect(decade.ticks[i]! - decade.ticks[i - 1]!).toBeGreaterThan(700 * D);
  });
});
