import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { BucketsResult, TimelineFilters } from '../../../../preload/contract/timeline';
import { bucketWidthFor } from '../../../../main/core/timeline/buckets';
import { netwhy } from '../../api';
import { laneStyle } from './lanes';
import { offsetAt } from './useTimelineData';
import { panBy, span, xOf, type TimeView } from './view';

const HEIGHT = 44;

/** The whole range in one strip, the visible window marked; click or drag it to move the window there. */
export function Overview(props: {
  extent: TimeView;
  view: TimeView;
  filters: TimelineFilters;
  version: number;
  label: string;
  onView(next: TimeView): void;
}): ReactNode {
  const { extent, view, filters, version } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const [data, setData] = useState<BucketsResult | null>(null);
  const [width, setWidth] = useState(800);
  const filtersKey = JSON.stringify(filters);

  useEffect(() => {
    let alive = true;
    const w = bucketWidthFor(extent.to - extent.from, 240);
    void netwhy.timeline
      .buckets({
        from: extent.from,
        to: extent.to + 1,
        width: w,
        laneMode: 'owner',
        filters,
        offsetMs: offsetAt(extent.from),
      })
      .then((r) => alive && setData(r))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [extent.from, extent.to, filtersKey, version]);

  useEffect(() => {
    const el = canvas.current?.parentElement;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.max(200, el.clientWidth)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useLayoutEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, HEIGHT);
    const css = getComputedStyle(c);
    const full = { from: extent.from, to: extent.to + 1 };
    if (data) {
      // Stack the lanes per bucket; square-root scale as on the chart, so one burst does not flatten the rest.
      const totals = new Map<number, number>();
      data.t.forEach((t, i) => totals.set(t, (totals.get(t) ?? 0) + (data.n[i] ?? 0)));
      const max = Math.max(1, ...totals.values());
      const stacked = new Map<number, number>();
      const colors = data.lanes.map((l, i) => css.getPropertyValue(laneStyle('owner', l.key, i).cssVar).trim());
      data.t.forEach((t, i) => {
        const n = data.n[i] ?? 0;
        const below = stacked.get(t) ?? 0;
        stacked.set(t, below + n);
        const x = xOf(t, full, width);
        const w = Math.max(1, xOf(t + data.width, full, width) - x);
        const scale = (v: number): number => Math.sqrt(v / max) * (HEIGHT - 4);
        const y0 = HEIGHT - scale(below);
        const h = scale(below + n) - scale(below);
        ctx.fillStyle = colors[data.lane[i] ?? 0] ?? '#888';
        ctx.fillRect(x, y0 - h, w, Math.max(h, n > 0 ? 1 : 0));
      });
    }
    const a = Math.max(0, xOf(view.from, full, width));
    const b = Math.min(width, xOf(view.to, full, width));
    ctx.strokeStyle = css.getPropertyValue('--focus').trim() || '#1f6feb';
    ctx.fillStyle = ctx.strokeStyle;
    ctx.globalAlpha = 0.18;
    ctx.fillRect(a, 0, Math.max(2, b - a), HEIGHT);
    ctx.globalAlpha = 1;
    ctx.lineWidth = 2;
    ctx.strokeRect(a + 1, 1, Math.max(2, b - a - 2), HEIGHT - 2);
  });

  const moveTo = (clientX: number): void => {
    const r = canvas.current?.getBoundingClientRect();
    if (!r) return;
    const t = extent.from + ((clientX - r.left) / r.width) * (extent.to - extent.from);
    const s = span(view);
    props.onView({ from: Math.round(t - s / 2), to: Math.round(t + s / 2) });
  };
  const dragging = useRef(false);

  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      props.onView(panBy(view, (e.key === 'ArrowLeft' ? -1 : 1) * (e.shiftKey ? 1 : 0.25), extent));
    }
  };

  return (
    <div
      className="timeline-overview"
      role="slider"
      tabIndex={0}
      aria-label={props.label}
      aria-valuemin={extent.from}
      aria-valuemax={extent.to}
      aria-valuenow={Math.round((view.from + view.to) / 2)}
      aria-valuetext={`${new Date(view.from).toLocaleString()} – ${new Date(view.to).toLocaleString()}`}
      onKeyDown={onKey}
      data-testid="timeline-overview"
    >
      <canvas
        ref={canvas}
        aria-hidden="true"
        width={Math.round(width * (window.devicePixelRatio || 1))}
        height={Math.round(HEIGHT * (window.devicePixelRatio || 1))}
        style={{ width, height: HEIGHT }}
        onPointerDown={(e) => {
          dragging.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          moveTo(e.clientX);
        }}
        onPointerMove={(e) => dragging.current && moveTo(e.clientX)}
        onPointerUp={() => (dragging.current = false)}
      />
    </div>
  );
}
