/**
 * key=value lists as FortiGate, SonicWall, Sophos UTM and Junos structured data print them: bare values end at a
 * space, quoted values ("…" or '…') may hold spaces. Later duplicates do not overwrite earlier ones (SonicWall
 * repeats msg= with a shorter text).
 */
export function parseKeyValues(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([A-Za-z_][\w.-]*)=(?:"([^"]*)"?|'([^']*)'?|(\S*))/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const key = m[1] ?? '';
    if (out.has(key)) continue;
    out.set(key, m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}
