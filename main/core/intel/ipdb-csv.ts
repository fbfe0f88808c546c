/**
 * Reads the @ip-location-db CSV formats (github.com/sapics/ip-location-db, README "CSV Format"):
 *   ASN:     ip_range_start,ip_range_end,autonomous_system_number,autonomous_system_organization
 *   country: ip_range_start,ip_range_end,country_code
 * Ranges are inclusive; addresses are either text (1.0.0.0, 2001:200::) or decimal numbers ("-num" files). Fields
 * may be double-quoted with "" escapes (RFC 4180), as organisation names containing commas are. No header row in
 * the published files; a header naming ip_range_start is tolerated.
 */
import { parseIPv4At, parseIPv6Into } from './ip-fast';
import type { AsnRow, CountryRow } from './ipdb-build';

export type IpdbCsvKind = 'asn' | 'country';

export type IpdbCsvProblem = 'empty' | 'columns' | 'address' | 'family' | 'order' | 'asn' | 'country' | 'quote';

/** A malformed line: the message names the file and the line (1-based), for the settings screen and the CLI. */
export class IpdbCsvError extends Error {
  override name = 'IpdbCsvError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: IpdbCsvProblem,
    detail: string,
  ) {
    super(line > 0 ? `${file}, line ${line}: ${detail}` : `${file}: ${detail}`);
  }
}

export interface ParsedIpdbCsv {
  kind: IpdbCsvKind;
  asnV4: AsnRow[];
  asnV6: AsnRow[];
  countryV4: CountryRow[];
  countryV6: CountryRow[];
}

export interface ParseIpdbCsvOptions {
  /** Name used in error messages (the file's name or path). */
  file: string;
  /**
   * Family of numeric ("-num") files. Default: IPv6 when the file name says "ipv6", else by value (numbers above
   * 2^32 - 1 are IPv6), which misreads only an IPv6 file with ranges inside ::/96 — reserved space anyway.
   */
  numericFamily?: 4 | 6;
}

/** Splits one CSV line, honouring double quotes; null on an unterminated quote. */
export function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line.charCodeAt(i) === 34) {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) return null;
        value += line.slice(i, q);
        if (line.charCodeAt(q + 1) === 34) {
          value += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      fields.push(value);
      if (i >= line.length) return fields;
      if (line.charCodeAt(i) !== 44) return null;
      i++;
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        fields.push(line.slice(i));
        return fields;
      }
      fields.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}

const words = new Uint32Array(4);
const MAX_V4 = 0xffffffffn;

function parseAddress(text: string, numericFamily: 4 | 6 | 'auto'): { family: 4 | 6; value: bigint } | null {
  if (/^\d+$/.test(text)) {
    const value = BigInt(text);
    if (numericFamily === 4 && value > MAX_V4) return null;
    if (value >= 1n << 128n) return null;
    return { family: numericFamily === 'auto' ? (value > MAX_V4 ? 6 : 4) : numericFamily, value };
  }
  const v4 = parseIPv4At(text, 0, text.length);
  if (v4 >= 0) return { family: 4, value: BigInt(v4) };
  if (!parseIPv6Into(text, words)) return null;
  let value = 0n;
  for (const w of words) value = (value << 32n) | BigInt(w);
  return { family: 6, value };
}

export function parseIpdbCsv(text: string, options: ParseIpdbCsvOptions): ParsedIpdbCsv {
  const { file } = options;
  const numericFamily = options.numericFamily ?? (/ipv6/i.test(file) ? 6 : 'auto');
  const out: ParsedIpdbCsv = { kind: 'asn', asnV4: [], asnV6: [], countryV4: [], countryV6: [] };
  let kind: IpdbCsvKind | null = null;
  let lineNo = 0;
  let pos = 0;
  const fail = (problem: IpdbCsvProblem, detail: string): never => {
    throw new IpdbCsvError(file, lineNo, problem, detail);
  };
  if (text.charCodeAt(0) === 0xfeff) pos = 1;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    let line = text.slice(pos, nl);
    pos = nl + 1;
    lineNo++;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() === '' || line.startsWith('#')) continue;
    if (kind === null && /^\s*"?ip_range_start/i.test(line)) continue;
    const fields = splitCsvLine(line);
    if (!fields) fail('quote', 'unterminated quoted field');
    const f = fields as string[];
    const lineKind: IpdbCsvKind | null = f.length === 4 ? 'asn' : f.length === 3 ? 'country' : null;
    if (!lineKind) {
      fail('columns', `expected 3 fields (start,end,country) or 4 (start,end,asn,organisation), found ${f.length}`);
    }
    if (kind === null) kind = lineKind;
    else if (lineKind !== kind) {
      fail('columns', `expected ${kind === 'asn' ? 4 : 3} fields like the lines before, found ${f.length}`);
    }
    const startText = (f[0] ?? '').trim();
    const endText = (f[1] ?? '').trim();
    const start = parseAddress(startText, numericFamily);
    if (!start) fail('address', `"${startText}" is not an IP address`);
    const end = parseAddress(endText, numericFamily);
    if (!end) fail('address', `"${endText}" is not an IP address`);
    const s = start as { family: 4 | 6; value: bigint };
    const e = end as { family: 4 | 6; value: bigint };
    if (s.family !== e.family) fail('family', `range mixes IPv4 and IPv6 (${startText} - ${endText})`);
    if (e.value < s.value) fail('order', `range end ${endText} is before its start ${startText}`);
    if (kind === 'asn') {
      const asnText = (f[2] ?? '').trim();
      if (asnText !== '' && !/^(AS)?\d{1,10}$/i.test(asnText)) fail('asn', `"${asnText}" is not an AS number`);
      const n = asnText === '' ? 0 : Number(asnText.replace(/^AS/i, ''));
      if (n > 0xffffffff) fail('asn', `"${asnText}" is larger than a 32-bit AS number`);
      const org = (f[3] ?? '').trim();
      const row: AsnRow = { start: s.value, end: e.value, asn: n === 0 ? null : n, org: org === '' ? null : org };
      (s.family === 4 ? out.asnV4 : out.asnV6).push(row);
    } else {
      const cc = (f[2] ?? '').trim().toUpperCase();
      if (cc !== '' && !/^[A-Z]{2}$/.test(cc)) fail('country', `"${cc}" is not a two-letter country code`);
      // ZZ is the conventional "unknown country" code.
      const row: CountryRow = { start: s.value, end: e.value, country: cc === '' || cc === 'ZZ' ? null : cc };
      (s.family === 4 ? out.countryV4 : out.countryV6).push(row);
    }
  }
  if (kind === null) {
    lineNo = 0;
    fail('empty', 'the file has no address ranges');
  }
  out.kind = kind as IpdbCsvKind;
  return out;
}
