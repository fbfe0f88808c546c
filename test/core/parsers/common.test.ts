import { describe, expect, it } from 'vitest';
import { parsePort, parseTcpFlags, protocolName } from '../../../main/core/parsers/common';

describe('protocolName', () => {
  it.each([
    ['TCP', 'tcp'],
    ['6', 'tcp'],
    [17, 'udp'],
    ['udp6', 'udp'],
    ['tcp4', 'tcp'],
    ['ICMPv6', 'icmpv6'],
    ['IPV6-ICMP', 'icmpv6'],
    [58, 'icmpv6'],
    ['1', 'icmp'],
    [' GRE ', 'gre'],
    // Keepalives and routing a router's own log shows (netfilter prints the number, pf and Cisco a name).
    ['112', 'vrrp'],
    ['89', 'ospf'],
    ['OSPFIGP', 'ospf'],
    [103, 'pim'],
    ['253', '253'],
  ] as const)('%j -> %s', (input, expected) => {
    expect(protocolName(input)).toBe(expected);
  });
});

describe('parsePort', () => {
  it.each([
    ['443', 443],
    ['0', 0],
    ['65535', 65535],
    ['https', 443],
    ['HTTP', 80],
    ['netbios-ssn', 139],
    ['0x01BB', 443],
    // Names tcpdump and pf print from /etc/services, beyond NetWhy's short list: looked up in IANA's registry.
    ['mysql', 3306],
    ['ms-sql-s', 1433],
    ['bgp', 179],
    ['sip', 5060],
    ['ldap', 389],
    ['ircd', 6667],
  ])('%s -> %i', (input, expected) => {
    expect(parsePort(input)).toBe(expected);
  });

  it.each([undefined, null, '', '*', '-', '65536', '-1', 'no-such-service', '4.4'])('%j -> null', (input) => {
    expect(parsePort(input)).toBeNull();
  });
});

describe('parseTcpFlags (canonical order SYN ACK FIN RST PSH URG ECE CWR)', () => {
  it.each([
    ['SYN ACK', ['SYN', 'ACK']],
    ['ACK SYN', ['SYN', 'ACK']],
    ['ACK,PSH', ['ACK', 'PSH']],
    ['SYN/ACK', ['SYN', 'ACK']],
    ['RST-ACK', ['ACK', 'RST']],
    ['CWR ECE SYN', ['SYN', 'ECE', 'CWR']],
    ['push reset', ['RST', 'PSH']],
    ['SA', ['SYN', 'ACK']],
    ['FPA', ['ACK', 'FIN', 'PSH']],
    ['S', ['SYN']],
    ['A', ['ACK']],
    ['R', ['RST']],
    ['SEW', ['SYN', 'ECE', 'CWR']],
    ['FIN', ['FIN']],
    ['none', []],
    ['-', []],
    ['', []],
  ] as const)('%j', (input, expected) => {
    expect(parseTcpFlags(input)).toEqual(expected);
  });
});
