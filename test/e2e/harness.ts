/**
 * Real-browser harness: the built renderer (out/renderer) in Debian Chromium via playwright-core, with
 * window.netwhy wired to the REAL main-side handler table (createHandlers over a real AppContext: real services,
 * real SQLite) in place of Electron's ipc. Everything runs on 127.0.0.1.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createAppContext, type AppContext, type AppContextOptions } from '../../main/app-context';
import { createLiveSocketSource } from '../../main/adapters/sockets';
import { dispatch } from '../../main/ipc/dispatch';
import { updateSettings } from '../../main/services/settings';
import { createHandlers } from '../../main/ipc/handlers';
import type { Handlers } from '../../main/ipc/types';

const ROOT = resolve(__dirname, '../..');
const RENDERER = join(ROOT, 'out/renderer');
export const SCREENSHOTS = join(ROOT, 'docs/screenshots');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Why the browser tests cannot run here, or null when they can. On CI (CI=true) a missing browser or build is an
 * error, not a skip: .ci/run installs Chromium and npm test builds first, so a skip there would hide a broken setup.
 */
export function browserUnavailableReason(): string | null {
  let reason: string | null = null;
  if (!existsSync(CHROMIUM)) reason = `no Chromium at ${CHROMIUM} (apt-get install -y chromium)`;
  else if (!existsSync(join(RENDERER, 'index.html'))) reason = 'renderer not built (run `npm run build` first)';
  if (reason && process.env['CI']) throw new Error(`Real-browser tests cannot run on CI: ${reason}`);
  return reason;
}

let bridgeScript: string | undefined;
function bridge(): string {
  bridgeScript ??= buildSync({
    entryPoints: [join(__dirname, 'browser/bridge.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    target: 'chrome120',
  }).outputFiles[0]!.text;
  return bridgeScript;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

function serveRenderer(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(RENDERER, path === '/' ? 'index.html' : path));
    if (!file.startsWith(RENDERER) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      done({ server, url: `http://127.0.0.1:${port}/index.html` });
    }),
  );
}

export interface LaunchOptions extends Partial<Omit<AppContextOptions, 'emit' | 'info'>> {
  systemLanguage?: string;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** Default false: no reverse DNS or RDAP unless the test serves them on 127.0.0.1 (pass `intel` overrides). */
  onlineLookups?: boolean;
  /** Default true: the first-run notice about online lookups has been answered. */
  onlineNoticeSeen?: boolean;
  /** Runs against the context before the page loads (seed the database, change settings …). */
  seed?: (ctx: AppContext) => void | Promise<void>;
  /** Replaces handlers before the page loads (a test of how the window copes with main failing). */
  adjustHandlers?: (handlers: Handlers) => void;
}

export interface LaunchedApp {
  page: Page;
  ctx: AppContext;
  handlers: Handlers;
  dataDir: string;
  /** Errors the page logged (uncaught exceptions, console.error): tests assert there are none. */
  pageErrors: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

let browser: Browser | undefined;

async function sharedBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

export async function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'netwhy-e2e-'));
  // Events emitted before the page exists are dropped: the page asks for the current state when it loads.
  const target: { page?: Page } = {};
  const ctx = createAppContext({
    databasePath: options.databasePath ?? join(dataDir, 'netwhy.sqlite'),
    socketSource: options.socketSource ?? createLiveSocketSource(),
    ...(options.now ? { now: options.now } : {}),
    ...(options.intel ? { intel: options.intel } : {}),
    ...(options.desktop ? { desktop: options.desktop } : {}),
    info: { version: 'e2e', platform: process.platform, dataDir, systemLanguage: options.systemLanguage ?? 'en-US' },
    // Big imports parse on the worker the build put beside the app's main process, as in the app.
    parseWorker: join(ROOT, 'out/main/import-worker.js'),
    emit: (event, payload) => {
      void target.page
        ?.evaluate(([e, p]) => window.__netwhyEmit?.(e, p), [event, payload] as const)
        .catch(() => undefined);
    },
  });
  // The network is closed to tests: online lookups stay off (and the first-run notice answered) unless a test
  // turns them on, pointing intel at its own 127.0.0.1 servers.
  updateSettings(ctx.db, {
    onlineLookups: options.onlineLookups ?? false,
    onlineNoticeSeen: options.onlineNoticeSeen ?? true,
  });
  await options.seed?.(ctx);
  const handlers = createHandlers(ctx);
  options.adjustHandlers?.(handlers);
  const { server, url } = await serveRenderer();
  const b = await sharedBrowser();
  const context = await b.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    locale: options.systemLanguage ?? 'en-US',
  });
  const page = await context.newPage();
  target.page = page;
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await page.exposeBinding('__netwhyInvoke', async (_source, channel: string, payload: unknown) =>
    dispatch(handlers, channel, payload === null ? undefined : payload),
  );
  await page.addInitScript({ content: bridge() });
  await page.goto(url);
  const p = page;
  return {
    page: p,
    ctx,
    handlers,
    dataDir,
    pageErrors,
    async screenshot(name) {
      const file = join(SCREENSHOTS, `${name}.png`);
      await p.screenshot({ path: file });
      return file;
    },
    async close() {
      await context.close();
      await new Promise<void>((done) => server.close(() => done()));
      ctx.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
