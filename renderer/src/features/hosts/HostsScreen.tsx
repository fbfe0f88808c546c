import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostList, HostRow } from '../../../../preload/contract/hosts';
import { netwhy } from '../../api';
import { formatDateTime } from '../../components/format';
import { useHostPanel } from '../host/host-panel-context';
import { HostsTable, type SortState } from './HostsTable';

const VERDICTS: HostRow['verdict'][] = [
  'scan',
  'probe',
  'stale-local',
  'p2p-download',
  'streaming',
  'cdn-reply',
  'cdn-connection',
  'unknown',
];

/** Saves text through the browser's download (works in Electron and in the test browser alike). */
function download(fileName: string, text: string): void {
  // A BOM lets spreadsheet programs on Japanese Windows open the UTF-8 file without garbling it.
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function HostsScreen(): ReactNode {
  const { t, i18n } = useTranslation('hosts');
  const [list, setList] = useState<HostList | null>(null);
  const [events, setEvents] = useState<number | null>(null);
  const [sort, setSort] = useState<SortState>({ key: 'events', dir: 'desc' });
  const [search, setSearch] = useState('');
  const [verdict, setVerdict] = useState<HostRow['verdict'] | ''>('');
  // A row opens the shared host panel (attribution, this verdict section, the report button).
  const panel = useHostPanel();
  const selected = panel.ip;
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<string | null>(null);
  // A rebuild asked for while an import writes is put off until it ends (the table shown is the previous one).
  const [deferred, setDeferred] = useState(false);

  const query = useCallback(
    () => ({ sort: sort.key, dir: sort.dir, search, ...(verdict ? { verdicts: [verdict] } : {}) }),
    [sort, search, verdict],
  );
  const load = useCallback(() => {
    void netwhy.hosts
      .list({ ...query(), limit: 5_000 })
      .then(setList)
      .catch((e: unknown) => setError(String(e)));
  }, [query]);

  const rebuild = useCallback(
    (onlyIfStale: boolean) =>
      netwhy.hosts
        .refresh({ onlyIfStale })
        .then((r) => {
          setEvents(r.events);
          setDeferred(r.deferred);
        })
        .catch((e: unknown) => setError(String(e)))
        .finally(() => setBusy(false)),
    [],
  );
  const refresh = (): void => {
    setBusy(true);
    void rebuild(false);
  };

  // The summary is derived data: rebuild it when the screen opens (a big one only if an import ended since), then
  // follow rebuilds.
  useEffect(() => void rebuild(true), [rebuild]);
  useEffect(() => {
    load();
    return netwhy.on('hosts.changed', () => {
      setDeferred(false);
      load();
    });
  }, [load]);

  const exportCsv = (): void => {
    void netwhy.hosts
      .exportCsv({ ...query(), lang: i18n.language === 'ja' ? 'ja' : 'en' })
      .then((r) => download(r.fileName, r.text));
  };

  const attention = list?.hosts.filter((h) => h.severity === 'warning').length ?? 0;
  return (
    <section className={`screen-body${selected !== null ? ' beside-host-panel' : ''}`} aria-labelledby="hosts-title">
      <header className="screen-header">
        <div>
          <h1 id="hosts-title">{t('title')}</h1>
          <p className="subtle" data-testid="hosts-summary">
            {list ? t('summary', { count: list.total, events: events ?? '…' }) : t('common:app.loading')}
            {attention > 0 ? <span className="badge badge-warning">{t('attention', { count: attention })}</span> : null}
            {list?.updatedAt ? (
              <span className="badge">{t('updated', { time: formatDateTime(list.updatedAt, i18n.language) })}</span>
            ) : null}
          </p>
        </div>
        <div className="toolbar">
          <button className="button" onClick={refresh} disabled={busy} data-testid="hosts-refresh">
            {busy ? t('refreshing') : t('refresh')}
          </button>
          <button className="button" onClick={exportCsv} disabled={!list?.total} data-testid="hosts-export">
            {t('exportCsv')}
          </button>
        </div>
      </header>
      {error ? <p className="banner banner-error">{t('common:app.error', { message: error })}</p> : null}
      {deferred ? (
        <p className="banner" role="status" data-testid="hosts-deferred">
          {t('deferred')}
        </p>
      ) : null}
      <div className="toolbar">
        <input
          type="search"
          className="filter"
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchLabel')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="hosts-search"
        />
        <label className="check">
          {t('verdictFilter')}
          <select
            value={verdict}
            onChange={(e) => setVerdict(e.target.value as HostRow['verdict'] | '')}
            data-testid="hosts-verdict-filter"
          >
            <option value="">{t('allVerdicts')}</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {t(`verdict.${v}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {list && list.total === 0 && !search && !verdict ? (
        <div className="empty" data-testid="hosts-empty">
          <h2>{t('empty.title')}</h2>
          <p>{t('empty.body')}</p>
        </div>
      ) : list && list.total === 0 ? (
        <p className="subtle">{t('noMatch')}</p>
      ) : (
        <div className="hosts-layout">
          <HostsTable
            hosts={list?.hosts ?? []}
            sort={sort}
            onSort={setSort}
            selected={selected}
            onSelect={panel.open}
            compact={selected !== null}
            updatedAt={list?.updatedAt ?? null}
          />
        </div>
      )}
    </section>
  );
}
