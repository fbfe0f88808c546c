import { describe, expect, it } from 'vitest';
import { detectFamily } from '../../../main/core/import/detect';
import { createPipeline } from '../../../main/core/import/pipeline';
import { createTimeResolver } from '../../../main/core/import/time';
import type { ConnectionEvent } from '../../../main/core/model/event';
import { FAMILIES } from '../../../main/core/parsers/registry';

/*
 * The `ts` that `netwhy parse FILE --tz ZONE [--year Y]` prints for real-format lines: detection, the family's
 * parser, the syslog header reader and the time resolver together, as the CLI runs them.
 */

/** The Japanese home-router line (issue 3), after the time under test. */
const REJECTED = 'UDP connection rejected from 203.0.113.9:3478 to 192.168.1.10:61234';
/** 2026-11-21 12:00 in Tokyo, 03:00 UTC. */
const NOW = Date.UTC(2026, 10, 21, 3, 0, 0);

interface Options {
  tz: string;
  year?: number;
  now?: number;
}

/** What `netwhy parse` prints as ts, one entry per input line (every line here must come out as an event). */
function tsOf(lines: readonly string[], o: Options): (string | null)[] {
  const events: ConnectionEvent[] = [];
  const family = detectFamily(lines, FAMILIES).family;
  const pipeline = createPipeline(
    {
      family,
      fallback: FAMILIES,
      time: createTimeResolver({ zone: o.tz, defaultZone: 'UTC', year: o.year, now: o.now ?? NOW }),
    },
    { event: (e) => events.push(e), unknown: () => undefined, ignored: () => undefined },
  );
  lines.forEach((l, i) => pipeline.push(l, i + 1));
  pipeline.end();
  expect(events.map((e) => e.line)).toEqual(lines.map((_, i) => i + 1));
  return events.map((e) => e.ts);
}

describe('12-hour clocks after a dash date', () => {
  it('reads PM and AM instead of stopping before them', () => {
    expect(
      tsOf(
        [
          `2024-11-21 03:04:05 PM ${REJECTED}`,
          `2024-11-21 12:04:05 AM ${REJECTED}`,
          `2024-11-21 12:04:05 PM ${REJECTED}`,
          `2024-11-21 03:04:05 ${REJECTED}`,
        ],
        { tz: 'UTC' },
      ),
    ).toEqual(['2024-11-21T15:04:05Z', '2024-11-21T00:04:05Z', '2024-11-21T12:04:05Z', '2024-11-21T03:04:05Z']);
  });
});
