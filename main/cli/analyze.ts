import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { LogFileError } from '../adapters/files/source';
import type { ConnectionEvent } from '../core/model/event';
import { analyzeEvents } from '../core/verdicts/analyze';
import { parseDnsCacheText, type DnsRecord } from '../core/verdicts/dns-cache';
import { listenersFromNetstatWindows } from '../core/verdicts/listeners';
import type { LocalSocket } from '../core/verdicts/types';
import type { Attribution } from '../core/model/attribution';
import { systemZone } from '../core/time/zone';
import { attributeOnline, internetAddresses } from '../services/analysis';
import { createIntel } from '../services/intel';
import { emptyStats, readPastLogFile, ReadOptionsError } from '../services/read-log';
import { analysisJson, analysisText, type FileSummary, type Lang } from './analyze-report';
import { parseYear } from './import';
import { CliUsageError, type CliIo } from './io';

export const ANALYZE_USAGE = `netwhy analyze FILE… [--tz ZONE] [--year YYYY] [--offline] [--lang en|ja] [--json] [--dns FILE]
  Explains every remote host in router/firewall logs or netstat output: cdn-reply, cdn-connection, p2p-download,
  streaming, stale-local, scan, probe or unknown, with the evidence, in English or Japanese.
  --tz ZONE     IANA zone of times without one (default: this PC's)
  --year YYYY   year of dates without one (default: the latest that keeps the log out of the future)
  --offline     no online lookups (reverse DNS, RDAP): owners from the bundled IP database only
  --lang LANG   en (default) or ja
  --json        one JSON object {"hosts":[…],"flows":[…],"summary":{…}}
  --dns FILE    this PC's DNS cache (ipconfig /displaydns output, a dnsmasq log) to name the sites addresses served
`;

export interface AnalyzeDeps {
  /** Attribution of one address; default the intel service (online unless --offline). Tests pass their own. */
  attribute?: (offline: boolean) => (ip: string) => Promise<Attribution>;
  /** The current instant: the year of dates without one, and the verdicts' "now". Tests pass a fixed one. */
  now?: () => number;
}

/** netstat output saved by PowerShell is UTF-16LE with a BOM; by cmd.exe, ASCII/UTF-8. */
function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  return bytes.toString('utf8');
}

function intelAttribute(offline: boolean): (ip: string) => Promise<Attribution> {
  // No database: PTR/RDAP answers are cached in memory for this run only.
  const intel = createIntel({ online: () => !offline });
  return offline ? (ip) => Promise.resolve(intel.attributeOffline(ip)) : (ip) => intel.attribute(ip);
}

export async function analyzeCommand(argv: string[], io: CliIo, deps: AnalyzeDeps = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      tz: { type: 'string' },
      year: { type: 'string' },
      offline: { type: 'boolean', default: false },
      lang: { type: 'string', default: 'en' },
      json: { type: 'boolean', default: false },
      dns: { type: 'string' },
    },
  });
  if (!positionals.length) throw new CliUsageError('give at least one FILE');
  if (values.lang !== 'en' && values.lang !== 'ja')
    throw new CliUsageError(`--lang must be en or ja, not "${values.lang}"`);
  const lang: Lang = values.lang;
  const year = parseYear(values.year);
  const now = (deps.now ?? Date.now)();

  const events: ConnectionEvent[] = [];
  const sockets: LocalSocket[] = [];
  const files: FileSummary[] = [];
  for (const file of positionals) {
    const stats = emptyStats();
    const before = events.length;
    try {
      await readPastLogFile(
        file,
        { tz: values.tz, year, stats, now },
        (chunk) => {
          for (const e of chunk) events.push({ ...e, raw: '' });
        },
        // Read again with earlier years: this file's events so far were dated a year late.
        () => void (events.length = before),
      );
    } catch (e) {
      if (e instanceof ReadOptionsError) throw new CliUsageError(e.message);
      if (e instanceof LogFileError) {
        io.stderr(`netwhy analyze: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
    files.push({ file, family: stats.family, lines: stats.lines, events: stats.events });
    // A pasted `netstat -ano -b` also says which program listens where: the import skips those rows.
    if (stats.family === 'netstat-windows')
      sockets.push(...listenersFromNetstatWindows(decodeText(await readFile(file))));
  }

  let dnsCache: DnsRecord[] = [];
  if (values.dns) {
    try {
      dnsCache = parseDnsCacheText(await readFile(values.dns, 'utf8'));
    } catch (e) {
      io.stderr(`netwhy analyze: cannot read ${values.dns}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
  }

  // Online lookups (reverse DNS, RDAP) happen only through the intel service, and not at all with --offline.
  const attribute = (deps.attribute ?? intelAttribute)(values.offline);
  const attributions = await attributeOnline(internetAddresses(events, sockets), attribute);
  const analysis = analyzeEvents(events, { attributions, sockets, dnsCache, now });
  const offline = values.offline;
  if (values.json) io.stdout(JSON.stringify(analysisJson(analysis, lang, files, offline)) + '\n');
  else io.stdout(analysisText(analysis, lang, files, offline, values.tz ?? systemZone()));
  return 0;
}
