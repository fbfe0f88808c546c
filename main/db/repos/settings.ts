import type { Database } from 'better-sqlite3';

/** Raw settings rows; the settings service parses them with zod. */
export function readSettingsRows(db: Database): Map<string, string> {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  return new Map(rows.map((r) => [r.key, r.value]));
}

export function writeSettingRow(db: Database, args: { key: string; value: string }): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(args.key, args.value);
}
