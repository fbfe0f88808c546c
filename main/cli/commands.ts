import type { CliCommand } from './io';
import { SOCKETS_USAGE, socketsCommand } from './sockets';
import { FORMATS_USAGE, formatsCommand } from './formats';
import { IMPORT_USAGE, importCommand } from './import';
import { PARSE_USAGE, parseCommand } from './parse';
import { ANALYZE_USAGE, analyzeCommand } from './analyze';
import { REPORT_USAGE, reportCommand } from './report';
import { WHOIS_USAGE, whoisCommand } from './whois';

/** Every `netwhy` sub-command: name -> runner and its usage text. */
export const COMMANDS: Record<string, { run: CliCommand; usage: string }> = {
  sockets: { run: (argv, io) => socketsCommand(argv, io), usage: SOCKETS_USAGE },
  parse: { run: parseCommand, usage: PARSE_USAGE },
  import: { run: importCommand, usage: IMPORT_USAGE },
  formats: { run: formatsCommand, usage: FORMATS_USAGE },
  analyze: { run: (argv, io) => analyzeCommand(argv, io), usage: ANALYZE_USAGE },
  report: { run: (argv, io) => reportCommand(argv, io), usage: REPORT_USAGE },
  whois: { run: (argv, io) => whoisCommand(argv, io), usage: WHOIS_USAGE },
};
