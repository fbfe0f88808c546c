/**
 * Special-purpose blocks that are never on the public internet, removed from the compiled data: the source CSVs carry
 * stray rows for some of them (e.g. 192.168.0.0/16 -> AU and 2001:db8::/32 -> JP in the country list), which would
 * make a LAN address look foreign. From the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and
 * updates) plus multicast and the reserved 240/4; only blocks marked not globally reachable are listed.
 */
export interface ReservedBlock {
  /** First address as a bigint (IPv4: 32-bit value; IPv6: 128-bit). */
  start: bigint;
  end: bigint;
}

const v4 = (a: number, b: number, c: number, d: number, prefix: number): ReservedBlock => {
  const start = BigInt(((a << 24) | (b << 16) | (c << 8) | d) >>> 0);
  return { start, end: start + (1n << BigInt(32 - prefix)) - 1n };
};

/** `words` are the leading 16-bit groups of the prefix. */
const v6 = (words: number[], prefix: number): ReservedBlock => {
  let start = 0n;
  for (let i = 0; i < 8; i++) start = (start << 16n) | BigInt(words[i] ?? 0);
  return { start, end: start + (1n << BigInt(128 - prefix)) - 1n };
};

export const RESERVED_V4: readonly ReservedBlock[] = [
  v4(0, 0, 0, 0, 8), // "this network", RFC 791
  v4(10, 0, 0, 0, 8), // private, RFC 1918
  v4(100, 64, 0, 0, 10), // shared address space (CGNAT), RFC 6598
  v4(127, 0, 0, 0, 8), // loopback, RFC 1122
  v4(169, 254, 0, 0, 16), // link-local, RFC 3927
  v4(172, 16, 0, 0, 12), // private, RFC 1918
  v4(192, 0, 0, 0, 24), // IETF protocol assignments, RFC 6890
  v4(192, 0, 2, 0, 24), // TEST-NET-1, RFC 5737
  v4(192, 168, 0, 0, 16), // private, RFC 1918
  v4(198, 18, 0, 0, 15), // benchmarking, RFC 2544
  v4(198, 51, 100, 0, 24), // TEST-NET-2, RFC 5737
  v4(203, 0, 113, 0, 24), // TEST-NET-3, RFC 5737
  v4(224, 0, 0, 0, 4), // multicast, RFC 5771
  v4(240, 0, 0, 0, 4), // reserved (incl. broadcast 255.255.255.255), RFC 1112
];

export const RESERVED_V6: readonly ReservedBlock[] = [
  v6([0], 8), // ::/8 reserved by IETF (unspecified, loopback, IPv4-mapped, NAT64 well-known prefix ...), RFC 4291
  v6([0x100], 64), // discard-only, RFC 6666
  v6([0x2001, 0x2], 48), // benchmarking, RFC 5180
  v6([0x2001, 0x10], 28), // ORCHID (deprecated), RFC 4843
  v6([0x2001, 0xdb8], 32), // documentation, RFC 3849
  v6([0x3fff], 20), // documentation, RFC 9637
  v6([0x5f00], 16), // SRv6 SIDs, RFC 9602
  v6([0xfc00], 7), // unique local, RFC 4193
  v6([0xfe80], 10), // link-local, RFC 4291
  v6([0xff00], 8), // multicast, RFC 4291
];
