import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LaneMode } from '../../../../preload/contract/timeline';
import { laneStyle, makePattern, type LaneStyle } from './lanes';

function Swatch(props: { style: LaneStyle }): ReactNode {
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const c = ref.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    const color = getComputedStyle(c).getPropertyValue(props.style.cssVar).trim() || '#888';
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, c.width, c.height);
    ctx.fillStyle = makePattern(ctx, color, props.style.pattern, dpr);
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.strokeStyle = color;
    ctx.lineWidth = dpr;
    ctx.strokeRect(dpr / 2, dpr / 2, c.width - dpr, c.height - dpr);
  });
  const dpr = window.devicePixelRatio || 1;
  return <canvas ref={ref} className="legend-swatch" width={28 * dpr} height={14 * dpr} aria-hidden="true" />;
}

/** Lane colours with their patterns and names: the chart can be read without telling colours apart. */
export function Legend(props: {
  mode: LaneMode;
  lanes: { key: string; total: number }[];
  labels: string[];
  language: string;
}): ReactNode {
  const { t } = useTranslation('timeline');
  const nf = new Intl.NumberFormat(props.language);
  return (
    <ul className="timeline-legend" aria-label={t('legend.label')} data-testid="timeline-legend">
      {props.lanes.map((l, i) => {
        const style = laneStyle(props.mode, l.key, i);
        const label = props.labels[i] ?? l.key;
        return (
          <li
            key={l.key}
            data-testid="legend-item"
            data-lane={l.key}
            data-pattern={style.pattern}
            className={l.key.startsWith('akamai-') ? 'legend-akamai' : undefined}
            aria-label={t('legend.swatch', {
              lane: label,
              pattern: t(`legend.pattern.${style.pattern}`),
              count: l.total,
              n: nf.format(l.total),
            })}
          >
            <Swatch style={style} />
            <span>{label}</span>
            <span className="subtle">{nf.format(l.total)}</span>
          </li>
        );
      })}
    </ul>
  );
}
