import { parseArgs } from 'node:util';
import { FAMILIES } from '../core/parsers/registry';
import type { CliIo } from './io';

export const FORMATS_USAGE = `netwhy formats [--json]
  Lists the log formats NetWhy reads (the ids --format takes), with one example line each.
`;

export async function formatsCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, strict: true, options: { json: { type: 'boolean', default: false } } });
  if (values.json) {
    io.stdout(FAMILIES.map((f) => JSON.stringify({ id: f.id, name: f.name, example: f.example })).join('\n') + '\n');
    return 0;
  }
  const width = Math.max(...FAMILIES.map((f) => f.id.length), 2);
  io.stdout(
    FAMILIES.map((f) => {
      const indent = ' '.repeat(width + 2);
      return `${f.id.padEnd(width)}  ${f.name}\n${indent}e.g. ${f.example.replace(/\n/g, `\n${indent}     `)}\n`;
    }).join('') || 'No formats registered.\n',
  );
  io.stderr(`${FAMILIES.length} formats\n`);
  return 0;
}
