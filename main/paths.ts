import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'NetWhy';

/**
 * Electron's `userData` for this app, computed without Electron so that the CLI writes to the same database as
 * the app (Electron: appData/<productName>).
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), APP_NAME);
}

export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return env['NETWHY_DB'] ?? join(defaultDataDir(env), 'netwhy.sqlite');
}
