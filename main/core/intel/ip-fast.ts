/**
 * Allocation-free address parsers for the hot lookup path (millions of calls per second). main/core/net/ip.ts has
 * the general, readable ones (split + regex); these read char codes directly and write into caller-owned storage.
 * Accepted text matches normalizeIp(): dotted quads (zero-padded octets read as decimal, as router UIs print them),
 * IPv6 with '::', an embedded IPv4 tail, [brackets] and a %zone suffix. IpDatabase.lookup (ipdb.ts) applies the same
 * rules in its own copy, fused with its table walk; test/core/intel/ipdb.test.ts checks that it agrees with these.
 */

/** Dotted quad in text[start, end) -> unsigned 32-bit number, or -1 when it is not one. */
export function parseIPv4At(text: string, start: number, end: number): number {
  const len = end - start;
  if (len < 7 || len > 15) return -1;
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d === -2) {
      // '.': one compare per separator; octet range and digit count are checked here, not per digit.
      if (digits === 0 || digits > 3 || octet > 255 || dots === 3) return -1;
      value = (value << 8) | octet;
      octet = 0;
      digits = 0;
      dots++;
    } else {
      if (d >>> 0 > 9) return -1;
      octet = (octet * 10 + d) | 0; // | 0: a long run of digits wraps instead of leaving int32 (a deopt)
      digits++;
    }
  }
  if (dots !== 3 || digits === 0 || digits > 3 || octet > 255) return -1;
  return ((value << 8) | octet) >>> 0;
}

export function parseIPv4Fast(text: string): number {
  return parseIPv4At(text, 0, text.length);
}

const groups = new Int32Array(8);

/** Hex digit value by UTF-16 code unit, -1 for anything else: one table read per character in the IPv6 loop. */
const HEX_DIGIT = new Int8Array(65536).fill(-1);
for (let c = 0; c < 10; c++) HEX_DIGIT[48 + c] = c;
for (let c = 0; c < 6; c++) {
  HEX_DIGIT[65 + c] = 10 + c;
  HEX_DIGIT[97 + c] = 10 + c;
}

/** Told the first 32 bits of an IPv6 address as soon as they are read (before the rest of the text is). */
export interface Ipv6FirstWord {
  firstWord(w0: number): void;
}

/**
 * IPv6 text -> four 32-bit words (most significant first) written into `out`; false when the text is not an IPv6
 * address (out is then unspecified). `early`, when given, hears the first 32 bits once they are known (no '::' before
 * them), so a lookup can start its table reads while the rest is parsed; it may hear them for text that then turns
 * out not to be an address.
 */
export function parseIPv6Into(text: string, out: Uint32Array | Int32Array, early?: Ipv6FirstWord): boolean {
  // Each character is read once (charCodeAt is most of the cost): `c` is always the code at `i`, 0 at `end`.
  let end = text.length;
  if (end === 0) return false;
  let i = 0;
  let c = text.charCodeAt(0);
  if (c === 91) {
    const close = text.indexOf(']');
    if (close !== end - 1) return false;
    i = 1;
    end = close;
    c = i < end ? text.charCodeAt(i) : 0;
  }
  let n = 0;
  let gap = -1;
  if (c === 58) {
    if (end - i < 2 || text.charCodeAt(i + 1) !== 58) return false;
    gap = 0;
    i += 2;
    c = i < end ? text.charCodeAt(i) : 0;
  }
  while (i < end) {
    const groupStart = i;
    let value = 0;
    for (;;) {
      const h = HEX_DIGIT[c]!;
      if (h < 0) break;
      value = (value << 4) | h;
      if (++i === end) {
        c = 0;
        break;
      }
      c = text.charCodeAt(i);
    }
    const digits = i - groupStart;
    if (c === 46) {
      // Embedded IPv4 tail (::ffff:192.0.2.1, RFC 4291 §2.2 form 3): it must be the last 32 bits.
      if (n > 6) return false;
      const v4 = parseIPv4At(text, groupStart, end);
      if (v4 < 0) return false;
      groups[n++] = v4 >>> 16;
      groups[n++] = v4 & 0xffff;
      break;
    }
    if (digits === 0) {
      // "fe80::%eth0": a zone right after '::'.
      if (gap === n && c === 37) break;
      return false;
    }
    if (digits > 4 || n === 8) return false;
    groups[n++] = value;
    if (n === 2 && gap < 0 && early) early.firstWord((groups[0]! << 16) | value);
    if (i === end || c === 37) break; // %zone suffix (RFC 6874 / 4007): not part of the address.
    if (c !== 58) return false;
    if (++i === end) return false;
    c = text.charCodeAt(i);
    if (c === 58) {
      if (gap >= 0) return false;
      gap = n;
      if (++i === end) break;
      c = text.charCodeAt(i);
    }
  }
  if (gap < 0) {
    if (n !== 8) return false;
  } else {
    if (n > 7) return false;
    // Shift the groups after '::' to the end and zero the gap.
    const tail = n - gap;
    for (let k = 0; k < tail; k++) groups[7 - k] = groups[n - 1 - k]!;
    for (let k = gap; k < 8 - tail; k++) groups[k] = 0;
  }
  out[0] = (groups[0]! << 16) | groups[1]!;
  out[1] = (groups[2]! << 16) | groups[3]!;
  out[2] = (groups[4]! << 16) | groups[5]!;
  out[3] = (groups[6]! << 16) | groups[7]!;
  return true;
}
