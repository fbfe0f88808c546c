import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReverseDns } from '../../../../main/adapters/dns/reverse';
import { reverseName, startDnsServer, type TestDnsServer } from '../../../helpers/dns-server';

const AANP_PTR = 'a110-232-152-33.deploy.static.akamaitechnologies.com';

describe('reverse DNS against a DNS server on 127.0.0.1', () => {
  let server: TestDnsServer;

  beforeAll(async () => {
    server = await startDnsServer(
      {
        [reverseName('110.232.152.33')]: { PTR: [AANP_PTR] },
        [AANP_PTR]: { A: ['110.232.152.33'] },
        // A PTR the name's owner does not confirm.
        [reverseName('203.0.113.9')]: { PTR: ['a23-1-2-3.deploy.static.akamaitechnologies.com'] },
        'a23-1-2-3.deploy.static.akamaitechnologies.com': { A: ['23.1.2.3'] },
        // A PTR whose name does not exist forward.
        [reverseName('198.51.100.4')]: { PTR: ['ghost.example.net'] },
        // IPv6, two PTR names, only the second confirms.
        [reverseName('2600:1406:3c00::17cc:8a48')]: {
          PTR: ['stale.example.org', 'g2600-1406-3c00--17cc-8a48.deploy.static.akamaitechnologies.com'],
        },
        'stale.example.org': { AAAA: ['2001:db8::1'] },
        'g2600-1406-3c00--17cc-8a48.deploy.static.akamaitechnologies.com': {
          AAAA: ['2600:1406:3c00:0:0:0:17cc:8a48'],
        },
      },
      { servfail: [reverseName('192.0.2.77')], silent: [reverseName('192.0.2.88')] },
    );
  });
  afterAll(() => server.close());

  const rdns = () => createReverseDns({ servers: [server.address], timeoutMs: 300, tries: 1, totalTimeoutMs: 2_000 });

  it('finds the AANP edge name and confirms it forward', async () => {
    const r = await rdns().lookup('110.232.152.33');
    expect(r).toMatchObject({ status: 'ok', name: AANP_PTR, confirmed: true });
    expect(server.queries).toContainEqual({ name: reverseName('110.232.152.33'), type: 'PTR' });
    expect(server.queries).toContainEqual({ name: AANP_PTR, type: 'A' });
  });

  it('reports a PTR that resolves to another address as not confirmed', async () => {
    expect(await rdns().lookup('203.0.113.9')).toMatchObject({ status: 'ok', confirmed: false });
    expect(await rdns().lookup('198.51.100.4')).toMatchObject({
      status: 'ok',
      name: 'ghost.example.net',
      confirmed: false,
    });
  });

  it('checks IPv6 with AAAA and prefers the name that confirms', async () => {
    const r = await rdns().lookup('2600:1406:3c00::17cc:8a48');
    expect(r).toMatchObject({
      status: 'ok',
      name: 'g2600-1406-3c00--17cc-8a48.deploy.static.akamaitechnologies.com',
      confirmed: true,
    });
    expect(r.names).toHaveLength(2);
  });

  it('tells "no PTR" from a failure, and times out instead of hanging', async () => {
    expect(await rdns().lookup('192.0.2.1')).toMatchObject({ status: 'none', name: null });
    expect(await rdns().lookup('192.0.2.77')).toMatchObject({ status: 'error', name: null });
    const t0 = Date.now();
    expect(await rdns().lookup('192.0.2.88')).toMatchObject({ status: 'error' });
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('runs many lookups with bounded concurrency and answers each', async () => {
    const r = rdns();
    const ips = Array.from({ length: 20 }, (_, i) => (i % 2 ? '110.232.152.33' : '192.0.2.1'));
    const results = await Promise.all(ips.map((ip) => r.lookup(ip)));
    expect(results.filter((x) => x.status === 'ok')).toHaveLength(10);
    expect(results.filter((x) => x.status === 'none')).toHaveLength(10);
  });
});
