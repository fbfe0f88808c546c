/**
 * Finds and loads the IP database: the bundled compiled file (resources/ipdb/ipdb.bin), optionally under the user's
 * own newer file (an @ip-location-db CSV or an MMDB such as GeoLite2-ASN / GeoLite2-Country / DB-IP lite), chosen in
 * settings (ipDatabasePath).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { IpDatabase, type IpDatabaseLike } from '../../core/intel/ipdb';
import type { IpDatabaseMeta, IpDatabaseSource } from '../../core/intel/ipdb-format';
import { LayeredIpDatabase, type Provides } from '../../core/intel/ipdb-layered';
import { loadUserCsv } from './user-csv';
import { loadMmdb } from './mmdb';

export const IPDB_FILE = 'ipdb.bin';

/**
 * Where resources/ipdb may be, best first: the packaged app's resources (process.resourcesPath/ipdb, if the
 * packager copies resources/ipdb there), then resources/ipdb next to package.json found by walking up from this
 * module (out/main in the built app, main/adapters/ipdb under tsx/vitest) and from the working directory.
 */
export function ipdbCandidateDirs(options: { resourcesPath?: string | undefined; from?: string[] } = {}): string[] {
  const dirs: string[] = [];
  const resourcesPath = options.resourcesPath ?? (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) dirs.push(join(resourcesPath, 'ipdb'), join(resourcesPath, 'resources', 'ipdb'));
  const starts = options.from ?? [typeof __dirname === 'string' ? __dirname : process.cwd(), process.cwd()];
  for (const start of starts) {
    let dir = start;
    for (let depth = 0; depth < 8; depth++) {
      if (existsSync(join(dir, 'package.json'))) {
        dirs.push(join(dir, 'resources', 'ipdb'));
        break;
      }
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  return [...new Set(dirs)];
}

/** The first candidate directory holding ipdb.bin, as a full file path; null when none does. */
export function resolveIpdbPath(candidateDirs: readonly string[] = ipdbCandidateDirs()): string | null {
  for (const dir of candidateDirs) {
    const file = join(dir, IPDB_FILE);
    if (existsSync(file)) return file;
  }
  return null;
}

export class IpDatabaseMissingError extends Error {
  override name = 'IpDatabaseMissingError';
  constructor(readonly searched: readonly string[]) {
    super(`The IP database (${IPDB_FILE}) was not found in: ${searched.join(', ')}. Run npm run build:ipdb.`);
  }
}

export interface BundledIpDatabase {
  db: IpDatabase;
  path: string;
  loadMs: number;
}

export function loadBundledIpDatabase(candidateDirs: readonly string[] = ipdbCandidateDirs()): BundledIpDatabase {
  const t0 = performance.now();
  const path = resolveIpdbPath(candidateDirs);
  if (!path) throw new IpDatabaseMissingError(candidateDirs);
  const db = new IpDatabase(readFileSync(path));
  return { db, path, loadMs: performance.now() - t0 };
}

export type IpDatabaseKind = 'bundled' | 'csv' | 'mmdb';

/** What the app tells the user about the data it is using (About box, `netwhy whois` footers). */
export interface IpDatabaseSourceInfo {
  kind: IpDatabaseKind;
  path: string;
  /** ISO date of the data: the package's build date, the MMDB build epoch, or the CSV file's modification time. */
  dataDate: string | null;
  /** Which fields come from this file (the rest from the bundled data). */
  provides: Provides;
  /** e.g. "GeoLite2-ASN" for an MMDB; the file name for a CSV. */
  description: string;
  sources: IpDatabaseSource[];
}

export interface LoadedIpDatabase {
  db: IpDatabaseLike;
  /** The user's file first (when one is in use), then the bundled data. */
  sources: IpDatabaseSourceInfo[];
  /** The bundled database's metadata (null if only the user's file could be loaded). */
  bundledMeta: IpDatabaseMeta | null;
  loadMs: number;
}

export interface LoadIpDatabaseOptions {
  /** settings.ipDatabasePath: a .csv or .mmdb the user chose; null/empty = bundled data only. */
  userPath?: string | null;
  candidateDirs?: readonly string[];
}

export function bundledSourceInfo(path: string, meta: IpDatabaseMeta): IpDatabaseSourceInfo {
  return {
    kind: 'bundled',
    path,
    dataDate: meta.dataDate,
    provides: { asn: true, country: true },
    description: 'ip-location-db (RouteViews, DB-IP, NRO, GeoFeed)',
    sources: meta.sources,
  };
}

/**
 * Loads the bundled database and, when `userPath` is set, the user's file over it. A broken user file throws
 * (IpdbCsvError with file and line, or an Error naming the file), so the settings screen can say what is wrong;
 * a missing bundled database is tolerated when the user's file loads (it then answers alone).
 */
export function loadIpDatabase(options: LoadIpDatabaseOptions = {}): LoadedIpDatabase {
  const t0 = performance.now();
  const dirs = options.candidateDirs ?? ipdbCandidateDirs();
  const userPath = options.userPath?.trim() || null;
  let bundled: BundledIpDatabase | null = null;
  try {
    bundled = loadBundledIpDatabase(dirs);
  } catch (err) {
    if (!userPath) throw err;
  }
  const bundledInfo = bundled ? [bundledSourceInfo(bundled.path, bundled.db.meta)] : [];
  if (!userPath) {
    const b = bundled as BundledIpDatabase;
    return { db: b.db, sources: bundledInfo, bundledMeta: b.db.meta, loadMs: performance.now() - t0 };
  }
  const user = loadUserFile(userPath);
  const db = new LayeredIpDatabase(user.db, user.info.provides, bundled?.db ?? null);
  return {
    db,
    sources: [user.info, ...bundledInfo],
    bundledMeta: bundled?.db.meta ?? null,
    loadMs: performance.now() - t0,
  };
}

/** A .mmdb by its magic marker, anything else as an ip-location-db CSV. */
export function loadUserFile(path: string): { db: IpDatabaseLike; info: IpDatabaseSourceInfo } {
  if (!existsSync(path)) throw new Error(`${path}: file not found`);
  if (!statSync(path).isFile()) throw new Error(`${path}: not a file`);
  const bytes = readFileSync(path);
  if (isMmdb(bytes)) return loadMmdb(path, bytes);
  if (bytes.includes(0)) throw new Error(`${basename(path)}: neither an MMDB file nor a text CSV file`);
  return loadUserCsv(path, bytes.toString('utf8'));
}

/** MaxMind DB files end with metadata introduced by "\xAB\xCD\xEFMaxMind.com" (MaxMind DB spec, "Database Metadata"). */
const MMDB_MARKER = Buffer.from([0xab, 0xcd, 0xef, ...Buffer.from('MaxMind.com')]);

function isMmdb(bytes: Buffer): boolean {
  // The metadata section is at most 128 KiB from the end (spec).
  return bytes.lastIndexOf(MMDB_MARKER, bytes.length, undefined) >= Math.max(0, bytes.length - 128 * 1024);
}
