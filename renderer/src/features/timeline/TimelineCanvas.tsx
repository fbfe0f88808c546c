import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { BucketsResult, LaneMode } from '../../../../preload/contract/timeline';
import { axisTicks, tickFormatter } from './axis';
import { drawTimeline, GUTTER, laneAt, layoutFor, type Selection } from './draw';
import { laneStyle, makePattern } from './lanes';
import { offsetAt } from './useTimelineData';
import { brushView, panBy, tOf, wheelFactor, zoomAt, type TimeView } from './view';

/** Frame timings for bench:timeline: ms from an input (wheel, key, drag) to the end of the redraw it caused. */
type FrameLog = { __timelineFrames?: number[]; __timelineFirstPaint?: number };
const frameLog = window as unknown as FrameLog;

export interface CanvasProps {
  view: TimeView;
  extent: TimeView | null;
  data: BucketsResult | null;
  laneMode: LaneMode;
  labels: string[];
  language: string;
  selection: Selection | null;
  brushMode: boolean;
  height: number;
  label: string;
  describedBy: string;
  onView(next: TimeView): void;
  onSelect(sel: Selection | null): void;
  onKey(e: KeyboardEvent<HTMLDivElement>): boolean;
  onPlotWidth(width: number): void;
}

export function TimelineCanvas(p: CanvasProps): ReactNode {
  const host = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ width: 800, dpr: window.devicePixelRatio || 1 });
  const [brush, setBrush] = useState<{ x0: number; x1: number } | null>(null);
  const inputAt = useRef<number | null>(null);
  const patterns = useRef(new Map<string, CanvasPattern | string>());
  const live = useRef(p);
  // Handlers registered once (wheel, resize) read the latest props through this ref.
  useLayoutEffect(() => {
    live.current = p;
  });

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const ro = new ResizeObserver(() => {
      const width = Math.max(320, Math.floor(el.clientWidth));
      setSize({ width, dpr: window.devicePixelRatio || 1 });
      live.current.onPlotWidth(width - GUTTER);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const lanes = p.data?.lanes ?? [];
  const layout = layoutFor(size.width, p.height, lanes.length);

  useLayoutEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const started = performance.now();
    const css = getComputedStyle(c);
    const v = (name: string): string => css.getPropertyValue(name).trim() || '#888';
    const styles = lanes.map((l, i) => laneStyle(p.laneMode, l.key, i));
    const strokes = styles.map((s) => v(s.cssVar));
    const fills = styles.map((s, i) => {
      const key = `${strokes[i]}|${s.pattern}|${size.dpr}`;
      let f = patterns.current.get(key);
      if (!f) patterns.current.set(key, (f = makePattern(ctx, strokes[i] ?? '#888', s.pattern, size.dpr)));
      return f;
    });
    const axis = axisTicks(p.view.from, p.view.to, size.width - GUTTER, offsetAt(p.view.from));
    drawTimeline({
      ctx,
      layout,
      dpr: size.dpr,
      view: p.view,
      data: p.data,
      fills,
      strokes,
      labels: p.labels,
      colors: {
        text: v('--text'),
        subtle: v('--subtle'),
        border: v('--border'),
        panel: v('--panel'),
        accent: v('--focus'),
      },
      ticks: axis.ticks,
      formatTick: tickFormatter(axis.kind, p.language),
      selection: p.selection,
      brush,
    });
    const done = performance.now();
    if (p.data && frameLog.__timelineFirstPaint === undefined) {
      frameLog.__timelineFirstPaint = done;
      performance.mark('timeline-first-paint');
    }
    if (inputAt.current !== null) {
      frameLog.__timelineFrames?.push(done - inputAt.current);
      inputAt.current = null;
    } else if (p.data) frameLog.__timelineFrames?.push(done - started);
  });

  const plotW = size.width - GUTTER;
  const anchorOf = (clientX: number): number => {
    const r = canvas.current?.getBoundingClientRect();
    return r ? Math.min(1, Math.max(0, (clientX - r.left - GUTTER) / plotW)) : 0.5;
  };

  // Wheel zooms at the pointer (ctrl+wheel = trackpad pinch, faster); shift+wheel or a sideways swipe pans.
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const onWheel = (e: WheelEvent): void => {
      e.preventDefault();
      inputAt.current = performance.now();
      const cur = live.current;
      if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
        cur.onView(panBy(cur.view, (e.shiftKey ? e.deltaY : e.deltaX) / 1_000, cur.extent));
      } else {
        cur.onView(zoomAt(cur.view, wheelFactor(e.deltaY, e.deltaMode, e.ctrlKey), anchorOf(e.clientX), cur.extent));
      }
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  });

  const drag = useRef<{ x0: number; y0: number; view: TimeView; brush: boolean; moved: boolean } | null>(null);
  const local = (e: { clientX: number; clientY: number }): { x: number; y: number } => {
    const r = canvas.current?.getBoundingClientRect();
    return { x: e.clientX - (r?.left ?? 0), y: e.clientY - (r?.top ?? 0) };
  };

  const onPointerDown = (e: React.PointerEvent<HTMLCanvasElement>): void => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const { x, y } = local(e);
    drag.current = { x0: x, y0: y, view: p.view, brush: p.brushMode || e.shiftKey, moved: false };
  };
  const onPointerMove = (e: React.PointerEvent<HTMLCanvasElement>): void => {
    const d = drag.current;
    if (!d) return;
    const { x } = local(e);
    if (Math.abs(x - d.x0) > 3) d.moved = true;
    if (!d.moved) return;
    inputAt.current = performance.now();
    if (d.brush) setBrush({ x0: Math.max(GUTTER, d.x0), x1: Math.max(GUTTER, x) });
    else p.onView(panBy(d.view, -(x - d.x0) / plotW, p.extent));
  };
  const onPointerUp = (e: React.PointerEvent<HTMLCanvasElement>): void => {
    const d = drag.current;
    drag.current = null;
    if (!d) return;
    const { x, y } = local(e);
    if (d.brush && d.moved) {
      setBrush(null);
      p.onView(brushView(p.view, Math.max(0, d.x0 - GUTTER), Math.max(0, x - GUTTER), plotW));
      return;
    }
    if (d.moved || !p.data || x < GUTTER) return;
    const lane = laneAt(y, layout);
    if (lane < 0) return;
    const t = tOf(x - GUTTER, p.view, plotW);
    const w = p.data.width;
    p.onSelect({ t: p.data.from + Math.floor((t - p.data.from) / w) * w, width: w, lane });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    inputAt.current = performance.now();
    if (p.onKey(e)) e.preventDefault();
    else inputAt.current = null;
  };

  return (
    <div
      ref={host}
      className="timeline-canvas"
      role="application"
      aria-roledescription="timeline"
      aria-label={p.label}
      aria-describedby={p.describedBy}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="timeline-canvas"
      data-width={p.data?.width ?? ''}
      data-from={p.view.from}
      data-to={p.view.to}
      data-buckets={p.data?.t.length ?? 0}
    >
      <canvas
        ref={canvas}
        aria-hidden="true"
        width={Math.round(size.width * size.dpr)}
        height={Math.round(p.height * size.dpr)}
        style={{ width: size.width, height: p.height, cursor: p.brushMode ? 'crosshair' : 'grab' }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
      />
    </div>
  );
}
