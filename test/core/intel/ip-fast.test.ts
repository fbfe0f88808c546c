import { describe, expect, it } from 'vitest';
import { parseIPv4Fast, parseIPv6Into } from '../../../main/core/intel/ip-fast';
import { normalizeIp, parseIPv6Groups } from '../../../main/core/net/ip';

const words = (text: string): number[] | null => {
  const out = new Uint32Array(4);
  return parseIPv6Into(text, out) ? Array.from(out) : null;
};
const fromGroups = (g: number[]): number[] => [0, 2, 4, 6].map((i) => ((g[i] ?? 0) * 65536 + (g[i + 1] ?? 0)) >>> 0);

describe('parseIPv4Fast', () => {
  it.each([
    ['0.0.0.0', 0],
    ['1.1.1.1', 0x01010101],
    ['255.255.255.255', 0xffffffff],
    ['192.168.001.010', 0xc0a8010a], // zero-padded octets are decimal, as normalizeIp reads them
  ])('%s', (text, n) => {
    expect(parseIPv4Fast(text)).toBe(n);
  });

  it.each([
    '',
    '1.2.3',
    '1.2.3.4.5',
    '256.0.0.0',
    '1.2.3.-4',
    '1..2.3',
    '.1.2.3',
    '1.2.3.',
    '1.2.3.4x',
    ' 1.2.3.4',
    '1234.1.1.1',
    '1.2.3.0004',
    '12345678901234', // a long run of digits (kept in int32 while parsing)
    '::1',
  ])('rejects %j', (text) => {
    expect(parseIPv4Fast(text)).toBe(-1);
  });
});

describe('parseIPv6Into', () => {
  // The general parser in core/net/ip.ts is the reference: both must agree on every spelling.
  it.each([
    '::',
    '::1',
    '1::',
    '2001:db8::1',
    '2001:DB8:0:0:8:800:200C:417A',
    'fe80::1%eth0',
    'fe80::%eth0',
    '[2606:4700:4700::1111]',
    '::ffff:192.0.2.1',
    '64:ff9b::203.0.113.5',
    '1:2:3:4:5:6:7:8',
    '1:2:3:4:5:6::8',
    '1::3:4:5:6:7:8',
    'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    '[::]',
    '::%eth0',
    'FE80::ABCD%1',
    '1:2:3:4:5:6:7::',
    '::2:3:4:5:6:7:8',
  ])('%s agrees with parseIPv6Groups', (text) => {
    const g = parseIPv6Groups(text);
    expect(g).not.toBeNull();
    expect(words(text)).toEqual(fromGroups(g as number[]));
  });

  it.each([
    '',
    ':',
    ':::',
    '1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    '12345::',
    ':1::',
    '1:',
    'g::1',
    '1:2:3:4:5:6:7:1.2.3.4',
    '::1.2.3',
    '[::1',
    '[::1]x',
    '1.2.3.4',
    '[]',
    '[',
    '2606:4700::1111:%eth0',
    '1:2:3:4:5:6:7:8::',
    '1::2:3:4:5:6:7:8',
    '::ffff:1.2.3.256',
    '1:2:3:4:5:6:7:8\u0000',
  ])('rejects %j like parseIPv6Groups does', (text) => {
    expect(words(text)).toBeNull();
    if (text !== '1.2.3.4') expect(normalizeIp(text)).toBeNull();
  });
});
