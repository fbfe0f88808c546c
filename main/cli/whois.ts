import { parseArgs } from 'node:util';
import { providerName } from '../core/intel/knowledge';
import { ROLE_TEXT } from '../core/intel/roles';
import { displayWidth, padEndDisplay } from '../core/report/width';
import type { Attribution } from '../core/model/attribution';
import { createIntel, InvalidAddressError, type Intel } from '../services/intel';
import { CliUsageError, type CliIo } from './io';

export const WHOIS_USAGE = `netwhy whois IP… [--offline] [--json] [--lang en|ja]
  Who is this address? Owner (Akamai, Cloudflare, an ISP …), role, country, AS number, reverse DNS and the
  registration (RDAP) with its abuse contact, each with the evidence and how sure NetWhy is.
  --offline        only the bundled offline database: no DNS or RDAP lookups leave this PC
  --json           one JSON object per address (JSON lines), the attribution shape used by the app
  --lang en|ja     language of the text output (default: en)
  --dns-server S   ask this DNS server (host:port) instead of the system's
  --rdap-base URL  ask this RDAP server for every address instead of the registry's
`;

const LABELS = {
  en: {
    owner: 'Owner',
    role: 'Role',
    confidence: 'Confidence',
    network: 'Network',
    country: 'Country',
    ptr: 'Reverse DNS',
    confirmed: 'forward-confirmed',
    unconfirmed: 'not confirmed',
    rdap: 'Registration',
    abuse: 'Abuse contact',
    evidence: 'Evidence',
    unknown: 'unknown',
    none: '-',
    conf: { high: 'high', medium: 'medium', low: 'low' },
    notIp: (ip: string) => `not an IP address: ${ip}`,
    data: 'Data',
  },
  ja: {
    // 所有者 (the network's owner), as netwhy analyze says it: a rented cloud server's operator is the customer,
    // which the role line tells.
    owner: '所有者',
    role: '役割',
    confidence: '確からしさ',
    network: 'ネットワーク',
    country: '国',
    ptr: '逆引き DNS',
    confirmed: '正引き確認済み',
    unconfirmed: '未確認',
    rdap: '登録情報',
    abuse: '不正利用の連絡先',
    evidence: '根拠',
    unknown: '不明',
    none: '-',
    conf: { high: '高', medium: '中', low: '低' },
    notIp: (ip: string) => `IP アドレスではありません: ${ip}`,
    data: 'データの出典',
  },
} as const;

export function formatAttribution(a: Attribution, lang: 'en' | 'ja'): string {
  const L = LABELS[lang];
  const owner = a.owner ? (providerName(a.owner) ?? a.owner) : L.unknown;
  // Padded by display columns: a kanji label is half as many characters as the columns it takes.
  const labels = [L.owner, L.role, L.confidence, L.network, L.country, L.ptr, L.rdap, L.abuse];
  const column = Math.max(...labels.map(displayWidth)) + 2;
  const row = (label: string, value: string): string => `  ${padEndDisplay(label, column)}${value}\n`;
  let out = `${a.ip}\n`;
  out += row(L.owner, owner);
  out += row(L.role, ROLE_TEXT[a.role][lang]);
  out += row(L.confidence, L.conf[a.confidence]);
  out += row(L.network, a.asn !== null ? `AS${a.asn}${a.asOrg ? ` ${a.asOrg}` : ''}` : L.none);
  out += row(L.country, a.country ?? L.none);
  if (a.ptr) {
    const check = a.ptrConfirmed ? L.confirmed : L.unconfirmed;
    out += row(L.ptr, lang === 'ja' ? `${a.ptr}（${check}）` : `${a.ptr} (${check})`);
  }
  if (a.rdap) {
    out += row(L.rdap, [a.rdap.name, a.rdap.org, a.rdap.country].filter(Boolean).join(', ') || L.none);
    if (a.rdap.abuseEmail) out += row(L.abuse, a.rdap.abuseEmail);
  }
  out += `  ${L.evidence}:\n`;
  for (const e of a.evidence) out += `    - ${lang === 'ja' && e.detailJa ? e.detailJa : e.detail}\n`;
  return out;
}

export async function whoisCommand(argv: string[], io: CliIo, intelOverride?: Intel): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      offline: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      lang: { type: 'string', default: 'en' },
      'dns-server': { type: 'string', multiple: true },
      'rdap-base': { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0) throw new CliUsageError('give at least one IP address');
  if (values.lang !== 'en' && values.lang !== 'ja') throw new CliUsageError('--lang must be en or ja');
  const lang = values.lang;
  const online = !values.offline;
  const intel =
    intelOverride ??
    createIntel({
      online: () => online,
      ...(values['dns-server']?.length ? { dnsServers: values['dns-server'] } : {}),
      ...(values['rdap-base'] ? { rdapBaseOverride: values['rdap-base'] } : {}),
    });

  let failed = 0;
  const chunks: string[] = [];
  // Looked up together (the adapters bound concurrency), printed in the order given.
  const results = await Promise.all(
    positionals.map((ip) =>
      (online ? intel.attribute(ip) : Promise.resolve().then(() => intel.attributeOffline(ip))).then(
        (a) => ({ ip, a }),
        (err: unknown) => ({ ip, err }),
      ),
    ),
  );
  for (const r of results) {
    if ('err' in r) {
      failed++;
      const msg = r.err instanceof InvalidAddressError ? LABELS[lang].notIp(r.ip) : String(r.err);
      io.stderr(`netwhy whois: ${msg}\n`);
      continue;
    }
    chunks.push(values.json ? `${JSON.stringify(r.a)}\n` : formatAttribution(r.a, lang));
  }
  io.stdout(values.json ? chunks.join('') : chunks.join('\n'));
  if (!values.json) {
    const s = intel.sources();
    const credits = s.ipdb.flatMap((d) => d.attributions);
    // The credits stay as their licences word them.
    if (credits.length) io.stderr(`\n${LABELS[lang].data}: ${[...new Set(credits)].join('; ')}\n`);
  }
  return failed > 0 ? 1 : 0;
}
