import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionsView } from '../../../../preload/contract/sockets';
import { netwhy } from '../../api';
import { useNow } from '../../components/useNow';
import { ConnectionsTable } from './ConnectionsTable';
import { HistoryTable } from './HistoryTable';
import { groupByProcess, matchesFilter, processKey, type SortDir, type SortKey } from './model';

type Tab = 'live' | 'history';

export function ConnectionsScreen(): ReactNode {
  const { t } = useTranslation('connections');
  const [view, setView] = useState<ConnectionsView | null>(null);
  const [filter, setFilter] = useState('');
  const [showListening, setShowListening] = useState(true);
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDir }>({ key: 'process', dir: 'asc' });
  const [tab, setTab] = useState<Tab>('live');
  const now = useNow();

  useEffect(() => {
    let alive = true;
    void netwhy.sockets.current().then((v) => alive && setView(v));
    const off = netwhy.on('sockets.changed', setView);
    return () => {
      alive = false;
      off();
    };
  }, []);

  const rows = useMemo(
    () =>
      (view?.connections ?? []).filter(
        (c) => matchesFilter(c, filter) && (showListening || (c.remoteAddress !== '' && c.state !== 'LISTEN')),
      ),
    [view, filter, showListening],
  );
  const groups = useMemo(() => groupByProcess(rows, sort.key, sort.dir), [rows, sort]);
  const open = useMemo(() => view?.connections.filter((c) => c.closedAt === null) ?? [], [view]);
  const total = open.length;
  // Programs holding an open connection (the groups count filtered rows and programs whose sockets just closed).
  const openPrograms = useMemo(() => new Set(open.map(processKey)).size, [open]);
  const stuck = view?.connections.filter((c) => c.stuck).length ?? 0;

  return (
    <section className="screen-body" aria-labelledby="connections-title">
      <header className="screen-header">
        <div>
          <h1 id="connections-title">{t('title')}</h1>
          <p className="subtle" data-testid="connections-summary">
            {!view
              ? t('common:app.loading')
              : total === 0
                ? t('summaryNone')
                : t('summary', { count: total, programs: t('programs', { count: openPrograms }) })}
            {stuck > 0 ? <span className="badge badge-warning">{t('stuckSummary', { count: stuck })}</span> : null}
          </p>
        </div>
        <div className="segmented" role="tablist" aria-label={t('viewLabel')}>
          {(['live', 'history'] as const).map((id) => (
            <button
              key={id}
              role="tab"
              aria-selected={tab === id}
              onClick={() => setTab(id)}
              data-testid={`connections-tab-${id}`}
            >
              {t(`tab.${id}`)}
            </button>
          ))}
        </div>
      </header>
      {tab === 'live' ? (
        <>
          <div className="toolbar">
            <input
              type="search"
              className="filter"
              placeholder={t('filterPlaceholder')}
              aria-label={t('filterLabel')}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              data-testid="connections-filter"
            />
            <label className="check">
              <input type="checkbox" checked={showListening} onChange={(e) => setShowListening(e.target.checked)} />
              {t('showListening')}
            </label>
            <span className="subtle" aria-live="polite">
              {filter ? t('matching', { count: rows.length }) : null}
            </span>
          </div>
          {view?.error ? (
            <div className="banner banner-error" role="alert">
              {t('pollError', { message: view.error })}
            </div>
          ) : null}
          {view && view.connections.length === 0 ? (
            <div className="empty">
              <h2>{t('empty.title')}</h2>
              <p>{t('empty.body')}</p>
            </div>
          ) : view && rows.length === 0 ? (
            <div className="empty">
              <p>{t('noMatch')}</p>
            </div>
          ) : (
            <ConnectionsTable groups={groups} sort={sort} onSort={setSort} now={now} />
          )}
        </>
      ) : (
        <HistoryTable now={now} />
      )}
    </section>
  );
}
