import { describe, expect, it } from 'vitest';
import { asnEvidence } from '../../../main/core/intel/evidence-text';
import { knownAsn, PROVIDERS } from '../../../main/core/intel/knowledge';

// The "who is this" evidence users read in the host panel and `netwhy whois`, for every AS NetWhy knows by number.
const record = (asn: number) => ({ asn, asOrg: 'Akamai Technologies, Inc.', country: 'US' });

describe('AS evidence in Japanese', () => {
  it('Akamai Connected Cloud (ex-Linode) reads as one flowing statement, not "…です。…です。"', () => {
    const ja = asnEvidence(record(63949), knownAsn(63949), null).detailJa;
    expect(ja).toBe(
      'オフラインデータベース: AS63949 Akamai Technologies, Inc.（US）。Akamai のネットワーク（AKAMAI-LINODE-AP (Akamai Connected Cloud)）で、' +
        'クラウドの貸しサーバー（運用者は事業者ではなくその利用者）です。' +
        'この AS は Akamai Connected Cloud（旧 Linode、2022 年買収）で、誰でも借りられる仮想サーバーです。Akamai の CDN ではありません。',
    );
  });

  it('no known AS gives a stray space between Japanese sentences or a note that starts with です', () => {
    const asns = PROVIDERS.flatMap((p) => p.asns.map((a) => a.asn));
    expect(asns.length).toBeGreaterThan(10);
    for (const asn of asns) {
      const ja = asnEvidence(record(asn), knownAsn(asn), null).detailJa ?? '';
      expect(ja, `AS${asn}`).not.toMatch(/。 /);
      expect(ja, `AS${asn}`).not.toMatch(/です。[^。]{0,40}）です。/);
    }
  });
});
