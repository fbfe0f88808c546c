import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { EventsResult, LaneMode, TimelineEvent, TimelineFilters } from '../../../../preload/contract/timeline';
import { netwhy } from '../../api';
import { formatDateTime } from '../../components/format';
import { useHostPanel } from '../host/host-panel-context';
import { ReportButton } from '../report/ReportButton';
import { actionLabel } from './actions';

export interface EventSelection {
  from: number;
  to: number;
  lane: string | undefined;
  laneLabel: string;
}

const ROW_H = 30;

/** The address most of the events are about: the one the host panel should explain. */
export function mainRemote(events: readonly TimelineEvent[]): string | null {
  const counts = new Map<string, number>();
  for (const e of events) if (e.remote) counts.set(e.remote, (counts.get(e.remote) ?? 0) + 1);
  let best: string | null = null;
  let bestN = 0;
  for (const [ip, n] of counts) if (n > bestN) [best, bestN] = [ip, n];
  return best;
}

function endpoint(addr: string | null, port: number | null): string {
  if (!addr) return '—';
  const a = addr.includes(':') ? `[${addr}]` : addr;
  return port === null ? a : `${a}:${port}`;
}

/** The events of the chosen bar, virtualised (a busy bar holds thousands); a row opens its host's explanation. */
export function EventPanel(props: {
  selection: EventSelection;
  laneMode: LaneMode;
  filters: TimelineFilters;
  version: number;
  sourceName: (id: TimelineEvent['source']) => string;
  onClose(): void;
}): ReactNode {
  const { t, i18n } = useTranslation('timeline');
  const host = useHostPanel();
  const [result, setResult] = useState<EventsResult | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const { selection, laneMode, filters, version } = props;
  const filtersKey = JSON.stringify(filters);
  const opened = useRef<string>('');

  useEffect(() => {
    let alive = true;
    void netwhy.timeline
      .events({ from: selection.from, to: selection.to, laneMode, filters, lane: selection.lane, limit: 5_000 })
      .then((r) => {
        if (!alive) return;
        setResult(r);
        // A click on a bar explains the address behind most of it straight away (once per bar).
        const key = `${selection.from}/${selection.lane ?? ''}`;
        const ip = mainRemote(r.events);
        if (ip && opened.current !== key) {
          opened.current = key;
          host.open(ip);
        }
      });
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selection.from, selection.to, selection.lane, laneMode, filtersKey, version]);

  const events = result?.events ?? [];
  const virtual = useVirtualizer({
    count: events.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_H,
    overscan: 12,
  });
  const lang = i18n.language;
  const ip = mainRemote(events);

  return (
    <section className="timeline-events" aria-labelledby="timeline-events-title" data-testid="timeline-events">
      <header className="timeline-events-header">
        <div>
          <h2 id="timeline-events-title">
            {t('events.title', { from: formatDateTime(selection.from, lang), to: formatDateTime(selection.to, lang) })}
          </h2>
          <p className="subtle" data-testid="timeline-events-summary">
            {t('events.lane', { lane: selection.laneLabel })} · {t('events.count', { count: result?.total ?? 0 })}
            {result && result.total > events.length ? ` (${t('events.shown', { shown: events.length })})` : ''}
          </p>
        </div>
        <div className="toolbar">
          {ip ? (
            <button className="button" onClick={() => host.open(ip)} data-testid="timeline-explain-host">
              {t('events.host', { ip })}
            </button>
          ) : null}
          {ip ? (
            // An abuse report about this address, limited to the selected period (the timeline selection).
            <ReportButton selection={{ kind: 'range', host: ip, from: selection.from, to: selection.to }} />
          ) : null}
          <button className="button" onClick={props.onClose} aria-label={t('events.close')}>
            ×
          </button>
        </div>
      </header>
      {result && events.length === 0 ? (
        <p className="subtle" data-testid="timeline-events-empty">
          {t('events.empty')}
        </p>
      ) : null}
      {/* Column headings only over rows: an empty bar showed headings above nothing. */}
      {events.length > 0 ? (
        <div className="timeline-events-head" aria-hidden="true" data-testid="timeline-events-head">
          <span>{t('events.time')}</span>
          <span>{t('events.source')}</span>
          <span>{t('events.connection')}</span>
          <span>{t('events.what')}</span>
        </div>
      ) : null}
      <div
        ref={scroller}
        className={
          result && events.length === 0 ? 'timeline-events-scroll timeline-events-none' : 'timeline-events-scroll'
        }
        role="list"
        aria-label={t('events.title', {
          from: formatDateTime(selection.from, lang),
          to: formatDateTime(selection.to, lang),
        })}
      >
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((row) => {
            const e = events[row.index];
            if (!e) return null;
            return (
              <div
                key={e.key}
                role="listitem"
                className="timeline-event-row"
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_H,
                  transform: `translateY(${row.start}px)`,
                }}
              >
                <button
                  className="timeline-event"
                  onClick={() => e.remote && host.open(e.remote)}
                  title={e.raw ?? undefined}
                  data-testid="timeline-event"
                  data-remote={e.remote ?? ''}
                >
                  <span>{formatDateTime(e.t, lang)}</span>
                  <span>{props.sourceName(e.source)}</span>
                  <span>
                    {(e.proto ?? '').toUpperCase()} {endpoint(e.src, e.sport)} → {endpoint(e.dst, e.dport)}
                  </span>
                  <span>{[e.action && actionLabel(t, e.action), e.flags, e.state].filter(Boolean).join(' ')}</span>
                </button>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
