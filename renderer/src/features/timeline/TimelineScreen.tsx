import { memo, useCallback, useEffect, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LaneMode, TimelineEvent, TimelineFilters } from '../../../../preload/contract/timeline';
import { netwhy } from '../../api';
import { formatDate, formatDateTime } from '../../components/format';
import { widthParts } from './axis';
import { BucketList } from './BucketList';
import { AXIS_H, type Selection } from './draw';
import { EmptyState } from './EmptyState';
import { EventPanel, type EventSelection } from './EventPanel';
import { Filters } from './Filters';
import { laneLabelKey } from './lanes';
import { Legend } from './Legend';
import { Overview } from './Overview';
import { TimelineCanvas } from './TimelineCanvas';
import { offsetAt, useBuckets, useTimelineRange } from './useTimelineData';
import { dataOutside, extentOf, fitView, follow, panBy, span, zoomAt, type TimeView } from './view';
import { MAX_SPAN, DAY } from '../../../../main/core/timeline/buckets';
import { moveCursor } from './cursor';
import { estimatePlotWidth } from './prefetch';
import './timeline.css';

const MemoLegend = memo(Legend);
const MemoFilters = memo(Filters);
const MemoEvents = memo(EventPanel);
const MemoBuckets = memo(BucketList);

export function TimelineScreen(): ReactNode {
  const { t, i18n } = useTranslation('timeline');
  const lang = i18n.language;
  // Marks for bench:timeline's first-paint breakdown (cheap; visible in DevTools' performance panel too).
  useEffect(() => void performance.mark('timeline-mount'), []);
  const { range, options, version, error } = useTimelineRange();
  const [view, setView] = useState<TimeView | null>(() => {
    const e = range ? extentOf(range) : null;
    return e ? fitView(e) : null;
  });
  const [laneMode, setLaneMode] = useState<LaneMode>('owner');
  const [filters, setFilters] = useState<TimelineFilters>({});
  const [live, setLive] = useState(false);
  const [brushMode, setBrushMode] = useState(false);
  const [cursor, setCursor] = useState<Selection | null>(null);
  const [opened, setOpened] = useState<EventSelection | null>(null);
  const [plotWidth, setPlotWidth] = useState(estimatePlotWidth);

  const rangeFrom = range?.from ?? null;
  const rangeTo = range?.to ?? null;
  const extent = useMemo(() => extentOf({ from: rangeFrom, to: rangeTo }), [rangeFrom, rangeTo]);
  // First data: show all of it. Live mode: keep the newest data in view as it arrives.
  const [seenExtent, setSeenExtent] = useState<TimeView | null>(extent);
  if (extent && (extent.from !== seenExtent?.from || extent.to !== seenExtent.to)) {
    setSeenExtent(extent);
    // A view still showing "everything" grows with the data; one the user zoomed or panned stays put.
    const fitted = seenExtent ? fitView(seenExtent) : null;
    setView((v) =>
      v === null || (fitted && v.from === fitted.from && v.to === fitted.to)
        ? fitView(extent)
        : live
          ? follow(v, extent.to)
          : v,
    );
  }

  // Owner lanes and verdicts come from the host summary. The app rebuilds it after each import job; events that
  // arrived otherwise (the CLI's `netwhy import` into the same database) would stay "Unknown", so if the summary is
  // still stale a moment after the screen opened, ask for the rebuild once.
  const stale = range?.hostsStale === true;
  useEffect(() => {
    if (!stale) return;
    const id = setTimeout(() => void netwhy.hosts.refresh().catch(() => undefined), 1_500);
    return () => clearTimeout(id);
  }, [stale]);

  const hasData = (range?.events ?? 0) + (range?.live ?? 0) > 0;
  const { data, width } = useBuckets({ view, plotWidth, laneMode, filters, version, enabled: hasData });
  const lanes = useMemo(() => data?.lanes ?? [], [data]);
  const labels = useMemo(
    () =>
      lanes.map((l) => {
        const key = laneLabelKey(laneMode, l.key);
        return key ? t(key) : l.key;
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [lanes, laneMode, lang],
  );

  const open = useCallback(
    (sel: Selection | null) => {
      setCursor(sel);
      const lane = sel ? lanes[sel.lane] : undefined;
      setOpened(
        sel && lane ? { from: sel.t, to: sel.t + sel.width, lane: lane.key, laneLabel: labels[sel.lane] ?? '' } : null,
      );
    },
    [lanes, labels],
  );

  const onView = useCallback((next: TimeView) => {
    setLive(false);
    setView(next);
  }, []);

  const toggleLive = (): void => {
    setLive(!live);
    if (!live && view && extent) setView(follow(view, extent.to));
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>): boolean => {
    if (!view) return false;
    const k = e.key;
    if (k === '+' || k === '=') setView(zoomAt(view, 0.5, 0.5, extent));
    else if (k === '-' || k === '_') setView(zoomAt(view, 2, 0.5, extent));
    else if (k === 'ArrowLeft' || k === 'ArrowRight')
      onView(panBy(view, (k === 'ArrowLeft' ? -1 : 1) * (e.shiftKey ? 0.5 : 0.1), extent));
    else if (k === '0' || k === 'Home') {
      if (extent) onView(fitView(extent));
    } else if (k === 'ArrowUp' || k === 'ArrowDown' || k === '[' || k === ']') {
      const next = moveCursor(cursor, k, view, width, lanes.length, offsetAt(view.from), data);
      setCursor(next.cursor);
      if (next.view) setView(next.view);
    } else if (k === 'Enter' || k === ' ') {
      const sel = cursor ?? moveCursor(null, 'ArrowDown', view, width, lanes.length, offsetAt(view.from), data).cursor;
      open(sel);
    } else if (k === 'b' || k === 'B') setBrushMode((b) => !b);
    else if (k === 'l' || k === 'L') toggleLive();
    else if (k === 'Escape') {
      setBrushMode(false);
      open(null);
    } else return false;
    return true;
  };

  // What the chart shows, for screen readers (polite, after the view settles).
  const [summary, setSummary] = useState('');
  useEffect(() => {
    const id = setTimeout(() => {
      if (!view || !data) return setSummary('');
      const totals = new Array<number>(lanes.length).fill(0);
      let count = 0;
      data.t.forEach((s, i) => {
        if (s + data.width <= view.from || s >= view.to) return;
        const n = data.n[i] ?? 0;
        count += n;
        totals[data.lane[i] ?? 0] = (totals[data.lane[i] ?? 0] ?? 0) + n;
      });
      const nf = new Intl.NumberFormat(lang);
      const w = widthParts(data.width);
      const top = totals.indexOf(Math.max(...totals));
      const head = t('summary', {
        from: formatDateTime(view.from, lang),
        to: formatDateTime(view.to, lang),
        width: t(`units.${w.unit}`, { count: w.count }),
        count,
        n: nf.format(count),
      });
      const tail =
        count === 0
          ? t('summaryEmptyWindow')
          : t('summaryTop', { lane: labels[top] ?? '', count: nf.format(totals[top] ?? 0) });
      setSummary(t('summaryJoin', { head, tail }));
    }, 250);
    return () => clearTimeout(id);
  }, [view, data, lanes, labels, lang, t]);

  const sourceName = useCallback(
    (id: TimelineEvent['source']): string => {
      if (id === 'live') return t('events.live');
      const s = options?.sources.find((x) => x.id === id);
      return s?.name ?? `#${id}`;
    },
    [options, t],
  );

  // Data longer than the widest window: say what lies outside it when zoomed all the way out (Show everything).
  const outside = extent && view && span(view) >= MAX_SPAN ? dataOutside(view, extent) : null;
  const outsideSide = outside?.earlier ? (outside.later ? 'both' : 'earlier') : outside?.later ? 'later' : null;

  const laneCount = Math.max(1, lanes.length);
  const height = AXIS_H + laneCount * (laneCount > 8 ? 30 : 44);

  return (
    <section className="screen-body timeline" aria-labelledby="timeline-title">
      <header className="screen-header">
        <div>
          <h1 id="timeline-title">{t('title')}</h1>
          <p className="subtle">{t('subtitle')}</p>
        </div>
        {hasData ? (
          <div className="toolbar">
            <button
              className="button"
              onClick={() => view && setView(zoomAt(view, 0.5, 0.5, extent))}
              data-testid="timeline-zoom-in"
              aria-label={t('zoom.in')}
            >
              +
            </button>
            <button
              className="button"
              onClick={() => view && setView(zoomAt(view, 2, 0.5, extent))}
              data-testid="timeline-zoom-out"
              aria-label={t('zoom.out')}
            >
              −
            </button>
            <button className="button" onClick={() => extent && onView(fitView(extent))} data-testid="timeline-fit">
              {t('zoom.fit')}
            </button>
            <button
              className="button"
              aria-pressed={brushMode}
              onClick={() => setBrushMode((b) => !b)}
              data-testid="timeline-brush"
            >
              {brushMode ? t('zoom.brushOn') : t('zoom.brush')}
            </button>
            <button
              className="button"
              aria-pressed={live}
              onClick={toggleLive}
              data-testid="timeline-live"
              title={live ? t('live.on') : t('live.off')}
            >
              <span className={live ? 'live-dot live-dot-on' : 'live-dot'} aria-hidden="true" /> {t('live.toggle')}
            </button>
          </div>
        ) : null}
      </header>
      {error ? <p className="banner banner-error">{t('common:app.error', { message: error })}</p> : null}
      {range === null ? <p className="subtle">{t('loading')}</p> : null}
      {range !== null && !hasData ? <EmptyState /> : null}
      {hasData && view ? (
        <>
          {range?.hostsStale ? (
            <p className="banner" data-testid="timeline-analysing">
              {t('hosts.stale')}
            </p>
          ) : null}
          <div className="toolbar timeline-controls">
            <div className="segmented" role="radiogroup" aria-label={t('lanes.label')}>
              {(['owner', 'verdict', 'process'] as const).map((m) => (
                <button
                  key={m}
                  role="radio"
                  aria-checked={laneMode === m}
                  onClick={() => {
                    setLaneMode(m);
                    open(null);
                  }}
                  data-testid={`timeline-lanes-${m}`}
                >
                  {t(`lanes.${m}`)}
                </button>
              ))}
            </div>
            <MemoFilters filters={filters} options={options} onChange={setFilters} />
          </div>
          {filters.port != null || filters.text ? <p className="subtle">{t('filters.slow')}</p> : null}
          <MemoLegend mode={laneMode} lanes={lanes} labels={labels} language={lang} />
          <p className="timeline-summary" aria-live="polite" data-testid="timeline-summary">
            {summary}
          </p>
          {outsideSide && extent ? (
            <p className="subtle timeline-outside" data-testid="timeline-outside">
              {t('outside.join', {
                span: t('outside.span', {
                  from: formatDate(extent.from, lang),
                  to: formatDate(extent.to - 1, lang),
                  days: MAX_SPAN / DAY,
                }),
                side: t(`outside.${outsideSide}`),
              })}
            </p>
          ) : null}
          <TimelineCanvas
            view={view}
            extent={extent}
            data={data}
            laneMode={laneMode}
            labels={labels}
            language={lang}
            selection={cursor}
            brushMode={brushMode}
            height={height}
            label={t('canvasLabel')}
            describedBy="timeline-keys"
            onView={onView}
            onSelect={open}
            onKey={onKey}
            onPlotWidth={setPlotWidth}
          />
          {extent ? (
            <Overview
              extent={extent}
              view={view}
              filters={filters}
              version={version}
              label={t('overviewLabel')}
              onView={onView}
            />
          ) : null}
          {opened ? (
            <MemoEvents
              selection={opened}
              laneMode={laneMode}
              filters={filters}
              version={version}
              sourceName={sourceName}
              onClose={() => open(null)}
            />
          ) : (
            <p className="subtle">{t('events.pick')}</p>
          )}
          <p id="timeline-keys" className="subtle timeline-keys">
            {t('keysHelp')}
          </p>
          <MemoBuckets data={data} view={view} labels={labels} onSelect={open} />
        </>
      ) : null}
    </section>
  );
}
