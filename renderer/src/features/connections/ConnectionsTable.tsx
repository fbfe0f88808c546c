import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../../preload/contract/sockets';
import { formatAgo, formatClock } from '../../components/format';
import { useHostPanel } from '../host/host-panel-context';
import { RemoteVerdict } from '../hosts/RemoteVerdict';
import { endpoint, type ProcessGroup, type SortDir, type SortKey } from './model';
import { SortHeader } from './SortHeader';
import { StateHistory } from './StateHistory';

export function ConnectionRowView(props: { c: Connection; now: number; showProcess?: boolean }): ReactNode {
  const { t, i18n } = useTranslation('connections');
  const { c, now } = props;
  const closed = c.closedAt !== null;
  const hostPanel = useHostPanel();
  return (
    <tr className={closed ? 'row-closed' : c.stuck ? 'row-stuck' : undefined} data-testid="connection-row">
      <td className="mono">{props.showProcess ? `${c.processName ?? t('unknownProcess')} ${c.pid ?? ''}` : null}</td>
      <td>{`${c.protocol.toUpperCase()}${c.family === 6 ? 'v6' : ''}`}</td>
      <td className="mono">{endpoint(c.localAddress, c.localPort)}</td>
      <td className="mono">
        {c.remoteAddress ? (
          <button
            type="button"
            className="remote-address mono"
            data-testid="remote-address"
            title={t('host:openDetails')}
            onClick={() => hostPanel.open(c.remoteAddress)}
          >
            {endpoint(c.remoteAddress, c.remotePort)}
          </button>
        ) : (
          endpoint(c.remoteAddress, c.remotePort)
        )}
        {c.remoteAddress ? <RemoteVerdict ip={c.remoteAddress} state={c.state} stuck={c.stuck} /> : null}
      </td>
      <td>
        {c.protocol === 'tcp' ? (
          <StateHistory id={c.id} state={c.state} />
        ) : (
          <span className="state state-none">—</span>
        )}
        {c.stuck ? (
          <span className="badge badge-warning" title={t('stuckHint')}>
            {t('stuck')}
          </span>
        ) : null}
        {closed ? <span className="badge">{t('closedAgo', { ago: formatAgo(t, now, c.closedAt ?? now) })}</span> : null}
      </td>
      <td title={new Date(c.firstSeen).toISOString()}>{formatClock(c.firstSeen, i18n.language)}</td>
      <td title={new Date(c.lastSeen).toISOString()}>{formatClock(c.lastSeen, i18n.language)}</td>
    </tr>
  );
}

export function ConnectionsTable(props: {
  groups: ProcessGroup[];
  sort: { key: SortKey; dir: SortDir };
  onSort: (s: { key: SortKey; dir: SortDir }) => void;
  now: number;
}): ReactNode {
  const { t } = useTranslation('connections');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string): void =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <div className="table-wrap">
      <table className="grid" data-testid="connections-table">
        <thead>
          <tr>
            {(['process', 'protocol', 'local', 'remote', 'state', 'firstSeen', 'lastSeen'] as const).map((k) => (
              <SortHeader key={k} id={k} sort={props.sort} onSort={props.onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {props.groups.map((g) => {
            const open = !collapsed.has(g.key);
            return (
              <Fragment key={g.key}>
                <tr className="group-row" data-testid="process-group">
                  <th scope="rowgroup" colSpan={7}>
                    <button className="group-toggle" aria-expanded={open} onClick={() => toggle(g.key)}>
                      <span aria-hidden="true" className="caret">
                        {open ? '▾' : '▸'}
                      </span>
                      <span className="group-name" data-testid="process-name">
                        {g.name ?? t('unknownProcess')}
                      </span>
                      {g.name === null ? <span className="subtle">{t('unknownProcessHint')}</span> : null}
                      {g.pid !== null ? <span className="subtle">{t('pid', { pid: g.pid })}</span> : null}
                      <span className="badge">{t('connectionCount', { count: g.rows.length })}</span>
                      {g.stuckCount > 0 ? <span className="badge badge-warning">{t('stuck')}</span> : null}
                      {g.path ? <span className="subtle path">{g.path}</span> : null}
                    </button>
                  </th>
                </tr>
                {open ? g.rows.map((c) => <ConnectionRowView key={c.id} c={c} now={props.now} />) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
