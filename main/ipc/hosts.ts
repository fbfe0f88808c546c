import { hostsCsv } from '../core/verdicts/host-table';
import { getHost, hostsSummaryState, hostVerdicts, listHosts } from '../db/repos/hosts';
import { analyzeEvents } from '../core/verdicts/analyze';
import { attributeAll, refreshHosts, socketsFromConnections, type Attributor } from '../services/analysis';
import type { AppContext } from '../app-context';
import type { HandlersFor } from './types';

/** From this many addresses (about a second of rebuilding) opening the Hosts screen reuses a summary that is current. */
export const REBUILD_ON_OPEN_MAX_HOSTS = 10_000;

/**
 * Hosts screen and host panel: the summary table (rebuilt from stored events and live sockets on refresh), one
 * host's verdict with explanation and link-to-PC findings, and the CSV export.
 */
export function hostsHandlers(ctx: AppContext): HandlersFor<'hosts'> {
  // Offline attribution plus whatever the host panel's online lookups have cached (intel service, issue 4).
  const getAttributor = (): Attributor => ctx.intel;

  return {
    'hosts.list': (q) => listHosts(ctx.db, q ?? {}),
    'hosts.detail': ({ ip }) => getHost(ctx.db, ip),
    'hosts.refresh': async (input) => {
      if (input?.onlyIfStale) {
        const summary = hostsSummaryState(ctx.db);
        if (summary.hosts >= REBUILD_ON_OPEN_MAX_HOSTS && summary.current) {
          return { hosts: summary.hosts, events: summary.events, at: summary.analysedAt ?? ctx.now(), deferred: false };
        }
      }
      const r = await refreshHosts(ctx.db, {
        attributor: getAttributor(),
        sockets: socketsFromConnections(ctx.sockets.current().connections),
        now: ctx.now(),
        clock: ctx.now,
      });
      if (!r.deferred) ctx.emit('hosts.changed', { at: r.at, hosts: r.hosts });
      // Put off (an import holds the address index back): the table is unchanged; ask again until it is over.
      else ctx.hostsAuto.schedule();
      return { hosts: r.hosts, events: r.events, at: r.at, deferred: r.deferred };
    },
    'hosts.verdicts': ({ ips }) => {
      const stored = hostVerdicts(ctx.db, ips);
      // A program on this PC holding a connection half-closed is a fact of this moment: judge the live sockets
      // of these addresses now, so a stuck CLOSE_WAIT row shows its verdict before the table is rebuilt.
      const wanted = new Set(ips);
      const sockets = socketsFromConnections(ctx.sockets.current().connections).filter((s) =>
        wanted.has(s.remoteAddress),
      );
      if (!sockets.length) return stored;
      const live = analyzeEvents([], {
        attributions: attributeAll([], sockets, getAttributor()),
        sockets,
        now: ctx.now(),
      });
      for (const h of live.hosts) {
        if (h.verdict.id !== 'stale-local') continue;
        stored[h.ip] = { verdict: h.verdict.id, severity: h.verdict.severity, title: h.verdict.title };
      }
      return stored;
    },
    'hosts.exportCsv': (q) => {
      const { hosts } = listHosts(ctx.db, { ...q, limit: 1_000_000, offset: 0 });
      const day = new Date(ctx.now()).toISOString().slice(0, 10);
      return { fileName: `netwhy-hosts-${day}.csv`, text: hostsCsv(hosts, q.lang), rows: hosts.length };
    },
  };
}
