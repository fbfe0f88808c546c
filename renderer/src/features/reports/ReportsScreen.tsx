import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportListItem, ReportView } from '../../../../preload/contract/reports';
import { netwhy } from '../../api';
import { formatDateTime } from '../../components/format';
import { errorDetail, ProblemNote, type Problem } from '../report/ProblemNote';
import { ReportDialog } from '../report/ReportDialog';
import { VERDICT_IDS } from '../../../../main/core/model/verdict';

/** A verdict id as the rest of the app names it ("Port scan", 「ポートスキャン」); an id it does not know as it is. */
function useVerdictName(): (id: string | null) => string {
  const { t } = useTranslation('hosts');
  return (id) => {
    if (id === null) return '-';
    return (VERDICT_IDS as readonly string[]).includes(id) ? t(`verdict.${id}`) : id;
  };
}

/** Reports the user created: date, recipient, events; each can be reopened to copy, save or mail again. */
export function ReportsScreen(): ReactNode {
  const { t, i18n } = useTranslation('reports');
  const [items, setItems] = useState<ReportListItem[] | null>(null);
  const verdictName = useVerdictName();
  const [open, setOpen] = useState<{ view: ReportView; opener: HTMLElement | null } | null>(null);
  const [problem, setProblem] = useState<(Problem & { retry: () => void }) | null>(null);

  // Bumped after a dialog closes, so edits (recipient) show in the list.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    netwhy.reports.list().then(
      (list) => {
        if (!live) return;
        setItems(list);
        setProblem(null);
      },
      (e: unknown) =>
        live &&
        setProblem({
          text: t('problem.list'),
          detail: errorDetail(e),
          retry: () => setVersion((v) => v + 1),
        }),
    );
    return () => {
      live = false;
    };
  }, [version, t]);

  const reopen = async (id: number, opener: HTMLElement | null): Promise<void> => {
    try {
      setOpen({ view: await netwhy.reports.open({ id }), opener });
      setProblem(null);
    } catch (e) {
      setProblem({
        text: t('problem.open'),
        detail: errorDetail(e),
        retry: () => void reopen(id, opener),
      });
    }
  };

  return (
    <section className="screen-body" aria-labelledby="reports-title">
      <header className="screen-header">
        <h1 id="reports-title">{t('title')}</h1>
        <p className="subtle">{t('intro')}</p>
      </header>
      {problem && <ProblemNote problem={problem} onRetry={problem.retry} testId="reports-problem" />}
      {items && items.length === 0 && (
        <p className="empty" data-testid="reports-empty">
          {t('empty')}
        </p>
      )}
      {items && items.length > 0 && (
        <div className="table-wrap">
          <table className="grid" data-testid="reports-table">
            <thead>
              <tr>
                <th scope="col">{t('created')}</th>
                <th scope="col">{t('host')}</th>
                <th scope="col">{t('recipient')}</th>
                <th scope="col">{t('verdict')}</th>
                <th scope="col">{t('events')}</th>
                <th scope="col" aria-label={t('open')} />
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id} data-testid="report-row">
                  <td>{formatDateTime(r.createdAt, i18n.language)}</td>
                  <td className="mono">{r.host}</td>
                  <td>{r.recipient ?? <span className="subtle">{t('noRecipient')}</span>}</td>
                  <td data-testid="report-verdict">{verdictName(r.verdict)}</td>
                  <td>{r.eventCount}</td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      onClick={(e) => void reopen(r.id, e.currentTarget)}
                      data-testid="report-open"
                    >
                      {t('open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && (
        <ReportDialog
          view={open.view}
          returnFocus={open.opener}
          onClose={() => {
            setOpen(null);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </section>
  );
}
