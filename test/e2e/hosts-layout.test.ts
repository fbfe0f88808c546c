import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocketObservation } from '../../main/core/model/socket';
import { importLogFile } from '../../main/services/import';
import { browserUnavailableReason, closeBrowser, launchApp, type LaunchedApp } from './harness';

const skip = browserUnavailableReason();
if (skip) console.warn(`[e2e] skipped: ${skip}`);

const scenario = (name: string): string => join(__dirname, '../fixtures/scenarios', name);

// An Akamai address no imported log mentions: the hosts table knows it only from this open socket.
const LIVE_ONLY = '23.192.228.80';
const SOCKETS: SocketObservation[] = [
  {
    protocol: 'tcp',
    family: 4,
    localAddress: '192.168.1.20',
    localPort: 51010,
    remoteAddress: LIVE_ONLY,
    remotePort: 443,
    state: 'ESTABLISHED',
    pid: 7788,
    processName: 'chrome.exe',
    processPath: null,
  },
];

/** Where an element is, and whether its content is cut off (wider than its box). */
async function box(app: LaunchedApp, selector: string): Promise<{ left: number; right: number; clipped: boolean }> {
  return app.page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, clipped: el.scrollWidth > el.clientWidth + 1 };
    });
}

describe.skipIf(skip !== null)('Hosts screen in a 1024×700 window', () => {
  let app: LaunchedApp;

  beforeAll(async () => {
    app = await launchApp({
      viewport: { width: 1024, height: 700 },
      socketSource: { poll: async () => SOCKETS },
      seed: async (ctx) => {
        for (const f of ['syn-sweep-200.log', 'netgear-ack-akamai.log', 'udp-akamai-peers.log']) {
          await importLogFile(ctx.db, scenario(f), { tz: 'UTC', year: 2024 });
        }
      },
    });
    await app.page.getByTestId('nav-hosts').click();
    await app.page.locator(`[data-testid="host-row"][data-ip="${LIVE_ONLY}"]`).waitFor({ timeout: 20_000 });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  const row = (ip: string) => app.page.locator(`[data-testid="host-row"][data-ip="${ip}"]`);

  it('fits the table: no column cut off, owners written out in full, dates naming the month', async () => {
    const wrap = await box(app, '.hosts-layout > .table-wrap');
    expect(wrap.clipped).toBe(false);
    const lastSeen = await box(app, `[data-testid="host-row"][data-ip="45.33.32.156"] [data-testid="host-last-seen"]`);
    expect(lastSeen.right).toBeLessThanOrEqual(wrap.right);
    expect(await row('45.33.32.156').getByTestId('host-last-seen').textContent()).toMatch(
      /^\d{1,2} Mar 2024 \d{2}:\d{2}:\d{2}$/,
    );
    const owner = await box(app, `[data-testid="host-row"][data-ip="45.33.32.156"] .owner-cell`);
    expect(owner.clipped).toBe(false);
    expect(await row('45.33.32.156').locator('.owner-cell').textContent()).toContain('Akamai Connected Cloud (Linode)');
    // Countries by name in the UI language, the code in the tooltip.
    const country = row('126.66.20.9').locator('.country-cell');
    expect(await country.textContent()).toBe('Japan');
    expect(await country.getAttribute('title')).toBe('JP');
    await app.screenshot('hosts-1024');
  });

  it('says a host known only from an open connection is open now, not "0" attempts and no last time', async () => {
    const r = row(LIVE_ONLY);
    expect(await r.getByTestId('host-live').textContent()).toBe('Open now');
    expect(await r.locator('td.num').textContent()).not.toContain('0');
    const list = await app.handlers['hosts.list']({ sort: 'ip', dir: 'asc', limit: 10, offset: 0, search: LIVE_ONLY });
    expect(list.hosts[0]).toMatchObject({ events: 0, lastSeen: null });
    expect(await r.getByTestId('host-last-seen').textContent()).not.toBe('—');
    expect(await r.getByTestId('host-last-seen').textContent()).toMatch(/\d{4} \d{2}:\d{2}:\d{2}$/);
  });

  it('opens the host panel beside the table, not over half of it', async () => {
    const { page } = app;
    await row('126.66.20.9').locator('td').first().click();
    const panel = await box(app, '[data-testid="host-panel"]');
    expect(panel.right - panel.left).toBeLessThanOrEqual(1024 * 0.4);
    const verdict = await box(app, `[data-testid="host-row"][data-ip="126.66.20.9"] [data-testid="verdict-badge"]`);
    expect(verdict.right).toBeLessThanOrEqual(panel.left);
    expect((await box(app, '.hosts-layout > .table-wrap')).clipped).toBe(false);
    await expect.poll(() => page.getByTestId('host-owner').textContent()).toBe('SoftBank Corp.');
    await app.screenshot('hosts-1024-panel');
  });

  it('names the owner from the offline AS data, saying so and keeping the confidence low', async () => {
    const { page } = app;
    // The AS line names SoftBank: the owner line does too, instead of "Unknown owner".
    expect(await page.getByTestId('host-asn').textContent()).toBe('AS17676 SoftBank Corp.');
    expect(await page.getByTestId('host-owner-source').textContent()).toBe('name from the network (AS) data');
    expect(await page.getByTestId('host-confidence').textContent()).toBe('Confidence: low');
    expect(await page.getByTestId('host-country').textContent()).toBe('Japan');
    expect(await page.getByTestId('host-country').getAttribute('title')).toBe('JP');
    // Owner evidence and verdict evidence have headings of their own.
    const headings = await page.getByTestId('host-panel').locator('h3').allTextContents();
    expect(headings).toContain('How NetWhy knows who runs it');
    expect(headings).toContain('Why this verdict');
    expect(headings.filter((h) => h === 'Evidence')).toEqual([]);

    await page.evaluate(() => window.netwhy.settings.update({ language: 'ja' }));
    await expect
      .poll(() => page.getByTestId('host-owner-source').textContent())
      .toBe('ネットワーク（AS）データ上の名前');
    expect(await page.getByTestId('host-owner').textContent()).toBe('SoftBank Corp.');
    expect(await page.getByTestId('host-country').textContent()).toBe('日本');
    expect(await row(LIVE_ONLY).getByTestId('host-live').count()).toBe(0); // compact beside the panel
    await page.getByTestId('host-panel-close').click();
    expect(await row(LIVE_ONLY).getByTestId('host-live').textContent()).toBe('接続中');
    expect(await row('126.66.20.9').locator('.country-cell').textContent()).toBe('日本');
    await page.evaluate(() => window.netwhy.settings.update({ language: 'en' }));
  });

  it('gives the select lists and text fields the dark theme’s colours in dark mode', async () => {
    const { page } = app;
    await page.evaluate(() => window.netwhy.settings.update({ theme: 'dark' }));
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    const colours = await page.getByTestId('hosts-verdict-filter').evaluate((el) => {
      const s = getComputedStyle(el);
      const panel = getComputedStyle(document.documentElement).getPropertyValue('--panel').trim();
      return { background: s.backgroundColor, colorScheme: s.colorScheme, panel };
    });
    expect(colours.colorScheme).toBe('dark');
    expect(colours.panel).toBe('#1b1f26');
    expect(colours.background).toBe('rgb(27, 31, 38)');
    // The Timeline's filter lists and text fields too (Chromium paints unstyled ones grey).
    await page.getByTestId('nav-timeline').click();
    for (const id of ['timeline-filter-verdict', 'timeline-filter-port', 'timeline-filter-text'])
      expect(await page.getByTestId(id).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(27, 31, 38)');
    await page.getByTestId('nav-hosts').click();
    await page.evaluate(() => window.netwhy.settings.update({ theme: 'light' }));
  });

  it('shows no page errors', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
