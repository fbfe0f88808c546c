import { describe, expect, it } from 'vitest';
import { IpDatabase } from '../../../main/core/intel/ipdb';
import { buildIpDatabase, disjointSpans } from '../../../main/core/intel/ipdb-build';
import { parseIpdbCsv } from '../../../main/core/intel/ipdb-csv';

function build(asnCsv: string, countryCsv: string): IpDatabase {
  const asn = parseIpdbCsv(asnCsv, { file: 'asn.csv' });
  const cc = parseIpdbCsv(countryCsv, { file: 'country.csv' });
  const { bytes } = buildIpDatabase({
    asnV4: asn.asnV4,
    asnV6: asn.asnV6,
    countryV4: cc.countryV4,
    countryV6: cc.countryV6,
    dataDate: '2026-01-02',
    sources: [],
  });
  return new IpDatabase(bytes);
}

describe('buildIpDatabase', () => {
  const asnCsv = [
    '23.32.0.0,23.32.1.255,20940,Akamai International B.V.',
    '23.32.2.0,23.32.2.255,35994,"Akamai Technologies, Inc."',
    '45.33.0.0,45.33.127.255,63949,"Akamai Technologies, Inc."',
    '192.168.0.0,192.168.255.255,64512,Bogus private row',
    '2a02:26f0::,2a02:26f0:ffff:ffff:ffff:ffff:ffff:ffff,20940,Akamai International B.V.',
    '2001:500:30ff::,2001:500:30ff::2f,396585,VeriSign Global Registry Services',
    '2001:500:30ff::30,2001:500:30ff::30,396552,VeriSign Global Registry Services',
  ].join('\n');
  const countryCsv = [
    '23.32.0.0,23.32.255.255,US',
    '45.33.0.0,45.33.255.255,US',
    '45.33.32.0,45.33.32.255,JP', // nested narrower row (geofeed correction) wins
    '192.168.0.0,192.168.255.255,AU',
    '2a02:26f0::,2a02:26f0:ffff:ffff:ffff:ffff:ffff:ffff,NL',
    '2001:db8::,2001:db8:ffff:ffff:ffff:ffff:ffff:ffff,JP',
  ].join('\n');
  const db = build(asnCsv, countryCsv);

  it('merges ASN and country rows covering the same addresses', () => {
    expect(db.lookup('23.32.0.0')).toEqual({ asn: 20940, asOrg: 'Akamai International B.V.', country: 'US' });
    expect(db.lookup('23.32.2.0')).toEqual({ asn: 35994, asOrg: 'Akamai Technologies, Inc.', country: 'US' });
    // Country only where no ASN row covers the address.
    expect(db.lookup('23.32.3.0')).toEqual({ asn: null, asOrg: null, country: 'US' });
    // ASN only where no country row covers it.
    expect(db.lookup('2001:500:30ff::30')).toEqual({
      asn: 396552,
      asOrg: 'VeriSign Global Registry Services',
      country: null,
    });
    expect(db.lookup('2001:500:30ff::2f')?.asn).toBe(396585);
    expect(db.lookup('2001:500:30ff::31')).toBeNull();
  });

  it('lets a nested narrower row win and resumes the wider one after it', () => {
    expect(db.lookup('45.33.31.255')?.country).toBe('US');
    expect(db.lookup('45.33.32.0')?.country).toBe('JP');
    expect(db.lookup('45.33.32.255')?.country).toBe('JP');
    expect(db.lookup('45.33.33.0')?.country).toBe('US');
    expect(db.lookup('45.33.32.156')?.asn).toBe(63949);
  });

  it('drops rows for private and documentation space', () => {
    expect(db.lookup('192.168.1.1')).toBeNull();
    expect(db.lookup('2001:db8::1')).toBeNull();
  });

  it('knows nothing outside the rows', () => {
    expect(db.lookup('23.31.255.255')).toBeNull();
    expect(db.lookup('23.33.0.0')).toBeNull();
    expect(db.lookup('8.8.8.8')).toBeNull();
    expect(db.lookup('2a02:26ef:ffff:ffff:ffff:ffff:ffff:ffff')).toBeNull();
    expect(db.lookup('2a02:26f1::')).toBeNull();
    expect(db.lookup('2a02:26f0:ffff:ffff:ffff:ffff:ffff:ffff')?.country).toBe('NL');
  });

  it('answers the lowest and highest addresses without running off the tables', () => {
    const edge = build('0.0.0.0,255.255.255.255,1,Everything', '::,ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff,ZZ');
    // Reserved blocks still come out empty; the rest is AS1.
    expect(edge.lookup('0.0.0.0')).toBeNull();
    expect(edge.lookup('255.255.255.255')).toBeNull();
    expect(edge.lookup('1.0.0.0')?.asn).toBe(1);
    expect(edge.lookup('223.255.255.255')?.asn).toBe(1);
    expect(edge.lookup('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toBeNull(); // multicast ff00::/8
    expect(edge.lookup('feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toBeNull(); // ZZ = unknown country
  });

  it('answers a whole /16, a split /16, a split /20 and a split /24 alike, at every edge', () => {
    const levels = build(
      [
        '20.1.0.0,20.1.255.255,1,Whole sixteen', // one v4Top entry
        '30.1.0.0,30.1.15.255,2,First twenty', // split /16, whole /20s (v4Mid)
        '30.1.16.0,30.1.255.255,3,Other twenties',
        '40.1.0.0,40.1.0.255,4,First twenty-four', // split /20, whole /24s (v4Sub)
        '40.1.1.0,40.1.255.255,5,Other twenty-fours',
        '50.1.0.0,50.1.0.127,6,Low half', // split /24: binary search
        '50.1.0.128,50.1.0.128,7,One address',
        '50.1.0.129,50.1.255.255,8,The rest',
      ].join('\n'),
      '20.1.0.0,20.1.255.255,JP',
    );
    const asn = (ip: string): number | null | undefined => levels.lookup(ip)?.asn;
    expect([asn('20.0.255.255'), asn('20.1.0.0'), asn('20.1.255.255'), asn('20.2.0.0')]).toEqual([
      undefined,
      1,
      1,
      undefined,
    ]);
    expect([asn('30.1.0.0'), asn('30.1.15.255'), asn('30.1.16.0'), asn('30.1.255.255')]).toEqual([2, 2, 3, 3]);
    expect([asn('40.1.0.0'), asn('40.1.0.255'), asn('40.1.1.0'), asn('40.1.15.255')]).toEqual([4, 4, 5, 5]);
    expect([asn('50.1.0.127'), asn('50.1.0.128'), asn('50.1.0.129'), asn('50.1.1.0')]).toEqual([6, 7, 8, 8]);
    // The same through IPv4-mapped IPv6, which reaches the tables by a different path.
    expect([asn('::ffff:30.1.15.255'), asn('::ffff:40.1.1.0'), asn('::ffff:50.1.0.128')]).toEqual([2, 5, 7]);
  });

  it('reads from a view at an unaligned offset (a Buffer slice)', () => {
    const { bytes } = buildIpDatabase({
      asnV4: [{ start: 0x08080800n, end: 0x080808ffn, asn: 15169, org: 'Google LLC' }],
      asnV6: [],
      countryV4: [],
      countryV6: [],
      dataDate: null,
      sources: [],
    });
    const padded = new Uint8Array(bytes.byteLength + 1);
    padded.set(bytes, 1);
    const db2 = new IpDatabase(padded.subarray(1));
    expect(db2.lookup('8.8.8.8')).toEqual({ asn: 15169, asOrg: 'Google LLC', country: null });
  });

  it('records counts, date and sources in the embedded meta', () => {
    expect(db.meta.dataDate).toBe('2026-01-02');
    expect(db.meta.counts.asnRowsV4).toBe(4);
    expect(db.meta.counts.countryRowsV6).toBe(2);
  });
});

describe('disjointSpans', () => {
  const span = (start: number, end: number, value: string): { start: bigint; end: bigint; value: string } => ({
    start: BigInt(start),
    end: BigInt(end),
    value,
  });
  const flat = (spans: { start: bigint; end: bigint; value: string }[]): string[] =>
    spans.map((s) => `${s.start}-${s.end}:${s.value}`);

  it('keeps disjoint rows as they are', () => {
    expect(flat(disjointSpans([span(0, 9, 'a'), span(10, 19, 'b')]))).toEqual(['0-9:a', '10-19:b']);
  });

  it('cuts a wider row around nested ones, even several and out of order', () => {
    expect(flat(disjointSpans([span(30, 39, 'c'), span(0, 99, 'w'), span(10, 19, 'b')]))).toEqual([
      '0-9:w',
      '10-19:b',
      '20-29:w',
      '30-39:c',
      '40-99:w',
    ]);
  });

  it('gives a partial overlap to the row starting later', () => {
    // asn-ipv4.csv: 214.95.0.0-215.0.255.255 (DoD) then 215.0.0.0-215.1.3.255 (DoD NIC).
    expect(flat(disjointSpans([span(0, 20, 'a'), span(15, 30, 'b')]))).toEqual(['0-14:a', '15-30:b']);
  });
});
