import type { LaneMode } from '../../../../preload/contract/timeline';

/**
 * How each lane looks. Colour alone must not carry meaning (WCAG 1.4.1): every lane also has its own fill pattern,
 * and its name is written beside it. Colours are CSS variables (light and dark values in styles.css/timeline.css).
 */
export type Pattern = 'stripes' | 'dots' | 'cross' | 'hlines' | 'vlines' | 'solid' | 'backslash' | 'grid';

export interface LaneStyle {
  cssVar: string;
  pattern: Pattern;
}

/** Owner lanes: Akamai edge = blue with diagonal stripes, NetSession = orange with dots (documented in the README). */
const OWNER: Record<string, LaneStyle> = {
  'akamai-edge': { cssVar: '--akamai-edge', pattern: 'stripes' },
  'akamai-netsession': { cssVar: '--akamai-netsession', pattern: 'dots' },
  'akamai-cloud': { cssVar: '--akamai-cloud', pattern: 'cross' },
  'other-cdn': { cssVar: '--other-cdn', pattern: 'hlines' },
  isp: { cssVar: '--isp', pattern: 'vlines' },
  unknown: { cssVar: '--unknown', pattern: 'solid' },
};

const VERDICT: Record<string, LaneStyle> = {
  'cdn-reply': { cssVar: '--akamai-edge', pattern: 'stripes' },
  'cdn-connection': { cssVar: '--other-cdn', pattern: 'hlines' },
  'p2p-download': { cssVar: '--akamai-netsession', pattern: 'dots' },
  streaming: { cssVar: '--tl-streaming', pattern: 'backslash' },
  'stale-local': { cssVar: '--isp', pattern: 'vlines' },
  scan: { cssVar: '--tl-scan', pattern: 'cross' },
  probe: { cssVar: '--tl-probe', pattern: 'grid' },
  unknown: { cssVar: '--unknown', pattern: 'solid' },
};

const CYCLE: Pattern[] = ['stripes', 'dots', 'cross', 'hlines', 'vlines', 'backslash', 'grid', 'solid'];

export function laneStyle(mode: LaneMode, key: string, index: number): LaneStyle {
  if (mode === 'owner') return OWNER[key] ?? { cssVar: '--unknown', pattern: 'solid' };
  if (mode === 'verdict') return VERDICT[key] ?? { cssVar: '--unknown', pattern: 'solid' };
  if (/netsession/i.test(key)) return OWNER['akamai-netsession'] ?? { cssVar: '--unknown', pattern: 'dots' };
  return { cssVar: `--tl-lane-${(index % 8) + 1}`, pattern: CYCLE[index % CYCLE.length] ?? 'solid' };
}

/** i18n key of a lane's name (process lanes are their own names). */
export function laneLabelKey(mode: LaneMode, key: string): string | null {
  if (mode === 'owner') return `timeline:owner.${key}`;
  if (mode === 'verdict') return `hosts:verdict.${key}`;
  return key === '' ? 'timeline:process.none' : key === '*other' ? 'timeline:process.other' : null;
}

/** A small tile painting `pattern` in `color` over a faint tint of it, repeated by the canvas. */
export function makePattern(
  ctx: CanvasRenderingContext2D,
  color: string,
  pattern: Pattern,
  dpr: number,
): CanvasPattern | string {
  if (pattern === 'solid') return color;
  const size = Math.round(8 * dpr);
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const g = tile.getContext('2d');
  if (!g) return color;
  g.fillStyle = color;
  g.globalAlpha = 0.55;
  g.fillRect(0, 0, size, size);
  g.globalAlpha = 1;
  g.strokeStyle = color;
  g.fillStyle = color;
  g.lineWidth = Math.max(1, 1.5 * dpr);
  const line = (x0: number, y0: number, x1: number, y1: number): void => {
    g.beginPath();
    g.moveTo(x0, y0);
    g.lineTo(x1, y1);
    g.stroke();
  };
  switch (pattern) {
    case 'stripes':
      line(0, size, size, 0);
      line(-size / 2, size / 2, size / 2, -size / 2);
      line(size / 2, size * 1.5, size * 1.5, size / 2);
      break;
    case 'backslash':
      line(0, 0, size, size);
      line(-size / 2, size / 2, size / 2, size * 1.5);
      line(size / 2, -size / 2, size * 1.5, size / 2);
      break;
    case 'dots':
      g.globalAlpha = 1;
      g.clearRect(0, 0, size, size);
      g.globalAlpha = 0.35;
      g.fillRect(0, 0, size, size);
      g.globalAlpha = 1;
      g.beginPath();
      g.arc(size / 2, size / 2, size / 4, 0, Math.PI * 2);
      g.fill();
      break;
    case 'cross':
      line(0, 0, size, size);
      line(0, size, size, 0);
      break;
    case 'grid':
      line(0, size / 2, size, size / 2);
      line(size / 2, 0, size / 2, size);
      break;
    case 'hlines':
      line(0, size / 4, size, size / 4);
      line(0, (3 * size) / 4, size, (3 * size) / 4);
      break;
    case 'vlines':
      line(size / 4, 0, size / 4, size);
      line((3 * size) / 4, 0, (3 * size) / 4, size);
      break;
  }
  return ctx.createPattern(tile, 'repeat') ?? color;
}
