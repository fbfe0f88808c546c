/**
 * Allocation-free address parsers for the hot lookup path (millions of calls per second). main/core/net/ip.ts has
 * the general, readable ones (split + regex); these read char codes directly and write into caller-owned storage.
 * Accepted text matches normalizeIp(): dotted quads (zero-padded octets read as decimal, as router UIs print them),
 * IPv6 with '::', an embedded IPv4 tail, [brackets] and a %zone suffix.
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
      octet = octet * 10 + d;
      digits++;
    }
  }
  if (dots !== 3 || digits === 0 || digits > 3 || octet > 255) return -1;
  return ((value << 8) | octet) >>> 0;
}

export function parseIPv4Fast(text: string): number {
  return parseIPv4At(text, 0, text.length);
}

const groups = new Uint32Array(8);

/** Hex digit value by UTF-16 code unit, -1 for anything else: one table read per character in the IPv6 loop. */
const HEX = new Int8Array(65536).fill(-1);
for (let c = 0; c < 10; c++) HEX[48 + c] = c;
for (let c = 0; c < 6; c++) {
  HEX[65 + c] = 10 + c;
  HEX[97 + c] = 10 + c;
}

/**
 * IPv6 text -> four 32-bit words (most significant first) written into `out`; false when the text is not an IPv6
 * address (out is then unspecified).
 */
export function parseIPv6Into(text: string, out: Uint32Array): boolean {
  let i = 0;
  let end = text.length;
  if (text.charCodeAt(0) === 91) {
    const close = text.indexOf(']');
    if (close < 0) return false;
    i = 1;
    end = close;
    if (end + 1 < text.length) return false;
  }
  let n = 0;
  let gap = -1;
  if (end - i >= 2 && text.charCodeAt(i) === 58) {
    if (text.charCodeAt(i + 1) !== 58) return false;
    gap = 0;
    i += 2;
  }
  while (i < end) {
    const groupStart = i;
    let value = 0;
    let digits = 0;
    while (i < end) {
      const h = HEX[text.charCodeAt(i)]!;
      if (h < 0) break;
      value = (value << 4) | h;
      digits++;
      i++;
    }
    if (i < end && text.charCodeAt(i) === 46) {
      // Embedded IPv4 tail (::ffff:192.0.2.1, RFC 4291 §2.2 form 3): it must be the last 32 bits.
      if (n > 6) return false;
      const v4 = parseIPv4At(text, groupStart, end);
      if (v4 < 0) return false;
      groups[n++] = v4 >>> 16;
      groups[n++] = v4 & 0xffff;
      i = end;
      break;
    }
    if (digits === 0 && gap === n && i < end && text.charCodeAt(i) === 37) {
      end = i; // "fe80::%eth0"
      break;
    }
    if (digits === 0 || digits > 4 || n === 8) return false;
    groups[n++] = value;
    if (i === end) break;
    const sep = text.charCodeAt(i);
    if (sep === 37) {
      // %zone suffix (RFC 6874 / 4007): not part of the address.
      end = i;
      break;
    }
    if (sep !== 58) return false;
    i++;
    if (i < end && text.charCodeAt(i) === 58) {
      if (gap >= 0) return false;
      gap = n;
      i++;
    } else if (i === end) {
      return false;
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
  out[0] = ((groups[0]! << 16) | groups[1]!) >>> 0;
  out[1] = ((groups[2]! << 16) | groups[3]!) >>> 0;
  out[2] = ((groups[4]! << 16) | groups[5]!) >>> 0;
  out[3] = ((groups[6]! << 16) | groups[7]!) >>> 0;
  return true;
}
