import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportSelection, ReportView } from '../../../../preload/contract/reports';
import { netwhy } from '../../api';
import { errorDetail, ProblemNote, type Problem } from './ProblemNote';
import { ReportDialog } from './ReportDialog';

/** The reporter's name and address, remembered on this PC between reports. */
function savedReporter(): { reporterName?: string; reporterEmail?: string } {
  try {
    const v = JSON.parse(localStorage.getItem('netwhy.reporter') ?? '{}') as { name?: unknown; email?: unknown };
    return {
      ...(typeof v.name === 'string' ? { reporterName: v.name } : {}),
      ...(typeof v.email === 'string' ? { reporterEmail: v.email } : {}),
    };
  } catch {
    return {};
  }
}

/**
 * "Create abuse report" for a host, a verdict group, a timeline selection or chosen events: one click prepares the
 * report and opens its preview. It is listed under Reports once the user keeps it (copies, saves, mails or edits
 * it; see ReportDialog). Placed by the host panel and other screens.
 */
export function ReportButton(props: { selection: ReportSelection; className?: string }): ReactNode {
  const { t, i18n } = useTranslation('report');
  const [open, setOpen] = useState<{ view: ReportView; opener: HTMLElement | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const button = useRef<HTMLButtonElement>(null);

  const create = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const view = await netwhy.reports.create({
        selection: props.selection,
        edits: { language: i18n.language === 'ja' ? 'ja' : 'en', ...savedReporter() },
      });
      setOpen({ view, opener: button.current });
    } catch (e) {
      setProblem({ text: t('problem.create'), detail: errorDetail(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {/* aria-disabled, not disabled: a disabled button drops focus, and the dialog gives focus back to it. */}
      <button
        type="button"
        ref={button}
        className={props.className ?? 'button'}
        onClick={() => void create()}
        aria-disabled={busy}
        data-testid="create-report"
      >
        {busy ? t('creating') : t('create')}
      </button>
      {problem && <ProblemNote problem={problem} onRetry={() => void create()} testId="report-problem" />}
      {open && <ReportDialog view={open.view} onClose={() => setOpen(null)} returnFocus={open.opener} />}
    </>
  );
}
