/**
 * Privacy: with online lookups off, attribution opens no socket of any kind. Local DNS and RDAP servers count what
 * reaches them, and the ways out of the process are spied on: node:dns resolvers, TCP connects (fetch/undici and
 * http go through net.Socket#connect), UDP sockets and fetch itself.
 */
import dgram from 'node:dgram';
import { promises as dnsPromises } from 'node:dns';
import dnsCallback from 'node:dns';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../main/db/open';
import { readSettings, updateSettings } from '../../../main/services/settings';
import { createIntel } from '../../../main/services/intel';
import { reverseName, startDnsServer, type TestDnsServer } from '../../helpers/dns-server';
import { startRdapServer, type TestRdapServer } from '../../helpers/rdap-server';
import { AANP_PTR, fakeIpdb } from './intel-fixtures';

const ADDRESSES = ['110.232.152.33', '23.215.0.136', '45.33.32.156', '1.1.1.1', '2600:1406:3c00::17cc:8a48', '8.8.8.8'];

describe('online lookups off: nothing is looked up online', () => {
  let dns: TestDnsServer;
  let rdap: TestRdapServer;

  beforeAll(async () => {
    dns = await startDnsServer({
      [reverseName('110.232.152.33')]: { PTR: [AANP_PTR] },
      [AANP_PTR]: { A: ['110.232.152.33'] },
    });
    rdap = await startRdapServer({ '/ip/110.232.152.33': { body: { name: 'X' } } });
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await dns.close();
    await rdap.close();
  });

  it('the setting is on by default, and off means no DNS query, no RDAP request, no socket', async () => {
    const db = openDatabase(':memory:');
    expect(readSettings(db).onlineLookups).toBe(true);
    expect(readSettings(db).onlineNoticeSeen).toBe(false);
    updateSettings(db, { onlineLookups: false });

    const spies = [
      vi.spyOn(net.Socket.prototype, 'connect'),
      vi.spyOn(dgram, 'createSocket'),
      vi.spyOn(globalThis, 'fetch'),
      vi.spyOn(dnsPromises.Resolver.prototype, 'resolvePtr'),
      vi.spyOn(dnsPromises.Resolver.prototype, 'resolve4'),
      vi.spyOn(dnsPromises.Resolver.prototype, 'resolve6'),
      vi.spyOn(dnsPromises.Resolver.prototype, 'reverse'),
      vi.spyOn(dnsPromises, 'lookup'),
      vi.spyOn(dnsCallback, 'lookup'),
    ];
    const intel = createIntel({
      db,
      online: () => readSettings(db).onlineLookups,
      dnsServers: [dns.address],
      rdapBaseOverride: rdap.base,
      ipdb: fakeIpdb(),
    });
    for (const ip of ADDRESSES) {
      const a = await intel.attribute(ip);
      expect(a.ptr).toBeNull();
      expect(a.rdap).toBeNull();
      expect(a.evidence.map((e) => e.detail).join(' ')).toContain('online lookups are off');
    }
    intel.sources();
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(dns.queries).toEqual([]);
    expect(rdap.requests).toEqual([]);

    // The same service asks once the user turns the setting back on: the spies were able to see it.
    updateSettings(db, { onlineLookups: true });
    const online = await intel.attribute('110.232.152.33');
    expect(online.ptr).toBe(AANP_PTR);
    expect(dns.queries.length).toBeGreaterThan(0);
    expect(rdap.requests).toEqual(['/ip/110.232.152.33']);
    expect(vi.mocked(dnsPromises.Resolver.prototype.resolvePtr)).toHaveBeenCalled();
    expect(vi.mocked(net.Socket.prototype.connect)).toHaveBeenCalled();
  });
});
