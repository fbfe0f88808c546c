import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importLogFile } from '../../main/services/import';
import type { NetwhyApi } from '../../preload/contract';
import { browserUnavailableReason, closeBrowser, launchApp, type LaunchedApp } from './harness';

const skip = browserUnavailableReason();
if (skip) console.warn(`[e2e] skipped: ${skip}`);

const scenario = (name: string): string => join(__dirname, '../fixtures/scenarios', name);

describe.skipIf(skip !== null)('Timeline screen in a real browser', () => {
  let app: LaunchedApp;

  beforeAll(async () => {
    // No live sockets: the timeline shows only what the imported logs say.
    app = await launchApp({ socketSource: { poll: async () => [] }, viewport: { width: 1400, height: 1000 } });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('starts empty, naming the three ways to get data, each a way to its screen', async () => {
    const { page } = app;
    // An empty database opens on Connections; the timeline is the first item of the navigation.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Connections');
    await page.getByTestId('nav-timeline').click();
    await page.getByTestId('timeline-empty').waitFor();
    for (const way of ['live', 'import', 'syslog']) await page.getByTestId(`timeline-empty-${way}`).waitFor();
    await page.getByTestId('timeline-empty-import').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Import logs');
    await page.getByTestId('nav-timeline').click();
  });

  it('draws imported Akamai edge and NetSession traffic in their own lanes as the import finishes', async () => {
    const { page } = app;
    // The real import path: the Imports IPC the Imports screen uses; the timeline follows via 'timeline.live'.
    for (const file of ['netgear-ack-akamai.log', 'udp-akamai-peers.log']) {
      await page.evaluate(
        (path) => (window as unknown as { netwhy: NetwhyApi }).netwhy.imports.start({ path, tz: 'UTC', year: 2024 }),
        scenario(file),
      );
    }
    const canvas = page.getByTestId('timeline-canvas');
    await canvas.waitFor({ timeout: 20_000 });
    // The host summary is rebuilt by the screen, then the lanes fill: edge replies and NetSession peers.
    const legend = (lane: string) => page.locator(`[data-testid="legend-item"][data-lane="${lane}"]`);
    await expect
      .poll(async () => (await legend('akamai-edge').textContent()) ?? '', { timeout: 20_000 })
      .toMatch(/Akamai edge\s*[1-9]/);
    await expect
      .poll(async () => (await legend('akamai-netsession').textContent()) ?? '')
      .toMatch(/NetSession\s*[1-9]/);
    // Distinct patterns, not colour alone.
    expect(await legend('akamai-edge').getAttribute('data-pattern')).toBe('stripes');
    expect(await legend('akamai-netsession').getAttribute('data-pattern')).toBe('dots');
    expect(Number(await canvas.getAttribute('data-buckets'))).toBeGreaterThan(0);
    // Lane labels are painted on the canvas: check pixels of the edge lane's bars are not blank.
    const painted = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('[data-testid="timeline-canvas"] canvas');
      const ctx = c?.getContext('2d');
      if (!c || !ctx) return 0;
      const d = ctx.getImageData(Math.round(c.width * 0.2), 0, Math.round(c.width * 0.8), c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if ((d[i] ?? 0) > 0) n++;
      return n;
    });
    expect(painted).toBeGreaterThan(500);
    await expect
      .poll(async () => (await page.getByTestId('timeline-summary').textContent()) ?? '')
      .toContain('Busiest lane: Akamai edge');
  });

  it('zooms in with the + key and narrows the bars', async () => {
    const { page } = app;
    const canvas = page.getByTestId('timeline-canvas');
    const before = Number(await canvas.getAttribute('data-width'));
    const spanOf = async () =>
      Number(await canvas.getAttribute('data-to')) - Number(await canvas.getAttribute('data-from'));
    const spanBefore = await spanOf();
    await canvas.focus();
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await expect.poll(spanOf).toBeLessThan(spanBefore / 3);
    await expect.poll(async () => Number(await canvas.getAttribute('data-width'))).toBeLessThan(before);
    await page.keyboard.press('0'); // back to everything
    await expect.poll(spanOf).toBe(spanBefore);
  });

  it('opens a bar: its events and the host panel with the verdict explanation', async () => {
    const { page } = app;
    const canvas = page.getByTestId('timeline-canvas');
    // Zoom to the Netgear morning (10 March 08:00-10:00 UTC) with a brush, then click the edge lane.
    await page.getByTestId('timeline-bucket-list-toggle').click();
    const firstEdge = page
      .getByTestId('timeline-bucket-list')
      .getByRole('button', { name: /Akamai edge/ })
      .first();
    await firstEdge.click();
    const events = page.getByTestId('timeline-event');
    await expect.poll(() => events.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('timeline-events-summary').textContent()).toContain('Lane: Akamai edge');
    expect(await events.first().textContent()).toMatch(/TCP .*:443 →/);
    // The host panel opened by itself for the address behind most of the bar.
    const explanation = page.getByTestId('verdict-explanation');
    await explanation.waitFor({ timeout: 10_000 });
    expect(await explanation.textContent()).toMatch(/Akamai.{80,}/);
    await page.getByTestId('host-panel').getByTestId('create-report').waitFor();
    // A report can also start from the selected bar: that address, that period only. Akamai edge replies are
    // harmless, so the dialog says so first.
    await page.getByTestId('host-panel-close').click();
    await page.getByTestId('timeline-events').getByTestId('create-report').click();
    await page.getByTestId('report-dialog').waitFor();
    expect(await page.getByTestId('report-warning').textContent()).toMatch(
      /A report will probably not help.*not an attack/s,
    );
    await page.getByTestId('report-close').click();
    await page.getByTestId('timeline-explain-host').click(); // the host panel again, for the picture
    await explanation.waitFor({ timeout: 10_000 });
    await page.getByTestId('timeline-bucket-list-toggle').click(); // fold the list again for the picture
    await app.screenshot('timeline-en');
    // And by mouse: a click on a NetSession bar of the chart picks that bar.
    await page.keyboard.press('Escape');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no canvas');
    const lanes = 6;
    const laneH = (box.height - 22) / lanes;
    const bars = await page.evaluate(() => document.querySelectorAll('[data-testid="timeline-event"]').length);
    expect(bars).toBeGreaterThan(0);
    // The NetSession lane (second) has its bars at the right end of the full view.
    await page.mouse.click(box.x + box.width - 18, box.y + 22 + laneH * 1.5);
    await expect
      .poll(async () => (await page.getByTestId('timeline-events-summary').textContent()) ?? '')
      .toContain('Lane: Akamai NetSession');
  });

  it('reads the explanation in Japanese', async () => {
    const { page } = app;
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-language').selectOption('ja');
    await page.getByTestId('nav-timeline').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('タイムライン');
    const legend = page.locator('[data-testid="legend-item"][data-lane="akamai-edge"]');
    await expect.poll(async () => (await legend.textContent()) ?? '').toContain('Akamai エッジ');
    const canvas = page.getByTestId('timeline-canvas');
    await canvas.focus();
    await page.keyboard.press('Enter'); // opens the bar under the keyboard cursor
    await page.getByTestId('timeline-events').waitFor();
    await page.getByTestId('timeline-bucket-list-toggle').click();
    await page
      .getByTestId('timeline-bucket-list')
      .getByRole('button', { name: /Akamai エッジ/ })
      .first()
      .click();
    const explanation = page.getByTestId('verdict-explanation');
    await explanation.waitFor({ timeout: 10_000 });
    await expect.poll(async () => (await explanation.textContent()) ?? '').toMatch(/[ぁ-んァ-ン一-龯]{4,}/);
    expect(await page.getByTestId('timeline-events-summary').textContent()).toContain('レーン: Akamai エッジ');
    await page.getByTestId('timeline-bucket-list-toggle').click();
    await app.screenshot('timeline-ja');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-language').selectOption('en');
  });

  it('shows no page errors', () => {
    expect(app.pageErrors).toEqual([]);
  });
});

describe.skipIf(skip !== null)('Timeline over a database imported outside the app, in dark mode', () => {
  let app: LaunchedApp;

  beforeAll(async () => {
    app = await launchApp({
      socketSource: { poll: async () => [] },
      colorScheme: 'dark',
      // As `netwhy import` on the command line would leave it: events, but no host analysis yet.
      seed: async (ctx) => {
        for (const f of ['netgear-ack-akamai.log', 'syn-sweep-200.log']) {
          await importLogFile(ctx.db, scenario(f), { tz: 'UTC', year: 2024 });
        }
      },
    });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('opens on the timeline, has the hosts analysed, and fills the Akamai lanes', async () => {
    const { page } = app;
    await page.getByTestId('timeline-canvas').waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    const lane = (key: string) => page.locator(`[data-testid="legend-item"][data-lane="${key}"]`);
    await expect
      .poll(async () => (await lane('akamai-edge').textContent()) ?? '', { timeout: 20_000 })
      .toMatch(/Akamai edge\s*120/);
    // scanme.nmap.org's sweep: Akamai Connected Cloud (ex-Linode), not the edge.
    await expect.poll(async () => (await lane('akamai-cloud').textContent()) ?? '').toMatch(/Linode\)\s*200$/);
    await page.getByTestId('timeline-analysing').waitFor({ state: 'detached' });
    expect(app.pageErrors).toEqual([]);
  });
});
