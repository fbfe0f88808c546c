import { parseArgs } from 'node:util';
import { LogFileError } from '../adapters/files/source';
import { emptyStats, readLogFileChunks, ReadOptionsError, type ReadStats } from '../services/read-log';
import { CliUsageError, type CliIo } from './io';
import { parseYear } from './import';

export const PARSE_USAGE = `netwhy parse FILE [--format FAMILY] [--tz ZONE] [--year YYYY]
  Prints one JSON object per connection event of a router/firewall log or netstat/ss output, in input order:
  {"line","ts","proto","src","sport","dst","dport","action","flags","direction","format"}. A summary goes to stderr.
  --format FAMILY  skip detection and read the file as this family (see \`netwhy formats\`)
  --tz ZONE        IANA zone of times without one (default: this PC's); ts then carries its offset
  --year YYYY      year of dates without one (default: the current year; Dec -> Jan rolls over)
`;

/** The contract's JSON object for one event: exactly these keys, in this order (issue 3). */
export function eventJson(e: {
  line: number;
  ts: string | null;
  proto: string;
  src: string;
  sport: number | null;
  dst: string;
  dport: number | null;
  action: string;
  flags: readonly string[];
  direction: string | null;
  format: string;
}): string {
  return JSON.stringify({
    line: e.line,
    ts: e.ts,
    proto: e.proto,
    src: e.src,
    sport: e.sport,
    dst: e.dst,
    dport: e.dport,
    action: e.action,
    flags: e.flags,
    direction: e.direction,
    format: e.format,
  });
}

export function statsSummary(file: string, s: ReadStats): string {
  const how = s.family ? `${s.family}, confidence ${s.confidence.toFixed(2)}` : 'no format';
  const enc = `${s.encoding ?? '?'}${s.compressed ? ', gzip' : ''}`;
  return `${file}: ${s.lines} lines, ${s.events} events, ${s.ignored} ignored, ${s.unknown} not understood (${how}; ${enc})\n`;
}

export async function parseCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { format: { type: 'string' }, tz: { type: 'string' }, year: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new CliUsageError('give exactly one FILE');
  const file = positionals[0] as string;
  const stats = emptyStats();
  let out = '';
  try {
    for await (const chunk of readLogFileChunks(file, {
      format: values.format,
      tz: values.tz,
      year: parseYear(values.year),
      stats,
    })) {
      for (const e of chunk) out += eventJson(e) + '\n';
      if (out.length > 65_536) {
        io.stdout(out);
        out = '';
      }
    }
  } catch (e) {
    if (out) io.stdout(out);
    if (e instanceof ReadOptionsError) throw new CliUsageError(e.message);
    if (e instanceof LogFileError) {
      io.stderr(`netwhy parse: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  if (out) io.stdout(out);
  io.stderr(statsSummary(file, stats));
  return 0;
}
