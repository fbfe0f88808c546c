/**
 * Akamai NetSession Interface process names (shared/DOMAIN.md §3). NetSession has no fixed ports (uncertain), so
 * it is recognised by the program that owns the socket, never by port.
 */
export const NETSESSION_PROCESSES: readonly string[] = [
  // Windows: %LOCALAPPDATA%\Akamai\netsession_win.exe (NetSession readme).
  'netsession_win.exe',
  'netsession_win',
  // macOS: ~/Applications/Akamai; binary name not confirmed (uncertain).
  'netsession_mac',
  'netsession',
];

/** True for a NetSession process name or path ("C:\\Users\\x\\AppData\\Local\\Akamai\\netsession_win.exe"). */
export function isNetSessionProcess(nameOrPath: string | null | undefined): boolean {
  if (!nameOrPath) return false;
  const base = nameOrPath.split(/[\\/]/).pop()?.trim().toLowerCase() ?? '';
  return NETSESSION_PROCESSES.includes(base) || /^netsession[_-]/.test(base);
}
