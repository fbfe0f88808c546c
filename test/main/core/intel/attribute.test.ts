import { describe, expect, it } from 'vitest';
import {
  attributeAddress,
  InvalidAddressError,
  type IpdbRecord,
  type PtrInput,
} from '../../../../main/core/intel/attribute';

const akamaiIntl: IpdbRecord = { asn: 20940, asOrg: 'Akamai International B.V.', country: 'US' };
const akamaiInc: IpdbRecord = { asn: 16625, asOrg: 'Akamai Technologies, Inc.', country: 'US' };
// The AANP case from issue 4: an Akamai edge inside So-net, whose AS number is So-net's.
const sonet: IpdbRecord = { asn: 2527, asOrg: 'Sony Network Communications Inc.', country: 'JP' };
const aanpPtr = (confirmed: boolean | null): PtrInput => ({
  status: 'ok',
  name: 'a110-232-152-33.deploy.static.akamaitechnologies.com',
  confirmed,
});
const kinds = (a: { evidence: { kind: string }[] }): string[] => a.evidence.map((e) => e.kind);

describe('attribution from the AS number alone (offline)', () => {
  it.each([
    ['23.215.0.136', akamaiIntl, 'akamai', 'cdn-edge', 'high'],
    ['2.16.186.10', akamaiIntl, 'akamai', 'cdn-edge', 'high'],
    ['69.22.151.10', akamaiInc, 'akamai', 'cdn-edge', 'high'],
    ['2600:1406:3c00::17cc:8a48', akamaiIntl, 'akamai', 'cdn-edge', 'high'],
    [
      '45.33.32.156',
      { asn: 63949, asOrg: 'Akamai Connected Cloud', country: 'US' },
      'akamai',
      'cloud-customer',
      'high',
    ],
    [
      '172.225.46.1',
      { asn: 36183, asOrg: 'Akamai Technologies, Inc.', country: 'JP' },
      'akamai',
      'private-relay',
      'high',
    ],
    [
      '72.52.1.1',
      { asn: 32787, asOrg: 'Akamai Technologies, Inc.', country: 'US' },
      'akamai',
      'ddos-scrubbing',
      'high',
    ],
    ['23.0.0.1', { asn: 12222, asOrg: 'AKAMAI', country: 'US' }, 'akamai', 'cdn-edge', 'medium'],
    ['198.1.1.1', { asn: 33047, asOrg: 'Instart', country: 'US' }, 'akamai', 'cdn-edge', 'low'],
    ['104.16.123.96', { asn: 13335, asOrg: 'Cloudflare, Inc.', country: 'US' }, 'cloudflare', 'cdn-edge', 'high'],
    ['151.101.1.69', { asn: 54113, asOrg: 'Fastly, Inc.', country: 'US' }, 'fastly', 'cdn-edge', 'high'],
    ['142.250.196.110', { asn: 15169, asOrg: 'Google LLC', country: 'US' }, 'google', 'cdn-edge', 'medium'],
    ['13.224.1.1', { asn: 16509, asOrg: 'Amazon.com, Inc.', country: 'JP' }, 'amazon', 'cloud-customer', 'medium'],
    ['17.253.1.1', { asn: 714, asOrg: 'Apple Inc.', country: 'US' }, 'apple', 'cdn-edge', 'high'],
    // Not in the AS table, but the registered name says Akamai.
    ['23.50.1.1', { asn: 99999, asOrg: 'Akamai Technologies', country: 'US' }, 'akamai', 'cdn-edge', 'medium'],
  ] as const)('%s (%o) → %s %s %s', (ip, ipdb, owner, role, confidence) => {
    const a = attributeAddress({ ip, ipdb, online: false });
    expect(a).toMatchObject({ owner, role, confidence, asn: ipdb.asn, asOrg: ipdb.asOrg, country: ipdb.country });
    expect(a.evidence[0]?.kind).toBe('asn');
    expect(a.evidence[0]?.detail).toContain(`AS${ipdb.asn}`);
    // Offline: the evidence says what was NOT looked up.
    expect(kinds(a)).toEqual(['asn', 'ptr', 'rdap']);
    expect(a.evidence[1]?.detail).toContain('online lookups are off');
  });

  it('recognises public resolvers by address even without the database', () => {
    expect(attributeAddress({ ip: '1.1.1.1' })).toMatchObject({ owner: 'cloudflare', role: 'dns', confidence: 'high' });
    expect(attributeAddress({ ip: '2001:4860:4860::8888' })).toMatchObject({ owner: 'google', role: 'dns' });
  });

  it('calls an unknown network unknown (or, from its name only, an ISP) with low confidence', () => {
    const isp = attributeAddress({ ip: '110.232.152.33', ipdb: sonet });
    expect(isp).toMatchObject({ owner: null, role: 'isp', confidence: 'low', asn: 2527 });
    expect(isp.evidence.map((e) => e.detail).join(' ')).toContain('a guess from the name only');
    const none = attributeAddress({ ip: '203.1.1.1', ipdb: null });
    expect(none).toMatchObject({ owner: null, role: 'unknown', confidence: 'low', asn: null });
    expect(none.evidence[0]?.detail).toContain('no record');
  });

  it('rejects text that is not an address', () => {
    expect(() => attributeAddress({ ip: 'example.com' })).toThrow(InvalidAddressError);
    expect(() => attributeAddress({ ip: '1.2.3.256' })).toThrow(InvalidAddressError);
  });
});

describe('reverse DNS and RDAP evidence', () => {
  it('AANP: an ISP AS with a forward-confirmed Akamai PTR is Akamai (medium), showing both pieces of evidence', () => {
    const a = attributeAddress({ ip: '110.232.152.33', ipdb: sonet, ptr: aanpPtr(true), online: true });
    expect(a).toMatchObject({ owner: 'akamai', role: 'cdn-edge', confidence: 'medium', asn: 2527, ptrConfirmed: true });
    expect(a.ptr).toBe('a110-232-152-33.deploy.static.akamaitechnologies.com');
    const asn = a.evidence.find((e) => e.kind === 'asn');
    expect(asn?.detail).toContain('AS2527 Sony Network Communications Inc. (JP)');
    const ptr = a.evidence.find((e) => e.kind === 'ptr');
    expect(ptr?.detail).toContain('deploy.static.akamaitechnologies.com');
    expect(ptr?.detail).toContain('edge (CDN) servers');
    expect(a.evidence.find((e) => e.kind === 'ptr-forward-confirm')?.detail).toContain('forward-confirmed');
    expect(a.evidence.map((e) => e.detail).join(' ')).toContain('AANP');
    for (const e of a.evidence) expect(e.detailJa).toBeTruthy();
  });

  it('AANP with an RDAP registration naming Akamai as well: high', () => {
    const a = attributeAddress({
      ip: '110.232.152.33',
      ipdb: sonet,
      ptr: aanpPtr(true),
      rdap: {
        status: 'ok',
        server: 'rdap.apnic.net',
        summary: { name: 'AKAMAI-JP', org: 'Akamai Technologies, Inc.', country: 'JP', abuseEmail: 'abuse@akamai.com' },
      },
    });
    expect(a).toMatchObject({ owner: 'akamai', confidence: 'high' });
    expect(a.rdap?.abuseEmail).toBe('abuse@akamai.com');
    expect(a.evidence.find((e) => e.kind === 'rdap')?.detail).toContain('abuse contact abuse@akamai.com');
  });

  it('an unconfirmed PTR counts for little and says why', () => {
    const a = attributeAddress({ ip: '110.232.152.33', ipdb: sonet, ptr: aanpPtr(false) });
    expect(a).toMatchObject({ owner: 'akamai', confidence: 'low', ptrConfirmed: false });
    const fc = a.evidence.find((e) => e.kind === 'ptr-forward-confirm');
    expect(fc?.detail).toContain('does not resolve back');
    expect(fc?.detail).toContain('can write any reverse name');
    const unchecked = attributeAddress({ ip: '110.232.152.33', ipdb: sonet, ptr: aanpPtr(null) });
    expect(unchecked.confidence).toBe('low');
    expect(unchecked.evidence.find((e) => e.kind === 'ptr-forward-confirm')?.detail).toContain('Could not check');
  });

  it('a known AS outweighs an unconfirmed PTR that names someone else', () => {
    const a = attributeAddress({
      ip: '104.16.1.1',
      ipdb: { asn: 13335, asOrg: 'Cloudflare, Inc.', country: 'US' },
      ptr: { status: 'ok', name: 'a104-16-1-1.deploy.static.akamaitechnologies.com', confirmed: false },
    });
    expect(a).toMatchObject({ owner: 'cloudflare', role: 'cdn-edge', confidence: 'high' });
  });

  it('a confirmed PTR refines the role inside the same provider (CloudFront inside AS16509) and raises confidence', () => {
    const a = attributeAddress({
      ip: '13.224.1.1',
      ipdb: { asn: 16509, asOrg: 'Amazon.com, Inc.', country: 'JP' },
      ptr: { status: 'ok', name: 'server-13-224-1-1.nrt57.r.cloudfront.net', confirmed: true },
    });
    expect(a).toMatchObject({ owner: 'amazon', role: 'cdn-edge', confidence: 'high' });
  });

  it('Linode: AS63949 plus its PTR name is a rented server, not the CDN', () => {
    const a = attributeAddress({
      ip: '45.33.32.156',
      ipdb: { asn: 63949, asOrg: 'Akamai Connected Cloud', country: 'US' },
      ptr: { status: 'ok', name: 'li982-156.members.linode.com', confirmed: true },
    });
    expect(a).toMatchObject({ owner: 'akamai', role: 'cloud-customer', confidence: 'high' });
    expect(a.evidence[0]?.detail).toContain('Not the Akamai CDN');
  });

  it('failed lookups become "unknown" evidence, never a crash', () => {
    const a = attributeAddress({
      ip: '23.215.0.136',
      ipdb: akamaiIntl,
      ptr: { status: 'error', name: null, confirmed: null },
      rdap: { status: 'error', summary: null, server: 'rdap.arin.net' },
    });
    expect(a).toMatchObject({ owner: 'akamai', confidence: 'high', ptr: null, rdap: null });
    expect(a.evidence.find((e) => e.kind === 'ptr')?.detail).toContain('failed (unknown)');
    expect(a.evidence.find((e) => e.kind === 'rdap')?.detail).toContain('failed (rdap.arin.net): unknown');
    const noPtr = attributeAddress({
      ip: '23.215.0.136',
      ipdb: akamaiIntl,
      ptr: { status: 'none', name: null, confirmed: null },
    });
    expect(noPtr.evidence.find((e) => e.kind === 'ptr')?.detail).toContain('No reverse-DNS');
  });

  it('takes the country from RDAP when the database has none', () => {
    const a = attributeAddress({
      ip: '203.1.1.1',
      ipdb: { asn: 64500, asOrg: null, country: null },
      rdap: { status: 'ok', summary: { name: 'EXAMPLE', org: null, country: 'AU', abuseEmail: null } },
    });
    expect(a.country).toBe('AU');
  });
});
