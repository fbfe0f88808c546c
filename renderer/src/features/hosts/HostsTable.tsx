import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostRow, HostSort } from '../../../../preload/contract/hosts';
import { formatDateTime } from '../../components/format';
import { LaneDot, useLocalized, VerdictBadge } from './VerdictBadge';

export type HostColumn = 'ip' | 'country' | 'owner' | 'events' | 'verdict' | 'lastSeen';
const COLUMNS: HostColumn[] = ['ip', 'country', 'owner', 'events', 'verdict', 'lastSeen'];

export interface SortState {
  key: HostSort;
  dir: 'asc' | 'desc';
}

function Header(props: { id: HostColumn; sort: SortState; onSort: (s: SortState) => void }): ReactNode {
  const { t } = useTranslation('hosts');
  const active = props.sort.key === props.id;
  // Counts and times read best largest/latest first; names A→Z.
  const firstDir = props.id === 'events' || props.id === 'lastSeen' ? 'desc' : 'asc';
  const next = active ? (props.sort.dir === 'asc' ? 'desc' : 'asc') : firstDir;
  return (
    <th scope="col" aria-sort={active ? (props.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button
        className="sort"
        data-testid={`hosts-sort-${props.id}`}
        onClick={() => props.onSort({ key: props.id, dir: next })}
      >
        {t(`column.${props.id}`)}
        <span aria-hidden="true" className="sort-arrow">
          {active ? (props.sort.dir === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
}

export function HostsTable(props: {
  hosts: HostRow[];
  sort: SortState;
  onSort: (s: SortState) => void;
  selected: string | null;
  onSelect: (ip: string) => void;
  /** Beside the detail panel: the last-seen column gives way to the verdict. */
  compact?: boolean;
}): ReactNode {
  const { t, i18n } = useTranslation('hosts');
  const L = useLocalized();
  return (
    <div className="table-wrap">
      <table className={`grid hosts-table${props.compact ? ' compact' : ''}`} data-testid="hosts-table">
        <thead>
          <tr>
            {(props.compact ? COLUMNS.filter((c) => c !== 'lastSeen') : COLUMNS).map((c) => (
              <Header key={c} id={c} sort={props.sort} onSort={props.onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {props.hosts.map((h) => (
            <tr
              key={h.ip}
              data-testid="host-row"
              data-ip={h.ip}
              aria-selected={props.selected === h.ip}
              tabIndex={0}
              onClick={() => props.onSelect(h.ip)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  props.onSelect(h.ip);
                }
              }}
            >
              <td className="mono">
                <LaneDot lane={h.lane} />
                {h.ip}
              </td>
              <td>{h.country ?? '—'}</td>
              <td className="owner-cell" title={h.asOrg ?? undefined}>
                {h.owner ?? t('unknownOwner')}
                {h.asn && !props.compact ? <span className="subtle">{` AS${h.asn}`}</span> : null}
              </td>
              <td className="num">{h.events}</td>
              <td>
                <VerdictBadge verdict={h.verdict} severity={h.severity} title={L(h.title)} />
              </td>
              {props.compact ? null : <td>{h.lastSeen === null ? '—' : formatDateTime(h.lastSeen, i18n.language)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
