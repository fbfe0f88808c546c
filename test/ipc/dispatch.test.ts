import { describe, expect, it } from 'vitest';
import { createAppContext } from '../../main/app-context';
import { dispatch, IpcInputError } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { createApi } from '../../preload/api';
import { INVOKE_CHANNELS } from '../../preload/contract';

function context() {
  return createAppContext({
    databasePath: ':memory:',
    info: { version: 'test', platform: 'linux', dataDir: '/tmp', systemLanguage: 'ja-JP' },
    socketSource: { poll: async () => [] },
    emit: () => undefined,
  });
}

describe('ipc dispatch', () => {
  it('has a handler for every channel of the contract', () => {
    const ctx = context();
    const handlers = createHandlers(ctx);
    for (const c of INVOKE_CHANNELS) expect(typeof handlers[c]).toBe('function');
    ctx.close();
  });

  it('gives the renderer one function per channel of the contract, and only those', () => {
    // The preload builds window.netwhy from preload/channels.ts (names only, no zod): a channel missing there would
    // be a feature that cannot reach main.
    const api = createApi(
      async () => undefined,
      () => () => undefined,
    ) as unknown as Record<string, unknown>;
    const offered = Object.entries(api).flatMap(([ns, methods]) =>
      typeof methods === 'object' && methods ? Object.keys(methods).map((m) => `${ns}.${m}`) : [],
    );
    expect(offered.sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(() => (api['on'] as (e: string, l: () => void) => void)('fs.changed', () => undefined)).toThrow();
  });

  it('rejects unknown channels and payloads that do not match the schema, saying where', async () => {
    const ctx = context();
    const handlers = createHandlers(ctx);
    await expect(dispatch(handlers, 'fs.readFile', '/etc/passwd')).rejects.toThrow(IpcInputError);
    await expect(dispatch(handlers, 'settings.update', { theme: 'purple' })).rejects.toThrow(/settings.update: theme/);
    await expect(dispatch(handlers, 'settings.update', { injected: true })).rejects.toThrow(/Invalid payload/);
    await expect(dispatch(handlers, 'sockets.history', { from: 'yesterday', to: 1 })).rejects.toThrow(/from/);
    ctx.close();
  });

  it('changes only the settings a patch names (privacy: switching language keeps online lookups off)', async () => {
    const ctx = context();
    const handlers = createHandlers(ctx);
    await dispatch(handlers, 'settings.update', {
      onlineLookups: false,
      onlineNoticeSeen: true,
      closeWaitStuckSec: 300,
    });
    const after = (await dispatch(handlers, 'settings.update', { language: 'ja' })) as Record<string, unknown>;
    expect(after).toMatchObject({
      language: 'ja',
      onlineLookups: false,
      onlineNoticeSeen: true,
      closeWaitStuckSec: 300,
    });
    expect(await dispatch(handlers, 'settings.get', undefined)).toMatchObject({ onlineLookups: false, language: 'ja' });
    ctx.close();
  });

  it('passes a valid payload through to the service', async () => {
    const ctx = context();
    const handlers = createHandlers(ctx);
    const updated = (await dispatch(handlers, 'settings.update', { language: 'en' })) as { language: string };
    expect(updated.language).toBe('en');
    expect(await dispatch(handlers, 'app.info', undefined)).toMatchObject({
      systemLanguage: 'ja-JP',
      databasePath: ':memory:',
    });
    ctx.close();
  });
});
