import { createHash, randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { buildEml } from '../adapters/mail/eml';
import { LogFileError } from '../adapters/files/source';
import type { Attribution } from '../core/model/attribution';
import type { ConnectionEvent } from '../core/model/event';
import { normalizeIp } from '../core/net/ip';
import {
  buildReport,
  isEmailAddress,
  mailInput,
  renderCsv,
  renderTextBody,
  renderXarf,
  type AbuseReport,
} from '../core/report';
import { plural } from '../core/verdicts/describe';
import { readPastLogFile, ReadOptionsError } from '../services/read-log';
import { createIntel } from '../services/intel';
import { judgeHost } from '../services/reports';
import { parseYear } from './import';
import { CliUsageError, type CliIo } from './io';

export const REPORT_USAGE = `netwhy report FILE… --host IP [--tz ZONE] [--year YYYY] [--format text|csv|xarf|eml] [--out PATH] [--offline]
  Writes an abuse report about one internet address from router/firewall logs: source and destination address
  and port, protocol, TCP flags and ISO 8601 times with zone, plus the original log lines. Nothing is sent.
  --host IP       the address to report (required)
  --tz ZONE       IANA zone of times without one (default: this PC's); the report names it
  --year YYYY     year of dates without one (default: the latest that keeps the log out of the future)
  --format F      text (e-mail body, default), csv, xarf (X-ARF v4 JSON) or eml (draft with CSV attached)
  --out PATH      write to a file instead of stdout
  --offline       no online lookups (reverse DNS, RDAP abuse contact): owner from the bundled data only
  --to EMAIL      recipient (default: the abuse contact NetWhy knows for the owner)
  --from EMAIL    your e-mail address (X-ARF reporter, e-mail From)
  --name NAME     your name or organisation
  --japanese      add a Japanese copy of the text
  --no-redact     keep LAN addresses, MAC addresses and host names (masked by default)
  --lang en|ja    language of the notes on stderr (harmless-traffic warning)
`;

export interface ReportDeps {
  /** Attribution of the reported address; default the bundled IP database (offline). */
  attribute?: (ip: string, offline: boolean) => Promise<Attribution | null>;
  now?: () => number;
  newId?: () => string;
}

/** The intel service: bundled data, plus reverse DNS and the RDAP abuse contact unless --offline. */
function intelAttribution(ip: string, offline: boolean): Promise<Attribution | null> {
  // No database: answers are cached in memory for this run only.
  const intel = createIntel({ online: () => !offline });
  return offline ? Promise.resolve(intel.attributeOffline(ip)) : intel.attribute(ip);
}

async function renderFormat(report: AbuseReport, format: string, now: number): Promise<string | Buffer> {
  switch (format) {
    case 'csv':
      return renderCsv(report);
    case 'xarf':
      return renderXarf(report, { sha256: (b) => createHash('sha256').update(b).digest('hex') });
    case 'eml':
      return buildEml(mailInput(report), { date: new Date(now) });
    default:
      return renderTextBody(report);
  }
}

export async function reportCommand(argv: string[], io: CliIo, deps: ReportDeps = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      host: { type: 'string' },
      tz: { type: 'string' },
      year: { type: 'string' },
      format: { type: 'string', default: 'text' },
      out: { type: 'string' },
      offline: { type: 'boolean', default: false },
      to: { type: 'string' },
      from: { type: 'string' },
      name: { type: 'string' },
      japanese: { type: 'boolean', default: false },
      'no-redact': { type: 'boolean', default: false },
      lang: { type: 'string', default: 'en' },
    },
  });
  if (!positionals.length) throw new CliUsageError('give at least one FILE');
  if (!values.host) throw new CliUsageError('--host IP is required');
  const host = normalizeIp(values.host);
  if (!host) throw new CliUsageError(`--host must be an IP address, not "${values.host}"`);
  if (!['text', 'csv', 'xarf', 'eml'].includes(values.format)) {
    throw new CliUsageError(`--format must be text, csv, xarf or eml, not "${values.format}"`);
  }
  if (values.lang !== 'en' && values.lang !== 'ja')
    throw new CliUsageError(`--lang must be en or ja, not "${values.lang}"`);
  const lang = values.lang;
  // The recipient goes into the .eml To: and the mailto: link, and --from into X-ARF's reporter contact and domain:
  // a typo there made a draft that cannot be sent or a report whose contact is nobody.
  for (const option of ['to', 'from'] as const) {
    const address = values[option];
    if (address !== undefined && !isEmailAddress(address)) {
      throw new CliUsageError(
        lang === 'ja'
          ? `--${option} にはメールアドレス（例: abuse@example.net）を指定してください（指定された値: "${address}"）`
          : `--${option} must be an e-mail address like abuse@example.net, not "${address}"`,
      );
    }
  }
  const year = parseYear(values.year);

  const now = (deps.now ?? Date.now)();
  const events: ConnectionEvent[] = [];
  for (const file of positionals) {
    const before = events.length;
    try {
      await readPastLogFile(
        file,
        { tz: values.tz, year, now },
        (chunk) => {
          for (const e of chunk) if (e.src === host || e.dst === host) events.push(e);
        },
        // Read again with earlier years: this file's events so far were dated a year late.
        () => void (events.length = before),
      );
    } catch (e) {
      if (e instanceof ReadOptionsError) throw new CliUsageError(e.message);
      if (e instanceof LogFileError) {
        io.stderr(`netwhy report: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
  }
  if (!events.length) {
    io.stderr(
      lang === 'ja'
        ? `netwhy report: ${host} のイベントが ${positionals.join(', ')} にありません。報告するものがありません。\n`
        : `netwhy report: no events for ${host} in ${positionals.join(', ')}; nothing to report.\n`,
    );
    return 1;
  }

  const attribution = await (deps.attribute ?? intelAttribution)(host, values.offline);
  const verdict = judgeHost(host, events, attribution);
  const report = buildReport(
    { host, events, attribution, verdict },
    {
      reportId: (deps.newId ?? randomUUID)(),
      now,
      language: lang,
      redact: !values['no-redact'],
      recipient: values.to ?? null,
      reporter: values.from || values.name ? { name: values.name ?? '', email: values.from ?? '' } : null,
      japaneseCopy: values.japanese,
      generator: 'NetWhy CLI',
    },
  );
  if (report.warning) io.stderr(`netwhy report: ${report.warning[lang]}\n`);
  if (!report.recipient) {
    io.stderr(
      lang === 'ja'
        ? 'netwhy report: 宛先の不正利用窓口が不明です。--to で指定してください。\n'
        : 'netwhy report: no abuse contact known for this address; give one with --to.\n',
    );
  }

  const output = await renderFormat(report, values.format, now);
  if (values.out) {
    await writeFile(values.out, output);
    io.stderr(
      lang === 'ja'
        ? `netwhy report: ${values.out} に書き出しました（${report.eventCount} 件のイベント）\n`
        : `netwhy report: wrote ${values.out} (${plural(report.eventCount, 'event')})\n`,
    );
  } else {
    io.stdout(typeof output === 'string' ? output : output.toString('utf8'));
  }
  return 0;
}
