/**
 * IP address text handling, pure (no node:net): parse, classify family, and print IPv6 in the RFC 5952 canonical
 * form (lowercase, longest run of zero groups compressed, leading zeros dropped).
 */

/** "192.0.2.1" -> 32-bit unsigned number; null when not a dotted quad. Leading zeros are rejected (ambiguous). */
export function parseIPv4(text: string): number | null {
  // A character scan instead of split + a regex per octet: the import calls this for every address of every line.
  const len = text.length;
  if (len < 7 || len > 15) return null;
  let n = 0;
  let octets = 0;
  let i = 0;
  while (i <= len) {
    const start = i;
    let v = 0;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      v = v * 10 + (c - 48);
      i++;
    }
    const digits = i - start;
    if (digits < 1 || digits > 3 || (digits > 1 && text.charCodeAt(start) === 48) || v > 255) return null;
    n = n * 256 + v;
    octets++;
    if (i === len) break;
    if (text.charCodeAt(i) !== 46 || octets === 4) return null;
    i++;
  }
  return octets === 4 ? n : null;
}

export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** Parses IPv6 text (with '::', embedded IPv4, brackets and %zone tolerated) into 8 16-bit groups; null if invalid. */
export function parseIPv6Groups(text: string): number[] | null {
  let t = text.trim();
  if (t.startsWith('[') && t.endsWith(']')) t = t.slice(1, -1);
  const zone = t.indexOf('%');
  if (zone >= 0) t = t.slice(0, zone);
  if (!t.includes(':')) return null;
  const lastColon = t.lastIndexOf(':');
  const last = t.slice(lastColon + 1);
  if (last.includes('.')) {
    // Embedded IPv4 (::ffff:192.0.2.1): rewrite its 32 bits as two hex groups.
    const v4 = parseIPv4(last);
    if (v4 === null) return null;
    t = `${t.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = t.split('::');
  if (halves.length > 2) return null;
  const toGroups = (s: string): number[] | null => {
    if (s === '') return [];
    const out: number[] = [];
    for (const g of s.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = toGroups(halves[0] ?? '');
  if (!head) return null;
  if (halves.length === 1) {
    const groups = head;
    return groups.length === 8 ? groups : null;
  }
  const rest = toGroups(halves[1] ?? '');
  if (!rest) return null;
  const fill = 8 - head.length - rest.length;
  if (fill < 1) return null;
  return [...head, ...new Array<number>(fill).fill(0), ...rest];
}

/** RFC 5952 §4 canonical text of 8 groups. */
export function formatIPv6(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  // IPv4-mapped addresses keep the dotted tail (RFC 5952 §5).
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const v4 = ((groups[6] ?? 0) * 65536 + (groups[7] ?? 0)) >>> 0;
    return `::ffff:${formatIPv4(v4)}`;
  }
  const hex = groups.map((g) => g.toString(16));
  // A single zero group is not compressed (RFC 5952 §4.2.2).
  if (bestLen < 2) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

export type IpFamily = 4 | 6;

/**
 * Normalises an address as logs print it: IPv4 as is (zero-padded octets such as "010.001.002.003" are read as
 * decimal, the way router UIs print them), IPv6 compressed per RFC 5952 with any zone suffix dropped.
 * Returns null when the text is not an address.
 */
export function normalizeIp(text: string): string | null {
  const t = text.trim();
  // Fast path: an IPv4 address already in canonical form (no leading zeros) is returned as it is.
  if (parseIPv4(t) !== null) return t;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(t)) {
    const octets = t.split('.').map(Number);
    return octets.every((o) => o <= 255) ? octets.join('.') : null;
  }
  const groups = parseIPv6Groups(t);
  return groups ? formatIPv6(groups) : null;
}

/** The family of any text normalizeIp accepts (so zero-padded "010.001.002.003" is 4, like normalizeIp reads it). */
export function ipFamily(text: string): IpFamily | null {
  const ip = normalizeIp(text);
  if (ip === null) return null;
  return ip.includes(':') ? 6 : 4;
}
