/**
 * Addresses and CIDR prefixes as numbers, for range tests (special ranges, RDAP bootstrap, knowledge tables).
 * BigInt keeps IPv4 and IPv6 on one code path; these tests run per distinct host, not per packet.
 */
import { formatIPv4, formatIPv6, parseIPv4, parseIPv6Groups } from '../net/ip';

export interface ParsedAddress {
  family: 4 | 6;
  /** 32-bit (IPv4) or 128-bit (IPv6) value. */
  value: bigint;
  /** Canonical text: dotted quad, or RFC 5952 IPv6. */
  text: string;
}

export interface Prefix {
  family: 4 | 6;
  base: bigint;
  bits: number;
  text: string;
}

function groupsToBigInt(groups: readonly number[]): bigint {
  let v = 0n;
  for (const g of groups) v = (v << 16n) | BigInt(g);
  return v;
}

function bigIntToGroups(v: bigint): number[] {
  const out: number[] = [];
  for (let i = 7; i >= 0; i--) out.push(Number((v >> BigInt(i * 16)) & 0xffffn));
  return out;
}

/** Parses an IPv4 or IPv6 address ("[2001:db8::1]" and "%zone" tolerated); null when it is not one. */
export function parseAddress(text: string): ParsedAddress | null {
  const t = text.trim();
  const v4 = parseIPv4(t);
  if (v4 !== null) return { family: 4, value: BigInt(v4), text: formatIPv4(v4) };
  const groups = parseIPv6Groups(t);
  if (!groups) return null;
  return { family: 6, value: groupsToBigInt(groups), text: formatIPv6(groups) };
}

export function formatAddress(family: 4 | 6, value: bigint): string {
  return family === 4 ? formatIPv4(Number(value)) : formatIPv6(bigIntToGroups(value));
}

/** "10.0.0.0/8", "2001:db8::/32"; a bare address is a /32 or /128. Host bits are cleared. */
export function parsePrefix(text: string): Prefix | null {
  const [addr, len, extra] = text.trim().split('/');
  if (extra !== undefined || addr === undefined) return null;
  const a = parseAddress(addr);
  if (!a) return null;
  const width = a.family === 4 ? 32 : 128;
  const bits = len === undefined ? width : /^\d{1,3}$/.test(len) ? Number(len) : NaN;
  if (!Number.isInteger(bits) || bits < 0 || bits > width) return null;
  const base = bits === 0 ? 0n : (a.value >> BigInt(width - bits)) << BigInt(width - bits);
  return { family: a.family, base, bits, text: `${formatAddress(a.family, base)}/${bits}` };
}

export function prefixContains(p: Prefix, a: ParsedAddress): boolean {
  if (p.family !== a.family) return false;
  const width = a.family === 4 ? 32 : 128;
  if (p.bits === 0) return true;
  const shift = BigInt(width - p.bits);
  return a.value >> shift === p.base >> shift;
}

/** The last address of a prefix (for range keys). */
export function prefixEnd(p: Prefix): bigint {
  const width = p.family === 4 ? 32 : 128;
  return p.base | ((1n << BigInt(width - p.bits)) - 1n);
}

/** Fixed-width hex of an address value: sorts like the number, so SQLite can range-compare it as text. */
export function addressKey(family: 4 | 6, value: bigint): string {
  return value.toString(16).padStart(family === 4 ? 8 : 32, '0');
}

/** The IPv4 address inside ::ffff:a.b.c.d (RFC 4291 §2.5.5.2) or 64:ff9b::a.b.c.d (NAT64, RFC 6052). */
export function embeddedIpv4(a: ParsedAddress): { ipv4: string; via: 'mapped' | 'nat64' } | null {
  if (a.family !== 6) return null;
  const high = a.value >> 32n;
  const low = a.value & 0xffffffffn;
  if (high === 0xffffn) return { ipv4: formatIPv4(Number(low)), via: 'mapped' };
  if (high === 0x0064ff9b0000000000000000n) return { ipv4: formatIPv4(Number(low)), via: 'nat64' };
  return null;
}

/** The reverse-lookup name of an address: 4.3.2.1.in-addr.arpa, or the ip6.arpa nibbles (RFC 3596 §2.5). */
export function reverseDnsName(ip: string): string | null {
  const a = parseAddress(ip);
  if (!a) return null;
  if (a.family === 4) return `${a.text.split('.').reverse().join('.')}.in-addr.arpa`;
  return `${a.value.toString(16).padStart(32, '0').split('').reverse().join('.')}.ip6.arpa`;
}
