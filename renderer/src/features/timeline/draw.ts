import type { BucketsResult } from '../../../../preload/contract/timeline';
import { xOf, type TimeView } from './view';

/** Geometry shared by drawing and hit-testing. */
export const AXIS_H = 22;
export const GUTTER = 168;

export interface Layout {
  width: number;
  height: number;
  laneH: number;
  lanes: number;
}

export function layoutFor(width: number, height: number, lanes: number): Layout {
  const laneH = lanes > 0 ? Math.max(18, (height - AXIS_H) / lanes) : 0;
  return { width, height, laneH, lanes };
}

/** Lane index under y, or -1. */
export function laneAt(y: number, l: Layout): number {
  if (y < AXIS_H || l.laneH <= 0) return -1;
  const i = Math.floor((y - AXIS_H) / l.laneH);
  return i < l.lanes ? i : -1;
}

export interface Selection {
  t: number;
  width: number;
  lane: number;
}

export interface DrawInput {
  ctx: CanvasRenderingContext2D;
  layout: Layout;
  dpr: number;
  view: TimeView;
  data: BucketsResult | null;
  fills: (CanvasPattern | string)[];
  strokes: string[];
  labels: string[];
  colors: { text: string; subtle: string; border: string; panel: string; accent: string };
  ticks: number[];
  formatTick: (t: number) => string;
  selection: Selection | null;
  brush: { x0: number; x1: number } | null;
}

/** Paints one frame. Only reads its inputs: zooming and panning redraw from data already fetched. */
export function drawTimeline(d: DrawInput): void {
  const { ctx, layout, dpr, view, data } = d;
  const plotW = layout.width - GUTTER;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, layout.width, layout.height);
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';

  // Lane backgrounds and labels (the label is what tells lanes apart without colour).
  for (let i = 0; i < layout.lanes; i++) {
    const y = AXIS_H + i * layout.laneH;
    if (i % 2 === 1) {
      ctx.fillStyle = d.colors.border;
      ctx.globalAlpha = 0.25;
      ctx.fillRect(0, y, layout.width, layout.laneH);
      ctx.globalAlpha = 1;
    }
    ctx.fillStyle = d.fills[i] ?? d.colors.subtle;
    ctx.fillRect(6, y + layout.laneH / 2 - 6, 12, 12);
    ctx.strokeStyle = d.strokes[i] ?? d.colors.subtle;
    ctx.lineWidth = 1;
    ctx.strokeRect(6.5, y + layout.laneH / 2 - 5.5, 11, 11);
    ctx.fillStyle = d.colors.text;
    ctx.fillText(clip(ctx, d.labels[i] ?? '', GUTTER - 30), 24, y + layout.laneH / 2);
  }

  ctx.save();
  ctx.beginPath();
  ctx.rect(GUTTER, 0, plotW, layout.height);
  ctx.clip();
  ctx.translate(GUTTER, 0);

  // Time axis.
  ctx.fillStyle = d.colors.subtle;
  ctx.strokeStyle = d.colors.border;
  ctx.textBaseline = 'top';
  // A label that would run into the previous one is left out (its grid line stays): a long label in a narrow
  // window, or Japanese dates wider than the step allowed for, must not print as one run of text.
  let labelEnd = -Infinity;
  for (const t of d.ticks) {
    const x = Math.round(xOf(t, view, plotW)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, AXIS_H - 4);
    ctx.lineTo(x, layout.height);
    ctx.stroke();
    const label = d.formatTick(t);
    if (x + 3 >= labelEnd + 8) {
      ctx.fillText(label, x + 3, 4);
      labelEnd = x + 3 + ctx.measureText(label).width;
    }
  }

  if (data) {
    let max = 1;
    for (const n of data.n) if (n > max) max = n;
    const inner = layout.laneH - 4;
    const ticks = data.ticks;
    const fade = ticks !== null;
    if (fade) ctx.globalAlpha = 0.35;
    const count = data.t.length;
    for (let i = 0; i < count; i++) {
      const t = data.t[i] ?? 0;
      if (t + data.width < view.from || t > view.to) continue;
      const lane = data.lane[i] ?? 0;
      const n = data.n[i] ?? 0;
      const x0 = xOf(t, view, plotW);
      const w = Math.max(
        1,
        xOf(t + data.width, view, plotW) - x0 - (plotW / ((view.to - view.from) / data.width) > 4 ? 1 : 0),
      );
      // Square-root scale: a quiet lane stays visible next to a busy one; at least 2 px when anything happened.
      const h = Math.max(2, Math.sqrt(n / max) * inner);
      const yBase = AXIS_H + (lane + 1) * layout.laneH - 2;
      ctx.fillStyle = d.fills[lane] ?? d.colors.subtle;
      ctx.fillRect(x0, yBase - h, w, h);
    }
    ctx.globalAlpha = 1;
    if (ticks) {
      ctx.lineWidth = 2;
      for (const tk of ticks) {
        const x = Math.round(xOf(tk.t, view, plotW));
        const y = AXIS_H + tk.lane * layout.laneH;
        ctx.strokeStyle = d.strokes[tk.lane] ?? d.colors.text;
        ctx.beginPath();
        ctx.moveTo(x, y + 3);
        ctx.lineTo(x, y + layout.laneH - 3);
        ctx.stroke();
      }
    }
  }

  if (d.selection) {
    const s = d.selection;
    const x0 = xOf(s.t, view, plotW);
    const w = Math.max(3, xOf(s.t + s.width, view, plotW) - x0);
    ctx.strokeStyle = d.colors.accent;
    ctx.lineWidth = 2;
    ctx.strokeRect(x0 - 1, AXIS_H + s.lane * layout.laneH + 1, w + 2, layout.laneH - 2);
  }
  if (d.brush) {
    const a = Math.min(d.brush.x0, d.brush.x1) - GUTTER;
    const b = Math.max(d.brush.x0, d.brush.x1) - GUTTER;
    ctx.fillStyle = d.colors.accent;
    ctx.globalAlpha = 0.15;
    ctx.fillRect(a, AXIS_H, b - a, layout.height - AXIS_H);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = d.colors.accent;
    ctx.strokeRect(a + 0.5, AXIS_H + 0.5, b - a - 1, layout.height - AXIS_H - 1);
  }
  ctx.restore();
}

function clip(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let s = text;
  while (s.length > 1 && ctx.measureText(`${s}…`).width > max) s = s.slice(0, -1);
  return `${s}…`;
}
