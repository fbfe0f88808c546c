import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../../preload/contract/imports';
import { formatCount } from '../../components/format';

/**
 * "Remove netfilter.log and its 1,234 events? This cannot be undone." under the import's row: removing deletes the
 * import and every event it stored at once, with no undo, so one click must not do it. The focus starts on Cancel
 * (Enter by habit keeps the data); Escape cancels too.
 */
export function RemoveConfirm(props: {
  item: ImportSummary;
  name: string;
  onConfirm: () => void;
  onCancel: () => void;
}): ReactNode {
  const { t, i18n } = useTranslation('imports');
  const cancel = useRef<HTMLButtonElement>(null);
  const id = props.item.id;
  useEffect(() => {
    cancel.current?.focus();
  }, [id]);
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    props.onCancel();
  };
  return (
    <div
      className="imports-confirm"
      role="group"
      aria-labelledby={`import-confirm-text-${id}`}
      onKeyDown={onKeyDown}
      data-testid="import-remove-confirm"
    >
      <p id={`import-confirm-text-${id}`} data-testid="import-remove-question">
        {t('list.confirmRemove', {
          name: props.name,
          count: props.item.parsed,
          events: formatCount(props.item.parsed, i18n.language),
        })}
      </p>
      <div className="imports-confirm-buttons">
        <button className="button imports-danger" onClick={props.onConfirm} data-testid="import-remove-yes">
          {t('list.confirmYes')}
        </button>
        <button className="button" ref={cancel} onClick={props.onCancel} data-testid="import-remove-no">
          {t('list.confirmNo')}
        </button>
      </div>
    </div>
  );
}
