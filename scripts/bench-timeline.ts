/**
 * `npm run bench:timeline [-- --events N] [--keep]`: fills a database with N (default 1,000,000) events over 30
 * days (scripts/timeline-data.ts), opens the BUILT renderer in Debian Chromium with the real handlers
 * (test/e2e/harness.ts; run `npm run build` first) and measures, printing one JSON object as the last line (issue 6):
 *  - firstPaintMs: page navigation start -> the timeline canvas first drawn with data (app boot included);
 *  - frameP50Ms / frameP95Ms: while zooming (wheel) and panning (keys), ms from each input event to the end of the
 *    redraw it caused (React render + canvas draw), measured in the page with performance.now();
 *  - bucketQueryMs: median time of the bucket query (rollup sync check + query) over zoom levels month … seconds.
 * Targets: first paint <= 500 ms, p95 frame <= 16 ms, bucket query <= 50 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bucketWidthFor } from '../main/core/timeline/buckets';
import { openDatabase } from '../main/db/open';
import { syncTimelineRollup } from '../main/db/repos/timeline-rollup';
import { browserUnavailableReason, closeBrowser, launchApp } from '../test/e2e/harness';
import { BENCH_END, fillTimelineDatabase } from './timeline-data';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] ?? 0) : 0;
};
const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0) : 0;
};
const round = (n: number): number => Math.round(n * 10) / 10;

type Step = { wheel: number; x: number } | { key: string };

/** Scripted input: a month down to about a minute by wheel, panning by keys, +/- keys, and back out. */
function steps(): Step[] {
  const out: Step[] = [];
  for (let i = 0; i < 60; i++) out.push({ wheel: -120, x: 0.6 });
  for (let i = 0; i < 20; i++) out.push({ key: i % 2 ? 'ArrowRight' : 'ArrowLeft' });
  for (let i = 0; i < 30; i++) out.push({ wheel: 120, x: 0.3 });
  for (let i = 0; i < 20; i++) out.push({ key: 'ArrowLeft' });
  for (let i = 0; i < 10; i++) out.push({ key: '+' });
  for (let i = 0; i < 10; i++) out.push({ key: '-' });
  for (let i = 0; i < 30; i++) out.push({ wheel: 120, x: 0.5 });
  return out;
}

type PageGlobals = { __timelineFirstPaint?: number; __timelineFrames?: number[] };

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { events: { type: 'string' }, keep: { type: 'boolean', default: false } },
  });
  const count = values.events ? Number(values.events) : 1_000_000;
  const skip = browserUnavailableReason();
  if (skip) throw new Error(`cannot run: ${skip}`);

  const dir = mkdtempSync(join(tmpdir(), 'netwhy-bench-timeline-'));
  const databasePath = join(dir, 'bench.sqlite');
  let t = performance.now();
  const db = openDatabase(databasePath);
  fillTimelineDatabase(db, count);
  console.log(`filled ${count} events in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  syncTimelineRollup(db);
  console.log(`rollup built in ${((performance.now() - t) / 1000).toFixed(1)} s (once per import, not per query)`);
  db.close();

  const app = await launchApp({
    databasePath,
    socketSource: { poll: async () => [] },
    viewport: { width: 1400, height: 900 },
  });
  try {
    const { page } = app;
    await page.waitForFunction(() => (window as PageGlobals).__timelineFirstPaint !== undefined, null, {
      timeout: 30_000,
    });
    const firstPaintMs = await page.evaluate(() => (window as PageGlobals).__timelineFirstPaint ?? -1);
    const marks = await page.evaluate(() =>
      [
        ...performance
          .getEntriesByType('navigation')
          .map((e) => [`dom-content-loaded`, (e as PerformanceNavigationTiming).domContentLoadedEventEnd]),
        ...performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]),
      ].map(([n, t]) => `${String(n)} ${Math.round(Number(t))}`),
    );
    console.log(`first paint: ${marks.join(', ')}`);

    // In the page, callbacks stay anonymous: tsx's keepNames helper (__name) does not exist there.
    const frames = await page.evaluate(async (list: Step[]) => {
      const g = window as PageGlobals;
      g.__timelineFrames = [];
      const host = document.querySelector<HTMLElement>('[data-testid="timeline-canvas"]');
      const canvas = host?.querySelector('canvas');
      if (!host || !canvas) throw new Error('no timeline canvas');
      host.focus();
      const r = canvas.getBoundingClientRect();
      for (const s of list) {
        if ('wheel' in s)
          canvas.dispatchEvent(
            new WheelEvent('wheel', {
              deltaY: s.wheel,
              clientX: r.left + 168 + s.x * (r.width - 168),
              clientY: r.top + 60,
              bubbles: true,
              cancelable: true,
            }),
          );
        else host.dispatchEvent(new KeyboardEvent('keydown', { key: s.key, bubbles: true, cancelable: true }));
        // Two animation frames per step, as a user's next input would come.
        await new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
      }
      return g.__timelineFrames;
    }, steps());

    // The bucket query at each zoom level the wheel passes through (median of three runs each).
    const spans = [30 * 86_400_000, 7 * 86_400_000, 86_400_000, 6 * 3_600_000, 3_600_000, 600_000, 60_000, 10_000];
    const perLevel: Record<string, number> = {};
    for (const s of spans) {
      const width = bucketWidthFor(s, (1400 - 168 - 40) / 6);
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const from = BENCH_END - s - i * 3_600_000;
        runs.push(
          app.ctx.timeline.buckets({
            from,
            to: from + s,
            width,
            offsetMs: 0,
            laneMode: 'owner',
            filters: {},
            eventsCap: 1_500,
          }).queryMs,
        );
      }
      perLevel[`${s / 1000}s@${width / 1000}s`] = round(median(runs));
    }
    console.log('bucket query ms by window@width:', JSON.stringify(perLevel));
    console.log(`frames measured: ${frames.length}; max ${round(Math.max(...frames))} ms`);
    if (app.pageErrors.length) console.log('page errors:', app.pageErrors);
    console.log(
      JSON.stringify({
        events: count,
        firstPaintMs: round(firstPaintMs),
        frameP50Ms: round(percentile(frames, 50)),
        frameP95Ms: round(percentile(frames, 95)),
        bucketQueryMs: round(median(Object.values(perLevel))),
      }),
    );
  } finally {
    await app.close();
    await closeBrowser();
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
