import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../components/format';
import { checkNumber } from './number-field';

/**
 * A whole-number setting typed freely and checked on blur or Enter: a valid number is saved, anything else keeps
 * the text with a message naming the allowed range (nothing is saved). Escape puts the saved value back.
 */
export function NumberField(props: {
  label: string;
  hint?: string;
  value: number;
  min: number;
  max: number;
  onSave: (value: number) => void;
  testId: string;
}): ReactNode {
  const { t, i18n } = useTranslation('settings');
  // The text being typed, or null while it shows the saved value (so a change from elsewhere shows at once).
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState(false);
  const errorId = useId();

  const commit = (): void => {
    if (draft === null) return;
    const check = checkNumber(draft, props.min, props.max);
    if (!check.ok) {
      setError(true);
      return;
    }
    setError(false);
    setDraft(null);
    if (check.value !== props.value) props.onSave(check.value);
  };

  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type="text"
        inputMode="numeric"
        value={draft ?? String(props.value)}
        aria-invalid={error}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setDraft(null);
            setError(false);
          }
        }}
        data-testid={props.testId}
      />
      {error ? (
        <small className="field-error" id={errorId} role="alert" data-testid={`${props.testId}-error`}>
          {t('numberRange', { min: formatCount(props.min, i18n.language), max: formatCount(props.max, i18n.language) })}
        </small>
      ) : null}
      {props.hint ? <small className="subtle">{props.hint}</small> : null}
    </label>
  );
}
