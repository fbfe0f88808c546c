import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import {
  REPORT_DRAFT_GONE,
  type ReportEdits,
  type ReportFormat,
  type ReportView,
} from '../../../../preload/contract/reports';
import { isEmailAddress } from '../../../../main/core/report/abuse-contacts';
import { netwhy } from '../../api';
import { errorDetail, ProblemNote, type Problem } from './ProblemNote';
import './report.css';

const FORMATS: ReportFormat[] = ['text', 'csv', 'xarf', 'eml'];

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), ' +
  'a[href], [tabindex]:not([tabindex="-1"])';

function preview(view: ReportView, format: ReportFormat): string {
  if (format === 'eml') return `To: ${view.recipient ?? ''}\nSubject: ${view.subject}\n\n${view.text}`;
  return view[format];
}

/**
 * The report preview: harmless-verdict warning first (the user may go on), then recipient, summary, redaction and
 * the formats, with copy / save / open-in-mail. Every edit is saved to the stored report and re-rendered by main.
 *
 * A new report is a draft in main until the user keeps it: the first copy, saved file, mail or changed field stores
 * it (reports.update), so a report cancelled at the warning, closed untouched or whose Save dialog was cancelled
 * never shows under Reports.
 *
 * Modal: rendered on document.body above everything (the host panel too), focus starts on a control and stays in
 * the dialog, Esc closes the dialog only (not the host panel behind it), and focus returns to `returnFocus` (the
 * button that opened it).
 */
export function ReportDialog(props: {
  view: ReportView;
  onClose: () => void;
  returnFocus?: HTMLElement | null;
}): ReactNode {
  const { t, i18n } = useTranslation('report');
  const lang: 'en' | 'ja' = i18n.language === 'ja' ? 'ja' : 'en';
  const [view, setView] = useState(props.view);
  // A stored report was kept after the warning (it is only stored then): reopened, it goes straight to the form,
  // the warning still shown above it.
  const [acknowledged, setAcknowledged] = useState(props.view.warning === null || props.view.id > 0);
  const [format, setFormat] = useState<ReportFormat>('text');
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [recipientError, setRecipientError] = useState<string | null>(null);
  const [draft, setDraft] = useState({
    recipient: view.recipient ?? '',
    summary: view.summary.en,
    summaryJa: view.summary.ja,
    reporterName: view.edits.reporterName,
    reporterEmail: view.edits.reporterEmail,
    redact: view.edits.redact,
    japaneseCopy: view.edits.japaneseCopy,
  });
  const backdrop = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const safeChoice = useRef<HTMLButtonElement>(null);
  const recipientInput = useRef<HTMLInputElement>(null);
  // The id main knows the report by: a draft's until it is kept, then the stored one.
  const id = useRef(props.view.id);
  const onClose = useRef(props.onClose);
  useEffect(() => {
    onClose.current = props.onClose;
  });

  // The element to give focus back to: the opener, or whatever had focus when the dialog opened.
  const opener = useRef<HTMLElement | null>(
    props.returnFocus ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null),
  );
  useEffect(() => {
    const back = opener.current;
    return () => {
      if (back?.isConnected) back.focus();
    };
  }, []);

  // Focus a control, not the dialog box: Cancel on the warning (the safe choice), else the recipient field.
  useEffect(() => {
    (acknowledged ? recipientInput.current : safeChoice.current)?.focus();
  }, [acknowledged]);

  // Native listener on the backdrop: Esc and Tab must not reach the window, where the host panel closes itself on
  // Esc (it did, and focus fell to the Hosts screen behind it).
  useEffect(() => {
    const el = backdrop.current;
    if (!el) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        e.preventDefault();
        onClose.current();
        return;
      }
      if (e.key !== 'Tab' || !box.current) return;
      e.stopPropagation();
      const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((n) => n.offsetParent !== null);
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return;
      const inside = box.current.contains(document.activeElement);
      if (e.shiftKey && (document.activeElement === first || !inside)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (document.activeElement === last || !inside)) {
        e.preventDefault();
        first.focus();
      }
    };
    el.addEventListener('keydown', onKey);
    return () => el.removeEventListener('keydown', onKey);
  }, []);

  const apply = (next: ReportView): void => {
    id.current = next.id;
    setView(next);
    setDraft((d) => ({
      ...d,
      recipient: next.recipient ?? '',
      summary: next.summary.en,
      summaryJa: next.summary.ja,
    }));
  };

  const update = async (edits: Partial<ReportEdits>): Promise<void> => {
    try {
      const next = await netwhy.reports.update({ id: id.current, edits });
      apply(next);
      setProblem(null);
      if (edits.reporterEmail !== undefined || edits.reporterName !== undefined) {
        localStorage.setItem(
          'netwhy.reporter',
          JSON.stringify({ name: next.edits.reporterName, email: next.edits.reporterEmail }),
        );
      }
    } catch (e) {
      setProblem(problemOf('update', e));
    }
  };

  /**
   * A failure in the user's words. Main forgets a draft when many newer ones are prepared: "try again" would fail
   * the same way, so that one says to prepare the report again.
   */
  const problemOf = (what: 'update' | 'copy' | 'save' | 'mail', e: unknown): Problem => {
    const detail = errorDetail(e);
    return { text: t(detail.includes(REPORT_DRAFT_GONE) ? 'problem.draftGone' : `problem.${what}`), detail };
  };

  /** Stores a draft before it leaves the app: an empty update keeps it (see the component's comment). */
  const keep = async (): Promise<number> => {
    if (id.current >= 0) return id.current;
    apply(await netwhy.reports.update({ id: id.current, edits: {} }));
    return id.current;
  };

  /** The recipient field as typed, checked the way `netwhy report --to` checks it; null when it is not valid. */
  const checkedRecipient = (): { ok: true; value: string | null } | { ok: false } => {
    const typed = draft.recipient.trim();
    if (!typed) return { ok: true, value: null };
    if (isEmailAddress(typed)) return { ok: true, value: typed };
    setRecipientError(t('recipientInvalid', { value: typed }));
    return { ok: false };
  };

  const onRecipientBlur = (): void => {
    const checked = checkedRecipient();
    if (!checked.ok) return;
    setRecipientError(null);
    if (checked.value !== view.recipient) void update({ recipient: checked.value });
  };

  const act = async (what: 'copy' | 'save' | 'mail'): Promise<void> => {
    setStatus(null);
    setProblem(null);
    if (what === 'mail') {
      const checked = checkedRecipient();
      if (!checked.ok) {
        recipientInput.current?.focus();
        return;
      }
      if (!checked.value) {
        setStatus(t('noRecipient'));
        return;
      }
    }
    try {
      if (what === 'copy') {
        await netwhy.reports.copy({ id: await keep(), format: format === 'eml' ? 'text' : format });
        setStatus(t('copied'));
      } else if (what === 'save') {
        // Saved from the draft (main renders a draft as it would the stored report, same id inside), kept only once
        // the file is written: a cancelled Save dialog sent nothing out of the app, so Reports does not list it.
        const { path } = await netwhy.reports.save({ id: id.current, format });
        if (path) await keep();
        setStatus(path ? t('saved', { path }) : t('cancelled'));
      } else {
        await keep();
        // A recipient typed and not yet sent (the button was clicked straight from the field) goes first.
        const typed = draft.recipient.trim();
        if (typed !== view.recipient) await update({ recipient: typed });
        const r = await netwhy.reports.mail({ id: id.current });
        setStatus(
          r.via === 'mailto' ? t('mailedLink') : r.via === 'eml' ? t('mailedEml', { path: r.path }) : t('cancelled'),
        );
      }
    } catch (e) {
      setProblem(problemOf(what, e));
    }
  };

  const kept = view.destinations.join(', ');
  const csvName = `netwhy-report-${view.host.replace(/:/g, '-')}-${(view.rows[0]?.time ?? '').slice(0, 10)}.csv`;

  return createPortal(
    <div className="report-backdrop" ref={backdrop} data-testid="report-backdrop">
      <div
        className="report-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="report-dialog-title"
        ref={box}
        data-testid="report-dialog"
      >
        <header className="report-head">
          <h2 id="report-dialog-title">{t('title', { host: view.host })}</h2>
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
                {/* The safe choice comes first and looks like the default; going on is the secondary one. */}
                <button
                  type="button"
                  className="button button-primary"
                  onClick={props.onClose}
                  ref={safeChoice}
                  data-testid="report-cancel"
                >
                  {t('common:action.cancel')}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => setAcknowledged(true)}
                  data-testid="report-continue"
                >
                  {t('harmless.continue')}
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
                  ref={recipientInput}
                  value={draft.recipient}
                  onChange={(e) => {
                    setDraft({ ...draft, recipient: e.target.value });
                    setRecipientError(null);
                  }}
                  onBlur={onRecipientBlur}
                  aria-invalid={recipientError !== null}
                  aria-describedby={recipientError ? 'report-recipient-error' : undefined}
                  data-testid="report-recipient"
                />
                {recipientError ? (
                  <small className="report-field-error" id="report-recipient-error" role="alert">
                    {recipientError}
                  </small>
                ) : (
                  <small className="subtle">{t(`recipientFrom.${view.recipientSource ?? 'none'}`)}</small>
                )}
              </label>
              <label className="field">
                <span>{t('summary')}</span>
                <textarea
                  rows={5}
                  value={draft.summary}
                  onChange={(e) => setDraft({ ...draft, summary: e.target.value })}
                  onBlur={() => {
                    if (draft.summary !== view.summary.en) void update({ summary: draft.summary });
                  }}
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
                    onBlur={() => {
                      if (draft.summaryJa !== view.summary.ja) void update({ summaryJa: draft.summaryJa });
                    }}
                  />
                </label>
              )}
              <div className="report-row">
                <label className="field">
                  <span>{t('reporterName')}</span>
                  <input
                    value={draft.reporterName}
                    onChange={(e) => setDraft({ ...draft, reporterName: e.target.value })}
                    onBlur={() => {
                      if (draft.reporterName !== view.edits.reporterName)
                        void update({ reporterName: draft.reporterName });
                    }}
                  />
                </label>
                <label className="field">
                  <span>{t('reporterEmail')}</span>
                  <input
                    type="email"
                    value={draft.reporterEmail}
                    onChange={(e) => setDraft({ ...draft, reporterEmail: e.target.value })}
                    onBlur={() => {
                      if (draft.reporterEmail !== view.edits.reporterEmail)
                        void update({ reporterEmail: draft.reporterEmail });
                    }}
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
                    lan: t('masked.lan', { count: view.redaction.lanAddresses }),
                    mac: t('masked.mac', { count: view.redaction.macAddresses }),
                    hosts: t('masked.hosts', { count: view.redaction.hostNames }),
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
              {problem && <ProblemNote problem={problem} />}
              <p className="subtle" role="status" data-testid="report-status">
                {status ?? t('nothingSent')}
              </p>
            </div>
          </div>
        )}
      </div>
    </div>,
    document.body,
  );
}
