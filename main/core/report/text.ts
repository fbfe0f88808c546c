import { flagsText } from './build';
import type { AbuseReport, ReportEventRow } from './model';
import { displayWidth, padEndDisplay } from './width';

/**
 * Pads cells into aligned columns (the last column unpadded), so each event is one readable line. Widths are display
 * columns: the Japanese headers are full-width (2 columns a character), and padding by .length shifted every column
 * after 「タイムゾーン」 out of line with the rows.
 */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : padEndDisplay(c, widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

const dash = (v: string | number | null): string => (v === null || v === '' ? '-' : String(v));

/** The event table: timestamp (ISO 8601 with offset), zone, protocol, source IP/port, destination IP/port, flags. */
export function eventTableLines(rows: readonly ReportEventRow[], ja = false): string[] {
  const header = ja
    ? [
        '日時 (ISO 8601)',
        'タイムゾーン',
        'プロトコル',
        '送信元 IP',
        '送信元ポート',
        '宛先 IP',
        '宛先ポート',
        'TCP フラグ',
      ]
    : [
        'Timestamp (ISO 8601)',
        'Time zone',
        'Protocol',
        'Source IP',
        'Src port',
        'Destination IP',
        'Dst port',
        'TCP flags',
      ];
  return table(
    header,
    rows.map((r) => [
      dash(r.time),
      dash(r.zone),
      r.proto.toUpperCase(),
      // Netgear's "DoS Attack" lines name no destination: '-' like the other empty cells, not a blank column.
      dash(r.src),
      dash(r.sport),
      dash(r.dst),
      dash(r.dport),
      dash(r.flags),
    ]),
  );
}

export function reportSubject(r: AbuseReport): string {
  const owner = r.attribution.asn !== null ? ` (AS${r.attribution.asn})` : '';
  const date = r.firstSeen?.time?.slice(0, 10);
  const n = `${r.eventCount} event${r.eventCount === 1 ? '' : 's'}`;
  return `Abuse report: unsolicited ${r.protocols.map((p) => p.toUpperCase()).join('/')} traffic from ${r.source}${owner} - ${n}${date ? `, ${date}` : ''}`;
}

function zoneNote(r: AbuseReport, ja: boolean): string[] {
  if (!r.assumedZones.length) return [];
  const zones = r.assumedZones.join(', ');
  return ja
    ? [`※ ログに時刻のタイムゾーンが無かったため、取り込み時に ${zones} と仮定しました。`]
    : [`Note: the log lines carry no time zone; NetWhy assumed ${zones} when importing them.`];
}

function evidenceLines(r: AbuseReport, ja: boolean): string[] {
  const a = r.attribution;
  const lines: string[] = [];
  const unknown = ja ? '不明' : 'unknown';
  if (ja) {
    lines.push(`送信元: ${r.source}（送信元ポート: ${r.sourcePorts.join(', ') || '-'}）`);
    lines.push(`AS: ${a.asn !== null ? `AS${a.asn}` : unknown} ${a.asOrg ?? ''}`.trimEnd());
    if (a.rdapOrg || a.rdapName) lines.push(`RDAP 登録者: ${[a.rdapOrg, a.rdapName].filter(Boolean).join(' / ')}`);
    if (a.country) lines.push(`国: ${a.country}`);
    if (a.ptr) lines.push(`逆引き (PTR): ${a.ptr}${a.ptrConfirmed ? '（正引きで確認済み）' : ''}`);
  } else {
    lines.push(`Source: ${r.source} (source ports: ${r.sourcePorts.join(', ') || '-'})`);
    lines.push(`AS: ${a.asn !== null ? `AS${a.asn}` : unknown} ${a.asOrg ?? ''}`.trimEnd());
    if (a.rdapOrg || a.rdapName) lines.push(`RDAP registrant: ${[a.rdapOrg, a.rdapName].filter(Boolean).join(' / ')}`);
    if (a.country) lines.push(`Country: ${a.country}`);
    if (a.ptr) lines.push(`Reverse DNS (PTR): ${a.ptr}${a.ptrConfirmed ? ' (forward-confirmed)' : ''}`);
  }
  for (const ev of r.evidence) lines.push(`- ${ja ? (ev.detailJa ?? ev.detail) : ev.detail}`);
  return lines;
}

function redactionNote(r: AbuseReport, ja: boolean): string[] {
  const kept = r.destinations.join(', ');
  if (!r.redaction.enabled) return [];
  if (ja) {
    return [
      '私の LAN 内の IP アドレス・MAC アドレス・ホスト名は [LAN-n]・[MAC]・[host-n] に置き換えています。' +
        (kept ? `貴社が通信を特定できるよう、宛先の公開アドレス ${kept} はそのまま記載しています。` : ''),
    ];
  }
  return [
    'My LAN addresses, MAC addresses and host names are masked as [LAN-n], [MAC] and [host-n].' +
      (kept ? ` My public destination address ${kept} is kept so that you can find the traffic.` : ''),
  ];
}

function section(r: AbuseReport, ja: boolean): string[] {
  const first = r.firstSeen ? `${r.firstSeen.time} ${r.firstSeen.zone}` : '-';
  const last = r.lastSeen ? `${r.lastSeen.time} ${r.lastSeen.zone}` : '-';
  const more = r.eventCount - r.rows.length;
  const out: string[] = [];
  if (ja) {
    out.push('ご担当者様', '', r.summary.ja, '');
    out.push('■ 概要');
    out.push(`宛先（私の公開アドレス）: ${r.destinations.join(', ') || '-'}`);
    out.push(`プロトコル: ${r.protocols.map((p) => p.toUpperCase()).join(', ')}`);
    out.push(`TCP フラグ: ${flagsText(r.flagsSeen, true)}`);
    out.push(`宛先ポート: ${r.destinationPorts.join(', ') || '-'}`);
    out.push(`最初の記録: ${first}`, `最後の記録: ${last}`, `件数: ${r.eventCount}`, ...zoneNote(r, true), '');
    out.push('■ 送信元の情報', ...evidenceLines(r, true), '');
    out.push('■ イベント', ...eventTableLines(r.rows, true));
    if (more > 0) out.push(`（ほか ${more} 件は省略）`);
    out.push('', '■ 元のログ行', ...r.rows.map((x) => x.raw), '', ...redactionNote(r, true));
  } else {
    out.push('Hello,', '', r.summary.en, '');
    out.push('Summary');
    out.push(`Destination (my public address): ${r.destinations.join(', ') || '-'}`);
    out.push(`Protocol: ${r.protocols.map((p) => p.toUpperCase()).join(', ')}`);
    // Each combination seen, not one merged set: "ACK; SYN+ACK; RST" are replies, "SYN,ACK,RST" reads as SYNs sent.
    out.push(`TCP flags: ${flagsText(r.flagsSeen, false)}`);
    out.push(`Destination ports: ${r.destinationPorts.join(', ') || '-'}`);
    out.push(`First seen: ${first}`, `Last seen: ${last}`, `Events: ${r.eventCount}`, ...zoneNote(r, false), '');
    out.push('Source and attribution evidence', ...evidenceLines(r, false), '');
    out.push('Events', ...eventTableLines(r.rows, false));
    if (more > 0) out.push(`(${more} more events not listed)`);
    out.push('', 'Original log lines', ...r.rows.map((x) => x.raw), '', ...redactionNote(r, false));
  }
  return out;
}

function signature(r: AbuseReport): string[] {
  const who = r.reporter
    ? [r.reporter.name, r.reporter.email ? `<${r.reporter.email}>` : ''].filter(Boolean).join(' ')
    : '';
  return ['', ...(who ? ['Regards,', who, ''] : []), `Report ${r.id}, prepared with ${r.generator} on ${r.createdAt}.`];
}

/** The plain-text e-mail body: English (abuse desks read English), optionally followed by a Japanese copy. */
export function renderTextBody(r: AbuseReport): string {
  const lines = [...section(r, false)];
  if (r.japaneseCopy) lines.push('', '----- 日本語 (Japanese copy) -----', '', ...section(r, true));
  lines.push(...signature(r));
  return lines.join('\n') + '\n';
}
