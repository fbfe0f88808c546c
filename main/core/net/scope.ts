import { parseIPv4, parseIPv6Groups } from './ip';

/**
 * Whether an address is on the user's side of the router (or never routed on the internet) rather than out on the
 * internet: private, loopback, link-local, shared/CGNAT, multicast, broadcast and unspecified space.
 * Ranges: RFC 1918, RFC 6598 (100.64/10), RFC 3927 (169.254/16), RFC 5771 (224/4), RFC 4193 (fc00::/7),
 * RFC 4291 (::1, fe80::/10, ff00::/8). IPv4-mapped IPv6 is judged by its IPv4 part.
 */
export function isLocalAddress(ip: string): boolean {
  const v4 = parseIPv4(ip);
  if (v4 !== null) return isLocalV4(v4);
  const g = parseIPv6Groups(ip);
  if (!g) return false;
  const [a = 0, , , , , f = 0, h7 = 0, h8 = 0] = g;
  if (g.slice(0, 5).every((x) => x === 0) && f === 0xffff) return isLocalV4(((h7 << 16) | h8) >>> 0);
  if (g.every((x) => x === 0)) return true; // ::
  if (g.slice(0, 7).every((x) => x === 0) && h8 === 1) return true; // ::1
  if ((a & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((a & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((a & 0xff00) === 0xff00) return true; // ff00::/8 multicast
  return false;
}

/** An address out on the internet: not empty and not local (what a host summary, a lane or a report is about). */
export function isInternetAddress(ip: string): boolean {
  return ip !== '' && !isLocalAddress(ip);
}

function isLocalV4(n: number): boolean {
  const a = n >>> 24;
  const b = (n >>> 16) & 255;
  if (a === 10 || a === 127 || a === 0) return true;
  if (a === 172 && b >= 16 && b <= 31) return true;
  if (a === 192 && b === 168) return true;
  if (a === 169 && b === 254) return true;
  if (a === 100 && b >= 64 && b <= 127) return true;
  if (a >= 224 && a <= 239) return true; // multicast
  if (n === 0xffffffff) return true; // limited broadcast
  return false;
}
