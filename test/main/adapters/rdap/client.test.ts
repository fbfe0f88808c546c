import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBootstrap, refreshRdapBootstrap } from '../../../../main/adapters/rdap/bootstrap';
import { createRdapClient } from '../../../../main/adapters/rdap/client';
import { startRdapServer, type TestRdapServer } from '../../../helpers/rdap-server';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '../../../fixtures/rdap', name), 'utf8'));

describe('RDAP against a local server with registry-shaped answers', () => {
  let server: TestRdapServer;
  beforeAll(async () => {
    server = await startRdapServer({
      '/ip/74.125.225.229': { body: fixture('arin-74.125.225.229.json') },
      '/ip/62.239.237.1': { body: fixture('ripe-62.239.237.1.json') },
      '/ip/210.107.73.73': { body: fixture('apnic-210.107.73.73.json') },
      '/ip/200.57.141.161': { body: fixture('lacnic-200.57.141.161.json') },
      '/ip/2001:db8::5': { body: fixture('ripe-62.239.237.1.json') },
      '/ip/192.0.2.50': { status: 500, text: 'oops' },
      '/ip/192.0.2.51': { text: '<html>not json</html>' },
      '/ip/192.0.2.52': { body: { errorCode: 'x', entities: 'not-an-array' } },
      '/ip/192.0.2.53': { delayMs: 3_000, body: {} },
      '/ip/192.0.2.54': { status: 429, text: '{}', headers: { 'retry-after': '1' } },
    });
  });
  afterAll(() => server.close());

  const client = () => createRdapClient({ baseOverride: server.base, minIntervalMs: 0, timeoutMs: 500 });

  it('ARIN: finds the abuse e-mail nested inside the organisation entity', async () => {
    const r = await client().lookup('74.125.225.229');
    expect(r.status).toBe('ok');
    expect(r.server).toBe(server.base.replace(/^http:\/\/|\/$/g, ''));
    expect(r.network).toMatchObject({
      name: 'GOOGLE',
      org: 'Google Inc.',
      country: null,
      abuseEmail: 'arin-contact@google.com',
      startAddress: '074.125.000.000',
    });
  });

  it('RIPE: abuse entity beside the network; org from the abuse group when no registrant vCard exists', async () => {
    const r = await client().lookup('62.239.237.1');
    expect(r.network).toMatchObject({ name: 'BT-CORPORATE', country: 'GB', abuseEmail: 'zzdnsr@bt.com' });
  });

  it('APNIC: IRT entity with role abuse', async () => {
    const r = await client().lookup('210.107.73.73');
    expect(r.network).toMatchObject({ name: 'BORANET-NET-210-107', country: 'KR', abuseEmail: 'hostmaster@nic.or.kr' });
  });

  it('LACNIC: registrant organisation and an abuse person', async () => {
    const r = await client().lookup('200.57.141.161');
    expect(r.network).toMatchObject({
      org: 'Triara.com, S.A. de C.V.',
      country: 'MX',
      abuseEmail: 'operacion.redes@TRIARA.COM',
    });
  });

  it('asks with the canonical IPv6 text in the path', async () => {
    expect((await client().lookup('2001:DB8:0::5')).status).toBe('ok');
    expect(server.requests).toContain('/ip/2001:db8::5');
  });

  it.each([
    ['192.0.2.99', 'none'],
    ['192.0.2.50', 'error'],
    ['192.0.2.51', 'error'],
    ['192.0.2.52', 'error'],
    ['192.0.2.53', 'error'],
    ['192.0.2.54', 'error'],
    ['not-an-ip', 'error'],
  ])('turns every failure into a status, never a throw: %s → %s', async (ip, status) => {
    const r = await client().lookup(ip);
    expect(r.status).toBe(status);
    expect(r.network).toBeNull();
  });

  it('an unreachable server is an error too', async () => {
    const r = await createRdapClient({ baseOverride: 'http://127.0.0.1:9/', minIntervalMs: 0, timeoutMs: 500 }).lookup(
      '192.0.2.1',
    );
    expect(r.status).toBe('error');
  });

  it('spaces requests to the same server', async () => {
    const c = createRdapClient({ baseOverride: server.base, minIntervalMs: 150, timeoutMs: 2_000 });
    const t0 = Date.now();
    await Promise.all(['62.239.237.1', '210.107.73.73', '200.57.141.161'].map((ip) => c.lookup(ip)));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(280);
  });
});

describe('RDAP bootstrap', () => {
  it('picks the registry from the bundled IANA files, https first, ARIN for unlisted legacy space', () => {
    const b = loadBootstrap();
    expect(b.baseFor('110.232.152.33')).toBe('https://rdap.apnic.net/');
    expect(b.baseFor('23.215.0.136')).toBe('https://rdap.arin.net/registry/');
    expect(b.baseFor('2.16.186.10')).toBe('https://rdap.db.ripe.net/');
    expect(b.baseFor('200.57.141.161')).toBe('https://rdap.lacnic.net/rdap/');
    expect(b.baseFor('41.1.1.1')).toBe('https://rdap.afrinic.net/rdap/');
    expect(b.baseFor('2a02:26f0::1')).toBe('https://rdap.db.ripe.net/');
    expect(b.baseFor('2600:1406::1')).toBe('https://rdap.arin.net/registry/');
    expect(b.baseFor('2400:cb00::1')).toBe('https://rdap.apnic.net/');
    expect(b.baseFor('57.1.1.1')).toBe('https://rdap.db.ripe.net/');
    expect(b.baseFor('194.1.1.1')).toBe('https://rdap.db.ripe.net/');
    expect(b.baseFor('10.0.0.1')).toBe('https://rdap.arin.net/registry/');
    expect(b.publication.ipv4).toBe('2019-06-07T19:00:02Z');
  });

  it('refreshes from a bootstrap server and prefers the newer file', async () => {
    const newer = {
      description: 'RDAP bootstrap file for IPv4 address allocations',
      publication: '2030-01-01T00:00:00Z',
      services: [[['110.0.0.0/8'], ['https://rdap.example.test/']]],
      version: '1.0',
    };
    const v6 = { ...newer, description: 'IPv6', services: [[['2400::/12'], ['https://rdap.example.test/']]] };
    const srv = await startRdapServer({ '/rdap/ipv4.json': { body: newer }, '/rdap/ipv6.json': { body: v6 } });
    const dir = mkdtempSync(join(tmpdir(), 'netwhy-rdap-'));
    try {
      const got = await refreshRdapBootstrap(dir, { baseUrl: `${srv.base}rdap/` });
      expect(got).toEqual({ ipv4: '2030-01-01T00:00:00Z', ipv6: '2030-01-01T00:00:00Z' });
      const b = loadBootstrap(dir);
      expect(b.baseFor('110.232.152.33')).toBe('https://rdap.example.test/');
      expect(b.publication.ipv4).toBe('2030-01-01T00:00:00Z');
      await expect(refreshRdapBootstrap(dir, { baseUrl: `${srv.base}missing/` })).rejects.toThrow(/HTTP 404/);
      // A failed refresh keeps the previous files.
      expect(loadBootstrap(dir).publication.ipv4).toBe('2030-01-01T00:00:00Z');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await srv.close();
    }
  });
});
