import { createWriteStream } from 'node:fs';

/**
 * A deterministic netfilter LOG file for the import benchmark and the kill-mid-import test: the line shapes of
 * UFW, EdgeOS and plain iptables prefixes (test/fixtures/logs/netfilter.log has the real-world originals), with
 * addresses and ports from a seeded PRNG so every run reads the same bytes.
 */
// mulberry32: a tiny deterministic PRNG, so every run measures the same file.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PREFIXES = ['[UFW BLOCK]', '[UFW ALLOW]', '[WAN_LOCAL-default-D]', 'DROP IN=', 'REJECT'];

/** Writes `lines` lines (or until `bytes`), in real netfilter LOG format (UFW / EdgeRouter / plain prefixes). */
export async function generateNetfilterLog(
  file: string,
  lines: number,
  bytes: number,
  /** Mix in dnsmasq lines (not connections) and unreadable lines, as a real kern.log/syslog has. */
  noise = false,
): Promise<number> {
  const rand = prng(20261121);
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  let t = Date.UTC(2026, 10, 1, 0, 0, 0);
  let written = 0;
  let n = 0;
  let buf = '';
  const r = (k: number): number => Math.floor(rand() * k);
  while (n < lines && written < bytes) {
    t += r(400);
    const d = new Date(t);
    const ts = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${d.toISOString().slice(11, 19)}`;
    const src = `${[23, 104, 184, 2][r(4)]}.${r(256)}.${r(256)}.${1 + r(254)}`;
    const dst = `192.168.1.${2 + r(200)}`;
    const tcp = r(4) !== 0;
    const pre = PREFIXES[r(PREFIXES.length)] as string;
    const prefix = pre === 'DROP IN=' ? 'DROP ' : `${pre} `;
    const ports = tcp
      ? `PROTO=TCP SPT=${[443, 80, 8080][r(3)]} DPT=${49152 + r(16000)} WINDOW=${r(65535)} RES=0x00 ${['ACK RST', 'ACK FIN', 'SYN', 'ACK PSH'][r(4)]} URGP=0`
      : `PROTO=UDP SPT=${[443, 53, 123][r(3)]} DPT=${49152 + r(16000)} LEN=${20 + r(1200)}`;
    const line =
      `${ts} router kernel: [${(n / 10).toFixed(6)}] ${prefix}IN=eth0 OUT= ` +
      `MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=${src} DST=${dst} LEN=${40 + r(1400)} TOS=0x00 PREC=0x00 ` +
      `TTL=${40 + r(20)} ID=${r(65535)} DF ${ports}\n`;
    if (noise && n % 997 === 500) buf += `${ts} router dnsmasq-dhcp[812]: DHCPACK(br0) ${dst} 00:11:22:33:44:55 pc\n`;
    else if (noise && n % 1999 === 1000) buf += `#### corrupted ${r(1e9)} ####\n`;
    else buf += line;
    written += line.length;
    n++;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((res) => out.once('drain', () => res()));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
  return n;
}
