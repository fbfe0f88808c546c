import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportSelection, ReportView } from '../../../../preload/contract/reports';
import { netwhy } from '../../api';
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
 * "Create abuse report" for a host, a verdict group, a timeline selection or chosen events: one click creates the
 * report (listed under Reports) and opens its preview. Placed by the host panel and other screens.
 */
export function ReportButton(props: { selection: ReportSelection; className?: string }): ReactNode {
  const { t, i18n } = useTranslation('report');
  const [view, setView] = useState<ReportView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      setView(
        await netwhy.reports.create({
          selection: props.selection,
          edits: { language: i18n.language === 'ja' ? 'ja' : 'en', ...savedReporter() },
        }),
      );
    } catch (e) {
      setError(t('error', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className={props.className ?? 'button'}
        onClick={() => void create()}
        disabled={busy}
        data-testid="create-report"
      >
        {busy ? t('creating') : t('create')}
      </button>
      {error && (
        <span className="banner banner-error" role="alert">
          {error}
        </span>
      )}
      {view && <ReportDialog view={view} onClose={() => setView(null)} />}
    </>
  );
}
