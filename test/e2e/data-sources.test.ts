import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetIpDatabaseCache } from '../../main/services/ip-database';
import { startRdapServer, type RdapRoute, type TestRdapServer } from '../helpers/rdap-server';
import { browserUnavailableReason, closeBrowser, launchApp, type LaunchedApp } from './harness';

const skip = browserUnavailableReason();
if (skip) console.warn(`[e2e] skipped: ${skip}`);

describe.skipIf(skip !== null)('About box: IP address data in a real browser', () => {
  let app: LaunchedApp;
  // Stands in for data.iana.org/rdap/: a newer registry list.
  let iana: TestRdapServer;
  let ianaRoutes: Record<string, RdapRoute>;
  let ianaUp: () => void;

  beforeAll(async () => {
    resetIpDatabaseCache();
    const list = { publication: '2030-01-01T00:00:00Z', services: [[['110.0.0.0/8'], ['https://rdap.apnic.net/']]] };
    // IANA is down at first (503); the test brings it back.
    ianaRoutes = { '/rdap/ipv4.json': { status: 503, text: 'busy' }, '/rdap/ipv6.json': { body: list } };
    iana = await startRdapServer(ianaRoutes);
    ianaUp = () => (ianaRoutes['/rdap/ipv4.json'] = { body: list });
    app = await launchApp({
      socketSource: { poll: async () => [] },
      intel: { bootstrapBaseUrl: `${iana.base}rdap/` },
    });
  });

  afterAll(async () => {
    await iana?.close();
    await app?.close();
    await closeBrowser();
    resetIpDatabaseCache();
  });

  it('shows the built-in data, its date and the credits its licences require', async () => {
    const { page } = app;
    await page.getByTestId('nav-settings').click();
    const bundled = page.getByTestId('data-source-bundled');
    await bundled.waitFor();
    await expect.poll(async () => (await bundled.textContent()) ?? '').toMatch(/data of \d{4}-\d{2}-\d{2}/);
    const credits = (await page.getByTestId('data-sources-credits').textContent()) ?? '';
    expect(credits).toContain('IP Geolocation by DB-IP');
    expect(credits).toContain('RouteViews');
    expect(credits).toContain('nro.net');
    await page.getByTestId('data-sources').scrollIntoViewIfNeeded();
    await app.screenshot('about-data-sources-en');
  });

  it("names the line of a broken CSV, then uses the user's valid file over the built-in data", async () => {
    const { page } = app;
    const broken = join(app.dataDir, 'broken.csv');
    writeFileSync(broken, '1.0.0.0,1.0.0.255,AU\n1.0.1.0,1.0.1.999,CN\n');
    await page.getByTestId('data-sources-path').fill(broken);
    await page.getByTestId('data-sources-apply').click();
    const warning = page.getByTestId('data-sources-user-error');
    await expect.poll(async () => (await warning.textContent()) ?? '', { timeout: 15_000 }).toContain('Line 2');
    expect(await warning.textContent()).toContain('"1.0.1.999" is not an IP address');

    const good = join(app.dataDir, 'asn-newer.csv');
    writeFileSync(good, '8.8.8.0,8.8.8.255,15169,Google LLC\n');
    await page.getByTestId('data-sources-path').fill(good);
    await page.getByTestId('data-sources-apply').click();
    await page.getByTestId('data-source-csv').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('data-sources-user-error').count()).toBe(0);
    expect(await page.getByTestId('data-source-csv').textContent()).toContain('asn-newer.csv');

    await page.getByTestId('data-sources-reset').click();
    await expect.poll(() => page.getByTestId('data-source-csv').count()).toBe(0);
    expect((await app.handlers['settings.get'](undefined)).ipDatabasePath).toBe('');
  });

  it('updates the RDAP registry list from IANA on request, and only while online lookups are on', async () => {
    const { page } = app;
    const button = page.getByTestId('rdap-registry-update');
    await button.scrollIntoViewIfNeeded();
    expect(await page.getByTestId('rdap-registry-dates').textContent()).toContain('IPv4 list of 2019-06-07');
    expect(await button.isDisabled()).toBe(true);
    expect(await page.getByTestId('rdap-registry-offline').textContent()).toContain('Turn on online lookups');

    // The switch is controlled by the saved setting: click it and wait for the setting to come back.
    const online = page.getByTestId('settings-online-lookups');
    await online.click();
    await expect.poll(() => button.isDisabled()).toBe(false);
    expect(iana.requests).toEqual([]);
    // A failed download says so, with the reason, and the list in use stays.
    await button.click();
    const result = page.getByTestId('rdap-registry-result');
    await expect.poll(async () => (await result.textContent()) ?? '').toContain('Could not update');
    expect(await result.textContent()).toContain('HTTP 503');
    expect(await page.getByTestId('rdap-registry-dates').textContent()).toContain('IPv4 list of 2019-06-07');

    ianaUp();
    iana.requests.length = 0;
    await button.click();
    await expect
      .poll(async () => (await page.getByTestId('rdap-registry-dates').textContent()) ?? '')
      .toContain('IPv4 list of 2030-01-01');
    expect(await result.textContent()).toBe('Updated from IANA.');
    expect(iana.requests.sort()).toEqual(['/rdap/ipv4.json', '/rdap/ipv6.json']);
    await online.click();
    await expect.poll(() => button.isDisabled()).toBe(true);
  });

  it('reads naturally in Japanese', async () => {
    const { page } = app;
    await page.getByTestId('settings-language').selectOption('ja');
    await expect.poll(async () => (await page.getByTestId('data-sources').textContent()) ?? '').toContain('内蔵データ');
    expect(await page.getByTestId('data-source-bundled').textContent()).toMatch(/\d{4}-\d{2}-\d{2} 時点のデータ/);
    expect(await page.getByTestId('rdap-registry-dates').textContent()).toBe(
      '使用中: IPv4 の一覧は 2030-01-01 版、IPv6 の一覧は 2030-01-01 版です。',
    );
    await app.screenshot('about-data-sources-ja');
    await page.getByTestId('settings-language').selectOption('en');
  });

  it('shows no page errors', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
