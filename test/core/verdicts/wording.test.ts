import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { netfilter } from '../../../main/core/parsers/netfilter';
import { netgear } from '../../../main/core/parsers/netgear';
import { macosPf } from '../../../main/core/parsers/macos-pf';
import { pfsense } from '../../../main/core/parsers/pfsense';
import { sonicwall } from '../../../main/core/parsers/sonicwall';
import { netstatWindows } from '../../../main/core/parsers/sockets/netstat-windows';
import { ruleText } from '../../../main/core/verdicts/analyze';
import { listenersFromNetstatWindows } from '../../../main/core/verdicts/listeners';
import { NETSESSION_LISTENER } from '../../helpers/sockets';
import { akamaiEdge, analyze, attribution, eventsOf, netfilterLine, residential } from './helpers';

// What users read: the explanation, advice and evidence of real-format log lines, in English and Japanese.

const fixtureLine = (name: string, n: number): string =>
  readFileSync(join(__dirname, '../../fixtures/logs', name), 'utf8').split(/\r?\n/)[n - 1] as string;

const scenario = (name: string): string[] =>
  readFileSync(join(__dirname, '../../fixtures/scenarios', name), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim());

describe('texts written again from stored values', () => {
  it('a stored value set missing a placeholder gives no text rather than a half-filled one', () => {
    const r = analyze(eventsOf(netfilter, scenario('slow-probe.log')), [akamaiEdge('126.74.201.3')]);
    const h = r.hosts[0];
    if (!h) throw new Error('no host');
    const again = ruleText(h.verdict.rule, h.verdictVars);
    expect(again?.explanation).toEqual(h.verdict.explanation);
    // Values stored by an older version that did not have {remote} yet.
    const { remote: _gone, ...older } = h.verdictVars;
    expect(ruleText(h.verdict.rule, older)).toBeNull();
  });
});

// dmesg / `journalctl -k` print seconds since boot, not a wall-clock time.
const dmesgSyn = (dpt: number): string =>
  `[ 1732.118004] [UFW BLOCK] IN=eth0 OUT= MAC=c2:56:27:73:33:cf:c4:f0:81:b0:93:24:08:00 SRC=45.33.32.156 DST=203.0.113.7 LEN=40 TOS=0x00 PREC=0x00 TTL=240 ID=1 PROTO=TCP SPT=51638 DPT=${dpt} WINDOW=1024 RES=0x00 SYN URGP=0`;

describe('scan', () => {
  it('a log without wall-clock times: no "between ? and ?", in either language', () => {
    const lines = [22, 23, 25, 80, 110, 143, 443, 445].map(dmesgSyn);
    const r = analyze(eventsOf(netfilter, lines), [akamaiEdge('45.33.32.156')]);
    const v = r.hosts[0]?.verdict;
    expect(v?.id).toBe('scan');
    expect(v?.explanation.en).toContain(
      '45.33.32.156 (Akamai, AS20940) sent 8 connection attempts to 8 different ports. That is what a port scanner does',
    );
    expect(v?.explanation.ja).toContain('45.33.32.156（Akamai、AS20940）が、8 種類のポートへ 8 回の接続を試みました。');
    for (const t of [v?.explanation.en, v?.explanation.ja]) expect(t).not.toContain('?');
  });

  it('states the bar the scan crossed in plain words, not scanlogd weights ("weight 238; scan from 21")', () => {
    const r = analyze(eventsOf(netfilter, scenario('syn-sweep-200.log')), [akamaiEdge('45.33.32.156')]);
    const count = r.hosts[0]?.verdict.evidence.find((e) => e.kind === 'count');
    expect(count?.detail).toBe(
      "200 scan-shaped packets to 200 address:port targets within 60 min; NetWhy calls 7 ports below 1024, or 21 higher ones, tried within that time a scan (the scanlogd tool's bar)",
    );
    expect(count?.detailJa).toBe(
      '60 分以内に 200 個の宛先（アドレス:ポート）へスキャン型のパケット 200 個。この時間内に 1024 未満のポート 7 個、またはそれ以上のポート 21 個が試されたらスキャンと判断します（scanlogd と同じ基準）',
    );
  });

  it('a stealth scan (NULL packets to two ports) names the flags as its evidence, not a bar it did not cross', () => {
    const lines = [22, 80].map((dpt, i) =>
      netfilterLine({ time: `Nov 18 13:39:4${i}`, src: '198.51.100.23', proto: 'TCP', spt: 40000, dpt, flags: '' }),
    );
    const r = analyze(eventsOf(netfilter, lines), [attribution('198.51.100.23', null, 'hosting', 14061, 'DO')]);
    const count = r.hosts[0]?.verdict.evidence.find((e) => e.kind === 'count');
    expect(r.hosts[0]?.verdict.id).toBe('scan');
    expect(count?.detail).toBe(
      '2 scan-shaped packets to 2 address:port targets within 60 min, with flag combinations no ordinary program sends (a stealth scan shows itself by those alone)',
    );
    expect(count?.detailJa).toBe(
      '60 分以内に 2 個の宛先（アドレス:ポート）へスキャン型のパケット 2 個。通常のプログラムが送らないフラグの組み合わせで、それだけでスキャンと分かります',
    );
  });

  it('with times: when the attempts happened, in both languages', () => {
    const r = analyze(eventsOf(netfilter, scenario('syn-sweep-200.log')), [akamaiEdge('45.33.32.156')]);
    const v = r.hosts[0]?.verdict;
    expect(v?.explanation.en).toContain(
      'sent 200 connection attempts to 200 different ports between 12 Mar 2024 03:20 and 03:23 (UTC).',
    );
    expect(v?.explanation.ja).toContain(
      'が、2024年3月12日 3:20〜3:23（UTC）に、200 種類のポートへ 200 回の接続を試みました。',
    );
  });
});

describe('cdn-reply', () => {
  const quic = netfilterLine({ time: 'Mar 12 20:00:00', src: '23.32.5.10', proto: 'UDP', spt: 443, dpt: 54001 });
  const ackFin = netfilterLine({
    time: 'Mar 12 20:00:01',
    src: '23.32.5.10',
    proto: 'TCP',
    spt: 443,
    dpt: 54002,
    flags: 'ACK FIN',
  });

  it('a late QUIC packet (UDP from 443) is told as QUIC, with no TCP flags and no ACK-scan story', () => {
    const v = analyze(eventsOf(netfilter, [quic]), [akamaiEdge('23.32.5.10')]).hosts[0]?.verdict;
    expect(v?.id).toBe('cdn-reply');
    expect(v?.explanation.en).toContain('from its web port 443 as QUIC (the UDP-based protocol of HTTP/3');
    expect(v?.explanation.en).toContain('routers forget a UDP conversation after a short quiet spell');
    expect(v?.explanation.ja).toContain('Web 用ポート 443 より、QUIC（');
    expect(v?.explanation.ja).toContain('ルーターは UDP の会話を、やり取りがしばらく');
    for (const t of [v?.explanation.en, v?.explanation.ja]) {
      expect(t).not.toMatch(/flags|フラグ|ACK/);
      expect(t).not.toContain('UDP (QUIC)');
    }
    const ev = v?.evidence ?? [];
    expect(ev.map((e) => e.detail)).toContain(
      'UDP from server port 443: QUIC (HTTP/3), the server answering a connection from your side',
    );
    expect(ev.map((e) => e.detailJa)).toContain(
      'サーバー側ポート 443 からの UDP: QUIC（HTTP/3）。こちら側から始めた接続へのサーバーの応答',
    );
    expect(ev.map((e) => `${e.detail} ${e.detailJa}`).join(' ')).not.toMatch(/TCP flags|TCP ?フラグ/);
  });

  it('late TCP packets keep their flags and the ACK-scan story; with QUIC beside them, both are told', () => {
    const tcp = analyze(eventsOf(netfilter, [ackFin]), [akamaiEdge('23.32.5.10')]).hosts[0]?.verdict;
    expect(tcp?.explanation.en).toContain('from its web port 443 with the TCP flags ACK+FIN. They are the tail end');
    expect(tcp?.explanation.ja).toContain('TCP フラグ ACK+FIN のパケットが 1 個届きました。');
    expect(tcp?.evidence.map((e) => e.detail)).toContain(
      'TCP flags: ACK+FIN (part of a conversation, not an opening SYN)',
    );
    const both = analyze(eventsOf(netfilter, [quic, ackFin]), [akamaiEdge('23.32.5.10')]).hosts[0]?.verdict;
    expect(both?.explanation.en).toContain('with the TCP flags ACK+FIN, and as QUIC');
    expect(both?.explanation.ja).toContain('TCP フラグ ACK+FIN のパケットと QUIC（');
    expect(both?.explanation.ja).toContain('が合わせて 2 個届きました。');
  });
});

// A plain `netstat -ano` (no -b): PIDs, no program names; CLOSE_WAIT and LAST_ACK to Akamai edges.
const NETSTAT_ANO = readFileSync(
  join(__dirname, '../../fixtures/sockets/windows-netstat-ano-close-wait.txt'),
  'utf8',
).split(/\r?\n/);

describe('stale-local from a plain netstat -ano', () => {
  const r = analyze(
    eventsOf(netstatWindows, NETSTAT_ANO),
    ['23.215.0.137', '23.215.0.138', '96.7.128.198'].map(akamaiEdge),
  );
  const host = (ip: string) => r.hosts.find((h) => h.ip === ip)?.verdict;

  it('CLOSE_WAIT: the program is named by its PID, and the advice says where to find it', () => {
    const v = host('23.215.0.137');
    expect(v?.id).toBe('stale-local');
    expect(v?.explanation.en).toMatch(
      /^The program with PID 4321 on this PC still has 2 connections to 23\.215\.0\.137 \(Akamai, AS20940\) in the CLOSE_WAIT state\./,
    );
    expect(v?.explanation.en).toContain('the connection stays only because the program on this PC has not closed it');
    expect(v?.explanation.ja).toMatch(
      /^このPCの PID 4321 のプログラムの、23\.215\.0\.137（Akamai、AS20940）への接続 2 件が、CLOSE_WAIT の状態のまま残っています。/,
    );
    expect(v?.advice.en).toContain(
      'find the program in Task Manager (Details tab, PID column: 4321) and restart or update it',
    );
    expect(v?.advice.ja).toContain(
      'タスク マネージャーの「詳細」タブの PID 列で 4321 のプログラムを探し、再起動するか更新してください。',
    );
    expect(v?.evidence.map((e) => e.detail)).toContain('Program: not named in the input (PID 4321)');
    expect(v?.evidence.map((e) => e.detailJa)).toContain('プログラム: 名前の記録なし（PID 4321）');
    for (const t of [v?.explanation.en, v?.advice.en, v?.explanation.ja, v?.advice.ja])
      expect(t).not.toMatch(/unidentified program|特定できないプログラム/);
  });

  it('LAST_ACK: the program has closed its end; no "has not closed it"', () => {
    const v = host('23.215.0.138');
    expect(v?.id).toBe('stale-local');
    expect(v?.explanation.en).toContain('the program on this PC has closed its end too');
    expect(v?.explanation.en).toContain('the entry disappears by itself');
    expect(v?.explanation.en).not.toMatch(/has not closed|closed its end late/);
    expect(v?.explanation.ja).toContain('このPCのプログラムも自分の側を閉じたあと');
    expect(v?.explanation.ja).not.toContain('閉じていないため');
    expect(v?.advice.en).toMatch(/^Nothing is at risk, and such connections go away by themselves\./);
    expect(v?.advice.ja).toContain('このような接続は自然に消えます。');
  });

  it('no space before a Japanese particle after the program', () => {
    for (const h of r.hosts)
      for (const t of [h.verdict.explanation.ja, h.verdict.advice.ja])
        expect(t).not.toMatch(/[）\p{sc=Han}\p{sc=Katakana}] [をがのはにへ]/u);
  });
});

describe('ports the log does not give are not shown as "?"', () => {
  const texts = (v: { explanation: { en: string; ja: string } } | undefined, evidence: string[]): string =>
    [v?.explanation.en, v?.explanation.ja, ...evidence].join('\n');

  it('probe: an IPv6 SonicWall line naming no port of ours', () => {
    const ip = '2a02:cf40:add:4002:91f2:a9b2:e09a:6fc6';
    const v = analyze(eventsOf(sonicwall, [fixtureLine('sonicwall.log', 5)]), [residential(ip)]).hosts[0]?.verdict;
    expect(v?.id).toBe('probe');
    expect(v?.explanation.en).toContain(`(OCN NTT Communications, AS4713) tried once to reach your network without`);
    expect(v?.explanation.ja).toContain('こちらから求めていないのにあなたのネットワークへ 1 回接続しようとしました');
    const ev = (v?.evidence ?? []).flatMap((e) => [e.detail, e.detailJa ?? '']);
    expect(texts(v, ev)).not.toContain('?');
  });

  it('unknown: ICMP is said to have no ports; a Netgear line names only the server port', () => {
    const icmp = analyze(eventsOf(netfilter, [fixtureLine('netfilter.log', 9)]), [residential('1.2.3.36')]).hosts[0]
      ?.verdict;
    expect(icmp?.id).toBe('unknown');
    expect(icmp?.explanation.en).toContain(
      'What is known: 1 log line with 1.2.3.36 (OCN NTT Communications, AS4713), protocol ICMP (which has no ports), sent by the remote side.',
    );
    expect(icmp?.explanation.ja).toContain('プロトコルは ICMP（ポートのないプロトコル）、そのうち');
    expect(icmp?.evidence[0]?.detail).toBe('ICMP: a protocol without ports');
    expect(icmp?.evidence[0]?.detailJa).toBe('ICMP: ポートのないプロトコル');

    const line = '[DoS Attack: SYN/ACK Scan] from source: 68.40.255.235, port 80, Tuesday, February 16, 2016 17:35:23';
    const ng = analyze(eventsOf(netgear, [line]), [residential('68.40.255.235')]).hosts[0]?.verdict;
    expect(ng?.id).toBe('unknown');
    expect(ng?.explanation.en).toContain('protocol TCP, remote port 80, sent by the remote side.');
    expect(ng?.explanation.ja).toContain('プロトコルは TCP、相手側ポートは 80、そのうち');
    expect(ng?.evidence[0]?.detail).toBe('TCP: remote port 80');
    expect(ng?.evidence[0]?.detailJa).toBe('TCP: 相手側ポート 80');
    for (const v of [icmp, ng])
      expect(
        texts(
          v,
          (v?.evidence ?? []).flatMap((e) => [e.detail, e.detailJa ?? '']),
        ),
      ).not.toContain('?');
  });

  it('cdn-connection: a ping to a Google edge has no server port line, and no article hangs on the name', () => {
    const google = attribution('142.250.114.105', 'google', 'cdn-edge', 15169, 'GOOGLE');
    const v = analyze(eventsOf(pfsense, [fixtureLine('pfsense.log', 5)]), [google]).hosts[0]?.verdict;
    expect(v?.id).toBe('cdn-connection');
    const ev = (v?.evidence ?? []).flatMap((e) => [e.detail, e.detailJa ?? '']);
    expect(ev.join('\n')).not.toMatch(/Server port|サーバー側ポート|\?/);
    expect(v?.explanation.en).toContain(
      'Seeing Google is expected even if you never opened a site called "Google": big sites',
    );
    expect(v?.explanation.en).not.toMatch(/\ban "/);
    expect(v?.explanation.ja).toContain('「Google」のサイトを開いた覚えがなくても、大手のサイトが');
  });

  it('streaming: a Netgear line names the server port only', () => {
    const line = '[DoS Attack: ACK Scan] from source: 23.62.99.11, port 554, Monday, February 22, 2016 04:42:22';
    const v = analyze(eventsOf(netgear, [line]), [akamaiEdge('23.62.99.11')]).hosts[0]?.verdict;
    expect(v?.id).toBe('streaming');
    expect(v?.evidence[0]?.detail).toMatch(/^TCP 554 \(server\) ↔ this network: RTSP/);
    expect(v?.evidence[0]?.detailJa).toMatch(/^TCP 554（サーバー）↔ こちら側: RTSP/);
  });
});

describe("packet kinds in the reader's language", () => {
  const kinds = (family: typeof netfilter, name: string, n: number, ip: string): [string, string] => {
    const v = analyze(eventsOf(family, [fixtureLine(name, n)]), [residential(ip)]).hosts[0]?.verdict;
    const e = v?.evidence.find((x) => x.kind === 'flags');
    return [e?.detail ?? '', e?.detailJa ?? ''];
  };

  it('UDP, a NULL packet and a TCP line without flags are named in English and Japanese', () => {
    expect(kinds(netfilter, 'netfilter.log', 16, '192.0.2.123')).toEqual(['Packet kinds: UDP', 'パケットの種類: UDP']);
    expect(kinds(netfilter, 'netfilter.log', 6, '118.123.1.39')).toEqual([
      'Packet kinds: NULL (no flags)',
      'パケットの種類: NULL（フラグなし）',
    ]);
    expect(kinds(macosPf, 'pf.log', 4, '194.54.59.189')).toEqual([
      'Packet kinds: TCP (flags not in the log)',
      'パケットの種類: TCP（フラグの記録なし）',
    ]);
  });
});

describe('probe: what is true of UDP to a temporary port', () => {
  const udp = (time: string) =>
    `Mar 12 ${time} OpenWrt kernel: DROP(src wan)IN=eth0 OUT= SRC=23.32.5.11 DST=203.0.113.7 LEN=44 TTL=51 ID=1 PROTO=UDP SPT=30000 DPT=50777 LEN=60`;

  it('UDP from one Akamai host to a high port is told as a likely late reply, in line with the port evidence', () => {
    const v = analyze(eventsOf(netfilter, [udp('20:00:05'), udp('20:00:06')]), [akamaiEdge('23.32.5.11')]).hosts[0]
      ?.verdict;
    expect(v?.id).toBe('probe');
    expect(v?.title.en).toBe('Stray UDP packets from 23.32.5.11 — most likely late replies');
    expect(v?.title.ja).toBe('23.32.5.11 からの UDP パケット — 遅れて届いた応答と思われます');
    expect(v?.explanation.en).toMatch(
      /^23\.32\.5\.11 \(Akamai, AS20940\) sent 2 UDP packets to port 50777 of your network\./,
    );
    expect(v?.explanation.en).toContain(
      'most likely the other side answering a conversation one of your devices started',
    );
    expect(v?.explanation.ja).toContain(
      'から、あなたのネットワークのポート 50777 へ UDP のパケットが 2 個届きました。',
    );
    expect(v?.explanation.ja).toContain('相手からの応答');
    for (const t of [v?.title.en, v?.explanation.en, v?.advice.en])
      expect(t).not.toMatch(/unsolicited|without being asked/i);
    for (const t of [v?.title.ja, v?.explanation.ja]) expect(t).not.toMatch(/一方的|頼まれてもいない/);
    const ev = v?.evidence.map((e) => e.detail) ?? [];
    expect(ev).toContain('Port reached: 50777');
    expect(ev.join('\n')).toContain('usually the other side answering');
    expect(v?.evidence.map((e) => e.detailJa)).toContain('届いた先のポート: 50777');
  });

  it('a SYN to a high port stays unsolicited, and no port story says it was an answer', () => {
    const syn = netfilterLine({ time: 'Mar 12 20:00:18', src: '23.62.99.27', proto: 'TCP', spt: 443, dpt: 50307 });
    const v = analyze(eventsOf(netfilter, [syn]), [akamaiEdge('23.62.99.27')]).hosts[0]?.verdict;
    expect(v?.id).toBe('probe');
    expect(v?.title.en).toBe('Unsolicited attempts from 23.62.99.27 — background noise');
    expect(v?.explanation.en).toContain('tried once to reach port 50307 of your network without being asked');
    const ev = v?.evidence.flatMap((e) => [e.detail, e.detailJa ?? '']) ?? [];
    expect(ev.join('\n')).not.toMatch(/answering|相手からの応答/);
  });

  it('UDP to a service port stays unsolicited', () => {
    const v = analyze(eventsOf(netfilter, [fixtureLine('netfilter.log', 16)]), [residential('192.0.2.123')]).hosts[0]
      ?.verdict;
    expect(v?.id).toBe('probe');
    expect(v?.explanation.en).toContain('tried once to reach port 514 of your network without being asked');
    expect(v?.explanation.ja).toContain(
      'が、こちらから求めていないのにあなたのネットワークのポート 514 へ 1 回接続しようとしました。',
    );
  });
});

describe('English counts', () => {
  it('one or several: "1 log line", "tried once", "1 connection", "port 443"; never "(s)"', () => {
    const r = analyze(
      [
        ...eventsOf(netstatWindows, NETSTAT_ANO),
        ...eventsOf(netfilter, [
          netfilterLine({ time: 'Mar 12 20:00:00', src: '23.32.5.10', proto: 'UDP', spt: 443, dpt: 54001 }),
          netfilterLine({ time: 'Mar 12 20:00:18', src: '23.62.99.27', proto: 'TCP', spt: 443, dpt: 50307 }),
          fixtureLine('netfilter.log', 9),
        ]),
      ],
      ['23.215.0.137', '23.215.0.138', '96.7.128.198', '23.32.5.10', '23.62.99.27'].map(akamaiEdge),
    );
    const v = (ip: string) => r.hosts.find((h) => h.ip === ip)?.verdict;
    expect(v('23.215.0.138')?.explanation.en).toContain('still has 1 connection to 23.215.0.138');
    expect(v('23.215.0.138')?.evidence[0]?.detail).toMatch(/^1 connection in LAST_ACK on this PC/);
    expect(v('23.32.5.10')?.explanation.en).toMatch(
      /^1 packet came from 23\.32\.5\.10 .* from its web port 443 as QUIC/,
    );
    expect(v('23.32.5.10')?.evidence[0]?.detail).toBe('From server port 443 to port 54001');
    expect(v('23.62.99.27')?.explanation.en).toContain('tried once to reach port 50307 of your network');
    expect(v('23.62.99.27')?.evidence.map((e) => e.detail)).toContain('Port tried: 50307');
    expect(v('96.7.128.198')?.evidence.map((e) => e.detail)).toContain('Server port: 443');
    expect(v('1.2.3.36')?.evidence.map((e) => e.detail)).toContain('1 log line at 2024-08-17 10:03:37 +00:00');
    for (const h of r.hosts)
      for (const t of [h.verdict.explanation.en, h.verdict.advice.en, ...h.verdict.evidence.map((e) => e.detail)])
        expect(t).not.toContain('(s)');
  });
});

describe('Japanese that once read badly', () => {
  it('streaming: the service is one noun phrase inside the sentence, not a sentence of its own', () => {
    const r = analyze(eventsOf(netfilter, scenario('rtsp-554.log')), [akamaiEdge('23.62.99.11')]);
    expect(r.hosts[0]?.verdict.explanation.ja).toContain(
      '23.62.99.11（Akamai、AS20940）との通信（ログ 6 行）は、RTSP（ポート 554、RealPlayer や QuickTime のストリームを制御する通信）によるものです。',
    );
  });

  it('CLOSE_WAIT: who waits is this PC, and the Japanese does not say twice that the server finished', () => {
    const text = readFileSync(join(__dirname, '../../fixtures/scenarios/close-wait-netstat.txt'), 'utf8');
    const r = analyze(eventsOf(netstatWindows, text.split(/\r?\n/)), [akamaiEdge('23.215.0.137')]);
    const v = r.hosts.find((h) => h.ip === '23.215.0.137')?.verdict;
    expect(v?.explanation.en).toContain(
      'the other side has already said goodbye, and this PC is waiting for the program',
    );
    expect(v?.explanation.ja).toContain(
      'このPCがプログラムの側から接続を閉じるのを待っている状態です。接続が残っているのは、',
    );
    expect(v?.explanation.ja.match(/通信を終え/g)).toHaveLength(1);
  });

  it('probe: plain words for unsolicited and for high ports', () => {
    const r = analyze(eventsOf(netfilter, scenario('slow-probe.log')), [residential('126.74.201.3')]);
    const ja = r.hosts[0]?.verdict.explanation.ja ?? '';
    expect(ja).toContain('こちらから求めていないのに');
    expect(ja).toContain('またはそれ以上のポート 21 個が試されたときに');
    expect(ja).not.toMatch(/頼まれても|上位ポート/);
  });
});

describe('p2p-download', () => {
  // One Akamai packet through the router to the port NetSession holds: the router's log shows its own public address,
  // so the link to the program is "most likely" (port-preserving NAT), and "this PC" only for this PC's own sockets.
  const packet = netfilterLine({ time: 'Nov 18 21:10:00', src: '23.1.1.9', proto: 'UDP', spt: 40000, dpt: 51234 });

  it('a live socket: on this PC, most likely meant for it', () => {
    const r = analyze(eventsOf(netfilter, [packet]), [akamaiEdge('23.1.1.9')], {
      sockets: [{ ...NETSESSION_LISTENER, source: 'live' }],
    });
    const v = r.hosts[0]?.verdict;
    expect(v?.explanation.en).toContain(
      'On this PC, netsession_win.exe (PID 4321) uses UDP port 51234, so these packets were most likely meant for it.',
    );
    expect(v?.explanation.ja).toContain(
      'このPCでは netsession_win.exe（PID 4321）が UDP ポート 51234 を使っているので、これらのパケットはおそらくそのプログラム宛てでした。',
    );
  });

  it('a pasted netstat (maybe another PC\'s): told as what was imported, not "this PC"', () => {
    // The scenario's seven peers (Akamai edges and Japanese home lines) with the netstat the user pasted beside.
    const r = analyze(
      [
        ...eventsOf(netfilter, scenario('udp-akamai-peers.log')),
        ...eventsOf(netstatWindows, scenario('close-wait-netstat.txt')),
      ],
      [
        ...['23.32.17.4', '23.215.0.136', '184.24.77.5', '2.16.186.11', '95.100.97.18'].map(akamaiEdge),
        ...['126.140.9.33', '126.66.20.9'].map(residential),
      ],
      // Its listening sockets, as `netwhy analyze` and the app take them from the pasted text.
      { sockets: listenersFromNetstatWindows(scenario('close-wait-netstat.txt').join('\n')) },
    );
    const v = r.hosts.find((h) => h.ip === '126.140.9.33')?.verdict;
    expect(v?.id).toBe('p2p-download');
    expect(v?.explanation.en).toContain('In what you imported, netsession_win.exe (PID 4321) uses UDP port 51234');
    expect(v?.explanation.ja).toContain('読み込んだ記録では netsession_win.exe（PID 4321）が UDP ポート 51234');
    expect(v?.evidence[0]?.detail).toBe('netsession_win.exe (PID 4321) (in what you imported), UDP port 51234');
    for (const t of [v?.explanation.en, v?.evidence[0]?.detail]) expect(t).not.toContain('this PC');
  });
});

describe('probe', () => {
  it('says why it is not a scan in plain words, not scanlogd weights', () => {
    const lines = [22, 23, 3389].map((dpt, i) =>
      netfilterLine({ time: `Nov 18 1${i}:00:00`, src: '77.72.85.26', proto: 'TCP', spt: 42772, dpt, flags: 'SYN' }),
    );
    const v = analyze(eventsOf(netfilter, lines), [attribution('77.72.85.26', null, 'hosting', 14061, 'DO')]).hosts[0]
      ?.verdict;
    expect(v?.id).toBe('probe');
    expect(v?.explanation.en).toContain(
      'That is too little to count as a port scan (NetWhy calls 7 ports below 1024, or 21 higher ones, tried within an hour a scan).',
    );
    expect(v?.explanation.ja).toContain(
      '（NetWhy は 1 時間以内に 1024 未満のポート 7 個、またはそれ以上のポート 21 個が試されたときにスキャンと判断します）',
    );
    expect(`${v?.explanation.en} ${v?.explanation.ja}`).not.toMatch(/weight|重み/);
  });
});
