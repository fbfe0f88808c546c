import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, closeBrowser, launchApp, type LaunchedApp } from './harness';

const skip = browserUnavailableReason();
if (skip) console.warn(`[e2e] skipped: ${skip}`);

describe.skipIf(skip !== null)('Settings screen in a real browser', () => {
  let app: LaunchedApp;

  beforeAll(async () => {
    app = await launchApp({ socketSource: { poll: async () => [] } });
    await app.page.getByTestId('nav-settings').click();
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  const stored = async () => app.handlers['settings.get'](undefined);

  it('saves a number typed over the old one, even when its first digit alone is too small', async () => {
    const field = app.page.getByTestId('settings-close-wait');
    expect(await field.inputValue()).toBe('120');
    await field.click();
    await app.page.keyboard.press('Control+A');
    await app.page.keyboard.type('30');
    // Nothing is judged while typing: the "3" on the way to 30 is neither rejected nor saved.
    expect(await field.inputValue()).toBe('30');
    await app.page.keyboard.press('Enter');
    await expect.poll(async () => (await stored()).closeWaitStuckSec).toBe(30);
    expect(await field.inputValue()).toBe('30');
    expect(await app.page.getByTestId('settings-close-wait-error').count()).toBe(0);
  });

  it('keeps an empty or out-of-range entry on screen with a message naming the range, and saves nothing', async () => {
    const { page } = app;
    const field = page.getByTestId('settings-close-wait');
    await field.fill('');
    await field.blur();
    const error = page.getByTestId('settings-close-wait-error');
    await expect.poll(() => error.textContent()).toBe('Enter a whole number from 5 to 86,400. Nothing was saved.');
    expect(await field.inputValue()).toBe('');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect((await stored()).closeWaitStuckSec).toBe(30);

    const grace = page.getByTestId('settings-grace');
    await grace.fill('7200');
    await grace.press('Enter');
    await expect.poll(() => page.getByTestId('settings-grace-error').textContent()).toContain('from 0 to 3,600');
    expect((await stored()).closedGraceSec).toBe(30);

    // Fixing the entry saves it and the message goes.
    await field.fill('45');
    await field.press('Tab');
    await expect.poll(async () => (await stored()).closeWaitStuckSec).toBe(45);
    expect(await error.count()).toBe(0);
  });

  it('names the range in Japanese when the app speaks it', async () => {
    const { page } = app;
    await page.getByTestId('settings-language').selectOption('ja');
    const grace = page.getByTestId('settings-grace');
    await grace.fill('-1');
    await grace.press('Enter');
    await expect
      .poll(() => page.getByTestId('settings-grace-error').textContent())
      .toBe('0〜3,600 の整数を入力してください（まだ保存されていません）。');
    // Escape puts the saved value back.
    await grace.press('Escape');
    expect(await grace.inputValue()).toBe('30');
    await page.getByTestId('settings-language').selectOption('en');
  });

  it('shows no page errors', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
