/** The evidence sentences of an attribution, in English and Japanese. */
import type { Evidence, Owner } from '../model/attribution';
import type { AsnMatch, HostnameMatch, OrgMatch } from './knowledge';
import { providerName } from './knowledge';
import { ROLE_TEXT } from './roles';
import type { SpecialRange } from './special-ranges';
import type { IpdbRecord, PtrInput, RdapInput } from './attribute';

const ev = (kind: string, detail: string, detailJa: string): Evidence => ({ kind, detail, detailJa });

export function specialRange(r: SpecialRange): Evidence {
  return ev(
    'special-range',
    `${r.prefix} is ${r.name.en} (${r.reference}). ${r.meaning.en}`,
    `${r.prefix} は${r.name.ja}です（${r.reference}）。${r.meaning.ja}`,
  );
}

export function embedded(ip: string, ipv4: string, via: 'mapped' | 'nat64'): Evidence {
  return via === 'mapped'
    ? ev(
        'special-range',
        `${ip} is an IPv4-mapped IPv6 address (RFC 4291): the connection is really IPv4, to ${ipv4}.`,
        `${ip} は IPv4 射影 IPv6 アドレスです（RFC 4291）。実際は ${ipv4} との IPv4 通信です。`,
      )
    : ev(
        'special-range',
        `${ip} is a NAT64 address (64:ff9b::/96, RFC 6052): your network translates it to the IPv4 address ${ipv4}.`,
        `${ip} は NAT64 アドレスです（64:ff9b::/96、RFC 6052）。ネットワークが IPv4 アドレス ${ipv4} に変換しています。`,
      );
}

export function publicResolver(ip: string, name: string): Evidence {
  return ev(
    'prefix-list',
    `${ip} is the published address of ${name}, a public DNS resolver.`,
    `${ip} は公開 DNS リゾルバー ${name} の公表されたアドレスです。`,
  );
}

function asLabel(ipdb: IpdbRecord, lang: 'en' | 'ja' = 'en'): string {
  const asn = ipdb.asn !== null ? `AS${ipdb.asn}` : lang === 'en' ? 'no AS number' : 'AS 番号なし';
  const country = ipdb.country ? (lang === 'en' ? ` (${ipdb.country})` : `（${ipdb.country}）`) : '';
  return `${asn}${ipdb.asOrg ? ` ${ipdb.asOrg}` : ''}${country}`;
}

export function asnEvidence(ipdb: IpdbRecord, known: AsnMatch | null, org: OrgMatch | null): Evidence {
  const label = asLabel(ipdb);
  const labelJa = asLabel(ipdb, 'ja');
  if (known) {
    const who = known.provider.displayName;
    const role = ROLE_TEXT[known.role];
    const certainty = known.ownerUncertain
      ? {
          en: ' Only third-party CDN lists say so (not confirmed).',
          ja: 'ただし第三者の CDN 一覧による情報で、未確認です。',
        }
      : known.certain
        ? { en: '', ja: '' }
        : { en: ' Its exact use is not confirmed.', ja: '具体的な用途は未確認です。' };
    return ev(
      'asn',
      `Offline database: ${label}. This is ${who.en}'s network (${known.name}): ${role.en}.${certainty.en}${known.note ? ` ${known.note.en}` : ''}`,
      `オフラインデータベース: ${labelJa}。${who.ja} のネットワーク（${known.name}）で、${role.ja}です。${certainty.ja}${known.note?.ja ?? ''}`,
    );
  }
  if (org) {
    const who = org.provider.displayName;
    return ev(
      'asn',
      `Offline database: ${label}. The network's registered name points to ${who.en}, though NetWhy does not list this AS number.`,
      `オフラインデータベース: ${labelJa}。登録名は ${who.ja} を示していますが、この AS 番号は NetWhy の一覧にありません。`,
    );
  }
  return ev(
    'asn',
    `Offline database: ${label}. Not a CDN or cloud network NetWhy knows.`,
    `オフラインデータベース: ${labelJa}。NetWhy が知っている CDN やクラウドのネットワークではありません。`,
  );
}

export function noIpdbRecord(): Evidence {
  return ev(
    'asn',
    'The offline database has no record for this address.',
    'オフラインデータベースにこのアドレスの記録はありません。',
  );
}

export function ptrEvidence(
  ip: string,
  ptr: PtrInput | null,
  host: HostnameMatch | null,
  online: boolean | undefined,
): Evidence[] {
  if (!ptr || ptr.status === 'skipped')
    return online === false
      ? [
          ev(
            'ptr',
            'Reverse DNS not looked up: online lookups are off.',
            'オンライン照会がオフのため、逆引き DNS は調べていません。',
          ),
        ]
      : [];
  if (ptr.status === 'none')
    return [
      ev(
        'ptr',
        'No reverse-DNS (PTR) name is set for this address.',
        'このアドレスには逆引き DNS（PTR）名がありません。',
      ),
    ];
  if (ptr.status === 'error' || !ptr.name)
    return [ev('ptr', 'Reverse DNS lookup failed (unknown).', '逆引き DNS の照会に失敗しました（不明）。')];

  const out: Evidence[] = [];
  out.push(
    host
      ? ev(
          'ptr',
          `Reverse DNS: ${ptr.name} — ${host.what.en} (${host.provider.displayName.en}).`,
          `逆引き DNS: ${ptr.name} — ${host.what.ja}（${host.provider.displayName.ja}）。`,
        )
      : ev('ptr', `Reverse DNS: ${ptr.name}.`, `逆引き DNS: ${ptr.name}。`),
  );
  if (ptr.confirmed === true)
    out.push(
      ev(
        'ptr-forward-confirm',
        `${ptr.name} resolves back to ${ip} (forward-confirmed): the owner of that DNS zone vouches for this address.`,
        `${ptr.name} を正引きすると ${ip} に戻ります（正引き確認済み）。そのドメインの管理者がこのアドレスを自分のものと認めています。`,
      ),
    );
  else
    out.push(
      ev(
        'ptr-forward-confirm',
        `${ptr.confirmed === false ? `${ptr.name} does not resolve back to ${ip}` : 'Could not check whether the name resolves back to this address'}: not confirmed. Whoever controls an address block can write any reverse name for it, so an unconfirmed name counts for little.`,
        `${ptr.confirmed === false ? `${ptr.name} を正引きしても ${ip} に戻りません` : '正引きで元のアドレスに戻るか確認できませんでした'}。未確認です。アドレスの管理者は逆引き名を自由に設定できるため、未確認の名前は弱い証拠にすぎません。`,
      ),
    );
  return out;
}

export function rdapEvidence(rdap: RdapInput | null, match: OrgMatch | null, online: boolean | undefined): Evidence[] {
  if (!rdap || rdap.status === 'skipped')
    return online === false
      ? [
          ev(
            'rdap',
            'Registration (RDAP) not looked up: online lookups are off.',
            'オンライン照会がオフのため、登録情報（RDAP）は調べていません。',
          ),
        ]
      : [];
  const from = rdap.server ? ` (${rdap.server})` : '';
  if (rdap.status === 'none')
    return [
      ev(
        'rdap',
        `The registry has no record for this address${from}.`,
        `登録機関にこのアドレスの記録はありません${from}。`,
      ),
    ];
  if (rdap.status === 'error' || !rdap.summary)
    return [
      ev(
        'rdap',
        `Registration lookup (RDAP) failed${from}: unknown.`,
        `登録情報（RDAP）の照会に失敗しました${from}。不明です。`,
      ),
    ];
  const s = rdap.summary;
  const parts = [
    s.name ? `network ${s.name}` : null,
    s.org ? `registered to ${s.org}` : null,
    s.country ? `country ${s.country}` : null,
    s.abuseEmail ? `abuse contact ${s.abuseEmail}` : null,
  ].filter(Boolean);
  const partsJa = [
    s.name ? `ネットワーク名 ${s.name}` : null,
    s.org ? `登録組織 ${s.org}` : null,
    s.country ? `国 ${s.country}` : null,
    s.abuseEmail ? `不正利用の連絡先 ${s.abuseEmail}` : null,
  ].filter(Boolean);
  const who = match ? match.provider.displayName : null;
  return [
    ev(
      'rdap',
      `Registration (RDAP${from}): ${parts.join(', ') || 'no details'}.${who ? ` The registration names ${who.en}.` : ''}`,
      `登録情報（RDAP${from}）: ${partsJa.join('、') || '詳細なし'}。${who ? `登録情報は ${who.ja} を示しています。` : ''}`,
    ),
  ];
}

export function insideIsp(owner: Owner, ipdb: IpdbRecord): Evidence {
  const who = providerName(owner) ?? owner;
  const as = ipdb.asn !== null ? `AS${ipdb.asn}${ipdb.asOrg ? ` ${ipdb.asOrg}` : ''}` : 'another network';
  return ev(
    'asn',
    `The address is routed by ${as}, not by ${who}. CDNs place servers inside internet providers (Akamai calls this AANP); such servers use the provider's addresses, so the AS number shows the provider and only reverse DNS or the registration reveals ${who}.`,
    `このアドレスは ${who} ではなく ${as} の経路です。CDN はプロバイダーの網内にサーバーを置くことがあり（Akamai では AANP）、その場合プロバイダーのアドレスを使うため AS 番号にはプロバイダーが表示され、${who} であることは逆引き DNS や登録情報でしか分かりません。`,
  );
}

export function ispByName(): Evidence {
  return ev(
    'asn',
    "The network's registered name looks like an internet or telecom provider's (a guess from the name only).",
    'ネットワークの登録名がインターネット／通信事業者のものに見えます（名前からの推測にすぎません）。',
  );
}
