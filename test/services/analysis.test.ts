import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundledIpDatabase } from '../../main/adapters/ipdb/load';
import { attributeAddress } from '../../main/core/intel/attribute';
import { hostsCsv } from '../../main/core/verdicts/host-table';
import { openDatabase } from '../../main/db/open';
import { getHost, hostVerdicts, listHosts } from '../../main/db/repos/hosts';
import { refreshHosts, type Attributor } from '../../main/services/analysis';
import { importLogFile } from '../../main/services/import';
import { NETSESSION_CLOSE_WAIT } from '../helpers/sockets';

const scenario = (name: string): string => join(__dirname, '../fixtures/scenarios', name);
const ipdb = loadBundledIpDatabase().db;
const attributor: Attributor = {
  attributeOffline: (ip) => attributeAddress({ ip, ipdb: ipdb.lookup(ip), online: false }),
};

async function store() {
  const db = openDatabase(':memory:');
  for (const f of ['syn-sweep-200.log', 'netgear-ack-akamai.log', 'slow-probe.log']) {
    await importLogFile(db, scenario(f), { tz: 'UTC', year: 2024 });
  }
  return db;
}

describe('host summary table', () => {
  it('is rebuilt from stored events with owner, counts and verdict, and sorts like the user table', async () => {
    const db = await store();
    const r = await refreshHosts(db, { attributor, now: 1_700_000_000_000 });
    expect(r).toMatchObject({ hosts: 7, events: 325 });
    const byEvents = listHosts(db, { sort: 'events', dir: 'desc' });
    expect(byEvents.total).toBe(7);
    expect(byEvents.hosts[0]).toMatchObject({
      ip: '45.33.32.156',
      verdict: 'scan',
      events: 200,
      asn: 63949,
      lane: 'akamai-cloud',
    });
    expect(byEvents.updatedAt).toBe(1_700_000_000_000);
    const byIp = listHosts(db, { sort: 'ip', dir: 'asc' }).hosts.map((h) => h.ip);
    expect(byIp).toEqual([
      '2.16.103.10',
      '23.32.5.10',
      '23.215.0.137',
      '45.33.32.156',
      '96.7.128.198',
      '126.74.201.3',
      '184.25.56.77',
    ]);
    const byCountry = listHosts(db, { sort: 'country', dir: 'asc' }).hosts.map((h) => h.country);
    expect(byCountry[0]).toBe('JP');
    expect(listHosts(db, { verdicts: ['probe'] }).hosts.map((h) => h.ip)).toEqual(['126.74.201.3']);
    expect(listHosts(db, { search: 'softbank' }).total).toBe(1);
  });

  it('keeps the explanation, evidence and counts for the host panel', async () => {
    const db = await store();
    await refreshHosts(db, { attributor, now: 1 });
    const h = getHost(db, '23.32.5.10');
    expect(h?.verdictDetail.id).toBe('cdn-reply');
    expect(h?.verdictDetail.explanation.ja).toContain('ルーター');
    expect(h?.actions).toEqual({ drop: 52 });
    expect(h?.remotePorts[0]).toEqual({ proto: 'tcp', port: 443, count: 52 });
    expect(hostVerdicts(db, ['23.32.5.10', '192.0.2.1'])).toEqual({
      '23.32.5.10': { verdict: 'cdn-reply', severity: 'info', title: h?.title },
    });
  });

  it('adds live sockets: a lingering CLOSE_WAIT makes its remote host stale-local', async () => {
    const db = await store();
    await refreshHosts(db, {
      attributor,
      now: 10 * 60_000,
      sockets: [
        {
          ...NETSESSION_CLOSE_WAIT,
          stateSince: 0,
          source: 'live',
        },
      ],
    });
    expect(getHost(db, '23.215.0.137')?.verdict).toBe('stale-local');
  });

  it('exports CSV with a header in the chosen language and quoted fields', async () => {
    const db = await store();
    await refreshHosts(db, { attributor, now: 1 });
    const rows = listHosts(db, { sort: 'events', dir: 'desc' }).hosts;
    const en = hostsCsv(rows, 'en').split('\r\n');
    expect(en[0]).toBe(
      'IP,Country,Owner,ASN,AS name,Attempts,First seen (UTC),Last seen (UTC),Verdict,Severity,Explanation',
    );
    expect(en[1]).toMatch(
      /^45\.33\.32\.156,US,Akamai Connected Cloud \(Linode\),AS63949,"Akamai Technologies, Inc.",200,2024-03-12T03:20:00\.000Z,/,
    );
    expect(hostsCsv(rows, 'ja').split('\r\n')[0]).toContain('IPアドレス');
  });
});
