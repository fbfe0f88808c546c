/**
 * The IP database the app uses right now: the bundled file, with the user's CSV/MMDB (settings.ipDatabasePath) over
 * it. Loaded once and kept until the chosen file (or its modification time) changes. A user file that cannot be
 * read does not break attribution: the bundled data answers and the error is reported (About box, settings).
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { loadIpDatabase, type LoadedIpDatabase } from '../adapters/ipdb/load';
import { IpdbCsvError } from '../core/intel/ipdb-csv';

export interface IpDatabaseState {
  /** null only when neither the bundled nor the user's file could be loaded. */
  loaded: LoadedIpDatabase | null;
  userFileError: { file: string; line: number | null; message: string } | null;
  bundledError: string | null;
}

let cache: { key: string; state: IpDatabaseState } | null = null;

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

function cacheKey(userPath: string): string {
  if (!userPath) return '';
  try {
    return `${userPath}\u0000${statSync(userPath).mtimeMs}`;
  } catch {
    return `${userPath}\u0000missing`;
  }
}

/** The database for `userPath` ('' or null = bundled only), loaded on first use and then reused. */
export function ipDatabaseFor(userPath: string | null | undefined, candidateDirs?: readonly string[]): IpDatabaseState {
  const path = userPath?.trim() ?? '';
  const key = cacheKey(path);
  if (cache && cache.key === key) return cache.state;
  const state = load(path, candidateDirs);
  cache = { key, state };
  return state;
}

function load(path: string, candidateDirs?: readonly string[]): IpDatabaseState {
  const dirs = candidateDirs ? { candidateDirs } : {};
  let bundledError: string | null = null;
  let bundled: LoadedIpDatabase | null = null;
  try {
    bundled = loadIpDatabase(dirs);
  } catch (err) {
    bundledError = message(err);
  }
  if (!path) return { loaded: bundled, userFileError: null, bundledError };
  try {
    return { loaded: loadIpDatabase({ ...dirs, userPath: path }), userFileError: null, bundledError };
  } catch (err) {
    const userFileError =
      err instanceof IpdbCsvError
        ? { file: path, line: err.line > 0 ? err.line : null, message: err.message }
        : { file: path, line: null, message: message(err) };
    if (!userFileError.message.includes(basename(path)))
      userFileError.message = `${basename(path)}: ${userFileError.message}`;
    return { loaded: bundled, userFileError, bundledError };
  }
}

/** Forget the loaded database (tests; a rebuilt bundled file). */
export function resetIpDatabaseCache(): void {
  cache = null;
}
