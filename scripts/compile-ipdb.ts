/**
 * npm run build:ipdb — compiles the CSVs shipped in node_modules/@ip-location-db/{asn,geo-whois-asn-country} into
 * resources/ipdb/ipdb.bin (layout: main/core/intel/ipdb-format.ts) and resources/ipdb/meta.json (data date, row
 * counts, sources and the licence texts they require). The .bin is git-ignored and rebuilt from node_modules.
 *
 *   --if-stale   do nothing when both files exist and were built from the same package versions and compiler
 *                source (used by prebuild/pretest, so it costs a few milliseconds when up to date)
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIpDatabase } from '../main/core/intel/ipdb-build';
import { parseIpdbCsv } from '../main/core/intel/ipdb-csv';
import type { IpDatabaseSource } from '../main/core/intel/ipdb-format';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'resources', 'ipdb');
const binPath = join(outDir, 'ipdb.bin');
const metaPath = join(outDir, 'meta.json');
const asnDir = join(root, 'node_modules', '@ip-location-db', 'asn');
const countryDir = join(root, 'node_modules', '@ip-location-db', 'geo-whois-asn-country');

/** Everything the output depends on besides the CSVs (whose package versions are checked separately). */
const COMPILER_FILES = [
  'scripts/compile-ipdb.ts',
  'main/core/intel/ipdb-build.ts',
  'main/core/intel/ipdb-csv.ts',
  'main/core/intel/ipdb-format.ts',
  'main/core/intel/ipdb-reserved.ts',
  'main/core/intel/ip-fast.ts',
];

const packageVersion = (dir: string): string =>
  (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;

/** ip-location-db versions end in the build time as YYYYMMDDHH (e.g. 2.3.2026061719 = 2026-06-17 19h UTC). */
export function dataDateFromVersion(version: string): string | null {
  const m = /\.(\d{4})(\d{2})(\d{2})\d{2}$/.exec(version);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

function compilerHash(): string {
  const h = createHash('sha256');
  for (const f of COMPILER_FILES) h.update(readFileSync(join(root, f)));
  return h.digest('hex').slice(0, 16);
}

interface MetaFile {
  file: string;
  bytes: number;
  compilerHash: string;
  packages: Record<string, string>;
}

function isFresh(packages: Record<string, string>, hash: string): boolean {
  if (!existsSync(binPath) || !existsSync(metaPath)) return false;
  try {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Partial<MetaFile>;
    return (
      meta.compilerHash === hash &&
      meta.bytes === statSync(binPath).size &&
      JSON.stringify(meta.packages) === JSON.stringify(packages)
    );
  } catch {
    return false;
  }
}

function licence(dir: string, file: string): string {
  return readFileSync(join(dir, file), 'utf8').trim();
}

function main(): void {
  const ifStale = process.argv.includes('--if-stale');
  if (!existsSync(asnDir) || !existsSync(countryDir)) {
    console.error('compile-ipdb: @ip-location-db packages are missing; run npm install');
    process.exit(1);
  }
  const asnVersion = packageVersion(asnDir);
  const countryVersion = packageVersion(countryDir);
  const packages = {
    '@ip-location-db/asn': asnVersion,
    '@ip-location-db/geo-whois-asn-country': countryVersion,
  };
  const hash = compilerHash();
  if (ifStale && isFresh(packages, hash)) return;

  const t0 = performance.now();
  const read = (dir: string, name: string): ReturnType<typeof parseIpdbCsv> =>
    parseIpdbCsv(readFileSync(join(dir, name), 'utf8'), { file: join(dir, name) });
  const asn4 = read(asnDir, 'asn-ipv4.csv');
  const asn6 = read(asnDir, 'asn-ipv6.csv');
  const cc4 = read(countryDir, 'geo-whois-asn-country-ipv4.csv');
  const cc6 = read(countryDir, 'geo-whois-asn-country-ipv6.csv');

  // Credits as the packages' README and licence files ask for them (read verbatim, so an update carries its own).
  const sources: IpDatabaseSource[] = [
    {
      name: 'RouteViews',
      via: '@ip-location-db/asn',
      version: asnVersion,
      provides: ['asn'],
      license: 'CC-BY-4.0',
      attribution: 'IP to AS number data by RouteViews (routeviews.org), CC BY 4.0',
      url: 'https://www.routeviews.org/routeviews/',
      licenseText: licence(asnDir, 'ROUTEVIEWS-LICENSE'),
    },
    {
      name: 'DB-IP',
      via: '@ip-location-db/asn',
      version: asnVersion,
      provides: ['asn'],
      license: 'CC-BY-4.0',
      attribution: 'IP Geolocation by DB-IP (db-ip.com): IP to ASN Lite, CC BY 4.0',
      url: 'https://db-ip.com/',
      licenseText: licence(asnDir, 'DBIP-LICENSE'),
    },
    {
      name: 'NRO (RIR statistics: AFRINIC, APNIC, ARIN, LACNIC, RIPE NCC)',
      via: '@ip-location-db/asn, @ip-location-db/geo-whois-asn-country',
      version: countryVersion,
      provides: ['asn', 'country'],
      license: 'CC-BY-4.0',
      attribution: 'Registry data by the Number Resource Organization (nro.net), CC BY 4.0',
      url: 'https://www.nro.net/',
      licenseText: licence(countryDir, 'NRO_LICENSE'),
    },
    {
      name: 'GeoFeed (OpenGeoFeed and providers’ RFC 8805 geofeeds)',
      via: '@ip-location-db/geo-whois-asn-country',
      version: countryVersion,
      provides: ['country'],
      license: 'CC0-1.0',
      attribution: 'Country data compiled by sapics/ip-location-db (geo-whois-asn-country, CC0 1.0)',
      url: 'https://github.com/sapics/ip-location-db',
    },
  ];
  const { bytes, meta } = buildIpDatabase({
    asnV4: asn4.asnV4,
    asnV6: asn6.asnV6,
    countryV4: cc4.countryV4,
    countryV6: cc6.countryV6,
    dataDate: dataDateFromVersion(asnVersion),
    sources,
  });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(binPath, bytes);
  const metaFile = { ...meta, file: 'ipdb.bin', bytes: bytes.byteLength, compilerHash: hash, packages };
  writeFileSync(metaPath, `${JSON.stringify(metaFile, null, 2)}\n`);
  const ms = Math.round(performance.now() - t0);
  console.log(
    `compile-ipdb: ${meta.counts.rangesV4} IPv4 + ${meta.counts.rangesV6} IPv6 ranges, ${meta.counts.records} records, ` +
      `${(bytes.byteLength / 1048576).toFixed(1)} MB, data of ${meta.dataDate ?? 'unknown date'} (${ms} ms)`,
  );
}

main();
