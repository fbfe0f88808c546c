import { describe, expect, it } from 'vitest';
import { IpdbCsvError, parseIpdbCsv, splitCsvLine } from '../../../main/core/intel/ipdb-csv';

// Lines in the exact shape of the published files (first rows of asn-ipv4.csv, asn-ipv4-num.csv, asn-ipv6.csv,
// geo-whois-asn-country-ipv4.csv and -ipv6-num.csv of @ip-location-db 2.3.2026061719).
const ASN_V4 = `1.0.0.0,1.0.0.255,13335,"Cloudflare, Inc."
1.0.4.0,1.0.7.255,38803,Gtelecom Pty Ltd
1.0.64.0,1.0.127.255,18144,"Enecom,Inc."
`;
const ASN_V4_NUM = `16777216,16777471,13335,"Cloudflare, Inc."
16778240,16779263,38803,Gtelecom Pty Ltd
`;
const ASN_V6 = `2001::,2001::ffff:ffff:ffff:ffff:ffff:ffff,6939,Hurricane Electric LLC
2001:4:112::,2001:4:112:ffff:ffff:ffff:ffff:ffff,112,DNS-OARC
`;
const COUNTRY_V4 = `1.0.0.0,1.0.0.255,AU
1.0.1.0,1.0.3.255,CN
`;
const COUNTRY_V6_NUM = `42540488320432167789079031612388147200,42540488320433376714898646241562853375,JP
`;

function problem(text: string, file = 'my.csv'): IpdbCsvError {
  try {
    parseIpdbCsv(text, { file });
  } catch (err) {
    if (err instanceof IpdbCsvError) return err;
    throw err;
  }
  throw new Error('expected an IpdbCsvError');
}

describe('parseIpdbCsv', () => {
  it('reads an ASN file with quoted organisation names', () => {
    const r = parseIpdbCsv(ASN_V4, { file: 'asn-ipv4.csv' });
    expect(r.kind).toBe('asn');
    expect(r.asnV4).toEqual([
      { start: 0x01000000n, end: 0x010000ffn, asn: 13335, org: 'Cloudflare, Inc.' },
      { start: 0x01000400n, end: 0x010007ffn, asn: 38803, org: 'Gtelecom Pty Ltd' },
      { start: 0x01004000n, end: 0x01007fffn, asn: 18144, org: 'Enecom,Inc.' },
    ]);
  });

  it('reads the numeric ("-num") form to the same ranges', () => {
    const r = parseIpdbCsv(ASN_V4_NUM, { file: 'asn-ipv4-num.csv' });
    expect(r.asnV4.slice(0, 2)).toEqual(parseIpdbCsv(ASN_V4, { file: 'a.csv' }).asnV4.slice(0, 2));
  });

  it('reads IPv6 text and numeric IPv6 (by file name or by size)', () => {
    const r = parseIpdbCsv(ASN_V6, { file: 'asn-ipv6.csv' });
    expect(r.asnV6[0]).toEqual({
      start: 0x20010000n << 96n,
      end: (0x20010000n << 96n) | ((1n << 96n) - 1n),
      asn: 6939,
      org: 'Hurricane Electric LLC',
    });
    const n = parseIpdbCsv(COUNTRY_V6_NUM, { file: 'newer.csv' });
    expect(n.kind).toBe('country');
    expect(n.countryV6[0]?.country).toBe('JP');
    expect(n.countryV6[0]?.start).toBe(42540488320432167789079031612388147200n);
  });

  it('reads a country file; CRLF, a BOM, blank lines, comments and a header are fine', () => {
    const text = `\ufeffip_range_start,ip_range_end,country_code\r\n# comment\r\n\r\n${COUNTRY_V4.replace(/\n/g, '\r\n')}`;
    const r = parseIpdbCsv(text, { file: 'geo.csv' });
    expect(r.kind).toBe('country');
    expect(r.countryV4.map((c) => c.country)).toEqual(['AU', 'CN']);
  });

  it('treats an empty ASN or AS0 as unknown, and accepts an "AS" prefix', () => {
    const r = parseIpdbCsv('1.0.0.0,1.0.0.255,,\n1.0.1.0,1.0.1.255,0,Nobody\n1.0.2.0,1.0.2.255,AS20940,Akamai\n', {
      file: 'x.csv',
    });
    expect(r.asnV4.map((a) => [a.asn, a.org])).toEqual([
      [null, null],
      [null, 'Nobody'],
      [20940, 'Akamai'],
    ]);
  });

  it.each([
    ['', 'empty', 'my.csv: the file has no address ranges'],
    ['1.0.0.0,1.0.0.255\n', 'columns', 'my.csv, line 1: expected 3 fields'],
    [
      `${COUNTRY_V4}1.0.4.0,1.0.7.255,38803,Gtelecom\n`,
      'columns',
      'my.csv, line 3: expected 3 fields like the lines before, found 4',
    ],
    ['1.0.0.0,1.0.0.256,AU\n', 'address', 'my.csv, line 1: "1.0.0.256" is not an IP address'],
    ['one,two,AU\n', 'address', 'my.csv, line 1: "one" is not an IP address'],
    ['1.0.0.0,2001::,AU\n', 'family', 'my.csv, line 1: range mixes IPv4 and IPv6'],
    ['1.0.0.9,1.0.0.0,AU\n', 'order', 'my.csv, line 1: range end 1.0.0.0 is before its start 1.0.0.9'],
    [`${ASN_V4}1.0.128.0,1.0.128.255,13x35,Foo\n`, 'asn', 'my.csv, line 4: "13x35" is not an AS number'],
    [
      `${COUNTRY_V4}\n1.0.4.0,1.0.7.255,Australia\n`,
      'country',
      'my.csv, line 4: "AUSTRALIA" is not a two-letter country code',
    ],
    ['1.0.0.0,1.0.0.255,13335,"Cloudflare, Inc.\n', 'quote', 'my.csv, line 1: unterminated quoted field'],
  ])('rejects %j with a message naming the file and line', (text, kind, message) => {
    const err = problem(text);
    expect(err.problem).toBe(kind);
    expect(err.message).toContain(message);
    expect(err.file).toBe('my.csv');
  });

  it('counts lines from 1 including skipped ones', () => {
    expect(problem('# header comment\n\n1.0.0.0,1.0.0.255,AU\nbad line\n').line).toBe(4);
  });
});

describe('splitCsvLine', () => {
  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    ['a,,c', ['a', '', 'c']],
    ['a,"b,c",d', ['a', 'b,c', 'd']],
    ['a,"say ""hi""",d', ['a', 'say "hi"', 'd']],
    ['a,"b"', ['a', 'b']],
    ['a,b,', ['a', 'b', '']],
  ])('%s', (line, fields) => {
    expect(splitCsvLine(line)).toEqual(fields);
  });

  it('returns null for a broken quote', () => {
    expect(splitCsvLine('a,"b')).toBeNull();
    expect(splitCsvLine('a,"b"c')).toBeNull();
  });
});
