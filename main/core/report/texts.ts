import type { LocalizedText, VerdictId } from '../model/verdict';

/**
 * Why a report about harmless traffic is unlikely to help (issue 7). Said first, in the user's language, before the
 * user decides to go on. Reasons per shared/DOMAIN.md §4-§6: replies from CDN edges after the router forgot the
 * connection are not abuse, and abuse desks close such reports without action.
 */
export const HARMLESS_WARNINGS: Partial<Record<VerdictId, LocalizedText>> = {
  'cdn-reply': {
    en:
      'These packets look like late replies from a CDN server to a connection your own device opened (source port ' +
      '443/80, arriving after the router had already forgotten the connection). That is normal web traffic, not an ' +
      'attack, so the abuse desk will most likely close the report without action.',
    ja:
      'これらのパケットは、あなたの機器が開いた通信に対する CDN サーバーからの遅れた応答のようです（送信元ポート 443/80、' +
      'ルーターが接続を忘れた後に到着）。通常の Web 通信で攻撃ではないため、報告しても対応されずに終わる可能性が高いです。',
  },
  'cdn-connection': {
    en:
      'This is a connection between your device and a CDN server that delivers websites, updates or apps you use. ' +
      'It is ordinary traffic your own software started, so a report is unlikely to help.',
    ja:
      'これは、あなたが使う Web サイト・アップデート・アプリを配信する CDN サーバーとあなたの機器との通信です。' +
      'あなた自身のソフトウェアが始めた通常の通信なので、報告しても役に立つ可能性は低いです。',
  },
  streaming: {
    en:
      'This looks like audio/video streaming (RTSP, RTP or media ports) that a player on your network asked for. ' +
      'The server is answering your player, so a report is unlikely to help; close the player if you did not expect it.',
    ja:
      'これはネットワーク内のプレーヤーが要求した音声・動画ストリーミング（RTSP・RTP・メディア用ポート）のようです。' +
      'サーバーはプレーヤーに応答しているだけなので報告しても役に立つ可能性は低いです。心当たりがなければプレーヤーを終了してください。',
  },
  'p2p-download': {
    en:
      'This looks like peer-assisted downloading (for example Akamai NetSession, installed with some download ' +
      'managers). Other peers contact your PC because that software invited them; uninstall it instead of reporting.',
    ja:
      'これはピア支援型ダウンロード（一部のダウンロードマネージャーと一緒に入る Akamai NetSession など）のようです。' +
      'そのソフトが招いたために他のピアがあなたの PC に接続しています。報告するよりそのソフトをアンインストールしてください。',
  },
  'stale-local': {
    en:
      'These entries are leftovers of connections that already ended on your side (TIME_WAIT, CLOSE_WAIT or a late ' +
      'FIN/RST). Nothing new was attempted from the outside, so a report is unlikely to help.',
    ja:
      'これらはあなたの側ですでに終わった通信の名残（TIME_WAIT・CLOSE_WAIT・遅れて届いた FIN/RST）です。' +
      '外部から新たな接続が試みられたわけではないので、報告しても役に立つ可能性は低いです。',
  },
};

/**
 * What the traffic looked like, for the generated summary: the English noun for one and for several events (the
 * count goes before it: "5 unsolicited packets", not "5 events of unsolicited packets"), the Japanese noun, and for
 * a scan the sentence that says so (a noun alone cannot: "5 port scans" would be wrong).
 */
export interface VerdictPhrase {
  en: { one: string; other: string };
  ja: string;
  remark?: { en: { one: string; other: string }; ja: string };
}

export const VERDICT_PHRASES: Record<VerdictId, VerdictPhrase> = {
  'cdn-reply': { en: { one: 'unsolicited packet', other: 'unsolicited packets' }, ja: '要求していないパケット' },
  'cdn-connection': { en: { one: 'connection', other: 'connections' }, ja: '通信' },
  'p2p-download': {
    en: { one: 'unsolicited peer-to-peer packet', other: 'unsolicited peer-to-peer packets' },
    ja: '要求していない P2P のパケット',
  },
  streaming: {
    en: { one: 'unsolicited streaming packet', other: 'unsolicited streaming packets' },
    ja: '要求していないストリーミングのパケット',
  },
  'stale-local': { en: { one: 'unsolicited packet', other: 'unsolicited packets' }, ja: '要求していないパケット' },
  scan: {
    en: { one: 'unsolicited connection attempt', other: 'unsolicited connection attempts' },
    ja: '要求していない接続の試み',
    remark: {
      en: { one: 'It looks like part of a port scan.', other: 'They look like a port scan.' },
      ja: 'ポートスキャンと思われます。',
    },
  },
  probe: {
    en: { one: 'unsolicited connection attempt', other: 'unsolicited connection attempts' },
    ja: '要求していない接続の試み',
  },
  unknown: { en: { one: 'unsolicited packet', other: 'unsolicited packets' }, ja: '要求していないパケット' },
};
