/**
 * What the port field's text means: no filter (empty), a port, or a mistake the screen must point out. Anything
 * else than a whole number 0–65535 (`-5`, `99999`, `80a`) is refused, not clamped or dropped quietly: a filter
 * that is silently not applied shows every event while the user believes it shows one port.
 */
export type PortInput = { ok: true; port: number | undefined } | { ok: false };

export function parsePort(text: string): PortInput {
  const s = text.trim();
  if (s === '') return { ok: true, port: undefined };
  if (!/^\d{1,5}$/.test(s)) return { ok: false };
  const port = Number(s);
  return port <= 65_535 ? { ok: true, port } : { ok: false };
}
