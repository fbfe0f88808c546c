import { COMMANDS } from './commands';
import { CliUsageError, type CliIo } from './io';

export function usage(): string {
  return `netwhy — explains the connections in your router log, firewall and netstat

Usage: netwhy <command> [options]

${Object.values(COMMANDS)
  .map((c) => c.usage)
  .join('\n')}`;
}

/** Runs one CLI invocation and returns the exit code (0 ok, 1 failure, 2 usage error). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`netwhy: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    const usageError =
      e instanceof CliUsageError ||
      (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'));
    io.stderr(`netwhy ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    if (usageError) io.stderr(`\n${command.usage}`);
    return usageError ? 2 : 1;
  }
}
