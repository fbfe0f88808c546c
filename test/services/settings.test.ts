import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';
import { readSettings, updateSettings } from '../../main/services/settings';

describe('settings', () => {
  it('starts from defaults: follow the OS language and theme, online lookups on, syslog on 5514 but off', () => {
    const s = readSettings(openDatabase(':memory:'));
    expect(s).toMatchObject({
      language: 'system',
      theme: 'system',
      onlineLookups: true,
      syslogPort: 5514,
      syslogEnabled: false,
    });
  });

  it('stores changes and rejects invalid values without losing stored ones', () => {
    const db = openDatabase(':memory:');
    updateSettings(db, { language: 'ja', closeWaitStuckSec: 300 });
    expect(readSettings(db)).toMatchObject({ language: 'ja', closeWaitStuckSec: 300 });
    expect(() => updateSettings(db, { closeWaitStuckSec: 1 })).toThrow();
    expect(readSettings(db).closeWaitStuckSec).toBe(300);
  });

  it('falls back to the default for a stored value that no longer parses', () => {
    const db = openDatabase(':memory:');
    updateSettings(db, { theme: 'dark', language: 'ja' });
    db.prepare("UPDATE settings SET value = '\"purple\"' WHERE key = 'theme'").run();
    expect(readSettings(db)).toMatchObject({ theme: 'system', language: 'ja' });
  });
});
