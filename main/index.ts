import { join } from 'node:path';
import { app, type BrowserWindow, ipcMain, session } from 'electron';
import { ipcEventName } from '../preload/contract';
import { createLiveSocketSource } from './adapters/sockets';
import { createAppContext, type AppContext } from './app-context';
import { createElectronDesktop } from './ipc/desktop';
import { createHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/register';
import { electronNativeBinding } from './native';
import { lockDownSession } from './security';
import { createMainWindow, rendererUrl } from './window';

let ctx: AppContext | null = null;
let win: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) app.quit();

app.on('second-instance', () => {
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

void app.whenReady().then(() => {
  lockDownSession(session.defaultSession);
  const nativeBinding = electronNativeBinding(app.getAppPath());
  ctx = createAppContext({
    databasePath: process.env['NETWHY_DB'] ?? join(app.getPath('userData'), 'netwhy.sqlite'),
    ...(nativeBinding ? { nativeBinding } : {}),
    info: {
      version: app.getVersion(),
      platform: process.platform,
      dataDir: app.getPath('userData'),
      systemLanguage: app.getPreferredSystemLanguages()[0] ?? app.getLocale(),
    },
    socketSource: createLiveSocketSource(),
    desktop: createElectronDesktop(() => win),
    emit: (event, payload) => {
      if (win && !win.isDestroyed()) win.webContents.send(ipcEventName(event), payload);
    },
    refreshBootstrapAfterMs: 20_000,
    // Built beside this file (electron.vite.config.ts); big imports parse there, on the other core.
    parseWorker: join(__dirname, 'import-worker.js'),
  });
  registerIpc(ipcMain, createHandlers(ctx), () => win?.webContents ?? null, rendererUrl());
  win = createMainWindow();
  win.on('closed', () => (win = null));
});

app.on('window-all-closed', () => {
  ctx?.close();
  ctx = null;
  app.quit();
});
