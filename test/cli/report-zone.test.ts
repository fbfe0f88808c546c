import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/main';
import { captureIo } from '../helpers/cli-io';

/**
 * Whether a report says the zone was assumed. The README (Formats): a zoneless line "is placed in the zone the import
 * assumed … and the report says so (… CSV zone_assumed=yes)", --tz UTC included; a line stating its own offset ("Z")
 * is reported as stated whatever --tz says.
 */

// Zoneless UFW lines ("Nov 21 09:14:03 kaito-pc kernel: … [UFW BLOCK] …").
const SCAN = join(__dirname, '../fixtures/report/ufw-scan.log');
// Its line 12 is an EdgeOS line in RFC 5424 with a UTC stamp: "<6>2021-03-12T14:10:18Z Hostname kernel: …
// SRC=158.109.0.1 …"; line 1 of juniper-srx.log an RFC 5424 RT_FLOW line stating "2013-11-04T16:23:09.264Z".
const NETFILTER = join(__dirname, '../fixtures/logs/netfilter.log');

async function report(...argv: string[]): Promise<string> {
  const c = captureIo();
  const code = await runCli(['report', ...argv, '--offline'], c.io);
  expect(c.err()).not.toMatch(/error/i);
  expect(code).toBe(0);
  return c.out();
}

/** The CSV's rows as objects keyed by its header. */
function csvRows(csv: string): Record<string, string>[] {
  const [head, ...rows] = csv.trim().split(/\r?\n/);
  const keys = (head ?? '').split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [keys[i], v])));
}

const NOTE = 'Note: the log lines carry no time zone; NetWhy assumed UTC when importing them.';

describe('netwhy report: stated or assumed zone', () => {
  for (const tz of ['UTC', 'Etc/UTC', 'Europe/London']) {
    it(`--tz ${tz} on a log without zones is reported as assumed (CSV zone_assumed=yes, the text's note)`, async () => {
      const args = [SCAN, '--host', '45.155.205.10', '--tz', tz, '--year', '2026'];
      const rows = csvRows(await report(...args, '--format', 'csv'));
      expect(rows).toHaveLength(5);
      expect(rows.map((r) => [r['time_zone'], r['zone_assumed']])).toEqual(Array(5).fill([tz, 'yes']));
      const text = await report(...args);
      expect(text).toContain(`Note: the log lines carry no time zone; NetWhy assumed ${tz} when importing them.`);
    });
  }

  it('a line stating UTC ("Z") is reported as stated, whatever --tz says, and without the note', async () => {
    for (const tz of ['UTC', 'Asia/Tokyo']) {
      const args = [NETFILTER, '--host', '158.109.0.1', '--tz', tz];
      const rows = csvRows(await report(...args, '--format', 'csv'));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        timestamp: '2021-03-12T14:10:18+00:00',
        time_zone: 'UTC+00:00',
        zone_assumed: 'no',
      });
      const text = await report(...args);
      expect(text).toContain('2021-03-12T14:10:18+00:00');
      expect(text).not.toContain('Note: the log lines carry no time zone');
      expect(text).not.toContain(NOTE);
    }
  });
});
