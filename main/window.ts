import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, nativeTheme } from 'electron';
import { lockDownContents } from './security';

/** The renderer's URL: the electron-vite dev server while developing, the built index.html otherwise. */
export function rendererUrl(): string {
  const dev = process.env['ELECTRON_RENDERER_URL'];
  return dev ?? pathToFileURL(join(__dirname, '../renderer/index.html')).toString();
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 880,
    minHeight: 560,
    show: false,
    title: 'NetWhy',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#15181d' : '#f7f8fa',
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  const url = rendererUrl();
  lockDownContents(win.webContents, url);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(url);
  return win;
}
