import { describe, expect, it } from 'vitest';
import { isLocalAddress } from '../../../main/core/net/scope';

describe('isLocalAddress', () => {
  it.each([
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '127.0.0.1',
    '169.254.10.1',
    '100.64.0.1',
    '100.127.255.254',
    '224.0.0.251',
    '239.255.255.250',
    '255.255.255.255',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd12:3456::1',
    'ff02::16',
    '::ffff:192.168.0.1',
  ])('%s is on the user side / never routed', (ip) => {
    expect(isLocalAddress(ip)).toBe(true);
  });

  it.each([
    '23.32.1.1',
    '172.32.0.1',
    '172.15.255.255',
    '100.128.0.1',
    '8.8.8.8',
    '2001:db8::1',
    '2600:1400::1',
    '::ffff:23.1.1.1',
  ])('%s is an internet address', (ip) => {
    expect(isLocalAddress(ip)).toBe(false);
  });
});
