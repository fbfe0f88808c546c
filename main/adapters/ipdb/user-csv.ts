/** The user's own @ip-location-db CSV (ASN or country), compiled in memory with the same builder as the bundled file. */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { IpDatabase } from '../../core/intel/ipdb';
import { buildIpDatabase } from '../../core/intel/ipdb-build';
import { parseIpdbCsv } from '../../core/intel/ipdb-csv';
import type { IpDatabaseSourceInfo } from './load';

export function loadUserCsv(path: string, text: string): { db: IpDatabase; info: IpDatabaseSourceInfo } {
  const name = basename(path);
  const parsed = parseIpdbCsv(text, { file: name });
  const dataDate = statSync(path).mtime.toISOString().slice(0, 10);
  const { bytes } = buildIpDatabase({
    asnV4: parsed.asnV4,
    asnV6: parsed.asnV6,
    countryV4: parsed.countryV4,
    countryV6: parsed.countryV6,
    dataDate,
    sources: [],
  });
  const isAsn = parsed.kind === 'asn';
  return {
    db: new IpDatabase(bytes),
    info: {
      kind: 'csv',
      path,
      dataDate,
      provides: { asn: isAsn, country: !isAsn },
      description: `${name} (${isAsn ? 'ASN' : 'country'} CSV, ${
        parsed.asnV4.length + parsed.asnV6.length + parsed.countryV4.length + parsed.countryV6.length
      } ranges)`,
      sources: [],
    },
  };
}
