import { join } from 'node:path';
import { runCli } from './cli/main';
import { processIo } from './cli/io';

// The `netwhy` command (bin/netwhy.js loads the built copy of this file). Same services as the app, no Electron;
// big imports parse on the worker built beside it (out/main/import-worker.js).

// `netwhy parse big.log | head`: the reader closing the pipe is how a pipeline says "enough", not a failure. Stop
// quietly, as Unix tools do on SIGPIPE, instead of dying on Node's unhandled EPIPE with a stack trace. (An import
// stopped this way is resumed by running it again, as after Ctrl-C.)
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

void runCli(process.argv.slice(2), processIo(join(__dirname, 'import-worker.js'))).then((code) => {
  process.exitCode = code;
});
