import { detectFamily, SAMPLE_LINES, type Detection } from '../core/import/detect';
import { createPipeline, REASON, type PipelineSink } from '../core/import/pipeline';
import { createTimeResolver, type Dating, type TimeOptions } from '../core/import/time';
import type { ConnectionEvent } from '../core/model/event';
import type { LogFamily } from '../core/parsers/family';
import { FAMILIES, familyById } from '../core/parsers/registry';
import { isValidZone, systemZone } from '../core/time/zone';
import { openLogStream, type LineBatch, type LogStream } from '../adapters/files/lines';
import { bytesSource, fileSource, LogFileError, type LogSource } from '../adapters/files/source';
import type { LogHeader } from './parse-worker-protocol';

export interface ReadLogOptions {
  /** Family id to use instead of detection (--format). */
  format?: string | undefined;
  /** IANA zone for lines without one (--tz); default this PC's. */
  tz?: string | undefined;
  /** Year for lines without one (--year); default the current year. */
  year?: number | undefined;
  now?: number | undefined;
  /**
   * Without --year, a log whose first year-less date lies after today is last year's (core TimeOptions.pastYear):
   * imports, `netwhy analyze` and `netwhy report`. `netwhy parse` keeps its contract, the current year.
   */
  pastYear?: boolean | undefined;
  /** Year of the first year-less date, from an earlier read of the log (core TimeOptions.seedYear). */
  seedYear?: number | undefined;
  /** The instant year-less dates may not lie after (core TimeOptions.until); default `now`. */
  until?: number | undefined;
  signal?: AbortSignal | undefined;
  /** The families to use (tests); default every registered family. */
  families?: readonly LogFamily[] | undefined;
  /** Filled while reading: what the summary on stderr reports. */
  stats?: ReadStats | undefined;
}

export interface ReadStats {
  lines: number;
  events: number;
  ignored: number;
  unknown: number;
  family: string | null;
  confidence: number;
  encoding: string | null;
  compressed: boolean;
  /** How the year of year-less dates was inferred, once the whole log is read (pastYear). */
  dating: Dating;
}

export function emptyStats(): ReadStats {
  return {
    lines: 0,
    events: 0,
    ignored: 0,
    unknown: 0,
    family: null,
    confidence: 0,
    encoding: null,
    compressed: false,
    dating: { seed: null, moves: 0 },
  };
}

/** Bad user input (an unknown --format or --tz): the CLI shows it with the usage text. */
export class ReadOptionsError extends Error {}

export interface PreparedLog {
  source: LogSource;
  stream: LogStream;
  detection: Detection;
  /** The family used for the file: chosen by the user or detected. */
  family: LogFamily | null;
  forced: boolean;
  /** Families tried per line when the file's family does not know a line. */
  fallback: readonly LogFamily[];
  time: TimeOptions;
  /** Every line batch, the sampled ones first. */
  batches(): AsyncGenerator<LineBatch>;
}

export function checkReadOptions(options: ReadLogOptions): void {
  const families = options.families ?? FAMILIES;
  if (options.format !== undefined && !families.some((f) => f.id === options.format)) {
    throw new ReadOptionsError(
      `Unknown format "${options.format}". Known formats: ${families.map((f) => f.id).join(', ')} (see \`netwhy formats\`).`,
    );
  }
  if (options.tz !== undefined && !isValidZone(options.tz)) {
    throw new ReadOptionsError(`Unknown time zone "${options.tz}". Use an IANA name such as Asia/Tokyo or UTC.`);
  }
  if (options.year !== undefined && (!Number.isInteger(options.year) || options.year < 1970 || options.year > 9999)) {
    throw new ReadOptionsError(`--year must be a four-digit year, not "${options.year}".`);
  }
}

/**
 * Opens a log, reads enough lines to detect its family (unless the user chose one) and returns everything the
 * reader and the importer need. Throws LogFileError for files that cannot be a log.
 */
export async function prepareLog(source: LogSource, options: ReadLogOptions = {}): Promise<PreparedLog> {
  checkReadOptions(options);
  const families = options.families ?? FAMILIES;
  const stream = await openLogStream(source, options.signal);
  const all = stream.batches();
  const buffered: LineBatch[] = [];
  const sample: string[] = [];
  while (sample.length < SAMPLE_LINES) {
    const r = await all.next();
    if (r.done) break;
    buffered.push(r.value);
    for (const l of r.value.lines) if (l.trim() !== '' && sample.length < SAMPLE_LINES) sample.push(l);
  }
  if (sample.length === 0) {
    await all.return(undefined);
    throw new LogFileError(`${source.name} has no text lines: there is nothing to import.`, 'empty', source.name);
  }
  const forcedFamily = options.format !== undefined ? (families.find((f) => f.id === options.format) ?? null) : null;
  const detection = detectFamily(sample, families);
  const family = forcedFamily ?? detection.family;
  if (!family) {
    await all.return(undefined);
    throw new LogFileError(
      `${source.name} does not look like a log NetWhy can read: none of the ${families.length} known formats ` +
        `matched its first ${sample.length} lines. If you know the format, choose it by hand (--format).`,
      'no-format',
      source.name,
    );
  }
  const time: TimeOptions = {
    zone: options.tz,
    defaultZone: systemZone(),
    year: options.year,
    now: options.now ?? Date.now(),
    pastYear: options.pastYear,
    seedYear: options.seedYear,
    until: options.until,
  };
  return {
    source,
    stream,
    detection,
    family,
    forced: forcedFamily !== null,
    fallback: forcedFamily ? [] : families,
    time,
    async *batches() {
      yield* buffered.splice(0);
      yield* all;
    },
  };
}

/** How a log is read (format, its confidence, encoding, gzip): what an import records and the CLI's summary says. */
export function logHeader(log: PreparedLog): LogHeader {
  return {
    family: log.family?.id ?? null,
    confidence: log.forced ? 1 : log.detection.confidence,
    encoding: log.stream.encoding,
    compressed: log.stream.compressed,
  };
}

/**
 * The events of a source in input order, one array per chunk read (a few thousand lines): one await per chunk, not
 * per event, which makes reading a big log about 10 % faster than iterating events one by one.
 */
async function* readSourceChunks(source: LogSource, options: ReadLogOptions): AsyncGenerator<ConnectionEvent[]> {
  const stats = options.stats ?? emptyStats();
  const log = await prepareLog(source, options);
  Object.assign(stats, logHeader(log));
  let ready: ConnectionEvent[] = [];
  const sink: PipelineSink = {
    event: (e) => {
      stats.events++;
      ready.push(e);
    },
    unknown: () => void stats.unknown++,
    ignored: () => void stats.ignored++,
  };
  const time = createTimeResolver(log.time);
  const pipeline = createPipeline({ family: log.family, fallback: log.fallback, time }, sink);
  for await (const { lines, firstLine, cut } of log.batches()) {
    let c = 0;
    for (let i = 0; i < lines.length; i++) {
      stats.lines++;
      if (cut !== null && cut[c] === i) {
        c++;
        sink.unknown(firstLine + i, lines[i] as string, REASON.tooLong);
        continue;
      }
      pipeline.push(lines[i] as string, firstLine + i);
    }
    if (ready.length) {
      const out = ready;
      ready = [];
      yield out;
    }
  }
  pipeline.end();
  stats.dating = time.dating();
  if (ready.length) yield ready;
}

/**
 * Every connection event of a log file, in input order and a chunk's worth at a time (logs of millions of lines):
 * decoding, gzip, family detection and time resolution included. The CLI's parse/analyze/report commands read logs
 * through this.
 */
export async function* readLogFileChunks(
  path: string,
  options: ReadLogOptions = {},
): AsyncGenerator<ConnectionEvent[]> {
  yield* readSourceChunks(await fileSource(path), options);
}

/**
 * A log file's events dated as an import dates them (`pastYear`), for `netwhy analyze` and `netwhy report`: each
 * chunk goes to `take`. When a year-less date part-way would have lain in the future (a log without years that
 * started before today's date and ran over New Year), the chunks taken so far carried years that were too late:
 * `restart` is called, then the file is read once more from the year that keeps it in the past. Only such a log is
 * read twice, and nothing is held here (the caller keeps what it needs, as for one read).
 */
export async function readPastLogFile(
  path: string,
  options: Omit<ReadLogOptions, 'pastYear' | 'seedYear'>,
  take: (events: ConnectionEvent[]) => void,
  restart: () => void,
): Promise<void> {
  const stats = options.stats ?? emptyStats();
  const now = options.now ?? Date.now();
  let seedYear: number | undefined;
  // Each read moves the seed back by at least a year; a Feb 29 pinning the year can ask for one read more.
  for (let read = 0; read < MAX_DATING_READS; read++) {
    if (read > 0) {
      restart();
      Object.assign(stats, emptyStats());
    }
    for await (const chunk of readLogFileChunks(path, { ...options, now, stats, pastYear: true, seedYear }))
      take(chunk);
    if (stats.dating.moves === 0 || stats.dating.seed === null) return;
    seedYear = stats.dating.seed;
  }
}

/** Reads of one log to date it (readPastLogFile, an import's re-dating): the first, and the ones it asks for. */
export const MAX_DATING_READS = 4;

/** The same for text the user pasted. */
export async function* readLogText(text: string, options: ReadLogOptions = {}): AsyncGenerator<ConnectionEvent> {
  for await (const chunk of readSourceChunks(bytesSource('pasted text', Buffer.from(text, 'utf8')), options))
    yield* chunk;
}

export { familyById, LogFileError };
