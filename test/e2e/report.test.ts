import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadlessDesktop } from '../../main/adapters/desktop/headless';
import { importLogFile } from '../../main/services/import';
import { browserUnavailableReason, closeBrowser, launchApp, type LaunchedApp } from './harness';

const skip = browserUnavailableReason();
if (skip) console.warn(`[e2e] skipped: ${skip}`);

const FIXTURES = join(__dirname, '../fixtures/report');

describe.skipIf(skip !== null)('Abuse report in a real browser', () => {
  let app: LaunchedApp;

  beforeAll(async () => {
    app = await launchApp({
      viewport: { width: 1400, height: 900 },
      seed: async (ctx) => {
        await importLogFile(ctx.db, join(FIXTURES, 'ufw-scan.log'), { tz: 'Asia/Tokyo', year: 2026 });
        await importLogFile(ctx.db, join(FIXTURES, 'ufw-akamai-reply.log'), { tz: 'Asia/Tokyo', year: 2026 });
      },
    });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('creates a report in one click from the host panel and shows the preview', async () => {
    const { page } = app;
    await page.getByTestId('nav-hosts').click();
    await page.getByTestId('host-row').filter({ hasText: '45.155.205.10' }).first().click();
    await page.getByTestId('create-report').click();

    const preview = page.getByTestId('report-preview');
    await preview.waitFor();
    const text = (await preview.textContent()) ?? '';
    expect(text).toMatch(
      /2026-11-21T09:14:03\+09:00\s+Asia\/Tokyo\s+TCP\s+45\.155\.205\.10\s+51638\s+198\.51\.100\.7\s+22\s+SYN/,
    );
    expect(text).not.toContain('kaito-pc');
    expect(await page.getByTestId('report-redact-note').textContent()).toContain('198.51.100.7');
    expect(await page.getByTestId('report-warning').count()).toBe(0);
    await page.getByTestId('report-recipient').fill('abuse@hosting.example');
    await page.getByTestId('report-summary').click();
    await app.screenshot('report-preview');

    // Saving writes the real file (the harness's desktop saves into <dataDir>/exports).
    await page.getByTestId('report-tab-eml').click();
    await page.getByTestId('report-save').click();
    await expect.poll(async () => (await page.getByTestId('report-status').textContent()) ?? '').toMatch(/Saved to /);
    const desktop = app.ctx.desktop as HeadlessDesktop;
    const eml = join(desktop.dir, 'netwhy-report-45.155.205.10-2026-11-21.eml');
    expect(existsSync(eml)).toBe(true);
    const mail = await PostalMime.parse(readFileSync(eml));
    expect(mail.to?.[0]?.address).toBe('abuse@hosting.example');
    expect(mail.attachments[0]?.filename).toBe('netwhy-report-45.155.205.10-2026-11-21.csv');

    await page.getByTestId('report-copy').click();
    await expect.poll(() => desktop.clipboard).toContain('45.155.205.10');
    expect(app.pageErrors).toEqual([]);
  });

  it('warns first about harmless Akamai replies, then lets the user go on', async () => {
    const { page } = app;
    await page.getByTestId('report-close').click();
    await page.getByTestId('host-row').filter({ hasText: '23.205.116.42' }).first().click();
    await expect.poll(() => page.getByTestId('host-ip').textContent()).toContain('23.205.116.42');
    await page.getByTestId('create-report').click();
    const warning = page.getByTestId('report-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/late replies from a CDN server/);
    expect(await page.getByTestId('report-preview').count()).toBe(0);
    await page.getByTestId('report-continue').click();
    await page.getByTestId('report-preview').waitFor();
    expect(await page.getByTestId('report-recipient').inputValue()).toBe('abuse@akamai.com');
    expect(await page.getByTestId('report-preview').textContent()).not.toContain('192.168.1.130');
    await page.getByTestId('report-redact').uncheck();
    await expect
      .poll(async () => (await page.getByTestId('report-preview').textContent()) ?? '')
      .toContain('192.168.1.130');
    await page.getByTestId('report-close').click();
    await page.getByTestId('host-panel-close').click();
  });

  it('lists created reports and reopens one', async () => {
    const { page } = app;
    await page.getByTestId('nav-reports').click();
    await expect.poll(() => page.getByTestId('report-row').count()).toBe(2);
    const row = page.getByTestId('report-row').filter({ hasText: '45.155.205.10' });
    expect(await row.textContent()).toContain('abuse@hosting.example');
    await row.getByTestId('report-open').click();
    expect(await page.getByTestId('report-preview').textContent()).toContain('198.51.100.7');
    expect(app.pageErrors).toEqual([]);
  });
});
