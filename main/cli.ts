import { runCli } from './cli/main';
import { processIo } from './cli/io';

// The `netwhy` command (bin/netwhy.js loads the built copy of this file). Same services as the app, no Electron.
void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
