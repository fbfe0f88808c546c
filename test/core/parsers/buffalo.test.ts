import { describe, expect, it } from 'vitest';
import { buffalo } from '../../../main/core/parsers/buffalo';
import { event, fixtureLines, parse } from './helpers';

describe('BUFFALO AirStation family', () => {
  it('keeps the published masked line unknown', () => {
    for (const line of fixtureLines('buffalo.log')) expect(parse(buffalo, line).kind).toBe('unknown');
  });

  it('reads a SYN_FLOOD alert as dropped inbound SYNs from the source (published format, documentation address)', () => {
    expect(event(buffalo, '種類/ATTACK ログ内容/ALERT [ SYN_FLOOD : ]: 3 attempts from 203.0.113.14.Total=3.')).toEqual(
      {
        time: null,
        proto: 'tcp',
        flags: ['SYN'],
        src: '203.0.113.14',
        sport: null,
        dst: '',
        dport: null,
        action: 'drop',
        direction: 'in',
        message: 'SYN_FLOOD: 3 attempts',
      },
    );
  });
});
