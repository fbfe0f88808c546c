import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/open';
import { createIntel } from '../../../main/services/intel';
import { resolveIpdbPath } from '../../../main/adapters/ipdb/load';
import { reverseName, startDnsServer, type TestDnsServer } from '../../helpers/dns-server';
import { startRdapServer, type TestRdapServer } from '../../helpers/rdap-server';
import { AANP_PTR, fakeIpdb } from './intel-fixtures';

const rdapFixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '../../fixtures/rdap', name), 'utf8'));

describe('intel service: offline database + reverse DNS + RDAP', () => {
  let dns: TestDnsServer;
  let rdap: TestRdapServer;

  beforeAll(async () => {
    dns = await startDnsServer({
      [reverseName('110.232.152.33')]: { PTR: [AANP_PTR] },
      [AANP_PTR]: { A: ['110.232.152.33'] },
      [reverseName('45.33.32.156')]: { PTR: ['scanme.nmap.org'] },
      'scanme.nmap.org': { A: ['45.33.32.156'] },
    });
    rdap = await startRdapServer({
      '/ip/110.232.152.33': { body: rdapFixture('akamai-aanp.json') },
      '/ip/45.33.32.156': { body: rdapFixture('arin-74.125.225.229.json') },
    });
  });
  afterAll(async () => {
    await dns.close();
    await rdap.close();
  });

  const make = (db = openDatabase(':memory:'), online = true) =>
    createIntel({
      db,
      online: () => online,
      dnsServers: [dns.address],
      rdapBaseOverride: rdap.base,
      ipdb: fakeIpdb(),
    });

  it('AANP end to end: So-net AS + forward-confirmed Akamai PTR → akamai, medium, both pieces of evidence', async () => {
    const intel = make();
    const a = await intel.attribute('110.232.152.33');
    expect(a).toMatchObject({
      ip: '110.232.152.33',
      owner: 'akamai',
      role: 'cdn-edge',
      confidence: 'medium',
      asn: 2527,
      asOrg: 'Sony Network Communications Inc.',
      country: 'JP',
      ptr: AANP_PTR,
      ptrConfirmed: true,
      rdap: { org: 'Sony Network Communications Inc.', abuseEmail: 'abuse@so-net.example', country: 'JP' },
    });
    expect(a.evidence.find((e) => e.kind === 'asn')?.detail).toContain('AS2527 Sony Network Communications Inc.');
    expect(a.evidence.find((e) => e.kind === 'ptr')?.detail).toContain(AANP_PTR);
    expect(a.evidence.find((e) => e.kind === 'ptr-forward-confirm')?.detail).toContain('forward-confirmed');
    expect(a.evidence.find((e) => e.kind === 'rdap')?.detail).toContain('abuse@so-net.example');
  });

  it('caches: a second question is answered without asking DNS or RDAP again, also after a restart', async () => {
    const db = openDatabase(':memory:');
    await make(db).attribute('45.33.32.156');
    const dnsBefore = dns.queries.length;
    const rdapBefore = rdap.requests.length;
    const again = await make(db).attribute('45.33.32.156');
    expect(again).toMatchObject({
      owner: 'akamai',
      role: 'cloud-customer',
      ptr: 'scanme.nmap.org',
      ptrConfirmed: true,
    });
    expect(again.rdap?.abuseEmail).toBe('arin-contact@google.com');
    expect(dns.queries.length).toBe(dnsBefore);
    expect(rdap.requests.length).toBe(rdapBefore);
    // The offline view shows what was learned online before.
    expect(make(db, false).attributeOffline('45.33.32.156').ptr).toBe('scanme.nmap.org');
  });

  it('one RDAP answer serves the whole network it describes', async () => {
    const db = openDatabase(':memory:');
    await make(db).attribute('110.232.152.33');
    const before = rdap.requests.length;
    const neighbour = await make(db).attribute('110.232.152.34');
    expect(neighbour.rdap?.name).toBe('SO-NET-EXAMPLE');
    expect(rdap.requests.length).toBe(before);
  });

  it('concurrent questions about one address share one lookup', async () => {
    const intel = make();
    const before = rdap.requests.filter((r) => r === '/ip/110.232.152.33').length;
    await Promise.all([1, 2, 3, 4].map(() => intel.attribute('110.232.152.33')));
    expect(rdap.requests.filter((r) => r === '/ip/110.232.152.33').length).toBe(before + 1);
  });

  it('never looks up private addresses online, and unwraps IPv4-mapped ones', async () => {
    const before = dns.queries.length + rdap.requests.length;
    const intel = make();
    expect((await intel.attribute('192.168.1.20')).role).toBe('private');
    expect((await intel.attribute('fe80::1')).role).toBe('link-local');
    expect(dns.queries.length + rdap.requests.length).toBe(before);
    const mapped = await intel.attribute('::ffff:110.232.152.33');
    expect(mapped).toMatchObject({ ip: '::ffff:110.232.152.33', owner: 'akamai', ptr: AANP_PTR });
  });

  it('rejects text that is not an address', async () => {
    await expect(make().attribute('nope')).rejects.toThrow(/Not an IP address/);
    expect(() => make().attributeOffline('300.1.1.1')).toThrow(/Not an IP address/);
  });

  it('lists its data sources', () => {
    const s = createIntel({ online: () => false, ipdb: null }).sources();
    expect(s.rdapBootstrap.ipv4).toMatch(/^\d{4}-/);
  });
});

describe.skipIf(resolveIpdbPath() === null)('with the bundled offline database', () => {
  it.each([
    ['23.215.0.136', 'akamai', 'cdn-edge'],
    ['2.16.186.10', 'akamai', 'cdn-edge'],
    ['69.22.151.10', 'akamai', 'cdn-edge'],
    ['2600:1406:3c00::17cc:8a48', 'akamai', 'cdn-edge'],
    ['45.33.32.156', 'akamai', 'cloud-customer'],
    ['1.1.1.1', 'cloudflare', 'dns'],
    ['104.16.1.1', 'cloudflare', 'cdn-edge'],
  ])('%s → %s %s (offline)', (ip, owner, role) => {
    const a = createIntel({ online: () => false }).attributeOffline(ip);
    expect(a).toMatchObject({ owner, role });
    expect(a.asn).not.toBeNull();
  });

  it('110.232.152.33 offline is So-net (AS2527), and it does not claim Akamai without the PTR', () => {
    const a = createIntel({ online: () => false }).attributeOffline('110.232.152.33');
    expect(a).toMatchObject({ asn: 2527, owner: null, confidence: 'low' });
  });
});
