import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../../../renderer/src/features/timeline/locales/en.json';
import ja from '../../../../renderer/src/features/timeline/locales/ja.json';
import { actionLabel } from '../../../../renderer/src/features/timeline/actions';

let t: { en: TFunction<'timeline'>; ja: TFunction<'timeline'> };
beforeAll(async () => {
  const i = i18next.createInstance();
  await i.init({ resources: { en: { timeline: en }, ja: { timeline: ja } }, lng: 'en', defaultNS: 'timeline' });
  t = { en: i.getFixedT('en', 'timeline'), ja: i.getFixedT('ja', 'timeline') };
});

describe('Timeline wording', () => {
  const bar = (lang: 'en' | 'ja', count: number): string =>
    t[lang]('buckets.item', { from: 'A', to: 'B', lane: 'Akamai NetSession', count, n: String(count) });

  it('says "1 event" and "2 events" in the bar list, the summary line and the legend', () => {
    expect(bar('en', 1)).toBe('A – B, Akamai NetSession: 1 event');
    expect(bar('en', 2)).toBe('A – B, Akamai NetSession: 2 events');
    expect(bar('ja', 1)).toBe('A – B、Akamai NetSession: 1 件');
    const summary = (count: number): string =>
      t.en('summary', { from: 'A', to: 'B', width: '1 h', count, n: String(count) });
    expect(summary(1)).toMatch(/· 1 event$/);
    expect(summary(1_500)).toMatch(/· 1500 events$/);
    expect(t.en('legend.swatch', { lane: 'ISPs', pattern: 'plain', count: 1, n: '1' })).toBe(
      'ISPs: plain, 1 event in view',
    );
  });

  it('names actions in Japanese on Japanese screens, as Japanese router logs word them', () => {
    expect(['allow', 'deny', 'drop', 'reject'].map((a) => actionLabel(t.ja, a))).toEqual([
      '許可',
      '遮断',
      '破棄',
      '拒否',
    ]);
    expect(actionLabel(t.en, 'drop')).toBe('dropped');
    // A value the app does not know stays as stored rather than showing a missing key.
    expect(actionLabel(t.ja, 'tarpit')).toBe('tarpit');
  });

  it('has the same keys in English and Japanese (Japanese plural keys have only the _other form)', () => {
    const keys = (o: object, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'object' && v ? keys(v as object, `${p}${k}.`) : [`${p}${k.replace(/_(one|other)$/, '')}`],
      );
    expect([...new Set(keys(ja))].sort()).toEqual([...new Set(keys(en))].sort());
  });
});
