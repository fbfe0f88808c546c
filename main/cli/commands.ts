import type { CliCommand } from './io';
import { SOCKETS_USAGE, socketsCommand } from './sockets';
import { FORMATS_USAGE, formatsCommand } from './formats';
import { IMPORT_USAGE, importCommand } from './import';
import { PARSE_USAGE, parseCommand } from './parse';

/** Every `netwhy` sub-command: name -> runner and its usage text. */
export const COMMANDS: Record<string, { run: CliCommand; usage: string }> = {
  sockets: { run: (argv, io) => socketsCommand(argv, io), usage: SOCKETS_USAGE },
  parse: { run: parseCommand, usage: PARSE_USAGE },
  import: { run: importCommand, usage: IMPORT_USAGE },
  formats: { run: formatsCommand, usage: FORMATS_USAGE },
};
