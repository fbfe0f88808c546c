import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, closeBrowser, launchApp, type LaunchedApp } from './harness';

const skip = browserUnavailableReason();
if (skip) console.warn(`[e2e] skipped: ${skip}`);

describe.skipIf(skip !== null)('Connections screen in a real browser', () => {
  let app: LaunchedApp;
  let server: Server;
  let client: Socket;
  let port = 0;

  beforeAll(async () => {
    // A socket this test owns, so we know one row that must appear.
    server = createServer(() => undefined);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as { port: number }).port;
    client = connect(port, '127.0.0.1');
    await new Promise<void>((done) => client.once('connect', () => done()));
    app = await launchApp();
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
    client?.destroy();
    server?.close();
  });

  it('lists this PC’s live sockets grouped by process, including our own loopback connection', async () => {
    const { page } = app;
    await page.getByTestId('connections-table').waitFor();
    const ours = page.getByTestId('connection-row').filter({ hasText: `127.0.0.1:${port}` });
    await expect.poll(() => ours.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.getByTestId('process-name').filter({ hasText: 'node' }).count()).toBeGreaterThan(0);
    await expect
      .poll(async () => (await page.getByTestId('connections-summary').textContent()) ?? '')
      .toMatch(/\d+ open connections? from \d+ programs?/);
    // English counts take their number's form: never "1 programs" or "1 open connections".
    expect(await page.getByTestId('connections-summary').textContent()).not.toMatch(
      /\b1 (programs|open connections)\b/,
    );
    await app.screenshot('connections-en');
  });

  it('unfolds when a connection entered its state', async () => {
    const { page } = app;
    const row = page
      .getByTestId('connection-row')
      .filter({ hasText: `127.0.0.1:${port}` })
      .filter({ hasText: 'ESTABLISHED' })
      .first();
    await row.getByTestId('state-button').click();
    await expect
      .poll(async () => (await row.getByTestId('state-history').textContent()) ?? '')
      .toMatch(/\d{2}:\d{2}:\d{2} ESTABLISHED/);
    await row.getByTestId('state-button').click();
    expect(await row.getByTestId('state-history').count()).toBe(0);
  });

  it('narrows the list with the filter', async () => {
    const { page } = app;
    const rows = page.getByTestId('connection-row');
    const before = await rows.count();
    await page.getByTestId('connections-filter').fill(String(port));
    await expect.poll(() => rows.count()).toBeLessThan(before);
    const texts = await rows.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(t).toContain(String(port));
    await page.getByTestId('connections-filter').fill('');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(before);
  });

  it('sorts by a column when its header is clicked', async () => {
    const { page } = app;
    await page.getByTestId('sort-remote').click();
    await expect.poll(() => page.locator('th[aria-sort="ascending"]').count()).toBe(1);
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('Remote address');
    await page.getByTestId('sort-remote').click();
    await expect.poll(() => page.locator('th[aria-sort="descending"]').count()).toBe(1);
  });

  it('switches the whole UI to Japanese from Settings, and remembers it', async () => {
    const { page } = app;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-language').selectOption('ja');
    await expect.poll(() => page.getByTestId('nav-connections').textContent()).toContain('接続');
    await page.getByTestId('nav-connections').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('接続');
    await expect
      .poll(async () => (await page.getByTestId('connections-summary').textContent()) ?? '')
      .toMatch(/個のプログラムが \d+ 件の接続を使用中/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await app.screenshot('connections-ja');
    const stored = await app.handlers['settings.get'](undefined);
    expect(stored.language).toBe('ja');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-language').selectOption('en');
  });

  it('shows no page errors', () => {
    expect(app.pageErrors).toEqual([]);
  });
});

describe.skipIf(skip !== null)('Connections and Hosts with nothing to show', () => {
  let app: LaunchedApp;

  beforeAll(async () => {
    app = await launchApp({ socketSource: { poll: async () => [] } });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('says there is nothing open instead of counting "0 open connections from 0 programs"', async () => {
    const { page } = app;
    const summary = page.getByTestId('connections-summary');
    await expect.poll(() => summary.textContent()).toBe('No open connections right now');
    await page.evaluate(() => window.netwhy.settings.update({ language: 'ja' }));
    await expect.poll(() => summary.textContent()).toBe('現在開いている接続はありません');
    await page.evaluate(() => window.netwhy.settings.update({ language: 'en' }));
    expect(app.pageErrors).toEqual([]);
  });

  it('tells a new user the hosts list builds itself, not to press "Analyse again"', async () => {
    const { page } = app;
    await page.getByTestId('nav-hosts').click();
    const empty = page.getByTestId('hosts-empty');
    await expect.poll(() => empty.textContent()).toContain('the list builds itself');
    expect(await empty.textContent()).not.toContain('Analyse again');
  });
});
