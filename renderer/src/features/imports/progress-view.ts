import type { ImportFinishedEvent, ImportProgressEvent } from '../../../../preload/contract/imports';

/** One import the screen follows, from its start until the user closes its panel. */
export interface JobView {
  jobId: number;
  name: string;
  progress: ImportProgressEvent | null;
  /** How it ended; null while it runs. */
  end: ImportFinishedEvent | null;
}

export type JobState = 'running' | 'done' | 'cancelled' | 'failed' | 'already-imported';

/** What the progress panel shows: the bar and byte counts only where they say something true. */
export interface ProgressView {
  state: JobState;
  /** null: no bar (nothing was read, or it was imported before). */
  percent: number | null;
  bytesDone: number;
  bytesTotal: number;
  /** Started, no progress yet: an indeterminate bar. */
  preparing: boolean;
}

export function progressView(job: JobView): ProgressView {
  const state: JobState = job.end ? job.end.outcome : 'running';
  const p = job.progress;
  const bytesTotal = p?.bytesTotal ?? 0;
  // Only a finished import read every byte; a cancelled or failed one stopped where its last progress was.
  const bytesDone = state === 'done' ? bytesTotal : (p?.bytesDone ?? 0);
  // Running, but nothing stored yet: the file is hashed, or a resume re-reads the lines it already has (seconds
  // for a big file). The panel says 'Preparing…' with a moving bar instead of '0 % · 0 B of 0 B'.
  if (state === 'running' && p === null) return { state, percent: null, bytesDone, bytesTotal, preparing: true };
  if (state === 'already-imported' || (state !== 'running' && p === null))
    return { state, percent: state === 'done' ? 100 : null, bytesDone, bytesTotal, preparing: false };
  const percent =
    bytesTotal > 0 ? Math.min(100, Math.floor((bytesDone / bytesTotal) * 100)) : state === 'done' ? 100 : 0;
  return { state, percent, bytesDone, bytesTotal, preparing: false };
}
