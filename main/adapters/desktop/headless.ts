import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DesktopBridge } from './types';

/**
 * The desktop without Electron (the real-browser test harness, scripts): files are saved for real into `dir`
 * (no dialog to ask), links and files that would open another program are recorded instead of opened, and the
 * clipboard is a variable. Tests read all three.
 */
export interface HeadlessDesktop extends DesktopBridge {
  readonly dir: string;
  readonly opened: string[];
  clipboard: string;
}

export function createHeadlessDesktop(dir: string): HeadlessDesktop {
  const desktop: HeadlessDesktop = {
    dir,
    opened: [],
    clipboard: '',
    chooseSavePath(suggestedName) {
      mkdirSync(dir, { recursive: true });
      return Promise.resolve(join(dir, suggestedName.replace(/[\\/]/g, '_')));
    },
    openExternal(url) {
      desktop.opened.push(url);
      return Promise.resolve();
    },
    openPath(path) {
      desktop.opened.push(path);
      return Promise.resolve();
    },
    writeClipboard(text) {
      desktop.clipboard = text;
    },
  };
  return desktop;
}
