import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { generateNetfilterLog } from '../../scripts/netfilter-log';

const ROOT = join(__dirname, '../..');
const BUILT = join(ROOT, 'out/main');

/** Why the built CLI cannot be run, or null. On CI `npm test` builds first, so a missing build is an error there. */
function unbuiltReason(): string | null {
  const missing = ['cli.js', 'import-worker.js'].filter((f) => !existsSync(join(BUILT, f)));
  if (missing.length === 0) return null;
  const reason = `out/main/${missing.join(', ')} not built (run \`npm run build\` first)`;
  if (process.env['CI']) throw new Error(`The built CLI cannot be tested on CI: ${reason}`);
  return reason;
}

const reason = unbuiltReason();
if (reason) console.log(`skipped: the built \`netwhy import\` test (${reason})`);

describe.skipIf(reason !== null)('the built `netwhy import` (as npx runs it)', () => {
  it('imports a big log on the worker built beside it: every line stored, no fallback warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netwhy-built-cli-'));
    const file = join(dir, 'kern.log');
    const lines = await generateNetfilterLog(file, 8_000, Number.POSITIVE_INFINITY);
    const db = join(dir, 'netwhy.sqlite');
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'bin/netwhy.js'), 'import', file, '--db', db, '--tz', 'UTC', '--year', '2026'],
      // A worker left running would keep the CLI from exiting: fail, do not hang.
      { encoding: 'utf8', cwd: dir, timeout: 60_000 },
    );
    expect(run.error).toBeUndefined();
    expect(run.signal).toBeNull();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`imported as import #1: ${lines} lines, ${lines} events`);
    const d = new BetterSqlite3(db, { readonly: true });
    expect(d.prepare('SELECT count(*) AS n, count(DISTINCT line) AS lines FROM events').get()).toEqual({
      n: lines,
      lines,
    });
    d.close();
  });

  it('says a grown log continued its earlier import and which lines it stored; nothing is stored twice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netwhy-built-cli-'));
    const fixture = readFileSync(join(ROOT, 'test/fixtures/logs/netfilter.log'), 'utf8').split('\n');
    const file = join(dir, 'grow.log');
    const db = join(dir, 'netwhy.sqlite');
    const run = (): string => {
      const r = spawnSync(
        process.execPath,
        [join(ROOT, 'bin/netwhy.js'), 'import', file, '--db', db, '--tz', 'UTC', '--year', '2026'],
        { encoding: 'utf8', cwd: dir, timeout: 60_000 },
      );
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      return r.stdout;
    };
    writeFileSync(file, fixture.slice(0, 2).join('\n') + '\n');
    expect(run()).toContain('grow.log: imported as import #1: 2 lines, 2 events');
    expect(run()).toContain('grow.log: already imported (import #1); nothing added');
    appendFileSync(file, fixture.slice(2, 5).join('\n') + '\n');
    expect(run()).toContain(
      'grow.log: continued import #1 (the file grew), stored lines 3-5 as import #2: 3 lines, 3 events',
    );
    expect(run()).toContain('grow.log: already imported (import #2); nothing added');
    const d = new BetterSqlite3(db, { readonly: true });
    expect(d.prepare('SELECT count(*) AS n, count(DISTINCT line) AS lines FROM events').get()).toEqual({
      n: 5,
      lines: 5,
    });
    d.close();
  });
});

describe.skipIf(reason !== null)('the built `netwhy parse` in a pipeline', () => {
  it('stops quietly when the reader closes the pipe (`netwhy parse big.log | head -1`)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netwhy-built-pipe-'));
    const file = join(dir, 'kern.log');
    await generateNetfilterLog(file, 50_000, Number.POSITIVE_INFINITY);
    const child = spawn(process.execPath, [join(ROOT, 'bin/netwhy.js'), 'parse', file, '--tz', 'UTC'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    // What `head -1` does: read the first line, then close its end of the pipe.
    const first = await new Promise<string>((resolve) =>
      child.stdout.once('data', (c: Buffer) => resolve(c.toString())),
    );
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(first).toMatch(/^\{"line":1,/);
    expect(stderr).not.toMatch(/EPIPE|Unhandled|at /);
    expect(code).toBe(0);
  });
});
