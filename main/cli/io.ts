/** Where a command writes; tests pass their own to read what a user would see. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal (progress bars are drawn only then). */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The built parse worker `netwhy import` hands big files to (ImportOptions.parseWorker); unset = one thread. */
  parseWorker?: string | undefined;
}

export class CliUsageError extends Error {}

export type CliCommand = (argv: string[], io: CliIo) => Promise<number>;

export function processIo(parseWorker?: string): CliIo {
  return {
    parseWorker,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Pads cells into aligned columns; the last column is left unpadded. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
