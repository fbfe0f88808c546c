import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportEdits, ReportFormat, ReportView } from '../../../../preload/contract/reports';
import { netwhy } from '../../api';
import './report.css';

const FORMATS: ReportFormat[] = ['text', 'csv', 'xarf', 'eml'];

function preview(view: ReportView, format: ReportFormat): string {
  if (format === 'eml') return `To: ${view.recipient ?? ''}\nSubject: ${view.subject}\n\n${view.text}`;
  return view[format];
}

/**
 * The report preview: harmless-verdict warning first (the user may go on), then recipient, summary, redaction and
 * the formats, with copy / save / open-in-mail. Every edit is saved to the stored report and re-rendered by main.
 */
export function ReportDialog(props: { view: ReportView; onClose: () => void }): ReactNode {
  const { t, i18n } = useTranslation('report');
  const lang: 'en' | 'ja' = i18n.language === 'ja' ? 'ja' : 'en';
  const [view, setView] = useState(props.view);
  const [acknowledged, setAcknowledged] = useState(props.view.warning === null);
  const [format, setFormat] = useState<ReportFormat>('text');
  const [status, setStatus] = useState<string | null>(null);
  const [draft, setDraft] = useState({
    recipient: view.recipient ?? '',
    summary: view.summary.en,
    summaryJa: view.summary.ja,
    reporterName: view.edits.reporterName,
    reporterEmail: view.edits.reporterEmail,
    redact: view.edits.redact,
    japaneseCopy: view.edits.japaneseCopy,
  });
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    box.current?.focus();
  }, [acknowledged]);

  const update = async (edits: Partial<ReportEdits>): Promise<void> => {
    try {
      const next = await netwhy.reports.update({ id: view.id, edits });
      setView(next);
      setDraft((d) => ({
        ...d,
        recipient: next.recipient ?? '',
        summary: next.summary.en,
        summaryJa: next.summary.ja,
      }));
      if (edits.reporterEmail !== undefined || edits.reporterName !== undefined) {
        localStorage.setItem(
          'netwhy.reporter',
          JSON.stringify({ name: next.edits.reporterName, email: next.edits.reporterEmail }),
        );
      }
    } catch (e) {
      setStatus(t('error', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  const act = async (what: 'copy' | 'save' | 'mail'): Promise<void> => {
    setStatus(null);
    try {
      if (what === 'copy') {
        await netwhy.reports.copy({ id: view.id, format: format === 'eml' ? 'text' : format });
        setStatus(t('copied'));
      } else if (what === 'save') {
        const { path } = await netwhy.reports.save({ id: view.id, format });
        setStatus(path ? t('saved', { path }) : t('cancelled'));
      } else {
        if (!view.recipient) {
          setStatus(t('noRecipient'));
          return;
        }
        const r = await netwhy.reports.mail({ id: view.id });
        setStatus(
          r.via === 'mailto' ? t('mailedLink') : r.via === 'eml' ? t('mailedEml', { path: r.path }) : t('cancelled'),
        );
      }
    } catch (e) {
      setStatus(t('error', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  const onKey = (e: React.KeyboardEvent): void => {
    if (e.key === 'Escape') props.onClose();
  };
  const kept = view.destinations.join(', ');
  const csvName = `netwhy-report-${view.host.replace(/:/g, '-')}-${(view.rows[0]?.time ?? '').slice(0, 10)}.csv`;

  return (
    <div className="report-backdrop" onKeyDown={onKey}>
      <div
        className="report-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t('dialogLabel')}
        tabIndex={-1}
        ref={box}
        data-testid="report-dialog"
      >
        <header className="report-head">
          <h2>{t('title', { host: view.host })}</h2>
          <span className="subtle">{t('events', { count: view.eventCount })}</span>
          <button type="button" className="button" onClick={props.onClose} data-testid="report-close">
            {t('common:action.close')}
          </button>
        </header>

        {view.warning && (
          <div className="banner banner-warning report-warning" role="alert" data-testid="report-warning">
            <strong>{t('harmless.title')}</strong>
            {view.verdictTitle && (
              <div className="subtle">{t('harmless.verdict', { verdict: view.verdictTitle[lang] })}</div>
            )}
            <p>{view.warning[lang]}</p>
            {!acknowledged && (
              <div className="report-actions">
                <button
                  type="button"
                  className="button button-primary"
                  onClick={() => setAcknowledged(true)}
                  data-testid="report-continue"
                >
                  {t('harmless.continue')}
                </button>
                <button type="button" className="button" onClick={props.onClose}>
                  {t('common:action.cancel')}
                </button>
              </div>
            )}
          </div>
        )}

        {acknowledged && (
          <div className="report-body">
            <div className="report-form">
              <label className="field">
                <span>{t('recipient')}</span>
                <input
                  type="email"
                  value={draft.recipient}
                  onChange={(e) => setDraft({ ...draft, recipient: e.target.value })}
                  onBlur={() => void update({ recipient: draft.recipient.trim() || null })}
                  data-testid="report-recipient"
                />
                <small className="subtle">{t(`recipientFrom.${view.recipientSource ?? 'none'}`)}</small>
              </label>
              <label className="field">
                <span>{t('summary')}</span>
                <textarea
                  rows={5}
                  value={draft.summary}
                  onChange={(e) => setDraft({ ...draft, summary: e.target.value })}
                  onBlur={() => void update({ summary: draft.summary })}
                  data-testid="report-summary"
                />
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void update({ summary: null, summaryJa: null })}
                >
                  {t('resetSummary')}
                </button>
              </label>
              <label className="check">
                <input
                  type="checkbox"
                  checked={draft.japaneseCopy}
                  onChange={(e) => {
                    setDraft({ ...draft, japaneseCopy: e.target.checked });
                    void update({ japaneseCopy: e.target.checked });
                  }}
                  data-testid="report-japanese"
                />
                {t('japaneseCopy')}
              </label>
              {draft.japaneseCopy && (
                <label className="field">
                  <span>{t('summaryJa')}</span>
                  <textarea
                    rows={4}
                    value={draft.summaryJa}
                    onChange={(e) => setDraft({ ...draft, summaryJa: e.target.value })}
                    onBlur={() => void update({ summaryJa: draft.summaryJa })}
                  />
                </label>
              )}
              <div className="report-row">
                <label className="field">
                  <span>{t('reporterName')}</span>
                  <input
                    value={draft.reporterName}
                    onChange={(e) => setDraft({ ...draft, reporterName: e.target.value })}
                    onBlur={() => void update({ reporterName: draft.reporterName })}
                  />
                </label>
                <label className="field">
                  <span>{t('reporterEmail')}</span>
                  <input
                    type="email"
                    value={draft.reporterEmail}
                    onChange={(e) => setDraft({ ...draft, reporterEmail: e.target.value })}
                    onBlur={() => void update({ reporterEmail: draft.reporterEmail })}
                  />
                </label>
              </div>
              <small className="subtle">{t('reporterHint')}</small>
              <label className="check">
                <input
                  type="checkbox"
                  checked={draft.redact}
                  onChange={(e) => {
                    setDraft({ ...draft, redact: e.target.checked });
                    void update({ redact: e.target.checked });
                  }}
                  data-testid="report-redact"
                />
                {t('redact')}
              </label>
              <small className="subtle" data-testid="report-redact-note">
                {kept ? t('redactNote', { kept }) : t('redactNoteNone')}{' '}
                {view.redaction.enabled &&
                  t('redactCounts', {
                    lan: view.redaction.lanAddresses,
                    mac: view.redaction.macAddresses,
                    hosts: view.redaction.hostNames,
                  })}
              </small>
            </div>

            <div className="report-preview-pane">
              <div className="segmented" role="tablist" aria-label={t('formats')}>
                {FORMATS.map((f) => (
                  <button
                    key={f}
                    type="button"
                    role="tab"
                    aria-selected={f === format}
                    onClick={() => setFormat(f)}
                    data-testid={`report-tab-${f}`}
                  >
                    {t(`format.${f}`)}
                  </button>
                ))}
              </div>
              {format === 'eml' && <p className="subtle">{t('emlPreview', { file: csvName })}</p>}
              <pre className="report-preview mono" data-testid="report-preview" tabIndex={0}>
                {preview(view, format)}
              </pre>
              <div className="report-actions">
                <button type="button" className="button" onClick={() => void act('copy')} data-testid="report-copy">
                  {t('copy')}
                </button>
                <button type="button" className="button" onClick={() => void act('save')} data-testid="report-save">
                  {t('save')}
                </button>
                <button
                  type="button"
                  className="button button-primary"
                  onClick={() => void act('mail')}
                  data-testid="report-mail"
                >
                  {t('mail')}
                </button>
              </div>
              <p className="subtle" role="status" data-testid="report-status">
                {status ?? t('nothingSent')}
              </p>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
