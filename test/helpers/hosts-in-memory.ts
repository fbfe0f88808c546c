import type { Database } from 'better-sqlite3';
import { analyzeEvents } from '../../main/core/verdicts/analyze';
import { readEventsForAnalysis } from '../../main/db/repos/analysis-events';
import { replaceHosts } from '../../main/db/repos/hosts';
import { attributeAll, toHostRecord, type RefreshOptions, type RefreshResult } from '../../main/services/analysis';

/**
 * The host summary rebuilt the way the app did before it walked the stored log host by host: every event judged at
 * once (analyzeEvents), in memory. The walk (services/analysis.ts refreshHosts) must write exactly this.
 */
export function refreshHostsInMemory(db: Database, options: RefreshOptions): RefreshResult {
  const events = readEventsForAnalysis(db);
  const sockets = options.sockets ?? [];
  const analysis = analyzeEvents(events, {
    attributions: attributeAll(events, sockets, options.attributor),
    sockets,
    ...(options.dnsCache ? { dnsCache: options.dnsCache } : {}),
    now: options.now,
  });
  replaceHosts(db, analysis.hosts.map(toHostRecord), options.now);
  return { hosts: analysis.hosts.length, events: events.length, at: options.now, deferred: false };
}
