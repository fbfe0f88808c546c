/**
 * Pure decisions behind the window's security (no 'electron' import, so they are tested under plain Node).
 * After VS Code's ipcMain sender validation and Actual's trusted-url.ts.
 */

/** Is this frame URL our own renderer? Dev: the electron-vite server; built: out/renderer/index.html on disk. */
export function isTrustedRendererUrl(url: string, rendererUrl: string): boolean {
  let actual: URL;
  let expected: URL;
  try {
    actual = new URL(url);
    expected = new URL(rendererUrl);
  } catch {
    return false;
  }
  if (expected.protocol === 'file:') return actual.protocol === 'file:' && actual.pathname === expected.pathname;
  return actual.origin === expected.origin;
}

/** Links a user may open in the system browser (never inside the app window). */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'mailto:';
  } catch {
    return false;
  }
}
