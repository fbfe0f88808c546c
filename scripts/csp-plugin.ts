import type { Plugin } from 'vite';

/**
 * The renderer's Content-Security-Policy. Built pages get the strict policy; the dev server also needs inline
 * styles and its websocket for hot reload.
 */
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  // frame-ancestors is ignored in a <meta> policy; the window never loads in a frame anyway.
].join('; ');

const DEV_CSP = STRICT_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace(
  "connect-src 'self'",
  "connect-src 'self' ws://localhost:* http://localhost:*",
);

export function cspPlugin(): Plugin {
  let dev = false;
  return {
    name: 'netwhy-csp',
    configResolved(config) {
      dev = config.command === 'serve';
    },
    transformIndexHtml(html) {
      return html.replace('%NETWHY_CSP%', dev ? DEV_CSP : STRICT_CSP);
    },
  };
}
