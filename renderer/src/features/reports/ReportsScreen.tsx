import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportListItem, ReportView } from '../../../../preload/contract/reports';
import { netwhy } from '../../api';
import { formatDateTime } from '../../components/format';
import { ReportDialog } from '../report/ReportDialog';

/** Reports the user created: date, recipient, events; each can be reopened to copy, save or mail again. */
export function ReportsScreen(): ReactNode {
  const { t, i18n } = useTranslation('reports');
  const [items, setItems] = useState<ReportListItem[] | null>(null);
  const [open, setOpen] = useState<ReportView | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Bumped after a dialog closes, so edits (recipient) show in the list.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    netwhy.reports.list().then(
      (list) => live && setItems(list),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [version]);

  const reopen = async (id: number): Promise<void> => {
    try {
      setOpen(await netwhy.reports.open({ id }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section className="screen-body" aria-labelledby="reports-title">
      <header className="screen-header">
        <h1 id="reports-title">{t('title')}</h1>
        <p className="subtle">{t('intro')}</p>
      </header>
      {error && (
        <div className="banner banner-error" role="alert">
          {t('common:app.error', { message: error })}
        </div>
      )}
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
                  <td>{r.verdict ?? '-'}</td>
                  <td>{r.eventCount}</td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      onClick={() => void reopen(r.id)}
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
          view={open}
          onClose={() => {
            setOpen(null);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </section>
  );
}
