import { afterAll, describe, expect, it } from 'vitest';
import { updateSettings } from '../../main/services/settings';
import { browserUnavailableReason, closeBrowser, launchApp } from './harness';

const skip = browserUnavailableReason();
if (skip) console.warn(`[e2e] skipped: ${skip}`);

describe.skipIf(skip !== null)('Start-up in a real browser', () => {
  afterAll(async () => {
    await closeBrowser();
  });

  it('still opens, in the user language, when the single start-up request fails', async () => {
    let failed = 0;
    const app = await launchApp({
      socketSource: { poll: async () => [] },
      seed: (ctx) => void updateSettings(ctx.db, { language: 'ja' }),
      adjustHandlers: (handlers) => {
        handlers['app.start'] = () => {
          failed++;
          throw new Error('timeline query failed');
        };
      },
    });
    try {
      // The app asked once, got an error, then asked for settings and app info on their own and rendered.
      await app.page.getByTestId('nav-settings').waitFor();
      expect(failed).toBe(1);
      expect(await app.page.getByTestId('nav-settings').textContent()).toContain('設定');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
