import { hostsCsv } from '../core/verdicts/host-table';
import { getHost, hostVerdicts, listHosts } from '../db/repos/hosts';
import { bundledAttributor, refreshHosts, socketsFromConnections, type Attributor } from '../services/analysis';
import type { AppContext } from '../app-context';
import type { HandlersFor } from './types';

/**
 * Hosts screen and host panel: the summary table (rebuilt from stored events and live sockets on refresh), one
 * host's verdict with explanation and link-to-PC findings, and the CSV export.
 */
export function hostsHandlers(ctx: AppContext): HandlersFor<'hosts'> {
  let attributor: Attributor | null | undefined;
  // The bundled database is ~20 MB: load it on first use, not at start-up.
  const getAttributor = (): Attributor | null =>
    attributor === undefined ? (attributor = bundledAttributor()) : attributor;

  return {
    'hosts.list': (q) => listHosts(ctx.db, q ?? {}),
    'hosts.detail': ({ ip }) => getHost(ctx.db, ip),
    'hosts.refresh': () => {
      const at = ctx.now();
      const r = refreshHosts(ctx.db, {
        attributor: getAttributor(),
        sockets: socketsFromConnections(ctx.sockets.current().connections),
        now: at,
      });
      ctx.emit('hosts.changed', { at, hosts: r.hosts });
      return { hosts: r.hosts, events: r.events, at };
    },
    'hosts.verdicts': ({ ips }) => hostVerdicts(ctx.db, ips),
    'hosts.exportCsv': (q) => {
      const { hosts } = listHosts(ctx.db, { ...q, limit: 1_000_000, offset: 0 });
      const day = new Date(ctx.now()).toISOString().slice(0, 10);
      return { fileName: `netwhy-hosts-${day}.csv`, text: hostsCsv(hosts, q.lang), rows: hosts.length };
    },
  };
}
