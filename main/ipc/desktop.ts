import { clipboard, dialog, shell, type BrowserWindow } from 'electron';
import type { DesktopBridge } from '../adapters/desktop/types';

/** The desktop through Electron: native save dialog, default mail program, system clipboard. */
export function createElectronDesktop(window: () => BrowserWindow | null): DesktopBridge {
  return {
    async chooseSavePath(suggestedName, filter) {
      const win = window();
      const options = { defaultPath: suggestedName, filters: [filter, { name: 'All files', extensions: ['*'] }] };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async openExternal(url) {
      // Only mail links leave the app this way; the window's own navigation guards stay untouched.
      if (!url.startsWith('mailto:')) throw new Error('Only mailto: links are opened externally');
      await shell.openExternal(url);
    },
    async openPath(path) {
      const error = await shell.openPath(path);
      if (error) throw new Error(error);
    },
    writeClipboard(text) {
      clipboard.writeText(text);
    },
  };
}
