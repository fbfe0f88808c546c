/**
 * Akamai NetSession Interface process names (DOMAIN.md §3): `netsession_win.exe` on Windows, `netsession_mac`
 * on macOS (the Mac name is not confirmed). Compared without path, extension or case, so `[netsession_win.exe]`
 * from `netstat -b` and `/Users/x/Applications/Akamai/netsession_mac` from ps both match.
 */
const NETSESSION_NAMES = ['netsession_win', 'netsession_mac', 'netsession'];

export function isNetSessionProcess(name: string | null | undefined): boolean {
  if (!name) return false;
  const base = (name.split(/[\\/]/).pop() ?? name)
    .replace(/[[\]]/g, '')
    .replace(/\.exe$/i, '')
    .toLowerCase();
  return NETSESSION_NAMES.includes(base);
}
