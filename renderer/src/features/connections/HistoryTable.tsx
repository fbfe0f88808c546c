import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../../preload/contract/sockets';
import { netwhy } from '../../api';
import { formatDateTime } from '../../components/format';
import { endpoint } from './model';

const RANGES = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 } as const;

/** Connections that have closed: what was there while the user was not looking. */
export function HistoryTable(props: { now: number }): ReactNode {
  const { t, i18n } = useTranslation('connections');
  const [range, setRange] = useState<keyof typeof RANGES>('hour');
  const [rows, setRows] = useState<Connection[] | null>(null);
  // Refresh every 10 s while the screen is open.
  const tick = Math.floor(props.now / 10_000);

  useEffect(() => {
    let alive = true;
    void netwhy.sockets
      .history({ from: Date.now() - RANGES[range], to: Date.now() + 1, limit: 2000 })
      .then((r) => alive && setRows(r));
    return () => {
      alive = false;
    };
  }, [range, tick]);

  return (
    <>
      <div className="toolbar">
        <label>
          {t('history.range')}{' '}
          <select value={range} onChange={(e) => setRange(e.target.value as keyof typeof RANGES)}>
            {Object.keys(RANGES).map((r) => (
              <option key={r} value={r}>
                {t(`history.${r}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {rows && rows.length === 0 ? (
        <div className="empty">
          <p>{t('history.empty')}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="grid" data-testid="history-table">
            <thead>
              <tr>
                <th scope="col">{t('column.process')}</th>
                <th scope="col">{t('column.protocol')}</th>
                <th scope="col">{t('column.local')}</th>
                <th scope="col">{t('column.remote')}</th>
                <th scope="col">{t('column.state')}</th>
                <th scope="col">{t('column.firstSeen')}</th>
                <th scope="col">{t('history.closed')}</th>
              </tr>
            </thead>
            <tbody>
              {(rows ?? []).map((c) => (
                <tr key={c.id}>
                  <td>
                    {c.processName ?? t('unknownProcess')} <span className="subtle">{c.pid ?? ''}</span>
                  </td>
                  <td>{c.protocol.toUpperCase()}</td>
                  <td className="mono">{endpoint(c.localAddress, c.localPort)}</td>
                  <td className="mono">{endpoint(c.remoteAddress, c.remotePort)}</td>
                  <td>{c.state || '—'}</td>
                  <td>{formatDateTime(c.firstSeen, i18n.language)}</td>
                  <td>{c.closedAt ? formatDateTime(c.closedAt, i18n.language) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
