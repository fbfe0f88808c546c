import { parseIPv4, parseIPv6Groups } from '../net/ip';

/**
 * Masks what identifies the user's own network before a report leaves the PC: LAN addresses (RFC 1918, RFC 3927
 * link-local, loopback, RFC 4193 unique-local, fe80::/10), MAC addresses and the user's host names. The public
 * destination address stays: the abuse desk needs it to find the traffic. Shared address space (RFC 6598,
 * carrier-grade NAT) is the ISP's, not the user's LAN, so it is kept too.
 */
export function isLanAddress(ip: string): boolean {
  const v4 = parseIPv4(ip);
  if (v4 !== null) {
    const a = v4 >>> 24;
    const b = (v4 >>> 16) & 255;
    return (
      a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)
    );
  }
  const g = parseIPv6Groups(ip);
  if (!g) return false;
  const a = g[0] ?? 0;
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) {
    return isLanAddress(`${(g[6] ?? 0) >> 8}.${(g[6] ?? 0) & 255}.${(g[7] ?? 0) >> 8}.${(g[7] ?? 0) & 255}`);
  }
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return true;
  return (a & 0xfe00) === 0xfc00 || (a & 0xffc0) === 0xfe80;
}

export interface RedactionCounts {
  lanAddresses: number;
  macAddresses: number;
  hostNames: number;
}

export interface Redactor {
  readonly enabled: boolean;
  /** Masks a free text (a log line, the summary). */
  text(s: string): string;
  /** Masks a single address field of the event table. */
  address(ip: string): string;
  counts(): RedactionCounts;
}

// Netfilter prints destination MAC, source MAC and ethertype joined: MAC=00:1a:..:08:00 (14 octets).
const NETFILTER_MAC = /\bMAC=([0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5,})/g;
const MAC = /(?<![0-9A-Fa-f:-])[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}(?![0-9A-Fa-f:-])/g;
const MAC_DOTTED = /\b[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\b/g; // Cisco style
const IPV4 = /(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?!\w|\.\d)/g;
const IPV6 = /(?<![\w:.])[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]*:[0-9A-Fa-f.]*(?![\w:])/g;
// Names that can only be inside a home network (mDNS .local, RFC 8375 home.arpa, common router suffixes).
const LOCAL_NAME =
  /\b[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*\.(?:local|lan|home|internal|localdomain|home\.arpa)\b/gi;

// Syslog headers: RFC 3164 "<pri>Mmm dd hh:mm:ss HOST tag:", ISO-stamped variants, RFC 5424 "<pri>1 TS HOST APP".
const SYSLOG_HOST = [
  /^(?:<\d{1,3}>)?[A-Z][a-z]{2} [ \d]?\d \d{2}:\d{2}:\d{2}(?: \d{4})? (\S+) \S/,
  /^(?:<\d{1,3}>)?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})? (\S+) \S/,
  /^<\d{1,3}>1 \S+ (\S+) \S/,
];

/** Host names the syslog headers of these lines carry (the router's or the PC's own name). */
export function syslogHostNames(lines: readonly string[]): string[] {
  const names = new Set<string>();
  for (const line of lines) {
    for (const re of SYSLOG_HOST) {
      const name = re.exec(line)?.[1];
      if (!name) continue;
      // A tag ("kernel:") where the host was omitted, the nil value, or an address (handled as an address).
      if (name.endsWith(':') || name === '-' || parseIPv4(name) !== null || parseIPv6Groups(name)) break;
      names.add(name);
      break;
    }
  }
  return [...names];
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function createRedactor(options: { enabled: boolean; hostNames?: readonly string[] }): Redactor {
  const lan = new Map<string, string>();
  const hosts = new Map<string, string>();
  // Distinct addresses, as the dialog's "Masked: n MAC addresses" means: counting each occurrence made 40 lines
  // of the same router and PC read as 80 MAC addresses.
  const macs = new Set<string>();
  const names = [...new Set((options.hostNames ?? []).filter((n) => n.length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  const namesRe = names.length ? new RegExp(`(?<![\\w.-])(?:${names.map(escapeRe).join('|')})(?![\\w-])`, 'gi') : null;

  const lanLabel = (ip: string): string => {
    const key = ip.toLowerCase();
    let label = lan.get(key);
    if (!label) {
      label = `[LAN-${lan.size + 1}]`;
      lan.set(key, label);
    }
    return label;
  };
  const hostLabel = (name: string): string => {
    const key = name.toLowerCase();
    let label = hosts.get(key);
    if (!label) {
      label = `[host-${hosts.size + 1}]`;
      hosts.set(key, label);
    }
    return label;
  };
  const mac = (found: string): string => {
    macs.add(found.toLowerCase().replace(/[^0-9a-f]/g, ''));
    return '[MAC]';
  };
  // Netfilter's field is destination MAC, source MAC and ethertype: two addresses, the type is none.
  const netfilterMac = (field: string): string => {
    const octets = field.split(':');
    for (let i = 0; i + 6 <= Math.min(octets.length, 12); i += 6) mac(octets.slice(i, i + 6).join(''));
    return '[MAC]';
  };

  return {
    enabled: options.enabled,
    address(ip) {
      return options.enabled && isLanAddress(ip) ? lanLabel(ip) : ip;
    },
    text(s) {
      if (!options.enabled) return s;
      let out = s.replace(NETFILTER_MAC, (_m, field: string) => `MAC=${netfilterMac(field)}`);
      out = out.replace(MAC, mac).replace(MAC_DOTTED, mac);
      if (namesRe) out = out.replace(namesRe, hostLabel);
      out = out.replace(LOCAL_NAME, hostLabel);
      out = out.replace(IPV4, (ip) => (parseIPv4(ip) !== null && isLanAddress(ip) ? lanLabel(ip) : ip));
      out = out.replace(IPV6, (ip) => (parseIPv6Groups(ip) && isLanAddress(ip) ? lanLabel(ip) : ip));
      return out;
    },
    counts() {
      return { lanAddresses: lan.size, macAddresses: macs.size, hostNames: hosts.size };
    },
  };
}
