import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILIES, familyById } from '../../../main/core/parsers/registry';
import { fixtureLines } from './helpers';

// Fixture file -> the family that must claim every line in it.
const OWNERS: Record<string, string> = {
  'netfilter.log': 'netfilter',
  'netgear.log': 'netgear',
  'yamaha.log': 'yamaha',
  'zyxel.log': 'zyxel',
  'dlink.log': 'dlink',
  'connection-rejected.log': 'connection-rejected',
  'aterm.log': 'aterm',
  'buffalo.log': 'buffalo',
  'generic.log': 'generic',
};

describe('detection: each fixture line is claimed by its own family', () => {
  for (const [file, owner] of Object.entries(OWNERS)) {
    it(`${file} -> ${owner}`, () => {
      const family = familyById(owner);
      expect(family).toBeDefined();
      for (const line of fixtureLines(file)) {
        const own = family?.sniff(line) ?? 0;
        expect(own, line).toBeGreaterThan(0);
        for (const other of FAMILIES) {
          if (other.id === owner) continue;
          expect(other.sniff(line), `${other.id} vs ${owner}: ${line}`).toBeLessThan(own);
        }
      }
    });
  }

  it('lists the fixture files it checks', () => {
    const files = readdirSync(join(__dirname, '../../fixtures/logs'));
    for (const f of Object.keys(OWNERS)) expect(files).toContain(f);
  });

  it('keeps the generic fallback last and low', () => {
    expect(FAMILIES[FAMILIES.length - 1]?.id).toBe('generic');
  });

  it('every family parses its own example line into an event', () => {
    for (const f of FAMILIES) {
      const r = f.open().parse(f.example);
      expect(r.kind, f.id).toBe('event');
      expect(f.sniff(f.example), f.id).toBeGreaterThan(0);
    }
  });
});
