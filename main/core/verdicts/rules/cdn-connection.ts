import { countEvidence, evidence, isCdn, ownerEvidence, ownerName, ownerVars, portList } from '../describe';
import type { RuleMatch, VerdictRule } from '../types';

/** An ordinary, allowed connection with a CDN edge: live sockets, outbound or allowed log lines. */
export const cdnConnection: VerdictRule = {
  id: 'cdn-connection.ordinary',
  verdict: 'cdn-connection',
  severity: 'info',
  match({ group, world }): RuleMatch | null {
    if (!isCdn(group.attribution)) return null;
    const packets = group.packets.filter((p) => p.socketRow || p.inbound === false || p.event.action === 'allow');
    const live = world.sockets.filter((s) => s.remoteAddress === group.remote);
    if (!packets.length && !live.length) return null;
    const ports = [...packets.map((p) => p.remotePort), ...live.map((s) => s.remotePort)].filter(
      (p): p is number => p !== null,
    );
    const procs = [
      ...new Set(
        [...live.map((s) => s.processName), ...packets.map((p) => p.event.process)].filter((p): p is string => !!p),
      ),
    ];
    const site = world.sites.get(group.remote)?.[0]?.[0];
    const name = ownerName(group.attribution);
    const vars = {
      ...ownerVars(group.attribution),
      remote: group.remote,
      port: portList(ports),
      site: site ? ` — here it served ${site}` : '',
      siteJa: site ? `（ここでは ${site} を配信していました）` : '',
      // No article hangs on the name ('an "Google" site'): the name is quoted after "called".
      notVisited: name
        ? `Seeing ${name} is expected even if you never opened a site called "${name}"`
        : 'Seeing an unfamiliar network name here is expected',
      notVisitedJa: name ? `「${name}」のサイトを開いた覚えがなくても、` : '見覚えのない名前でも、',
    };
    const serverPorts = new Set(ports).size === 1 ? 'Server port' : 'Server ports';
    const ev = vars.port ? [evidence('port', `${serverPorts}: ${vars.port}`, `サーバー側ポート: ${vars.port}`)] : [];
    if (procs.length)
      ev.push(
        evidence(
          'process',
          `${procs.length === 1 ? 'Program' : 'Programs'} on this PC: ${procs.join(', ')}`,
          `このPCのプログラム: ${procs.join(', ')}`,
        ),
      );
    if (packets.length) ev.push(countEvidence(packets));
    ev.push(...ownerEvidence(group.attribution, world.sites.get(group.remote)));
    return { evidence: ev, vars };
  },
  templates: {
    title: { en: 'An ordinary connection with {ownerShort}', ja: '{ownerShortJa} との普通の通信' },
    explanation: {
      en: 'This is a normal connection between a device on your network and {remote} ({owner}), a content-delivery network that serves websites, software updates and video for many companies{site}. {notVisited}: big sites deliver through it under their own names.',
      ja: 'これは、あなたのネットワーク内の機器と {remote}（{ownerJa}）との普通の通信です。このネットワークは多くの企業の Web サイト、ソフトウェア更新、動画を配信するコンテンツ配信網です{siteJa}。{notVisitedJa}大手のサイトが自社の名前のままこの配信網を使っているため、表示されるのは当たり前のことです。',
    },
    advice: { en: 'No action needed.', ja: '対応は不要です。' },
  },
};
