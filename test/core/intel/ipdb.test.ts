import { describe, expect, it } from 'vitest';
import { IpDatabase, IpdbFormatError } from '../../../main/core/intel/ipdb';
import { IPDB_FORMAT_VERSION } from '../../../main/core/intel/ipdb-format';
import { parseIPv4Fast, parseIPv6Into } from '../../../main/core/intel/ip-fast';
import { formatIPv4 } from '../../../main/core/net/ip';
import { realIpDatabase } from './ipdb-data';

// Expected values read from the shipped CSVs (node_modules/@ip-location-db/{asn,geo-whois-asn-country}, data of
// 2026-06-17); when the package is updated and an owner changes, update the row and say so in the commit.
describe('IpDatabase over the compiled ip-location-db data', () => {
  const db = realIpDatabase();

  it.each([
    // Akamai CDN edge space (shared/DOMAIN.md §1): 23.32.0.0/11 is split between AS20940, AS16625 and AS35994.
    ['23.32.0.1', 20940, 'Akamai International B.V.', 'US'],
    ['23.32.6.1', 16625, 'Akamai Technologies, Inc.', 'US'],
    ['23.0.0.1', 20940, 'Akamai International B.V.', 'US'],
    ['2.16.0.1', 20940, 'Akamai International B.V.', 'NL'],
    ['69.22.151.1', 20940, 'Akamai International B.V.', 'US'],
    // iCloud Private Relay egress run by Akamai: the geofeed places it where its users are, not in the US.
    ['172.225.0.1', 36183, 'Akamai Technologies, Inc.', 'TR'],
    // Akamai Connected Cloud (ex-Linode) customer VM: scanme.nmap.org.
    ['45.33.32.156', 63949, 'Akamai Technologies, Inc.', 'US'],
    // 1.1.1.0/24 is registered to APNIC Labs in Australia; Cloudflare announces it.
    ['1.1.1.1', 13335, 'Cloudflare, Inc.', 'AU'],
    ['8.8.8.8', 15169, 'Google LLC', 'US'],
    // An Akamai edge inside So-net: the ASN says the ISP (issue 4), so attribution needs the PTR.
    ['110.232.152.33', 2527, 'Sony Network Communications Inc.', 'JP'],
    ['2606:4700:4700::1111', 13335, 'Cloudflare, Inc.', 'US'],
    ['2a02:26f0::1', 20940, 'Akamai International B.V.', 'NL'],
    ['2001:4860:4860::8888', 15169, 'Google LLC', 'US'],
  ])('%s -> AS%i %s, %s', (ip, asn, asOrg, country) => {
    expect(db.lookup(ip)).toEqual({ asn, asOrg, country });
  });

  it('answers IPv4-mapped IPv6 as the IPv4 address, in any spelling', () => {
    const v4 = db.lookup('8.8.8.8');
    expect(db.lookup('::ffff:8.8.8.8')).toBe(v4);
    expect(db.lookup('::FFFF:0808:0808')).toBe(v4);
    expect(db.lookup('0:0:0:0:0:ffff:8.8.8.8')).toBe(v4);
  });

  it('accepts the spellings logs use: brackets, zone suffix, upper case, leading zeros', () => {
    const cf = db.lookup('2606:4700:4700::1111');
    expect(db.lookup('[2606:4700:4700::1111]')).toBe(cf);
    expect(db.lookup('2606:4700:4700:0:0:0:0:1111%eth0')).toBe(cf);
    expect(db.lookup('2606:4700:4700:0000:0000:0000:0000:1111')).toBe(cf);
    expect(db.lookup('001.001.001.001')).toBe(db.lookup('1.1.1.1'));
  });

  it.each([
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1', // the source country list wrongly says AU for 192.168.0.0/16
    '100.64.0.1',
    '127.0.0.1',
    '169.254.1.1',
    '0.0.0.0',
    '192.0.2.1',
    '198.51.100.7',
    '203.0.113.9',
    '224.0.0.251',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    'ff02::1',
    '2001:db8::1', // the source country list wrongly says JP for the documentation prefix
    '::ffff:192.168.1.1',
  ])('private or reserved %s -> null', (ip) => {
    expect(db.lookup(ip)).toBeNull();
  });

  it.each([
    '',
    'x',
    '1.2.3',
    '1.2.3.4.5',
    '256.1.1.1',
    '1.2.3.4 ',
    '1..2.3',
    '2001:db8::1::1',
    '12345::',
    ':1:2',
    '1:2:3',
  ])('not an address %j -> null', (text) => {
    expect(db.lookup(text)).toBeNull();
  });

  it('honours range boundaries: first and last address in, neighbours out', () => {
    // 1.1.1.0/24 is Cloudflare / AU; 1.1.0.0/24 and 1.1.2.0/23.. have no ASN row and country CN.
    expect(db.lookup('1.1.1.0')?.asn).toBe(13335);
    expect(db.lookup('1.1.1.255')?.asn).toBe(13335);
    expect(db.lookup('1.1.0.255')).toEqual({ asn: null, asOrg: null, country: 'CN' });
    expect(db.lookup('1.1.2.0')).toEqual({ asn: null, asOrg: null, country: 'CN' });
    // 23.32.0.0-23.32.1.255 AS20940, 23.32.2.0/24 AS35994.
    expect(db.lookup('23.32.1.255')?.asn).toBe(20940);
    expect(db.lookup('23.32.2.0')?.asn).toBe(35994);
    expect(db.lookup('23.32.2.255')?.asn).toBe(35994);
    expect(db.lookup('23.32.3.0')?.asn).toBe(20940);
    // Just outside the reserved blocks.
    expect(db.lookup('9.255.255.255')).not.toBeNull();
    expect(db.lookup('11.0.0.0')).not.toBeNull();
    expect(db.lookup('223.255.255.255')).not.toBeNull();
  });

  it('keeps IPv6 ranges narrower than /64 (full 128-bit keys)', () => {
    // asn-ipv6.csv: 2001:500:30ff::/123-ish split around a single address announced by another VeriSign AS.
    expect(db.lookup('2001:500:30ff::2f')?.asn).toBe(396585);
    expect(db.lookup('2001:500:30ff::30')?.asn).toBe(396552);
    expect(db.lookup('2001:500:30ff::31')?.asn).toBe(396585);
    // Country list: one geofeed address inside a US block is CA.
    expect(db.lookup('2001:418:1439::29f')?.country).toBe('US');
    expect(db.lookup('2001:418:1439::2a0')?.country).toBe('CA');
    expect(db.lookup('2001:418:1439::2a1')?.country).toBe('US');
  });

  // lookup() parses in the same pass as it reads the tables, with its own copy of the parsing rules; ip-fast.ts's
  // parsers (pinned against core/net/ip.ts in ip-fast.test.ts) are the reference it must agree with on every text.
  it('reads any text the way the reference parsers do: same answer as the plain address, null when they reject it', () => {
    const samples = [
      '1.1.1.1',
      '23.32.6.1',
      '203.0.113.9',
      '45.33.32.156',
      '001.002.003.004',
      '45.033.032.156',
      '::',
      '::1',
      '1::',
      '::ffff:8.8.8.8',
      '[::ffff:8.8.8.8]',
      '::FFFF:0808:0808',
      '2606:4700:4700::1111',
      '[2606:4700:4700::1111]',
      'fe80::1%eth0',
      'fe80::%eth0',
      '2001:500:30ff::2f',
      '2001:DB8:0:0:8:800:200C:417A',
      '2a02:26f0:ffff:ffff:ffff:ffff:ffff:ffff',
      '64:ff9b::203.0.113.5',
      '2606:4700::1111:%eth0', // not an address: each of these must stay null
      '1:2:3:4:5:6:7:8:9',
      '[::1]x',
    ];
    const pieces = [
      '0',
      '1',
      '9',
      'a',
      'F',
      'g',
      ':',
      '::',
      '.',
      '%',
      '[',
      ']',
      ' ',
      '255',
      '256',
      'ffff',
      '12345',
      '\u0000',
    ];
    let seed = 1;
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const texts = [...samples];
    for (let k = 0; k < 20_000; k++) {
      const base = samples[rnd(samples.length)] as string;
      const at = rnd(base.length + 1);
      const piece = pieces[rnd(pieces.length)] as string;
      const cut = rnd(3);
      texts.push(base.slice(0, at) + (cut === 1 ? '' : piece) + base.slice(at + (cut === 0 ? 0 : 1)));
    }
    const words = new Uint32Array(4);
    let accepted = 0;
    for (const text of texts) {
      const v4 = parseIPv4Fast(text);
      let expected;
      if (v4 >= 0) expected = db.lookup(formatIPv4(v4));
      else if (parseIPv6Into(text, words)) {
        const hex = Array.from(words, (w) => `${(w >>> 16).toString(16)}:${(w & 0xffff).toString(16)}`).join(':');
        expected = db.lookup(hex);
      } else expected = null;
      if (expected !== null) accepted++;
      expect(db.lookup(text), text).toBe(expected);
    }
    expect(accepted).toBeGreaterThan(2_000);
  });

  it('returns the same frozen object for addresses of the same owner, so lookups allocate nothing', () => {
    const a = db.lookup('23.32.0.1');
    expect(db.lookup('23.32.0.2')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it('carries its data date, counts and the required credits', () => {
    expect(db.meta.dataDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(db.meta.counts.rangesV4).toBeGreaterThan(100_000);
    expect(db.meta.counts.rangesV6).toBeGreaterThan(10_000);
    const credits = db.meta.sources.map((s) => s.attribution).join('\n');
    expect(credits).toContain('DB-IP');
    expect(credits).toContain('RouteViews');
    expect(credits).toContain('nro.net');
    expect(db.meta.sources.find((s) => s.name === 'DB-IP')?.licenseText).toContain('Creative Commons Attribution 4.0');
  });
});

describe('IpDatabase file checks', () => {
  it('rejects bytes that are not a NetWhy IP database', () => {
    expect(() => new IpDatabase(new Uint8Array(100))).toThrow(IpdbFormatError);
    expect(() => new IpDatabase(new TextEncoder().encode('NWIPDB\0\0'))).toThrow(/too short/);
  });

  it('rejects a truncated file', () => {
    const db = realIpDatabase();
    const full = new Uint8Array(db.header.v4Count * 8 + 1_000_000);
    full.set(new TextEncoder().encode('NWIPDB\0\0'));
    new DataView(full.buffer).setUint32(8, IPDB_FORMAT_VERSION, true);
    new DataView(full.buffer).setUint32(12, db.header.v4Count, true);
    new DataView(full.buffer).setUint32(16, db.header.v6Count, true);
    new DataView(full.buffer).setUint32(20, db.header.recordCount, true);
    expect(() => new IpDatabase(full)).toThrow(/truncated/);
  });
});
