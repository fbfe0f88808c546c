import { describe, expect, it } from 'vitest';
import {
  eventsWhere,
  likePattern,
  liveWhere,
  needsRawEvents,
  rollupWhere,
  wantsImports,
  wantsLive,
} from '../../../main/db/repos/timeline-filters';

describe('timeline filters', () => {
  it('treats a search text literally (% and _ are not wildcards)', () => {
    expect(likePattern('50%_off\\x')).toBe('%50\\%\\_off\\\\x%');
  });

  it('decides which sources take part: live sockets have no firewall action', () => {
    expect([wantsLive({}), wantsImports({})]).toEqual([true, true]);
    expect([wantsLive({ sources: ['live'] }), wantsImports({ sources: ['live'] })]).toEqual([true, false]);
    expect([wantsLive({ sources: [3] }), wantsImports({ sources: [3] })]).toEqual([false, true]);
    expect(wantsLive({ actions: ['drop'] })).toBe(false);
  });

  it('sends port and text filters to the raw events, the rest to the rollup', () => {
    expect(needsRawEvents({ owners: ['akamai-edge'], protos: ['TCP'] })).toBe(false);
    expect(needsRawEvents({ port: 443 })).toBe(true);
    expect(needsRawEvents({ port: null })).toBe(false);
    expect(needsRawEvents({ text: '  ' })).toBe(false);
    expect(needsRawEvents({ text: 'weather' })).toBe(true);
  });

  it('binds every value as a parameter, never in the SQL text', () => {
    const evil = "x') OR 1=1 --";
    const f = { owners: [evil], verdicts: [evil], protos: [evil], actions: [evil], sources: [7], port: 22, text: evil };
    for (const w of [rollupWhere(f), eventsWhere(f), liveWhere(f)]) {
      expect(w.sql).not.toContain(evil);
      expect(w.params.some((p) => typeof p === 'string' && p.includes(evil))).toBe(true);
    }
    expect(rollupWhere(f).params).toEqual([evil, evil, evil, evil, 7]);
    expect(rollupWhere({}).sql).toBe('');
  });
});
