import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocketObservation } from '../../main/core/model/socket';
import { importLogFile } from '../../main/services/import';
import { updateSettings } from '../../main/services/settings';
import { browserUnavailableReason, closeBrowser, launchApp, type LaunchedApp } from './harness';
import { NETSESSION_CLOSE_WAIT, NETSESSION_LISTENER } from '../helpers/sockets';

const skip = browserUnavailableReason();
if (skip) console.warn(`[e2e] skipped: ${skip}`);

const scenario = (name: string): string => join(__dirname, '../fixtures/scenarios', name);

// This PC as the scenarios describe it: NetSession listening on UDP 51234 and holding two half-closed
// connections to an Akamai edge, plus a browser connection.
const SOCKETS: SocketObservation[] = [
  NETSESSION_LISTENER,
  NETSESSION_CLOSE_WAIT,
  {
    protocol: 'tcp',
    family: 4,
    localAddress: '192.168.1.20',
    localPort: 51002,
    remoteAddress: '96.7.128.198',
    remotePort: 443,
    state: 'ESTABLISHED',
    pid: 7788,
    processName: 'chrome.exe',
    processPath: null,
  },
];

describe.skipIf(skip !== null)('Hosts screen and verdicts in a real browser', () => {
  let app: LaunchedApp;

  beforeAll(async () => {
    app = await launchApp({
      socketSource: { poll: async () => SOCKETS },
      seed: async (ctx) => {
        // Offline, and the first-run notice about online lookups already answered: the screenshots show the hosts.
        updateSettings(ctx.db, { onlineLookups: false, onlineNoticeSeen: true });
        for (const f of ['syn-sweep-200.log', 'netgear-ack-akamai.log', 'udp-akamai-peers.log']) {
          await importLogFile(ctx.db, scenario(f), { tz: 'UTC', year: 2024 });
        }
      },
    });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  const row = (ip: string) => app.page.locator(`[data-testid="host-row"][data-ip="${ip}"]`);

  it('lists every remote host with owner, attempts and verdict, sortable like the user table', async () => {
    const { page } = app;
    await page.getByTestId('nav-hosts').click();
    await expect.poll(() => page.getByTestId('host-row').count(), { timeout: 20_000 }).toBe(13);
    await expect.poll(() => row('45.33.32.156').getByTestId('verdict-badge').getAttribute('data-verdict')).toBe('scan');
    expect(await row('45.33.32.156').textContent()).toContain('Akamai Connected Cloud');
    expect(await row('23.32.5.10').getByTestId('verdict-badge').textContent()).toBe('CDN reply');
    expect(await page.getByTestId('hosts-summary').textContent()).toMatch(/13 remote hosts from 348 log lines/);
    await page.getByTestId('hosts-sort-ip').click();
    await expect.poll(() => page.getByTestId('host-row').first().getAttribute('data-ip')).toBe('2.16.103.10');
    await page.getByTestId('hosts-sort-events').click();
    await expect.poll(() => page.getByTestId('host-row').first().getAttribute('data-ip')).toBe('45.33.32.156');
    await app.screenshot('hosts');
  });

  it('explains a host in the host panel: a scan, and the NetSession link to this PC', async () => {
    const { page } = app;
    await row('45.33.32.156').locator('td').first().click();
    await expect.poll(() => page.getByTestId('verdict-title').textContent()).toBe('Port scan from 45.33.32.156');
    expect(await page.getByTestId('verdict-explanation').textContent()).toContain('200 different ports');
    expect(await page.getByTestId('verdict-advice').textContent()).toMatch(/report/);
    await row('95.100.97.18').locator('td').first().click();
    await expect
      .poll(() => page.getByTestId('link-finding').first().textContent())
      .toBe(
        'netsession_win.exe (PID 4321) on this PC listens on UDP 51234 — the rejected packets were most likely meant for it (routers usually keep UDP port numbers).',
      );
    expect(await page.getByTestId('verdict-title').textContent()).toBe('Peer-to-peer downloads by Akamai NetSession');
    expect(await page.getByTestId('host-panel').getByTestId('host-owner').textContent()).toContain('Akamai');
    await app.screenshot('hosts-panel');
    await page.getByTestId('host-panel-close').click();
  });

  it('exports the table as CSV', async () => {
    const { page } = app;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('hosts-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^netwhy-hosts-\d{4}-\d\d-\d\d\.csv$/);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFIP,Country,Owner,ASN,AS name,Attempts,First seen (UTC),Last seen (UTC),Verdict,Severity,Explanation',
    );
    expect(text.split('\r\n')).toHaveLength(15);
  });

  it('shows what each live socket is on the Connections screen: a stuck CLOSE_WAIT, a CDN connection', async () => {
    const { page } = app;
    await page.getByTestId('nav-connections').click();
    const stuckRow = page.getByTestId('connection-row').filter({ hasText: '23.215.0.137:443' });
    await expect
      .poll(() => stuckRow.getByTestId('verdict-badge').getAttribute('data-verdict'), { timeout: 15_000 })
      .toBe('stale-local');
    // The address's verdict comes from the router log's late replies ("CDN reply"); the browser's socket open to it
    // now is an ordinary CDN connection, and its row says so rather than claiming the log's verdict for it.
    const chromeRow = page.getByTestId('connection-row').filter({ hasText: '96.7.128.198:443' });
    await expect.poll(() => chromeRow.getByTestId('verdict-badge').getAttribute('data-verdict')).toBe('cdn-connection');
    expect(await chromeRow.getByTestId('verdict-badge').textContent()).toBe('CDN connection');
    expect(await chromeRow.getByTestId('address-verdict').count()).toBe(0);
  });

  it('speaks Japanese when the app does', async () => {
    const { page } = app;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-language').selectOption('ja');
    await page.getByTestId('nav-hosts').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('通信相手の一覧');
    await row('45.33.32.156').locator('td').first().click();
    await expect.poll(() => page.getByTestId('verdict-title').textContent()).toBe('45.33.32.156 からのポートスキャン');
    expect(await page.getByTestId('verdict-explanation').textContent()).toContain('ポートスキャンの典型');
    expect(await row('23.32.5.10').getByTestId('verdict-badge').textContent()).toBe('CDN の応答');
    await app.screenshot('hosts-ja');
    await page.getByTestId('host-panel-close').click();
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-language').selectOption('en');
  });

  it('shows no page errors', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
