import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { netwhy } from '../../api';
import { formatClock } from '../../components/format';

/**
 * A connection's TCP state, as a button that unfolds when each state began (ESTABLISHED 10:01:03 → CLOSE_WAIT
 * 10:04:51): the history the monitor recorded, which tells a lingering CLOSE_WAIT from a fresh one.
 */
export function StateHistory(props: { id: number; state: string }): ReactNode {
  const { t, i18n } = useTranslation('connections');
  const [changes, setChanges] = useState<{ state: string; at: number }[] | null>(null);
  const open = changes !== null;
  const toggle = async (): Promise<void> => {
    setChanges(open ? null : await netwhy.sockets.stateChanges({ id: props.id }));
  };
  return (
    <>
      <button
        type="button"
        className={`state-button state state-${(props.state || 'none').toLowerCase()}`}
        aria-expanded={open}
        title={t('stateHistory.show')}
        data-testid="state-button"
        onClick={() => void toggle()}
      >
        {props.state || '—'}
      </button>
      {open ? (
        <ol className="state-history" aria-label={t('stateHistory.label')} data-testid="state-history">
          {changes.map((c, i) => (
            <li key={i}>
              <span className="mono">{formatClock(c.at, i18n.language)}</span> {c.state || '—'}
            </li>
          ))}
        </ol>
      ) : null}
    </>
  );
}
