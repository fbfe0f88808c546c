import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importLogFile } from '../../main/services/import';
import type { NetwhyApi } from '../../preload/contract';
import { browserUnavailableReason, closeBrowser, launchApp, type LaunchedApp } from './harness';

// What a reviewer found driving the real app: each test follows their steps.
const skip = browserUnavailableReason();
if (skip) console.warn(`[e2e] skipped: ${skip}`);

const fixture = (dir: string, name: string): string => join(__dirname, '../fixtures', dir, name);

describe.skipIf(skip !== null)('Timeline opened after an import made on another screen', () => {
  let app: LaunchedApp;

  beforeAll(async () => {
    app = await launchApp({ socketSource: { poll: async () => [] } });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('shows the imported events, not "Nothing on the timeline yet"', async () => {
    const { page } = app;
    // Empty database: the app opens on Connections with the start-up answer "nothing on the timeline".
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Connections');
    for (const file of ['ufw-scan.log', 'ufw-akamai-reply.log']) {
      await page.evaluate(
        (path) =>
          (window as unknown as { netwhy: NetwhyApi }).netwhy.imports.start({ path, tz: 'Asia/Tokyo', year: 2026 }),
        fixture('report', file),
      );
    }
    await page.getByTestId('nav-hosts').click();
    await expect
      .poll(async () => (await page.getByTestId('hosts-summary').textContent()) ?? '', { timeout: 20_000 })
      .toMatch(/^2 remote hosts/);
    // Let the import's 'timeline.live' arrive while the Timeline is not on screen (it is pushed within ~1 s).
    await page.waitForTimeout(1_500);
    await page.getByTestId('nav-timeline').click();
    const canvas = page.getByTestId('timeline-canvas');
    await canvas.waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('timeline-empty').count()).toBe(0);
    await expect
      .poll(async () => (await page.getByTestId('timeline-summary').textContent()) ?? '')
      .toMatch(/· [1-9]\d* events?\. Busiest lane/);
    expect(app.pageErrors).toEqual([]);
  });
});

describe.skipIf(skip !== null)('Timeline over data spanning two years, at 1024×700', () => {
  let app: LaunchedApp;

  beforeAll(async () => {
    app = await launchApp({
      socketSource: { poll: async () => [] },
      viewport: { width: 1024, height: 700 },
      // A Netgear log from March 2024 and a sweep from March 2026: more than the 400 days one window shows.
      seed: async (ctx) => {
        await importLogFile(ctx.db, fixture('scenarios', 'netgear-ack-akamai.log'), { tz: 'UTC', year: 2024 });
        await importLogFile(ctx.db, fixture('scenarios', 'syn-sweep-200.log'), { tz: 'UTC', year: 2026 });
      },
    });
    await app.page.getByTestId('timeline-canvas').waitFor({ timeout: 20_000 });
    await app.page.getByTestId('timeline-analysing').waitFor({ state: 'detached', timeout: 20_000 });
  });

  afterEach(async () => {
    await app.page.keyboard.press('Escape');
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  const summary = async (): Promise<string> => (await app.page.getByTestId('timeline-summary').textContent()) ?? '';

  it('"Show everything" shows a window with data and says earlier data lies outside it', async () => {
    const { page } = app;
    await page.getByTestId('timeline-fit').click();
    await expect.poll(summary).toMatch(/· 200 events\. Busiest lane: Akamai Cloud/);
    expect(await summary()).not.toContain('Nothing in this window');
    const note = page.getByTestId('timeline-outside');
    // Dates as every other screen writes them, the month named after the day (not US order, "Mar 10, 2024").
    expect(await note.textContent()).toMatch(/from 10 Mar 2024 to 12 Mar 2026,.*earlier events outside this window/);
    // Zoomed in, the note has nothing to add.
    await page.getByTestId('timeline-zoom-in').click();
    await note.waitFor({ state: 'detached' });
  });

  it('starts the keyboard cursor on a bar with events (↓ ↓ ↑ Enter), and [ ] skip empty bars', async () => {
    const { page } = app;
    await page.getByTestId('timeline-fit').click();
    const canvas = page.getByTestId('timeline-canvas');
    await canvas.focus();
    for (const k of ['ArrowDown', 'ArrowDown', 'ArrowUp', 'Enter']) await page.keyboard.press(k);
    const events = page.getByTestId('timeline-event');
    await expect.poll(() => events.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('timeline-events-summary').textContent()).not.toMatch(/· 0 events/);
    // ] and [ go to the next / previous bar with events in the lane, or stay when there is none: never onto an
    // empty bar (they stepped one bar at a time, and the sweep's lane is one bar among ~200 empty ones).
    await page.keyboard.press('Escape');
    await canvas.focus();
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press(i % 2 ? '[' : ']');
      await page.keyboard.press('Enter');
      await expect
        .poll(async () => (await page.getByTestId('timeline-events-summary').textContent()) ?? '')
        .toMatch(/· [1-9]\d* events?/);
    }
  });

  it('shows an empty bar without empty column headings', async () => {
    const { page } = app;
    await page.getByTestId('timeline-fit').click();
    const box = await page.getByTestId('timeline-canvas').boundingBox();
    if (!box) throw new Error('no canvas');
    // Far left of the first lane, a year before the sweep: nothing there.
    await page.mouse.click(box.x + 200, box.y + 40);
    await page.getByTestId('timeline-events-empty').waitFor();
    expect(await page.getByTestId('timeline-events-head').count()).toBe(0);
  });

  it('says a port filter of -5 or 99999 is not applied, and marks the field', async () => {
    const { page } = app;
    const port = page.getByTestId('timeline-filter-port');
    for (const bad of ['-5', '99999']) {
      await port.fill(bad);
      await port.press('Enter');
      const error = page.getByTestId('timeline-port-error');
      expect(await error.textContent()).toContain(`“${bad}” is not a port`);
      expect(await port.getAttribute('aria-invalid')).toBe('true');
    }
    await port.fill('21');
    await port.press('Enter');
    await page.getByTestId('timeline-port-error').waitFor({ state: 'detached' });
    expect(await port.getAttribute('aria-invalid')).toBe('false');
    await page.getByTestId('timeline-filter-clear').click();
  });

  it('in Japanese: names actions in Japanese, keeps the search placeholder whole, and shows the note', async () => {
    const { page } = app;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-language').selectOption('ja');
    await page.getByTestId('nav-timeline').click();
    await page.getByTestId('timeline-canvas').waitFor();
    const actions = await page.getByTestId('timeline-filter-action').locator('option').allTextContents();
    expect(actions).toContain('破棄');
    expect(actions.join(' ')).not.toMatch(/drop|deny/);
    await page.getByTestId('timeline-fit').click();
    const note = await page.getByTestId('timeline-outside').textContent();
    expect(note).toContain('この範囲より前にもイベントがあります');
    // 2024/3/10 as the other screens write it, not 2024年3月10日.
    expect(note).toContain('データの期間は 2024/3/10 – 2026/3/12 で');
    // The sweep's bar: its rows say 破棄, not "drop".
    await page.getByTestId('timeline-canvas').focus();
    await page.keyboard.press('Enter');
    const row = page.getByTestId('timeline-event').first();
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain('破棄');
    expect(await row.textContent()).not.toContain('drop');
    // The placeholder fits its field (it was cut to "アドレス、プログラム、ログの文").
    const fits = await page.getByTestId('timeline-filter-text').evaluate((el) => {
      const input = el as HTMLInputElement;
      const style = getComputedStyle(input);
      const ctx = document.createElement('canvas').getContext('2d');
      if (!ctx) return false;
      ctx.font = `${style.fontSize} ${style.fontFamily}`;
      const inner = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return ctx.measureText(input.placeholder).width <= inner;
    });
    expect(fits).toBe(true);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-language').selectOption('en');
    expect(app.pageErrors).toEqual([]);
  });
});
