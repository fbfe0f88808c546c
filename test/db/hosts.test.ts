import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';

describe('0004_hosts', () => {
  it("creates the hosts table; the Hosts screen's sorts and the verdict filter use indexes", () => {
    const db = openDatabase(':memory:');
    const plan = (sql: string): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan('SELECT * FROM hosts ORDER BY events DESC LIMIT 500')).toContain('USING INDEX hosts_events');
    expect(plan('SELECT * FROM hosts ORDER BY ip_key ASC LIMIT 500')).toContain('USING INDEX hosts_ip_key');
    expect(plan("SELECT * FROM hosts WHERE verdict = 'scan' ORDER BY events DESC")).toContain(
      'USING INDEX hosts_verdict',
    );
  });
});
