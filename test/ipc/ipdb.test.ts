import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppContext } from '../../main/app-context';
import { dispatch } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { resetIpDatabaseCache } from '../../main/services/ip-database';
import type { IpDataInfo } from '../../preload/contract/ipdb';

const tmp = mkdtempSync(join(tmpdir(), 'netwhy-ipdb-ipc-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('intel.dataInfo', () => {
  it("tells the About box the data's date, credits and the user's file, or why that file was not used", async () => {
    resetIpDatabaseCache();
    const ctx = createAppContext({
      databasePath: ':memory:',
      info: { version: 'test', platform: 'linux', dataDir: tmp, systemLanguage: 'en-US' },
      socketSource: { poll: async () => [] },
      emit: () => undefined,
    });
    const handlers = createHandlers(ctx);

    const bundled = (await dispatch(handlers, 'intel.dataInfo', undefined)) as IpDataInfo;
    expect(bundled.sources).toHaveLength(1);
    expect(bundled.sources[0]).toMatchObject({ kind: 'bundled', provides: { asn: true, country: true } });
    expect(bundled.sources[0]?.dataDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(bundled.credits.map((c) => c.attribution).join(' ')).toMatch(/DB-IP.*CC BY 4\.0/);
    expect(bundled.credits.map((c) => c.attribution).join(' ')).toMatch(/RouteViews/);
    expect(bundled.counts?.rangesV4).toBeGreaterThan(100_000);
    expect(bundled.userFileError).toBeNull();

    const csv = join(tmp, 'asn-newer.csv');
    writeFileSync(csv, '8.8.8.0,8.8.8.255,15169,Google LLC\n');
    await dispatch(handlers, 'settings.update', { ipDatabasePath: csv });
    const withFile = (await dispatch(handlers, 'intel.dataInfo', undefined)) as IpDataInfo;
    expect(withFile.sources.map((s) => s.kind)).toEqual(['csv', 'bundled']);
    expect(withFile.sources[0]).toMatchObject({ path: csv, provides: { asn: true, country: false } });

    const broken = join(tmp, 'broken.csv');
    writeFileSync(broken, '8.8.8.0,8.8.8.255,15169,Google LLC\n8.8.9.0,8.8.9.255,AS-GOOGLE,Google LLC\n');
    await dispatch(handlers, 'settings.update', { ipDatabasePath: broken });
    const failed = (await dispatch(handlers, 'intel.dataInfo', undefined)) as IpDataInfo;
    expect(failed.userFileError).toEqual({
      file: broken,
      line: 2,
      message: 'broken.csv, line 2: "AS-GOOGLE" is not an AS number',
    });
    // Attribution keeps working on the bundled data.
    expect(failed.sources.map((s) => s.kind)).toEqual(['bundled']);
    ctx.close();
  });
});
