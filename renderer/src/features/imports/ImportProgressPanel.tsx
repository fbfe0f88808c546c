import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProgressEvent } from '../../../../preload/contract/imports';
import { formatBytes, formatCount, formatDuration } from './model';

export interface JobView {
  jobId: number;
  name: string;
  progress: ImportProgressEvent | null;
  finished: boolean;
}

/** Bytes, lines/s and time left of the running import, with Cancel; stays, full, once the import is done. */
export function ImportProgressPanel(props: { job: JobView; onCancel: () => void }): ReactNode {
  const { t, i18n } = useTranslation('imports');
  const p = props.job.progress;
  const total = p?.bytesTotal ?? 0;
  const done = props.job.finished ? total : (p?.bytesDone ?? 0);
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : props.job.finished ? 100 : 0;
  const lang = i18n.language;
  return (
    <section className="imports-progress" data-testid="import-progress" aria-live="polite">
      <div className="imports-progress-head">
        <strong>{t(props.job.finished ? 'progress.finished' : 'progress.title', { name: props.job.name })}</strong>
        {!props.job.finished ? (
          <button className="button" onClick={props.onCancel} data-testid="import-cancel">
            {t('progress.cancel')}
          </button>
        ) : null}
      </div>
      <div
        className="imports-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        data-testid="import-progress-bar"
      >
        <div className="imports-bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <div className="imports-progress-facts subtle">
        <span data-testid="import-progress-bytes">
          {percent} % · {t('progress.bytes', { done: formatBytes(done), total: formatBytes(total) })}
        </span>
        {p ? <span>{t('progress.rate', { rate: formatCount(p.linesPerSec, lang) })}</span> : null}
        {p && !props.job.finished && p.phase === 'indexing' ? (
          <span data-testid="import-progress-indexing">{t('progress.indexing')}</span>
        ) : p && !props.job.finished && p.secondsLeft !== null ? (
          <span>{t('progress.left', { time: formatDuration(p.secondsLeft) })}</span>
        ) : null}
      </div>
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
    </section>
  );
}
