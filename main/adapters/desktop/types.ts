/** What the app asks of the desktop: where to save, which program opens a link or file, the clipboard. */
export interface DesktopBridge {
  /** Lets the user choose where to save; null when cancelled. */
  chooseSavePath(suggestedName: string, filter: { name: string; extensions: string[] }): Promise<string | null>;
  /** Opens a mailto: link in the user's mail program. */
  openExternal(url: string): Promise<void>;
  /** Opens a saved file with its default program (an .eml opens in the mail program). */
  openPath(path: string): Promise<void>;
  writeClipboard(text: string): void;
}
