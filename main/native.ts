import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 is compiled twice: node_modules holds the build for Node (tests, CLI); scripts/ensure-electron-
 * native.mjs puts one for Electron's ABI in .native/electron/. Electron's main process passes that file to
 * better-sqlite3's `nativeBinding` option, so neither build overwrites the other.
 */
export function electronNativeBinding(appPath: string): string | undefined {
  const candidates = [
    join(appPath, '.native', 'electron', 'better_sqlite3.node'),
    join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node'),
  ];
  return candidates.find((p) => existsSync(p));
}
