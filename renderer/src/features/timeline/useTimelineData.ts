import { useEffect, useRef, useState } from 'react';
import type {
  BucketsQuery,
  BucketsResult,
  LaneMode,
  TimelineFilters,
  TimelineOptions,
  TimelineRange,
} from '../../../../preload/contract/timeline';
import { fetchWindow, TICKS_CAP, widthFor } from '../../../../main/core/timeline/window';
import { netwhy } from '../../api';
import { takePrefetched } from './prefetch';
import type { TimeView } from './view';

export { widthFor };

/** Local zone offset east of UTC (ms) at time t, for day buckets that start at local midnight. */
export const offsetAt = (t: number): number => -new Date(t).getTimezoneOffset() * 60_000;

/** Range + filter options, refreshed when live data arrives or hosts are re-judged. */
export function useTimelineRange(): {
  range: TimelineRange | null;
  options: TimelineOptions | null;
  version: number;
  error: string | null;
} {
  // The app's start-up already asked (prefetch.ts): use that answer, at once if it has arrived.
  const [initial] = useState(() => takePrefetched.rangeNow());
  const [range, setRange] = useState<TimelineRange | null>(initial);
  const [options, setOptions] = useState<TimelineOptions | null>(null);
  const [version, setVersion] = useState(initial ? 1 : 0);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    const loadOptions = (): Promise<unknown> => netwhy.timeline.options().then((o) => alive && setOptions(o));
    const load = (request?: Promise<TimelineRange>): void => {
      (request ?? netwhy.timeline.range())
        .then((r) => {
          if (!alive) return;
          performance.mark('timeline-range');
          setRange(r);
          setVersion((v) => v + 1);
          return loadOptions();
        })
        .catch((e: unknown) => alive && setError(String(e)));
    };
    if (initial) void loadOptions().catch(() => undefined);
    else load(takePrefetched.range() ?? undefined);
    const offLive = netwhy.on('timeline.live', () => load());
    const offHosts = netwhy.on('hosts.changed', () => load());
    return () => {
      alive = false;
      offLive();
      offHosts();
    };
  }, [initial]);
  return { range, options, version, error };
}

interface Wanted {
  from: number;
  to: number;
  width: number;
  laneMode: LaneMode;
  filtersKey: string;
  version: number;
  request: BucketsQuery;
}

const same = (a: Wanted, b: Wanted): boolean =>
  a.width === b.width && a.laneMode === b.laneMode && a.filtersKey === b.filtersKey && a.version === b.version;

interface Fetcher {
  inFlight: Wanted | null;
  pending: Wanted | null;
  have: Wanted | null;
  setData(r: BucketsResult): void;
  setLoading(b: boolean): void;
}

/** The request for a view: one window either side of it, so panning needs no new query. */
export function bucketsRequest(
  view: TimeView,
  width: number,
  laneMode: LaneMode,
  filters: TimelineFilters,
): BucketsQuery {
  const { from, to } = fetchWindow(view);
  return { from, to, width, laneMode, filters, offsetMs: offsetAt((from + to) / 2), eventsCap: TICKS_CAP };
}

/** One request at a time; while it runs only the newest wish is kept, and asked for when it returns. */
function fetchBuckets(w: Wanted, f: Fetcher): void {
  f.inFlight = w;
  f.setLoading(true);
  const req = w.request;
  (takePrefetched.buckets(req) ?? netwhy.timeline.buckets(req))
    .then((r) => {
      performance.mark('timeline-buckets');
      f.have = w;
      f.setData(r);
      (window as { __timelineQueryMs?: number[] }).__timelineQueryMs?.push(r.queryMs);
    })
    .catch(() => undefined)
    .finally(() => {
      f.inFlight = null;
      const next = f.pending;
      f.pending = null;
      if (next) fetchBuckets(next, f);
      else f.setLoading(false);
    });
}

/**
 * Buckets for the view. Fetches three windows' worth (one either side) so panning redraws from data at hand, and
 * keeps drawing the previous answer until the next arrives: zooming never waits for SQLite.
 */
export function useBuckets(args: {
  view: TimeView | null;
  plotWidth: number;
  laneMode: LaneMode;
  filters: TimelineFilters;
  version: number;
  enabled: boolean;
}): { data: BucketsResult | null; width: number; loading: boolean } {
  const { view, plotWidth, laneMode, filters, version, enabled } = args;
  const width = view ? widthFor(view, plotWidth) : 60_000;
  const filtersKey = JSON.stringify(filters);
  // First render: the start-up buckets if they are here already (prefetch.ts), so the first frame has data.
  const [start] = useState(() => {
    if (!view) return null;
    const request = bucketsRequest(view, width, laneMode, filters);
    const result = takePrefetched.bucketsNow(request);
    if (!result) return null;
    const w: Wanted = { from: request.from, to: request.to, width, laneMode, filtersKey, version, request };
    // A bar width a step off the estimate still draws; the effect below then asks for the exact one.
    return { result, have: result.width === width ? w : null };
  });
  const [data, setData] = useState<BucketsResult | null>(start?.result ?? null);
  const [loading, setLoading] = useState(false);
  const fetcher = useRef<Fetcher>({ inFlight: null, pending: null, have: start?.have ?? null, setData, setLoading });

  useEffect(() => {
    if (!view || !enabled) return;
    const f = fetcher.current;
    const request = bucketsRequest(view, width, laneMode, filters);
    const want: Wanted = { from: request.from, to: request.to, width, laneMode, filtersKey, version, request };
    const covered = (w: Wanted | null): boolean =>
      w !== null && same(w, want) && w.from <= view.from && w.to >= view.to;
    if (covered(f.have) || covered(f.inFlight)) return;
    if (f.inFlight) f.pending = want;
    else fetchBuckets(want, f);
    // filters are compared through filtersKey (a new object with the same content is no change)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view, width, laneMode, filtersKey, version, enabled]);

  return { data, width, loading };
}
