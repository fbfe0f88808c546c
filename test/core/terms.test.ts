import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// One name for the user's computer in Japanese: the host panel, verdicts, reports and screens said このPC,
// この PC and このパソコン side by side, which reads as if they were different machines.
const root = join(__dirname, '../..');

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    return d.isDirectory() ? files(p, ext) : ext.test(d.name) ? [p] : [];
  });
}

describe('Japanese wording', () => {
  it("calls the user's computer このPC everywhere (core texts and every screen's strings)", () => {
    const sources = [...files(join(root, 'main'), /\.ts$/), ...files(join(root, 'renderer/src'), /\.(json|tsx?)$/)];
    const offenders = sources.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/このパソコン|この PC/.test(line) ? [`${relative(root, f)}:${i + 1}`] : [])),
    );
    expect(sources.length).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
  });
});
