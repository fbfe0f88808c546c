import { describe, expect, it } from 'vitest';
import { formatIPv6, ipFamily, normalizeIp, parseIPv4, parseIPv6Groups } from '../../../main/core/net/ip';

describe('normalizeIp (RFC 5952 canonical IPv6, plain IPv4)', () => {
  it.each([
    // §4.1 leading zeros dropped; §4.3 lowercase.
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:DB8::AbCd', '2001:db8::abcd'],
    // §4.2.1 "::" must shorten as much as possible.
    ['2001:db8:0:0:0:0:2:1', '2001:db8::2:1'],
    ['2001:db8::0:1', '2001:db8::1'],
    // §4.2.2 a single 16-bit zero field is not shortened.
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['2001:db8::1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    // §4.2.3 the longest run is shortened; on a tie, the first one.
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    // §5 IPv4-mapped addresses keep the dotted quad.
    ['::ffff:192.0.2.1', '::ffff:192.0.2.1'],
    ['0:0:0:0:0:ffff:c000:0201', '::ffff:192.0.2.1'],
    ['::', '::'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['1::', '1::'],
    ['fe80:0000:0000:0000:0084:88ff:feae:790a', 'fe80::84:88ff:feae:790a'],
    // Zone suffixes and brackets as logs print them are dropped.
    ['fe80::1%eth0', 'fe80::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['192.0.2.1', '192.0.2.1'],
    // Zero-padded octets as router UIs print them are read as decimal.
    ['010.001.002.003', '10.1.2.3'],
    [' 198.51.100.7 ', '198.51.100.7'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeIp(input)).toBe(expected);
  });

  it.each([
    '',
    'x',
    '1.2.3',
    '1.2.3.256',
    '2001:db8::1::2',
    '12345::',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7:8::',
    'g::1',
  ])('rejects %j', (input) => {
    expect(normalizeIp(input)).toBeNull();
  });
});

describe('ip helpers', () => {
  it('parseIPv4 refuses ambiguous leading zeros and out-of-range octets', () => {
    expect(parseIPv4('192.0.2.1')).toBe(0xc0000201);
    expect(parseIPv4('192.0.2.01')).toBeNull();
    expect(parseIPv4('192.0.2.300')).toBeNull();
  });

  it('parseIPv6Groups expands "::" and embedded IPv4', () => {
    expect(parseIPv6Groups('2001:db8::1')).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6Groups('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]);
    expect(parseIPv6Groups('1.2.3.4')).toBeNull();
  });

  it('formatIPv6 of all zero groups is "::"', () => {
    expect(formatIPv6([0, 0, 0, 0, 0, 0, 0, 0])).toBe('::');
  });

  it('ipFamily agrees with normalizeIp', () => {
    expect(ipFamily('192.0.2.1')).toBe(4);
    expect(ipFamily('010.001.002.003')).toBe(4);
    expect(ipFamily('2001:db8::1')).toBe(6);
    expect(ipFamily('[fe80::1%en0]')).toBe(6);
    expect(ipFamily('host.example')).toBeNull();
  });
});
