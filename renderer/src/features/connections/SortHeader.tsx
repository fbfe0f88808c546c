import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SortDir, SortKey } from './model';

export function SortHeader(props: {
  id: SortKey;
  sort: { key: SortKey; dir: SortDir };
  onSort: (s: { key: SortKey; dir: SortDir }) => void;
}): ReactNode {
  const { t } = useTranslation('connections');
  const active = props.sort.key === props.id;
  return (
    <th scope="col" aria-sort={active ? (props.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button
        className="sort"
        data-testid={`sort-${props.id}`}
        onClick={() => props.onSort({ key: props.id, dir: active && props.sort.dir === 'asc' ? 'desc' : 'asc' })}
      >
        {t(`column.${props.id}`)}
        <span aria-hidden="true" className="sort-arrow">
          {active ? (props.sort.dir === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
}
