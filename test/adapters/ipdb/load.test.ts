import { mkdtempSync, mkdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  IpDatabaseMissingError,
  ipdbCandidateDirs,
  loadBundledIpDatabase,
  loadIpDatabase,
  resolveIpdbPath,
} from '../../../main/adapters/ipdb/load';
import { IpdbCsvError } from '../../../main/core/intel/ipdb-csv';
import { IPDB_BIN } from '../../core/intel/ipdb-data';
import { writeMmdb } from './mmdb-writer';

const tmp = mkdtempSync(join(tmpdir(), 'netwhy-ipdb-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const file = (name: string, content: string | Buffer): string => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

describe('finding the bundled database', () => {
  it('looks in the packaged resources first, then resources/ipdb beside package.json', () => {
    const app = join(tmp, 'app');
    mkdirSync(join(app, 'out', 'main'), { recursive: true });
    writeFileSync(join(app, 'package.json'), '{}');
    const dirs = ipdbCandidateDirs({ resourcesPath: '/opt/NetWhy/resources', from: [join(app, 'out', 'main')] });
    expect(dirs).toEqual([
      join('/opt/NetWhy/resources', 'ipdb'),
      join('/opt/NetWhy/resources', 'resources', 'ipdb'),
      join(app, 'resources', 'ipdb'),
    ]);
    expect(resolveIpdbPath(dirs)).toBeNull();
    mkdirSync(join(app, 'resources', 'ipdb'), { recursive: true });
    copyFileSync(IPDB_BIN, join(app, 'resources', 'ipdb', 'ipdb.bin'));
    expect(resolveIpdbPath(dirs)).toBe(join(app, 'resources', 'ipdb', 'ipdb.bin'));
  });

  it('finds the repository copy from the default candidates (dev and tests)', () => {
    expect(resolveIpdbPath()).toBe(IPDB_BIN);
  });

  it('says where it looked when the file is missing', () => {
    expect(() => loadBundledIpDatabase([join(tmp, 'nowhere')])).toThrow(IpDatabaseMissingError);
    expect(() => loadBundledIpDatabase([join(tmp, 'nowhere')])).toThrow(/npm run build:ipdb/);
  });
});

describe('loadIpDatabase', () => {
  it('loads the bundled data with its date and credits', () => {
    const { db, sources, bundledMeta } = loadIpDatabase();
    expect(db.lookup('45.33.32.156')?.asn).toBe(63949);
    expect(sources).toHaveLength(1);
    expect(sources[0]?.kind).toBe('bundled');
    expect(sources[0]?.dataDate).toBe(bundledMeta?.dataDate);
    expect(sources[0]?.sources.map((s) => s.name)).toContain('DB-IP');
  });

  it("layers the user's newer ASN CSV over the bundled data (countries still from the bundled data)", () => {
    const path = file(
      'asn-ipv4.csv',
      '8.8.8.0,8.8.8.255,64500,"Example Transit, Inc."\n23.32.0.0,23.32.255.255,20940,Akamai International B.V.\n',
    );
    const { db, sources } = loadIpDatabase({ userPath: path });
    expect(db.lookup('8.8.8.8')).toEqual({ asn: 64500, asOrg: 'Example Transit, Inc.', country: 'US' });
    // Not in the user's file: no ASN (the user's data replaces the bundled ASN data), country as before.
    expect(db.lookup('1.1.1.1')).toEqual({ asn: null, asOrg: null, country: 'AU' });
    expect(db.lookup('192.168.1.1')).toBeNull();
    expect(sources.map((s) => s.kind)).toEqual(['csv', 'bundled']);
    expect(sources[0]?.provides).toEqual({ asn: true, country: false });
    expect(sources[0]?.description).toContain('asn-ipv4.csv');
  });

  it("layers a user's country CSV (IPv6 too), keeping the bundled ASNs", () => {
    const path = file('geo-ipv6.csv', '2a02:26f0::,2a02:26f0:ffff:ffff:ffff:ffff:ffff:ffff,DE\n1.1.1.0,1.1.1.255,JP\n');
    const { db } = loadIpDatabase({ userPath: path });
    expect(db.lookup('2a02:26f0::1')).toEqual({ asn: 20940, asOrg: 'Akamai International B.V.', country: 'DE' });
    expect(db.lookup('1.1.1.1')).toEqual({ asn: 13335, asOrg: 'Cloudflare, Inc.', country: 'JP' });
  });

  it('names the file and line of a malformed CSV', () => {
    const path = file('broken.csv', '1.0.0.0,1.0.0.255,AU\n1.0.1.0,1.0.1.999,CN\n');
    let error: unknown;
    try {
      loadIpDatabase({ userPath: path });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(IpdbCsvError);
    expect((error as IpdbCsvError).message).toBe('broken.csv, line 2: "1.0.1.999" is not an IP address');
    expect((error as IpdbCsvError).line).toBe(2);
  });

  it('rejects a missing file and a binary file that is not an MMDB', () => {
    expect(() => loadIpDatabase({ userPath: join(tmp, 'missing.mmdb') })).toThrow(/missing\.mmdb: file not found/);
    const bin = file('random.mmdb', Buffer.from([0, 1, 2, 3, 0, 0, 255]));
    expect(() => loadIpDatabase({ userPath: bin })).toThrow(/random\.mmdb: neither an MMDB file nor a text CSV/);
  });

  it('ignores an empty userPath', () => {
    expect(loadIpDatabase({ userPath: '  ' }).sources.map((s) => s.kind)).toEqual(['bundled']);
  });
});

describe('MMDB files (fixtures written by mmdb-writer.ts, read by mmdb-lib)', () => {
  it('reads a GeoLite2-ASN style database and keeps bundled countries', () => {
    const path = file(
      'GeoLite2-ASN.mmdb',
      writeMmdb('GeoLite2-ASN', [
        {
          cidr: '23.32.0.0/16',
          data: { autonomous_system_number: 20940, autonomous_system_organization: 'Akamai International B.V.' },
        },
        {
          cidr: '2a02:26f0::/32',
          data: { autonomous_system_number: 20940, autonomous_system_organization: 'Akamai International B.V.' },
        },
      ]),
    );
    const { db, sources } = loadIpDatabase({ userPath: path });
    expect(db.lookup('23.32.200.1')).toEqual({ asn: 20940, asOrg: 'Akamai International B.V.', country: 'US' });
    expect(db.lookup('::ffff:23.32.200.1')).toEqual(db.lookup('23.32.200.1'));
    expect(db.lookup('2a02:26f0:1::5')?.asn).toBe(20940);
    expect(db.lookup('8.8.8.8')).toEqual({ asn: null, asOrg: null, country: 'US' });
    expect(sources[0]).toMatchObject({
      kind: 'mmdb',
      dataDate: '2026-01-01',
      provides: { asn: true, country: false },
      description: 'GeoLite2-ASN — GeoLite2-ASN test fixture',
    });
  });

  it('reads GeoLite2-Country (country.iso_code) and DB-IP / ip-location-db (country_code) records', () => {
    const geo = file(
      'GeoLite2-Country.mmdb',
      writeMmdb('GeoLite2-Country', [
        { cidr: '8.8.8.0/24', data: { country: { iso_code: 'JP' }, registered_country: { iso_code: 'US' } } },
        { cidr: '1.1.1.0/24', data: { registered_country: { iso_code: 'AU' } } },
      ]),
    );
    const db = loadIpDatabase({ userPath: geo }).db;
    expect(db.lookup('8.8.8.8')).toEqual({ asn: 15169, asOrg: 'Google LLC', country: 'JP' });
    expect(db.lookup('1.1.1.1')?.country).toBe('AU');
    const dbip = file(
      'dbip-country-lite.mmdb',
      writeMmdb('DBIP-Country-Lite', [{ cidr: '8.8.8.0/24', data: { country_code: 'de' } }]),
    );
    expect(loadIpDatabase({ userPath: dbip }).db.lookup('8.8.8.8')?.country).toBe('DE');
  });

  it('names the file when an MMDB is damaged', () => {
    const good = writeMmdb('GeoLite2-ASN', [{ cidr: '23.32.0.0/16', data: { autonomous_system_number: 1 } }]);
    const damaged = file('damaged.mmdb', Buffer.concat([Buffer.from([1, 2, 3]), good.subarray(good.length - 200)]));
    expect(() => loadIpDatabase({ userPath: damaged })).toThrow(/damaged\.mmdb/);
  });
});
