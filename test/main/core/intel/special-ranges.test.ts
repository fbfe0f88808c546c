import { describe, expect, it } from 'vitest';
import { specialRangeOf } from '../../../../main/core/intel/special-ranges';
import { attributeAddress } from '../../../../main/core/intel/attribute';

describe('special-purpose ranges are recognised without any lookup', () => {
  it.each([
    ['10.1.2.3', 'private', 'RFC 1918'],
    ['172.16.0.1', 'private', 'RFC 1918'],
    ['172.31.255.254', 'private', 'RFC 1918'],
    ['192.168.1.1', 'private', 'RFC 1918'],
    ['100.64.0.1', 'cgnat', 'RFC 6598'],
    ['100.127.255.254', 'cgnat', 'RFC 6598'],
    ['127.0.0.1', 'loopback', 'RFC 1122 §3.2.1.3'],
    ['169.254.10.20', 'link-local', 'RFC 3927'],
    ['192.0.2.55', 'documentation', 'RFC 5737'],
    ['198.51.100.7', 'documentation', 'RFC 5737'],
    ['203.0.113.200', 'documentation', 'RFC 5737'],
    ['224.0.0.251', 'multicast', 'RFC 5771'],
    ['239.255.255.250', 'multicast', 'RFC 5771'],
    ['198.18.0.1', 'reserved', 'RFC 2544'],
    ['255.255.255.255', 'reserved', 'RFC 919'],
    ['240.0.0.1', 'reserved', 'RFC 1112 §4'],
    ['0.0.0.0', 'reserved', 'RFC 1122 §3.2.1.3'],
    ['::', 'reserved', 'RFC 4291 §2.5.2'],
    ['::1', 'loopback', 'RFC 4291 §2.5.3'],
    ['fe80::1c2b:3cff:fe4d:5e6f', 'link-local', 'RFC 4291 §2.5.6'],
    ['fd12:3456:789a::1', 'private', 'RFC 4193'],
    ['2001:db8::1', 'documentation', 'RFC 3849'],
    ['ff02::fb', 'multicast', 'RFC 4291 §2.7'],
    ['2001:2::1', 'reserved', 'RFC 5180'],
  ])('%s is %s (%s)', (ip, role, reference) => {
    const r = specialRangeOf(ip);
    expect(r?.role).toBe(role);
    expect(r?.reference).toBe(reference);
  });

  it.each(['8.8.8.8', '23.215.0.136', '100.128.0.1', '172.32.0.1', '192.0.3.1', '2600:1406::1', '2001:db9::1'])(
    'leaves the ordinary address %s alone',
    (ip) => expect(specialRangeOf(ip)).toBeNull(),
  );

  it('gives a private address a certain attribution with evidence and no owner, in both languages', () => {
    const a = attributeAddress({ ip: '192.168.0.10' });
    expect(a).toMatchObject({ owner: null, role: 'private', confidence: 'high', asn: null, ptr: null, rdap: null });
    expect(a.evidence).toHaveLength(1);
    expect(a.evidence[0]?.kind).toBe('special-range');
    expect(a.evidence[0]?.detail).toContain('RFC 1918');
    expect(a.evidence[0]?.detailJa).toContain('プライベート');
  });

  it('unwraps IPv4-mapped and NAT64 addresses to the IPv4 inside', () => {
    const mapped = attributeAddress({ ip: '::FFFF:192.168.0.10' });
    expect(mapped.ip).toBe('::ffff:192.168.0.10');
    expect(mapped.role).toBe('private');
    expect(mapped.evidence[0]?.detail).toContain('IPv4-mapped');
    const nat64 = attributeAddress({ ip: '64:ff9b::1.1.1.1' });
    expect(nat64).toMatchObject({ owner: 'cloudflare', role: 'dns' });
    expect(nat64.evidence[0]?.detail).toContain('NAT64');
  });
});
