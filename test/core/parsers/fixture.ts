import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LineResult, LogFamily } from '../../../main/core/parsers/family';

const ROOT = join(__dirname, '..', '..', 'fixtures');

/** Lines of a fixture file under test/fixtures (empty lines kept out: a parser never sees them from the engine). */
export function fixtureLines(relative: string): string[] {
  return readFileSync(join(ROOT, relative), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
}

/** Runs one parser over lines in order, the way the import engine does. */
export function parseLines(family: LogFamily, lines: readonly string[]): LineResult[] {
  const parser = family.open();
  return lines.map((l) => parser.parse(l));
}

/** The event of a result, failing the test with the result itself when it is not one. */
export function eventOf(r: LineResult | undefined) {
  if (!r || r.kind !== 'event') throw new Error(`expected an event, got ${JSON.stringify(r)}`);
  return r.event;
}
