/** Loads the compiled resources/ipdb/ipdb.bin for tests (built by `npm run build:ipdb`, or by pretest/prebuild). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IpDatabase } from '../../../main/core/intel/ipdb';

export const IPDB_BIN = join(__dirname, '..', '..', '..', 'resources', 'ipdb', 'ipdb.bin');

let cached: IpDatabase | null = null;

export function realIpDatabase(): IpDatabase {
  if (!existsSync(IPDB_BIN)) throw new Error(`${IPDB_BIN} is missing: run npm run build:ipdb first`);
  cached ??= new IpDatabase(readFileSync(IPDB_BIN));
  return cached;
}
