import type { CliCommand } from './io';
import { SOCKETS_USAGE, socketsCommand } from './sockets';

/** Every `netwhy` sub-command: name -> runner and its usage text. */
export const COMMANDS: Record<string, { run: CliCommand; usage: string }> = {
  sockets: { run: (argv, io) => socketsCommand(argv, io), usage: SOCKETS_USAGE },
};
