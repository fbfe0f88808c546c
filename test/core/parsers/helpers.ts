import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedEvent } from '../../../main/core/model/event';
import type { LineResult, LogFamily } from '../../../main/core/parsers/family';

/** Lines of test/fixtures/logs/<name>, blank lines dropped (each line is a real-format log line). */
export function fixtureLines(name: string): string[] {
  const text = readFileSync(join(__dirname, '../../fixtures/logs', name), 'utf8');
  return text.split(/\r?\n/).filter((l) => l.trim() !== '');
}

export function parse(family: LogFamily, line: string): LineResult {
  return family.open().parse(line);
}

/** Parses one line and insists it is an event. */
export function event(family: LogFamily, line: string): ParsedEvent {
  const r = parse(family, line);
  if (r.kind !== 'event') throw new Error(`expected an event, got ${JSON.stringify(r)} for: ${line}`);
  return r.event;
}
