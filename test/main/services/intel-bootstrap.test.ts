/**
 * The RDAP registry list (IANA bootstrap, RFC 9224): bundled, refreshed into the app's data folder while online
 * lookups are on, and used by later lookups. A bootstrap server and an RDAP server run on 127.0.0.1.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAppContext } from '../../../main/app-context';
import { openDatabase } from '../../../main/db/open';
import { createIntel } from '../../../main/services/intel';
import { updateSettings } from '../../../main/services/settings';
import { startRdapServer, type TestRdapServer } from '../../helpers/rdap-server';
import { fakeIpdb } from './intel-fixtures';

const DAY = 24 * 3_600_000;

describe('RDAP registry list refresh', () => {
  let iana: TestRdapServer;
  let registry: TestRdapServer;

  beforeAll(async () => {
    registry = await startRdapServer({
      '/ip/110.232.152.33': {
        body: {
          objectClassName: 'ip network',
          handle: '110.232.152.0 - 110.232.152.255',
          startAddress: '110.232.152.0',
          endAddress: '110.232.152.255',
          name: 'NEW-REGISTRY-NET',
          country: 'JP',
        },
      },
    });
    // The newer list sends 110.0.0.0/8 to the registry above instead of APNIC.
    const file = (description: string, prefix: string) => ({
      description,
      publication: '2030-01-01T00:00:00Z',
      version: '1.0',
      services: [[[prefix], [registry.base]]],
    });
    iana = await startRdapServer({
      '/rdap/ipv4.json': { body: file('IPv4', '110.0.0.0/8') },
      '/rdap/ipv6.json': { body: file('IPv6', '2400::/12') },
    });
  });
  afterAll(async () => {
    await iana.close();
    await registry.close();
  });

  const make = (dir: string, online = true, base = `${iana.base}rdap/`, now = Date.now) =>
    createIntel({
      db: openDatabase(':memory:'),
      online: () => online,
      bootstrapDir: dir,
      bootstrapBaseUrl: base,
      ipdb: fakeIpdb(),
      // Reverse DNS is not part of this test: a resolver with no server answers "none" at once.
      resolver: { lookup: () => Promise.resolve({ status: 'none', name: null, confirmed: null, names: [] }) },
      now,
    });

  it('downloads the newer list, and later lookups ask the registry it names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netwhy-boot-'));
    const intel = make(dir);
    expect(intel.sources().rdapBootstrap.ipv4).toBe('2019-06-07T19:00:02Z');
    const r = await intel.refreshBootstrap();
    expect(r).toEqual({
      status: 'refreshed',
      publication: { ipv4: '2030-01-01T00:00:00Z', ipv6: '2030-01-01T00:00:00Z' },
      error: null,
    });
    expect(intel.sources().rdapBootstrap.ipv4).toBe('2030-01-01T00:00:00Z');
    const a = await intel.attribute('110.232.152.33');
    expect(a.rdap?.name).toBe('NEW-REGISTRY-NET');
    expect(registry.requests).toContain('/ip/110.232.152.33');
    // The next start of the app reads the downloaded copy.
    expect(make(dir, false).sources().rdapBootstrap.ipv4).toBe('2030-01-01T00:00:00Z');
  });

  it('the start-up check skips a copy younger than its limit, and fetches an older one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netwhy-boot-'));
    await make(dir).refreshBootstrap();
    const before = iana.requests.length;
    expect((await make(dir).refreshBootstrap({ ifOlderThanMs: 30 * DAY })).status).toBe('fresh');
    expect(iana.requests.length).toBe(before);
    const later = () => Date.now() + 31 * DAY;
    expect(
      (await make(dir, true, `${iana.base}rdap/`, later).refreshBootstrap({ ifOlderThanMs: 30 * DAY })).status,
    ).toBe('refreshed');
    expect(iana.requests.length).toBe(before + 2);
  });

  it('asks nothing while online lookups are off', async () => {
    const before = iana.requests.length;
    const r = await make(mkdtempSync(join(tmpdir(), 'netwhy-boot-')), false).refreshBootstrap();
    expect(r.status).toBe('offline');
    expect(r.publication.ipv4).toBe('2019-06-07T19:00:02Z');
    expect(iana.requests.length).toBe(before);
  });

  it('a failed download says why and keeps the list in use', async () => {
    const r = await make(mkdtempSync(join(tmpdir(), 'netwhy-boot-')), true, `${iana.base}missing/`).refreshBootstrap();
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(/HTTP 404/);
    expect(r.publication.ipv4).toBe('2019-06-07T19:00:02Z');
  });
});

describe('the app checks the registry list after start', () => {
  it('downloads it in the background once the first-run notice is answered and online lookups are on', async () => {
    const iana = await startRdapServer({
      '/rdap/ipv4.json': { body: { publication: '2030-01-01T00:00:00Z', services: [] } },
      '/rdap/ipv6.json': { body: { publication: '2030-01-01T00:00:00Z', services: [] } },
    });
    const start = (settings: { onlineLookups: boolean; onlineNoticeSeen: boolean }) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'netwhy-boot-app-'));
      const databasePath = join(dataDir, 'netwhy.sqlite');
      const db = openDatabase(databasePath);
      updateSettings(db, settings);
      db.close();
      return createAppContext({
        databasePath,
        info: { version: 'test', platform: 'linux', dataDir, systemLanguage: 'en-US' },
        socketSource: { poll: async () => [] },
        emit: () => undefined,
        intel: { bootstrapBaseUrl: `${iana.base}rdap/` },
        refreshBootstrapAfterMs: 5,
      });
    };
    const nothingAsked = async (settings: { onlineLookups: boolean; onlineNoticeSeen: boolean }) => {
      const before = iana.requests.length;
      const ctx = start(settings);
      await new Promise((r) => setTimeout(r, 150));
      expect(iana.requests.length).toBe(before);
      expect(ctx.intel.sources().rdapBootstrap.ipv4).toBe('2019-06-07T19:00:02Z');
      ctx.close();
    };
    try {
      // First start: lookups are on by default, but the notice that names this download is still on screen.
      await nothingAsked({ onlineLookups: true, onlineNoticeSeen: false });
      // The user turned online lookups off.
      await nothingAsked({ onlineLookups: false, onlineNoticeSeen: true });

      const on = start({ onlineLookups: true, onlineNoticeSeen: true });
      await vi.waitFor(() => expect(on.intel.sources().rdapBootstrap.ipv4).toBe('2030-01-01T00:00:00Z'));
      on.close();
    } finally {
      await iana.close();
    }
  });
});
