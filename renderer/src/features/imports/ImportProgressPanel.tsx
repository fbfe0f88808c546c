import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../components/format';
import { formatBytes, formatDuration } from './model';
import { finishedNotice } from './notice';
import { progressView, type JobView } from './progress-view';

const TITLES = {
  running: 'progress.title',
  done: 'progress.doneTitle',
  cancelled: 'progress.cancelledTitle',
  failed: 'progress.failedTitle',
  'already-imported': 'progress.alreadyTitle',
} as const;

/**
 * Bytes, lines/s and time left of a running import, with Cancel. Once it ends the panel says how (finished,
 * cancelled, failed) and keeps the bar where the import stopped.
 */
export function ImportProgressPanel(props: { job: JobView; onCancel: () => void; onDismiss: () => void }): ReactNode {
  const { t, i18n } = useTranslation('imports');
  const p = props.job.progress;
  const view = progressView(props.job);
  const running = view.state === 'running';
  const lang = i18n.language;
  // A panel appears when the user presses Import: the focus moves to it from the preview that goes away.
  const section = useRef<HTMLElement>(null);
  useEffect(() => section.current?.focus(), []);
  // Worded at render time, so it follows a change of language.
  const notice = props.job.end ? finishedNotice(t, lang, props.job.end, props.job.name) : null;
  return (
    <section
      className={`imports-progress imports-progress-${view.state}`}
      data-testid="import-progress"
      data-state={view.state}
      ref={section}
      tabIndex={-1}
      aria-live="polite"
    >
      <div className="imports-progress-head">
        <strong data-testid="import-progress-title">{t(TITLES[view.state], { name: props.job.name })}</strong>
        {running ? (
          <button className="button" onClick={props.onCancel} data-testid="import-cancel">
            {t('progress.cancel')}
          </button>
        ) : (
          <button className="button" onClick={props.onDismiss} data-testid="import-dismiss">
            {t('progress.dismiss')}
          </button>
        )}
      </div>
      {view.preparing ? (
        <>
          <div
            className="imports-bar imports-bar-indeterminate"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuetext={t('progress.preparing')}
            data-testid="import-progress-bar"
          >
            <div className="imports-bar-fill" />
          </div>
          <div className="imports-progress-facts subtle" data-testid="import-progress-preparing">
            {t('progress.preparing')}
          </div>
        </>
      ) : null}
      {view.percent !== null ? (
        <>
          <div
            className="imports-bar"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={view.percent}
            data-testid="import-progress-bar"
          >
            <div className="imports-bar-fill" style={{ width: `${view.percent}%` }} />
          </div>
          <div className="imports-progress-facts subtle">
            <span data-testid="import-progress-bytes">
              {t(running || view.state === 'done' ? 'progress.bytes' : 'progress.stoppedAt', {
                percent: view.percent,
                done: formatBytes(view.bytesDone),
                total: formatBytes(view.bytesTotal),
              })}
            </span>
            {p && p.linesPerSec > 0 ? (
              <span>{t('progress.rate', { rate: formatCount(p.linesPerSec, lang) })}</span>
            ) : null}
            {p && running && p.phase === 'indexing' ? (
              <span data-testid="import-progress-indexing">{t('progress.indexing')}</span>
            ) : p && running && p.phase === 'redating' ? (
              <span data-testid="import-progress-redating">{t('progress.redating')}</span>
            ) : p && running && p.secondsLeft !== null ? (
              <span>{t('progress.left', { time: formatDuration(p.secondsLeft) })}</span>
            ) : null}
          </div>
        </>
      ) : null}
      {p ? (
        <div className="subtle" data-testid="import-progress-counts">
          {t('progress.counts', {
            lines: formatCount(p.lines, lang),
            parsed: formatCount(p.parsed, lang),
            ignored: formatCount(p.ignored, lang),
            unknown: formatCount(p.unknown, lang),
          })}
        </div>
      ) : null}
      {notice ? (
        <p className={`banner banner-${notice.kind}`} role="status" data-testid="import-notice">
          {notice.text}
        </p>
      ) : null}
    </section>
  );
}
