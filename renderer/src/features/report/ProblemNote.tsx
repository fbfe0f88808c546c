import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What went wrong in words a user reads, and main's own message for whoever looks further. */
export interface Problem {
  text: string;
  detail: string;
}

/** A caught failure's own message, for Problem.detail (IPC rejections arrive as Error with main's message). */
export const errorDetail = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * A failure said plainly, with Try again when there is something to retry; the technical message (SQLite's,
 * say) is folded away under "Technical details" instead of being the message.
 */
export function ProblemNote(props: { problem: Problem; onRetry?: () => void; testId?: string }): ReactNode {
  const { t } = useTranslation('report');
  return (
    <div className="banner banner-error problem-note" role="alert" data-testid={props.testId ?? 'problem-note'}>
      <span>{props.problem.text}</span>
      {props.onRetry && (
        <button type="button" className="button" onClick={props.onRetry} data-testid="problem-retry">
          {t('common:action.retry')}
        </button>
      )}
      <details className="problem-detail">
        <summary>{t('problem.details')}</summary>
        <code>{props.problem.detail}</code>
      </details>
    </div>
  );
}
