/**
 * Launches the real Electron app (Playwright's _electron) when an Electron binary is available: set
 * ELECTRON_OVERRIDE_DIST_PATH to the folder holding it. Electron's own installer downloads the binary, which this
 * build machine cannot do, so here the test reports itself skipped and why.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';
import { importLogFile } from '../../main/services/import';

const ROOT = resolve(__dirname, '../..');

function electronBinary(): { path: string | null; reason: string } {
  const dist = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (!dist)
    return { path: null, reason: 'ELECTRON_OVERRIDE_DIST_PATH is not set (no Electron binary on this machine)' };
  const exe =
    process.platform === 'win32'
      ? join(dist, 'electron.exe')
      : process.platform === 'darwin'
        ? join(dist, 'Electron.app/Contents/MacOS/Electron')
        : join(dist, 'electron');
  if (!existsSync(exe)) return { path: null, reason: `no Electron executable at ${exe}` };
  if (!existsSync(join(ROOT, 'out/main/index.js'))) return { path: null, reason: 'app not built (npm run build)' };
  return { path: exe, reason: '' };
}

const binary = electronBinary();
if (!binary.path) console.warn(`[electron smoke] skipped: ${binary.reason}`);

describe.skipIf(!binary.path)('Electron app smoke test', () => {
  it('opens the NetWhy window, sandboxed, on the Connections screen', async () => {
    // better-sqlite3 must be built for Electron's ABI (.native/electron); the same script npm start runs.
    execFileSync(process.execPath, [join(ROOT, 'scripts/ensure-electron-native.mjs')], { stdio: 'inherit' });
    const dataDir = mkdtempSync(join(tmpdir(), 'netwhy-electron-'));
    const app = await electron.launch({
      executablePath: binary.path!,
      args: [ROOT, '--no-sandbox'],
      env: { ...process.env, NETWHY_DB: join(dataDir, 'netwhy.sqlite') },
    });
    try {
      const win = await app.firstWindow();
      await win.getByTestId('nav-connections').waitFor();
      expect(await win.title()).toBe('NetWhy');
      // The renderer has the named api and nothing of Node.
      expect(
        await win.evaluate(
          () => typeof (globalThis as { netwhy?: { sockets?: { current?: unknown } } }).netwhy?.sockets?.current,
        ),
      ).toBe('function');
      expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await win.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const w = BrowserWindow.getAllWindows()[0]!;
        const p = (
          w.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> | null }
        ).getLastWebPreferences();
        return { sandbox: p?.sandbox, contextIsolation: p?.contextIsolation, nodeIntegration: p?.nodeIntegration };
      });
      expect(prefs).toEqual({ sandbox: true, contextIsolation: true, nodeIntegration: false });
      await win.getByTestId('connections-table').waitFor({ timeout: 20_000 });
      await win.screenshot({ path: join(ROOT, 'docs/screenshots/electron-window.png') });
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('opens on the timeline with imported data drawn (typed arrays through the context bridge)', async () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts/ensure-electron-native.mjs')], { stdio: 'inherit' });
    const dataDir = mkdtempSync(join(tmpdir(), 'netwhy-electron-'));
    const dbPath = join(dataDir, 'netwhy.sqlite');
    // Seeded under Node before Electron opens the same file (the app then starts on the timeline).
    const db = openDatabase(dbPath);
    await importLogFile(db, join(ROOT, 'test/fixtures/scenarios/netgear-ack-akamai.log'), { tz: 'UTC', year: 2024 });
    db.close();
    const app = await electron.launch({
      executablePath: binary.path!,
      args: [ROOT, '--no-sandbox'],
      env: { ...process.env, NETWHY_DB: dbPath },
    });
    try {
      const win = await app.firstWindow();
      const canvas = win.getByTestId('timeline-canvas');
      await canvas.waitFor({ timeout: 20_000 });
      await expect
        .poll(async () => Number(await canvas.getAttribute('data-buckets')), { timeout: 20_000 })
        .toBeGreaterThan(0);
      await win.screenshot({ path: join(ROOT, 'docs/screenshots/electron-timeline.png') });
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
