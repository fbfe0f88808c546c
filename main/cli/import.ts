import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { LogFileError } from '../adapters/files/source';
import { openDatabase } from '../db/open';
import { defaultDatabasePath } from '../paths';
import { importLogFile, ImportInProgressError, type ImportProgress } from '../services/import';
import { checkReadOptions, ReadOptionsError } from '../services/read-log';
import { CliUsageError, type CliIo } from './io';

export const IMPORT_USAGE = `netwhy import FILE… [--db PATH] [--format FAMILY] [--tz ZONE] [--year YYYY]
  Stores router/firewall logs in NetWhy's database (the app's own unless --db names another), with a progress bar
  on a terminal. Importing the same file again adds nothing; an interrupted import continues where it stopped;
  a file that grew since it was imported (a live log) adds only its new lines.
  --db PATH        database file (default: the app's, ${'$'}NETWHY_DB overrides)
  --format FAMILY  skip detection (see \`netwhy formats\`)
  --tz ZONE        IANA zone of times without one (default: this PC's)
  --year YYYY      year of dates without one (default: this year, or last year for dates more than
                   2 days after today; Dec -> Jan rolls over)
`;

export function parseYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text)) throw new CliUsageError(`--year must be a four-digit year, not "${text}"`);
  return Number(text);
}

function mb(n: number): string {
  return (n / 1e6).toFixed(1);
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** "[#########-----------]  45%  12.3/27.0 MB  85,000 lines/s  0:12 left" (fits 80 columns). */
export function progressBar(p: ImportProgress, width = 20): string {
  const frac = p.bytesTotal > 0 ? Math.min(1, p.bytesDone / p.bytesTotal) : 0;
  const filled = Math.round(frac * width);
  const left =
    p.phase === 'indexing'
      ? '  building the address index…'
      : p.phase === 'redating'
        ? '  dating earlier lines a year back…'
        : p.secondsLeft === null
          ? ''
          : `  ${clock(p.secondsLeft)} left`;
  return (
    `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(frac * 100)).padStart(3)}%  ` +
    `${mb(p.bytesDone)}/${mb(p.bytesTotal)} MB  ${p.linesPerSec.toLocaleString('en-US')} lines/s${left}`
  );
}

export async function importCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      db: { type: 'string' },
      format: { type: 'string' },
      tz: { type: 'string' },
      year: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new CliUsageError('give at least one FILE');
  const options = { format: values.format, tz: values.tz, year: parseYear(values.year) };
  try {
    checkReadOptions(options);
  } catch (e) {
    if (e instanceof ReadOptionsError) throw new CliUsageError(e.message);
    throw e;
  }
  const dbPath = values.db ?? defaultDatabasePath(io.env);
  mkdirSync(dirname(dbPath), { recursive: true });
  const db = openDatabase(dbPath);
  const abort = new AbortController();
  const onSigint = (): void => abort.abort();
  process.once('SIGINT', onSigint);
  let failed = 0;
  try {
    for (const file of positionals) {
      if (abort.signal.aborted) break;
      let drawn = false;
      try {
        const result = await importLogFile(
          db,
          file,
          { ...options, signal: abort.signal, parseWorker: io.parseWorker },
          (p) => {
            if (!io.isTTY) return;
            drawn = true;
            io.stderr(`\r${file.length > 24 ? '…' + file.slice(-23) : file}  ${progressBar(p)}\x1b[K`);
          },
        );
        if (drawn) io.stderr('\r\x1b[K');
        const r = result.row;
        if (result.outcome === 'already-imported') {
          io.stdout(`${file}: already imported (import #${r.id}); nothing added\n`);
          continue;
        }
        // A file that grew since an earlier import stores only its new lines, as an import of their own.
        const continued = r.lines_before > 0 ? `import #${r.continues_import ?? '?'}` : null;
        const range = `${r.lines_before + 1}-${r.lines_total}`;
        const verb =
          result.outcome === 'cancelled'
            ? 'cancelled, run again to continue'
            : result.resumed
              ? 'resumed and finished'
              : continued
                ? `continued ${continued} (the file grew), stored lines ${range}`
                : 'imported';
        const note =
          continued && (result.outcome === 'cancelled' || result.resumed)
            ? ` (lines ${range}, after ${continued})`
            : '';
        io.stdout(
          `${file}: ${verb} as import #${r.id}${note}: ${r.lines_total - r.lines_before} lines, ${r.lines_parsed} events, ` +
            `${r.lines_ignored} ignored, ${r.lines_unknown} not understood ` +
            `(${r.family ?? '?'} ${(r.family_confidence ?? 0).toFixed(2)}, ${r.encoding}${r.compressed ? ', gzip' : ''}, zone ${r.zone})\n`,
        );
        if (result.outcome === 'cancelled') failed++;
      } catch (e) {
        if (drawn) io.stderr('\r\x1b[K');
        if (e instanceof LogFileError || e instanceof ImportInProgressError) {
          io.stderr(`netwhy import: ${e.message}\n`);
          failed++;
          continue;
        }
        throw e;
      }
    }
  } finally {
    process.removeListener('SIGINT', onSigint);
    db.close();
  }
  if (positionals.length > 1)
    io.stderr(`${positionals.length - failed} of ${positionals.length} files imported into ${dbPath}\n`);
  return failed ? 1 : 0;
}
