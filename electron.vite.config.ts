import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { cspPlugin } from './scripts/csp-plugin';

/**
 * renderer/src/main.tsx imports the rest of the app (most of the bundle) dynamically, after asking main for the first
 * screen's data. A modulepreload link lets the browser fetch and compile that chunk while the small entry loads and
 * runs, instead of only once the entry asks for it.
 */
function preloadAppChunk(): Plugin {
  return {
    name: 'netwhy-preload-app-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        return (ctx.chunk?.dynamicImports ?? []).map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The `netwhy` CLI is built beside the app's main process from the same services, and so is the thread
        // big imports parse their log on (main/services/parsed-log.ts).
        input: {
          index: resolve(__dirname, 'main/index.ts'),
          cli: resolve(__dirname, 'main/cli.ts'),
          'import-worker': resolve(__dirname, 'main/import-worker.ts'),
        },
      },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin({ exclude: ['zod'] })],
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        // Sandboxed preloads cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react(), cspPlugin(), preloadAppChunk()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Half the bytes to parse before the first screen (940 -> 440 kB): first paint of the timeline, issue 6.
      minify: true,
      // main.tsx loads the rest of the app as a second chunk (see there); one stylesheet, linked from index.html,
      // rather than a second one fetched with that chunk.
      cssCodeSplit: false,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
