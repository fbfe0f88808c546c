import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostRow, HostSort } from '../../../../preload/contract/hosts';
import { countryName, formatDateTimeParts } from '../../components/format';
import { LaneDot, useLocalized, VerdictBadge } from './VerdictBadge';

export type HostColumn = 'ip' | 'country' | 'owner' | 'events' | 'verdict' | 'lastSeen';
const COLUMNS: HostColumn[] = ['ip', 'country', 'owner', 'events', 'verdict', 'lastSeen'];
/** Beside the host panel the table keeps what finds a row again; the panel shows the rest of the selected one. */
const COMPACT_COLUMNS: HostColumn[] = ['ip', 'owner', 'verdict'];

/**
 * A host known only from a live socket: no log line mentions it (the summary counts 0 attempts and no last time).
 * It was open when the list was built, so that time is when it was last seen.
 */
function isLiveOnly(h: Pick<HostRow, 'events' | 'lastSeen'>): boolean {
  return h.events === 0 && h.lastSeen === null;
}

function When(props: { ms: number; language: string; title?: string }): ReactNode {
  const [date, time] = formatDateTimeParts(props.ms, props.language);
  // Two pieces that wrap between them in a narrow window instead of being cut off.
  return (
    <span className="when" title={props.title}>
      <span>{date}</span> <span>{time}</span>
    </span>
  );
}

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
  /** Beside the detail panel: only the address, owner and verdict. */
  compact?: boolean;
  /** When the list was built: the last time a live-only host was seen. */
  updatedAt: number | null;
}): ReactNode {
  const { t, i18n } = useTranslation('hosts');
  const L = useLocalized();
  const lang = i18n.language;
  const columns = props.compact ? COMPACT_COLUMNS : COLUMNS;
  const show = (c: HostColumn): boolean => columns.includes(c);
  return (
    <div className="table-wrap">
      <table className={`grid hosts-table${props.compact ? ' compact' : ''}`} data-testid="hosts-table">
        <thead>
          <tr>
            {columns.map((c) => (
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
              {show('country') ? (
                <td className="country-cell" title={h.country ?? undefined}>
                  {h.country ? countryName(h.country, lang) : '—'}
                </td>
              ) : null}
              <td className="owner-cell" title={h.asOrg ?? undefined}>
                {h.owner ?? t('unknownOwner')}
                {h.asn && !props.compact ? <span className="subtle">{` AS${h.asn}`}</span> : null}
              </td>
              {show('events') ? (
                <td className="num">
                  {isLiveOnly(h) ? (
                    <span className="badge badge-live" title={t('liveHint')} data-testid="host-live">
                      {t('live')}
                    </span>
                  ) : (
                    h.events
                  )}
                </td>
              ) : null}
              <td>
                <VerdictBadge verdict={h.verdict} severity={h.severity} title={L(h.title)} />
              </td>
              {show('lastSeen') ? (
                <td className="last-seen-cell" data-testid="host-last-seen">
                  {h.lastSeen !== null ? (
                    <When ms={h.lastSeen} language={lang} />
                  ) : isLiveOnly(h) && props.updatedAt !== null ? (
                    <When ms={props.updatedAt} language={lang} title={t('liveHint')} />
                  ) : (
                    '—'
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
