import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BucketsResult } from '../../../../preload/contract/timeline';
import { formatDateTime } from '../../components/format';
import type { Selection } from './draw';
import type { TimeView } from './view';

const SHOWN = 200;

/** The bars of the window as a list of buttons: the chart's content for screen readers and keyboard users. */
export function BucketList(props: {
  data: BucketsResult | null;
  view: TimeView;
  labels: string[];
  onSelect(sel: Selection): void;
}): ReactNode {
  const { t, i18n } = useTranslation('timeline');
  const [open, setOpen] = useState(false);
  const { data, view } = props;
  const items: { t: number; lane: number; n: number }[] = [];
  if (data && open) {
    for (let i = 0; i < data.t.length; i++) {
      const start = data.t[i] ?? 0;
      if (start + data.width <= view.from || start >= view.to) continue;
      items.push({ t: start, lane: data.lane[i] ?? 0, n: data.n[i] ?? 0 });
    }
  }
  const busiest = items.length > SHOWN ? new Set([...items].sort((a, b) => b.n - a.n).slice(0, SHOWN)) : null;
  const shown = busiest ? items.filter((x) => busiest.has(x)) : items;
  const nf = new Intl.NumberFormat(i18n.language);
  return (
    <details className="timeline-bucket-list" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary data-testid="timeline-bucket-list-toggle">{t('buckets.title')}</summary>
      {open ? (
        <>
          {busiest ? <p className="subtle">{t('buckets.more', { shown: SHOWN, count: items.length })}</p> : null}
          {shown.length === 0 ? <p className="subtle">{t('buckets.none')}</p> : null}
          <ul data-testid="timeline-bucket-list">
            {shown.map((b) => (
              <li key={`${b.t}/${b.lane}`}>
                <button
                  className="link-button"
                  onClick={() => data && props.onSelect({ t: b.t, width: data.width, lane: b.lane })}
                >
                  {t('buckets.item', {
                    from: formatDateTime(b.t, i18n.language),
                    to: formatDateTime(b.t + (data?.width ?? 0), i18n.language),
                    lane: props.labels[b.lane] ?? '',
                    count: b.n,
                    n: nf.format(b.n),
                  })}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </details>
  );
}
