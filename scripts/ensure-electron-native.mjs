#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .native/electron/, leaving node_modules' copy (Node's ABI, used by
// the tests and the CLI) untouched. Electron's main process loads this file through better-sqlite3's
// `nativeBinding` option. Runs before `npm start`; does nothing when the build for this Electron version exists.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const outDir = join(root, '.native', 'electron');
const stamp = join(outDir, 'version.json');

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version;
const want = {
  electron: electronVersion,
  betterSqlite3: sqliteVersion,
  arch: process.arch,
  platform: process.platform,
};

if (existsSync(stamp) && existsSync(join(outDir, 'better_sqlite3.node'))) {
  const have = JSON.parse(readFileSync(stamp, 'utf8'));
  if (JSON.stringify(have) === JSON.stringify(want)) process.exit(0);
}

console.log(`NetWhy: preparing better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once)…`);
const work = join(root, '.native', 'work');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
// Copy the package without its Node build, so the Electron build cannot clobber it.
cpSync(sqliteDir, join(work, 'better-sqlite3'), {
  recursive: true,
  filter: (src) => !src.includes(`${sqliteDir}${'/'}build`) && !src.includes(`${sqliteDir}\\build`),
});
const pkgDir = join(work, 'better-sqlite3');
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const run = (cmd, args) =>
  execFileSync(cmd, args, { cwd: pkgDir, stdio: 'inherit', shell: process.platform === 'win32' });
try {
  // A prebuilt binary for Electron when the project publishes one; otherwise compile against Electron's headers.
  run(process.execPath, [
    require.resolve('prebuild-install/bin.js'),
    '--runtime',
    'electron',
    '--target',
    electronVersion,
    '--arch',
    process.arch,
  ]);
} catch {
  run(bin('node-gyp'), [
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
    '--runtime=electron',
  ]);
}
mkdirSync(outDir, { recursive: true });
copyFileSync(join(pkgDir, 'build', 'Release', 'better_sqlite3.node'), join(outDir, 'better_sqlite3.node'));
writeFileSync(stamp, JSON.stringify(want));
rmSync(work, { recursive: true, force: true });
console.log('NetWhy: better-sqlite3 for Electron is ready in .native/electron/.');
