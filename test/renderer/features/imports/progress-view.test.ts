import { describe, expect, it } from 'vitest';
import type { ImportFinishedEvent, ImportProgressEvent } from '../../../../preload/contract/imports';
import { progressView, type JobView } from '../../../../renderer/src/features/imports/progress-view';

const MB = 1024 * 1024;
const progress = (bytesDone: number): ImportProgressEvent => ({
  jobId: 1,
  importId: 7,
  fileName: 'big.log',
  family: 'netfilter',
  confidence: 0.95,
  bytesDone,
  bytesTotal: 72 * MB,
  lines: 1000,
  parsed: 990,
  ignored: 5,
  unknown: 5,
  linesPerSec: 20_000,
  secondsLeft: 3,
  phase: 'reading',
});
const end = (outcome: ImportFinishedEvent['outcome'], importId: number | null = 7): ImportFinishedEvent => ({
  jobId: 1,
  outcome,
  importId,
  message: null,
  errorCode: null,
  summary: null,
});
const job = (p: ImportProgressEvent | null, e: ImportFinishedEvent | null): JobView => ({
  jobId: 1,
  name: 'big.log',
  progress: p,
  end: e,
});

describe('the import progress panel shows where an import stopped', () => {
  it('a finished import: the whole file', () => {
    expect(progressView(job(progress(40 * MB), end('done')))).toEqual({
      state: 'done',
      percent: 100,
      bytesDone: 72 * MB,
      bytesTotal: 72 * MB,
      preparing: false,
    });
  });

  it('a cancelled or failed import: the bytes it had reached, not 100 %', () => {
    for (const outcome of ['cancelled', 'failed'] as const)
      expect(progressView(job(progress(25 * MB), end(outcome)))).toEqual({
        state: outcome,
        percent: 34,
        bytesDone: 25 * MB,
        bytesTotal: 72 * MB,
        preparing: false,
      });
  });

  it('a failure before any byte was read, or a file imported before: no bar and no "0 B of 0 B"', () => {
    expect(progressView(job(null, end('failed', null))).percent).toBeNull();
    expect(progressView(job(null, end('cancelled', null))).percent).toBeNull();
    expect(progressView(job(null, end('already-imported')))).toMatchObject({
      state: 'already-imported',
      percent: null,
    });
  });

  it('a running import never shows 100 % before it has ended', () => {
    expect(progressView(job(progress(72 * MB - 1), null))).toMatchObject({ state: 'running', percent: 99 });
  });

  it('a started import with no progress yet (hashing, a resume re-reading its stored lines) is "preparing", not 0 %', () => {
    expect(progressView(job(null, null))).toMatchObject({ state: 'running', percent: null, preparing: true });
    expect(progressView(job(progress(1), null)).preparing).toBe(false);
  });
});
