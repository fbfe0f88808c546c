import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportFinishedEvent, ImportSummary } from '../../../../preload/contract/imports';
import en from '../../../../renderer/src/features/imports/locales/en.json';
import ja from '../../../../renderer/src/features/imports/locales/ja.json';
import { finishedNotice } from '../../../../renderer/src/features/imports/notice';

let t: { en: TFunction; ja: TFunction };
beforeAll(async () => {
  const i = i18next.createInstance();
  await i.init({ resources: { en: { imports: en }, ja: { imports: ja } }, lng: 'en', defaultNS: 'imports' });
  t = { en: i.getFixedT('en', 'imports'), ja: i.getFixedT('ja', 'imports') };
});

const summary = (lines: number, parsed: number, unknown: number): ImportSummary => ({
  id: 3,
  source: 'file',
  fileName: 'x.log',
  filePath: null,
  family: 'netfilter',
  confidence: 0.95,
  encoding: 'utf-8',
  compressed: false,
  zone: 'UTC',
  year: 2026,
  status: 'done',
  startedAt: 0,
  finishedAt: 1,
  bytesTotal: 100,
  lines,
  parsed,
  ignored: lines - parsed - unknown,
  unknown,
  firstTs: null,
  lastTs: null,
  error: null,
  errorCode: null,
  firstLine: 1,
  continuesImport: null,
});
const done = (s: ImportSummary): ImportFinishedEvent => ({
  jobId: 1,
  outcome: 'done',
  importId: 3,
  message: null,
  errorCode: null,
  summary: s,
});
const say = (lang: 'en' | 'ja', e: ImportFinishedEvent, name = 'big.log') => finishedNotice(t[lang], lang, e, name);

describe('the notice when an import ends', () => {
  it('formats numbers in the UI language', () => {
    const e = done(summary(300_000, 299_549, 150));
    expect(say('en', e)).toEqual({
      kind: 'ok',
      text: 'Imported big.log: 299,549 events from 300,000 lines. 150 lines were not understood.',
    });
    expect(say('ja', e)).toEqual({
      kind: 'ok',
      text: '「big.log」を読み込みました: 300,000 行からイベント 299,549 件。読めなかった行が 150 行あります。',
    });
  });

  it('uses singular and plural forms in English', () => {
    expect(say('en', done(summary(1, 1, 0))).text).toBe('Imported big.log: 1 event from 1 line.');
    expect(say('en', done(summary(3, 2, 1))).text).toBe(
      'Imported big.log: 2 events from 3 lines. 1 line was not understood.',
    );
  });

  it('says calmly that nothing usable was found, not a green "Imported", and where to look', () => {
    const masked = done(summary(12, 0, 12));
    expect(say('en', masked, 'aterm.log')).toEqual({
      kind: 'info',
      text:
        'No connections were found in aterm.log: 12 lines were skipped. Click its name under Past imports to see ' +
        'which lines and why.',
    });
    expect(say('ja', masked, 'aterm.log')).toEqual({
      kind: 'info',
      text:
        '「aterm.log」には接続の記録が見つかりませんでした。読めなかった行が 12 行ありました。' +
        '「これまでのインポート」でファイル名をクリックすると、どの行がなぜ読めなかったかを確認できます。',
    });
    expect(say('en', done(summary(1, 0, 0)), 'dhcp.log')).toEqual({
      kind: 'info',
      text:
        'No connections were found in dhcp.log: 1 line read, none of them a connection record (they are other ' +
        'kinds of messages).',
    });
  });

  it('a paste with a Japanese name gets no stray space before the particle', () => {
    expect(say('ja', done(summary(3, 2, 1)), '貼り付けたテキスト').text).toMatch(
      /^「貼り付けたテキスト」を読み込みました/,
    );
  });
});
