import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocketObservation } from '../../main/core/model/socket';
import { resolveIpdbPath } from '../../main/adapters/ipdb/load';
import { readSettings } from '../../main/services/settings';
import { createIntel } from '../../main/services/intel';
import { reverseName, startDnsServer, type TestDnsServer } from '../helpers/dns-server';
import { startRdapServer, type TestRdapServer } from '../helpers/rdap-server';
import { fakeIpdb } from '../main/services/intel-fixtures';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserUnavailableReason, closeBrowser, launchApp, type LaunchedApp } from './harness';

const skip = browserUnavailableReason();
if (skip) console.warn(`[e2e] skipped: ${skip}`);

const AANP_IP = '110.232.152.33';
const PTR = 'a110-232-152-33.deploy.static.akamaitechnologies.com';

// The AANP case of issue 4: a browser connection to an Akamai edge inside So-net.
const sockets: SocketObservation[] = [
  {
    protocol: 'tcp',
    family: 4,
    localAddress: '192.168.1.20',
    localPort: 52344,
    remoteAddress: AANP_IP,
    remotePort: 443,
    state: 'CLOSE_WAIT',
    pid: 4242,
    processName: 'chrome',
    processPath: '/usr/lib/chromium/chrome',
  },
];

describe.skipIf(skip !== null)('host panel in a real browser', () => {
  let app: LaunchedApp;
  let dns: TestDnsServer;
  let rdap: TestRdapServer;

  beforeAll(async () => {
    dns = await startDnsServer({ [reverseName(AANP_IP)]: { PTR: [PTR] }, [PTR]: { A: [AANP_IP] } });
    rdap = await startRdapServer({
      [`/ip/${AANP_IP}`]: {
        body: JSON.parse(readFileSync(join(__dirname, '../fixtures/rdap/akamai-aanp.json'), 'utf8')) as unknown,
      },
    });
    app = await launchApp({
      socketSource: { poll: () => Promise.resolve(sockets) },
      // The default (on) a new user has, and the first-run notice not yet answered: everything online goes to
      // the DNS and RDAP servers above, on 127.0.0.1.
      onlineLookups: true,
      onlineNoticeSeen: false,
      seed: (ctx) => {
        // Replaced before the handlers are built; the bundled offline database when it is built.
        ctx.intel = createIntel({
          db: ctx.db,
          online: () => readSettings(ctx.db).onlineLookups,
          dnsServers: [dns.address],
          rdapBaseOverride: rdap.base,
          ...(resolveIpdbPath() ? {} : { ipdb: fakeIpdb() }),
        });
      },
    });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
    await dns?.close();
    await rdap?.close();
  });

  it('explains online lookups on first start, and remembers the answer', async () => {
    const { page } = app;
    const notice = page.getByTestId('online-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('RDAP');
    await page.getByTestId('online-notice-ok').click();
    await expect.poll(() => notice.count()).toBe(0);
    expect((await app.handlers['settings.get'](undefined)).onlineNoticeSeen).toBe(true);
  });

  it('clicking a remote address opens the host panel: Akamai edge inside an ISP, with both pieces of evidence', async () => {
    const { page } = app;
    const address = page.getByTestId('remote-address').filter({ hasText: AANP_IP });
    await address.first().waitFor({ timeout: 15_000 });
    await address.first().click();
    const panel = page.getByTestId('host-panel');
    await panel.waitFor();
    expect(await page.getByTestId('host-ip').textContent()).toBe(AANP_IP);
    await expect.poll(() => page.getByTestId('host-ptr').textContent(), { timeout: 15_000 }).toContain(PTR);
    expect(await page.getByTestId('host-owner').textContent()).toBe('Akamai');
    expect(await page.getByTestId('host-role').textContent()).toContain('CDN edge server');
    expect(await page.getByTestId('host-confidence').textContent()).toMatch(/medium|high/);
    expect(await page.getByTestId('host-ptr').textContent()).toContain('forward-confirmed');
    expect(await page.getByTestId('host-asn').textContent()).toContain('AS2527');
    expect(await page.getByTestId('host-abuse').textContent()).toBe('abuse@so-net.example');
    const evidence = (await page.getByTestId('host-evidence').textContent()) ?? '';
    expect(evidence).toContain('AS2527 Sony Network Communications');
    expect(evidence).toContain('edge (CDN) servers');
    expect(evidence).toContain('AANP');
    expect(await page.getByTestId('host-sources').textContent()).toContain('RDAP');
    expect(dns.queries.length).toBeGreaterThan(0);
    // One program's one socket: the summary above the table counts both in the singular.
    expect(await page.getByTestId('connections-summary').textContent()).toBe('1 open connection from 1 program');
    await app.screenshot('host-panel');
  });

  it('shows the panel in Japanese and closes with Escape', async () => {
    const { page } = app;
    await page.evaluate(() => window.netwhy.settings.update({ language: 'ja' }));
    await expect.poll(() => page.getByTestId('host-role').textContent()).toContain('エッジサーバー');
    expect(await page.getByTestId('host-evidence').textContent()).toContain('逆引き');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('host-panel').count()).toBe(0);
    await page.evaluate(() => window.netwhy.settings.update({ language: 'en' }));
  });

  it('with online lookups off, the panel uses only the offline database and asks nobody', async () => {
    const { page } = app;
    await page.evaluate(() => window.netwhy.settings.update({ onlineLookups: false }));
    const asked = dns.queries.length + rdap.requests.length;
    // A fresh address the caches do not know.
    const a = await app.handlers['intel.attribute']({ ip: '23.215.0.136' });
    expect(a.ptr).toBeNull();
    expect(dns.queries.length + rdap.requests.length).toBe(asked);
  });

  it('shows no page errors', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
