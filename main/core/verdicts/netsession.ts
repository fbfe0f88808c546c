import { isNetSessionProcess as isKnownNetSession } from '../intel/knowledge/netsession';

/**
 * NetSession by process name (knowledge/netsession.ts), also when the name comes in `netstat -b` brackets
 * ("[netsession_win.exe]").
 */
export function isNetSessionProcess(name: string | null | undefined): boolean {
  if (!name) return false;
  return isKnownNetSession(name.trim().replace(/^\[(.*)\]$/, '$1'));
}
