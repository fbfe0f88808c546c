#!/usr/bin/env node
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const built = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(built)) {
  process.stderr.write('netwhy: the CLI is not built yet. Run `npm run build` in the NetWhy folder first.\n');
  process.exit(1);
}
require(built);
