import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadlessDesktop } from '../../main/adapters/desktop/headless';
import { importLogFile } from '../../main/services/import';
import type { AppContext } from '../../main/app-context';
import { browserUnavailableReason, closeBrowser, launchApp, type LaunchedApp } from './harness';

const skip = browserUnavailableReason();
if (skip) console.warn(`[e2e] skipped: ${skip}`);

const FIXTURES = join(__dirname, '../fixtures/report');
const SCANNER = '45.155.205.10';
const AKAMAI = '23.205.116.42';

async function seed(ctx: AppContext): Promise<void> {
  await importLogFile(ctx.db, join(FIXTURES, 'ufw-scan.log'), { tz: 'Asia/Tokyo', year: 2026 });
  await importLogFile(ctx.db, join(FIXTURES, 'ufw-akamai-reply.log'), { tz: 'Asia/Tokyo', year: 2026 });
}

/** The data-testid of the focused element, or its tag; '(outside)' when focus is not inside the report dialog. */
const focused = (app: LaunchedApp): Promise<string> =>
  app.page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return '(none)';
    const inDialog = el.closest('[data-testid="report-dialog"]') !== null;
    return `${inDialog ? '' : '(outside) '}${el.getAttribute('data-testid') ?? el.tagName.toLowerCase()}`;
  });

describe.skipIf(skip !== null)('Report dialog in a real browser: what is kept, keyboard, errors', () => {
  let app: LaunchedApp;

  beforeAll(async () => {
    app = await launchApp({ viewport: { width: 1400, height: 900 }, seed });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  const openHost = async (ip: string): Promise<void> => {
    const { page } = app;
    await page.getByTestId('nav-hosts').click();
    await page.getByTestId('host-row').filter({ hasText: ip }).first().click();
    await expect.poll(() => page.getByTestId('host-ip').textContent()).toContain(ip);
  };

  it('cancelling at the harmless-verdict warning keeps nothing, and the keyboard stays in the dialog', async () => {
    const { page } = app;
    await openHost(AKAMAI);
    await page.getByTestId('create-report').click();
    await page.getByTestId('report-warning').waitFor();

    // Focus starts on the safe choice, which is the primary-looking button; going on is the secondary one.
    expect(await focused(app)).toBe('report-cancel');
    expect(await page.getByTestId('report-cancel').getAttribute('class')).toContain('button-primary');
    expect(await page.getByTestId('report-continue').getAttribute('class')).not.toContain('button-primary');

    // Tab and Shift+Tab go round the dialog's controls and never to the page behind it.
    const seen = new Set<string>();
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      seen.add(await focused(app));
    }
    await page.keyboard.press('Shift+Tab');
    seen.add(await focused(app));
    expect([...seen].sort()).toEqual(['report-cancel', 'report-close', 'report-continue']);

    // The backdrop covers the host panel beside the dialog too.
    const panel = await page.locator('.host-panel').boundingBox();
    const dialog = await page.getByTestId('report-dialog').boundingBox();
    expect(panel && dialog).toBeTruthy();
    const x = Math.max(panel!.x + panel!.width - 4, dialog!.x + dialog!.width + 4);
    const top = await page.evaluate(
      ([px, py]) => document.elementFromPoint(px ?? 0, py ?? 0)?.getAttribute('data-testid') ?? null,
      [x, panel!.y + panel!.height / 2],
    );
    expect(top).toBe('report-backdrop');

    // Esc closes the dialog only: the host panel stays and focus is back on the button that opened it.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('report-dialog').count()).toBe(0);
    expect(await page.getByTestId('host-ip').textContent()).toContain(AKAMAI);
    expect(await focused(app)).toBe('(outside) create-report');

    // Cancel does the same.
    await page.getByTestId('create-report').click();
    await page.getByTestId('report-cancel').click();
    await expect.poll(() => page.getByTestId('report-dialog').count()).toBe(0);
    expect(await focused(app)).toBe('(outside) create-report');

    // Continuing and closing untouched keeps nothing either.
    await page.getByTestId('create-report').click();
    await page.getByTestId('report-continue').click();
    expect(await focused(app)).toBe('report-recipient');
    await page.getByTestId('report-close').click();
    expect(app.ctx.reports.list()).toEqual([]);

    await page.getByTestId('nav-reports').click();
    await page.getByTestId('reports-empty').waitFor();
    expect(app.pageErrors).toEqual([]);
  });

  it('refuses a recipient that is not an e-mail address before opening the mail program', async () => {
    const { page } = app;
    const desktop = app.ctx.desktop as HeadlessDesktop;
    await openHost(SCANNER);
    await page.getByTestId('create-report').click();
    await page.getByTestId('report-preview').waitFor();
    await page.getByTestId('report-recipient').fill('not-an-email');
    await page.getByTestId('report-mail').click();
    const error = page.locator('#report-recipient-error');
    await error.waitFor();
    expect(await error.textContent()).toBe(
      '“not-an-email” is not an e-mail address. Enter one like abuse@example.net.',
    );
    expect(await page.getByTestId('report-recipient').getAttribute('aria-invalid')).toBe('true');
    expect(desktop.opened).toEqual([]);
    // Nothing left the app, so nothing was kept.
    expect(app.ctx.reports.list()).toEqual([]);

    await page.getByTestId('report-recipient').fill('abuse@hosting.example');
    await page.getByTestId('report-mail').click();
    await expect.poll(() => desktop.opened.length).toBe(1);
    // Too long for a mailto: link, so the .eml draft was saved and opened.
    expect(readFileSync(desktop.opened[0] ?? '', 'utf8')).toMatch(/^To: abuse@hosting\.example$/m);
    expect(await error.count()).toBe(0);
    expect(app.ctx.reports.list()).toEqual([
      expect.objectContaining({ host: SCANNER, recipient: 'abuse@hosting.example' }),
    ]);
    await page.getByTestId('report-close').click();
    await page.getByTestId('host-panel-close').click();
  });

  it('names the verdicts in the Reports list as the rest of the app does', async () => {
    const { page } = app;
    // A harmless report the user went on with and copied is kept too.
    await openHost(AKAMAI);
    await page.getByTestId('create-report').click();
    await page.getByTestId('report-continue').click();
    await page.getByTestId('report-copy').click();
    await expect.poll(() => page.getByTestId('report-status').textContent()).toBe('Copied to the clipboard.');
    await page.getByTestId('report-close').click();
    await page.getByTestId('host-panel-close').click();

    await page.getByTestId('nav-reports').click();
    await expect.poll(() => page.getByTestId('report-row').count()).toBe(2);
    const verdicts = await page.getByTestId('report-verdict').allTextContents();
    // The five SYNs of ufw-scan.log are judged a probe (not yet a scan); the replies a CDN reply.
    expect(verdicts.sort()).toEqual(['CDN reply', 'Probe']);

    // Reopened from the list, Esc gives focus back to that row's Open button.
    await page.getByTestId('report-open').first().click();
    await page.getByTestId('report-preview').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('report-dialog').count()).toBe(0);
    expect(await focused(app)).toBe('(outside) report-open');
  });

  it('keeps a report when its file is saved, not when the Save dialog is cancelled', async () => {
    const { page } = app;
    const desktop = app.ctx.desktop as HeadlessDesktop;
    const before = app.ctx.reports.list().length;
    const choose = desktop.chooseSavePath;
    desktop.chooseSavePath = () => Promise.resolve(null);
    try {
      await openHost(SCANNER);
      await page.getByTestId('create-report').click();
      await page.getByTestId('report-save').click();
      await expect.poll(() => page.getByTestId('report-status').textContent()).toBe('Not saved.');
      // Nothing left the app: the Reports list does not gain a report the user never sent anywhere.
      expect(app.ctx.reports.list()).toHaveLength(before);
    } finally {
      desktop.chooseSavePath = choose;
    }
    await page.getByTestId('report-save').click();
    await expect.poll(() => page.getByTestId('report-status').textContent()).toMatch(/^Saved to .*\.txt$/);
    expect(app.ctx.reports.list()).toHaveLength(before + 1);
    expect(await page.getByTestId('problem-note').count()).toBe(0);
    await page.getByTestId('report-close').click();
    await page.getByTestId('host-panel-close').click();
  });

  it('says a report left open while 16 newer ones were prepared must be created again', async () => {
    const { page } = app;
    const before = app.ctx.reports.list().length;
    await openHost(SCANNER);
    await page.getByTestId('create-report').click();
    await page.getByTestId('report-preview').waitFor();
    // Another window's worth of reports prepared and never kept: main forgets the oldest draft, this one.
    for (let i = 0; i < 16; i++) await app.ctx.reports.create({ kind: 'host', host: SCANNER });
    await page.getByTestId('report-recipient').fill('abuse@hosting.example');
    await page.getByTestId('report-summary').click();
    const problem = page.getByTestId('problem-note');
    await problem.waitFor();
    expect(await problem.locator('span').first().textContent()).toBe(
      'NetWhy no longer holds this report: it was not kept, and many newer reports have been prepared since. ' +
        'Close it and create the report again.',
    );
    await page.getByTestId('report-copy').click();
    await expect.poll(() => problem.locator('span').first().textContent()).toContain('no longer holds this report');
    expect(app.ctx.reports.list()).toHaveLength(before);
    await page.getByTestId('report-close').click();
    await page.getByTestId('host-panel-close').click();
  });

  it('says plainly when a report cannot be prepared, keeps the technical message aside, and retries', async () => {
    const { page } = app;
    const create = app.handlers['reports.create'];
    app.handlers['reports.create'] = () => Promise.reject(new Error('SQLITE_BUSY: database is locked'));
    try {
      await openHost(SCANNER);
      await page.getByTestId('create-report').click();
      const problem = page.getByTestId('report-problem');
      await problem.waitFor();
      expect(await problem.locator('span').first().textContent()).toBe(
        'Could not prepare the report. Nothing was saved; try again in a moment.',
      );
      expect(await problem.locator('details').getAttribute('open')).toBeNull();
      expect(await problem.locator('details code').textContent()).toContain('SQLITE_BUSY');
    } finally {
      app.handlers['reports.create'] = create;
    }
    await page.getByTestId('problem-retry').click();
    await page.getByTestId('report-preview').waitFor();
    expect(await page.getByTestId('report-problem').count()).toBe(0);
    await page.getByTestId('report-close').click();
    await page.getByTestId('host-panel-close').click();
  });

  it('shows a retry instead of "Loading…" for good when the verdict cannot be read', async () => {
    const { page } = app;
    const detail = app.handlers['hosts.detail'];
    app.handlers['hosts.detail'] = () => Promise.reject(new Error('SQLITE_BUSY: database is locked'));
    try {
      await openHost(SCANNER);
      const problem = page.getByTestId('verdict-problem');
      await problem.waitFor();
      expect(await problem.locator('span').first().textContent()).toBe(
        'NetWhy could not read its verdict for this address.',
      );
    } finally {
      app.handlers['hosts.detail'] = detail;
    }
    await page.getByTestId('verdict-problem').getByTestId('problem-retry').click();
    await page.getByTestId('verdict-title').waitFor();
    expect(await page.getByTestId('verdict-problem').count()).toBe(0);
    await page.getByTestId('host-panel-close').click();
  });
});

describe.skipIf(skip !== null)('Report dialog and Reports list in Japanese', () => {
  let app: LaunchedApp;

  beforeAll(async () => {
    app = await launchApp({
      systemLanguage: 'ja-JP',
      viewport: { width: 1400, height: 900 },
      seed: async (ctx) => {
        await seed(ctx);
        ctx.reports.keep((await ctx.reports.create({ kind: 'host', host: SCANNER })).id);
      },
    });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('names the verdict in Japanese and says a bad recipient and a failure in Japanese', async () => {
    const { page } = app;
    await page.getByTestId('nav-reports').click();
    await expect.poll(() => page.getByTestId('report-verdict').allTextContents()).toEqual(['接続の試み']);
    await page.getByTestId('report-open').click();
    await page.getByTestId('report-recipient').fill('not-an-email');
    await page.getByTestId('report-mail').click();
    expect(await page.locator('#report-recipient-error').textContent()).toBe(
      '「not-an-email」はメールアドレスではありません。abuse@example.net のような形で入力してください。',
    );
    expect(await page.getByTestId('report-redact-note').textContent()).toContain(
      '伏せた項目: LAN アドレス 0 件、MAC アドレス 2 件、ホスト名 1 件。',
    );
    await page.keyboard.press('Escape');

    const create = app.handlers['reports.create'];
    app.handlers['reports.create'] = () => Promise.reject(new Error('SQLITE_BUSY: database is locked'));
    try {
      await page.getByTestId('nav-hosts').click();
      await page.getByTestId('host-row').filter({ hasText: SCANNER }).first().click();
      await page.getByTestId('create-report').click();
      expect(await page.getByTestId('report-problem').locator('span').first().textContent()).toBe(
        '報告を準備できませんでした。何も保存されていません。少し待ってからもう一度お試しください。',
      );
      expect(await page.getByTestId('problem-retry').textContent()).toBe('再試行');
    } finally {
      app.handlers['reports.create'] = create;
    }

    // A draft main has forgotten (16 newer prepared since) says so in Japanese too.
    await page.getByTestId('problem-retry').click();
    await page.getByTestId('report-preview').waitFor();
    for (let i = 0; i < 16; i++) await app.ctx.reports.create({ kind: 'host', host: SCANNER });
    await page.getByTestId('report-copy').click();
    expect(await page.getByTestId('problem-note').locator('span').first().textContent()).toBe(
      'この報告は保存されないまま、その後に多くの報告が準備されたため、NetWhy はもう保持していません。' +
        '閉じてから、もう一度報告を作成してください。',
    );
    expect(app.pageErrors).toEqual([]);
  });
});
