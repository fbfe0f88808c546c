import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyStats, readLogFileChunks, readLogText, ReadOptionsError } from '../../main/services/read-log';

const LOGS = join(__dirname, '../fixtures/logs');

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** A file's events, its chunks joined in order. */
const fileEvents = async (...args: Parameters<typeof readLogFileChunks>) =>
  (await collect(readLogFileChunks(...args))).flat();

describe('readLogFileChunks / readLogText (what the parse, analyze and report commands read through)', () => {
  it('gives the same events for a file and for its text pasted', async () => {
    const path = join(LOGS, 'pfsense.log');
    const fromFile = await fileEvents(path, { tz: 'UTC', year: 2026 });
    const fromText = await collect(readLogText(readFileSync(path, 'utf8'), { tz: 'UTC', year: 2026 }));
    expect(fromText).toEqual(fromFile);
    expect(fromFile[0]).toMatchObject({
      format: 'pfsense',
      line: 1,
      tsUtc: Date.UTC(2026, 6, 3, 19, 10, 30),
      zone: 'UTC',
    });
  });

  it('fills the stats the CLI summary prints', async () => {
    const stats = emptyStats();
    const events = await fileEvents(join(LOGS, 'netfilter.log'), { stats, year: 2026 });
    expect(stats).toMatchObject({ family: 'netfilter', events: events.length, encoding: 'utf-8', compressed: false });
    expect(stats.lines).toBe(stats.events + stats.ignored + stats.unknown);
  });

  it('rejects an unknown --format or --tz before reading', async () => {
    await expect(collect(readLogText('x', { format: 'nope' }))).rejects.toThrow(ReadOptionsError);
    await expect(collect(readLogText('x', { tz: 'Nowhere/City' }))).rejects.toThrow(/Unknown time zone/);
  });
});
