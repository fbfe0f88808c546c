import { join } from 'node:path';
import { runCli } from './cli/main';
import { processIo } from './cli/io';

// The `netwhy` command (bin/netwhy.js loads the built copy of this file). Same services as the app, no Electron;
// big imports parse on the worker built beside it (out/main/import-worker.js).
void runCli(process.argv.slice(2), processIo(join(__dirname, 'import-worker.js'))).then((code) => {
  process.exitCode = code;
});
