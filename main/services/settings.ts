import type { Database } from 'better-sqlite3';
import { Settings } from '../../preload/contract/app';
import { readSettingsRows, writeSettingRow } from '../db/repos/settings';

/**
 * Settings are stored one JSON value per key. A value that no longer parses (an older or hand-edited database)
 * falls back to its default rather than failing the whole settings object.
 */
export function readSettings(db: Database): Settings {
  const rows = readSettingsRows(db);
  const defaults = Settings.parse({});
  const out: Record<string, unknown> = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof Settings)[]) {
    const raw = rows.get(key);
    if (raw === undefined) continue;
    try {
      const field = Settings.shape[key].safeParse(JSON.parse(raw));
      if (field.success) out[key] = field.data;
    } catch {
      // keep the default
    }
  }
  return Settings.parse(out);
}

export function updateSettings(db: Database, patch: Partial<Settings>): Settings {
  const merged = Settings.parse({ ...readSettings(db), ...patch });
  db.transaction(() => {
    for (const key of Object.keys(patch) as (keyof Settings)[]) {
      writeSettingRow(db, { key, value: JSON.stringify(merged[key]) });
    }
  })();
  return merged;
}
