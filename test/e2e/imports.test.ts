import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostsSummaryState } from '../../main/db/repos/hosts';
import { generateNetfilterLog } from '../../scripts/netfilter-log';
import { browserUnavailableReason, closeBrowser, launchApp, type LaunchedApp } from './harness';

const skip = browserUnavailableReason();
if (skip) console.warn(`[e2e] skipped: ${skip}`);

const FIXTURE = join(__dirname, '../fixtures/logs/netfilter.log');

/**
 * A real drop of a real file: the page gets a File in a DataTransfer (no path, as in any browser). With `drag`, the
 * file is first dragged over the screen, and the drop overlay must show.
 */
async function dropFile(
  page: Page,
  file: { name: string; bytes: number[]; type: string },
  drag: boolean,
): Promise<void> {
  const dataTransfer = await page.evaluateHandle((f) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
    return dt;
  }, file);
  if (drag) {
    await page.dispatchEvent('[data-testid="imports-screen"]', 'dragenter', { dataTransfer });
    await page.dispatchEvent('[data-testid="imports-screen"]', 'dragover', { dataTransfer });
    await page.getByTestId('imports-drop-overlay').waitFor();
  }
  await page.dispatchEvent('h1', 'drop', { dataTransfer });
}

/**
 * What would look broken in the past-imports table: the table wider than its box (a sideways scrollbar, Remove
 * cut off), or a badge, button, number, date or header broken over lines ("完/了", "削/除", "95 / %").
 */
async function tableProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const table = document.querySelector('[data-testid="imports-table"]') as HTMLElement;
    const box = table.parentElement as HTMLElement;
    const problems: string[] = [];
    if (box.scrollWidth > box.clientWidth) problems.push(`table ${box.scrollWidth}px wide in ${box.clientWidth}px`);
    const whole = table.querySelectorAll(
      'th, .badge, button.button, td.num, [data-testid="import-range"] > div:not(.imports-zone), [data-testid="import-family"] > div',
    );
    for (const el of Array.from(whole)) {
      if (el.classList.contains('imports-sr') || el.querySelector('.imports-sr')) continue;
      const range = document.createRange();
      range.selectNodeContents(el);
      const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
      if (lines.size > 1) problems.push(`"${el.textContent}" on ${lines.size} lines`);
    }
    return problems;
  });
}

describe.skipIf(skip !== null)('Imports screen in a real browser', () => {
  let app: LaunchedApp;

  beforeAll(async () => {
    app = await launchApp();
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('explains what to import while nothing is imported', async () => {
    const { page } = app;
    await page.getByTestId('nav-imports').click();
    await expect.poll(() => page.getByTestId('imports-empty').textContent()).toMatch(/Drop your router's log here/);
  });

  it('imports a log file dropped onto the window: detection, progress bar, finished import with its counts', async () => {
    const { page } = app;
    await dropFile(page, { name: 'netfilter.log', bytes: [...readFileSync(FIXTURE)], type: 'text/plain' }, true);

    await page.getByTestId('import-preview').waitFor();
    await expect.poll(() => page.getByTestId('import-detected').textContent()).toContain('netfilter');
    expect(await page.getByTestId('import-confidence').textContent()).toMatch(/^confidence \d+%$/);
    await page.getByTestId('import-year').fill('2026');
    await page.getByTestId('import-zone').selectOption('Asia/Tokyo');
    await page.getByTestId('import-start').click();

    const bar = page.getByTestId('import-progress-bar');
    await bar.waitFor();
    await expect.poll(() => bar.getAttribute('aria-valuenow'), { timeout: 15_000 }).toBe('100');
    await expect
      .poll(() => page.getByTestId('import-notice').textContent())
      .toMatch(/Imported netfilter\.log: \d+ events/);

    const stored = await app.handlers['imports.list'](undefined);
    expect(stored).toHaveLength(1);
    const imp = stored[0];
    expect(imp).toMatchObject({ fileName: 'netfilter.log', family: 'netfilter', zone: 'Asia/Tokyo', status: 'done' });
    expect(imp?.parsed).toBeGreaterThan(0);
    const row = page.getByTestId(`import-row-${imp?.id}`);
    await row.waitFor();
    expect(await row.getByTestId('import-lines').textContent()).toBe(String(imp?.lines));
    expect(await row.getByTestId('import-parsed').textContent()).toBe(String(imp?.parsed));
    expect(await row.getByTestId('import-unknown').textContent()).toBe(String(imp?.unknown));
    expect(await row.textContent()).toContain('Asia/Tokyo');
    // Let the bar's width transition finish before the picture.
    await page.waitForTimeout(400);
    await app.screenshot('imports');
  });

  it('says a second drop of the same file adds nothing', async () => {
    const { page } = app;
    await dropFile(page, { name: 'netfilter.log', bytes: [...readFileSync(FIXTURE)], type: 'text/plain' }, false);
    await page.getByTestId('import-start').click();
    await expect
      .poll(() => page.getByTestId('import-notice').textContent())
      .toMatch(/imported before.*nothing was added/);
    expect(await app.handlers['imports.list'](undefined)).toHaveLength(1);
  });

  it('drops the same log grown by two lines: only those are added, and the list says so in English and Japanese', async () => {
    const { page } = app;
    const fixture = readFileSync(FIXTURE, 'utf8');
    const lines = fixture.split('\n').filter(Boolean);
    const grown = Buffer.from(fixture + lines.slice(0, 2).join('\n') + '\n');
    await dropFile(page, { name: 'netfilter.log', bytes: [...grown], type: 'text/plain' }, false);
    await page.getByTestId('import-start').click();
    await expect
      .poll(() => page.getByTestId('import-notice').textContent())
      .toMatch(/Imported netfilter\.log: 2 events from 2 lines/);
    const list = await app.handlers['imports.list'](undefined);
    const first = list.find((i) => i.continuesImport === null);
    const added = list.find((i) => i.continuesImport !== null);
    expect(added).toMatchObject({ continuesImport: first?.id, firstLine: lines.length + 1, lines: 2, parsed: 2 });
    const note = page.getByTestId(`import-continues-${added?.id}`);
    await expect
      .poll(() => note.textContent())
      .toBe(`adds lines ${lines.length + 1}–${lines.length + 2} to import #${first?.id} (the file grew)`);
    await page.evaluate(() => window.netwhy.settings.update({ language: 'ja' }));
    await expect
      .poll(() => note.textContent())
      .toBe(`インポート #${first?.id} の続き（${lines.length + 1}〜${lines.length + 2} 行目、ファイルに追記された分）`);
    await page.evaluate(() => window.netwhy.settings.update({ language: 'en' }));
  });

  it('imports pasted lines and opens their skipped lines with line numbers and reasons', async () => {
    const { page } = app;
    const lines = readFileSync(FIXTURE, 'utf8').split('\n').filter(Boolean).slice(0, 2);
    await page.getByText('Or paste log lines').click();
    await page.getByTestId('imports-paste').fill([lines[0], 'this is not a log line ###', lines[1]].join('\n'));
    await page.getByRole('button', { name: 'Read pasted text' }).click();
    await page.getByTestId('import-start').click();
    await expect
      .poll(() => page.getByTestId('import-notice').textContent())
      .toBe('Imported pasted text: 2 events from 3 lines. 1 line was not understood.');
    const pasted = (await app.handlers['imports.list'](undefined)).find((i) => i.source === 'paste');
    await page.getByTestId(`import-open-${pasted?.id}`).click();
    const skipped = page.getByTestId('skipped-line');
    await expect.poll(() => skipped.count()).toBe(1);
    expect(await skipped.first().textContent()).toMatch(/^2.*this is not a log line/);
    expect(app.pageErrors).toEqual([]);
  });
  it('fits the past imports in a 1024 px window in English and Japanese, a long file name wrapped with its full name kept', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    const longName = 'Aterm_WX3600HP_システムログ_2026-11-21_エクスポート_full_backup_copy.log';
    const lines = readFileSync(FIXTURE, 'utf8').split('\n').filter(Boolean).slice(0, 5);
    const bytes = [...Buffer.from([...lines, 'a line of some other kind'].join('\n') + '\n')];
    await dropFile(page, { name: longName, bytes, type: 'text/plain' }, false);
    await page.getByTestId('import-start').click();
    await expect.poll(() => page.getByTestId('import-notice').textContent()).toMatch(/Imported Aterm_WX3600HP/);
    const imp = (await app.handlers['imports.list'](undefined)).find((i) => i.fileName === longName);
    const name = page.getByTestId(`import-open-${imp?.id}`);
    await name.waitFor();
    expect(await name.getAttribute('title')).toBe(longName);
    // At most two lines of the name show, so the row stays short; the title holds the rest.
    const lineHeight = await name.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    expect((await name.boundingBox())?.height).toBeLessThanOrEqual(lineHeight * 2 + 1);
    const row = page.getByTestId(`import-row-${imp?.id}`);
    expect(await tableProblems(page)).toEqual([]);
    expect(await row.getByTestId('import-family').textContent()).toMatch(/^netfilter\d+%$/);
    expect(await row.textContent()).toContain('UTC');

    await page.evaluate(() => window.netwhy.settings.update({ language: 'ja' }));
    await expect.poll(() => row.getByRole('button', { name: '削除' }).count()).toBe(1);
    expect(await tableProblems(page)).toEqual([]);
    expect(await row.locator('.badge').textContent()).toBe('完了');
    await page.evaluate(() => window.netwhy.settings.update({ language: 'en' }));
    await expect.poll(() => row.getByRole('button', { name: 'Remove' }).count()).toBe(1);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(app.pageErrors).toEqual([]);
  });

  it('opens skipped lines right under the clicked row, in view and focused, and Escape closes them', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    const first = (await app.handlers['imports.list'](undefined)).find(
      (i) => i.fileName === 'netfilter.log' && i.continuesImport === null,
    );
    const link = page.getByTestId(`import-open-${first?.id}`);
    // The oldest import is the bottom row: the one a user reaches last, and the panel opened far above it before.
    await link.scrollIntoViewIfNeeded();
    await link.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('import-skipped');
    const title = page.getByTestId('import-skipped-title');
    await expect.poll(() => page.getByTestId('skipped-line').count()).toBe(2);
    expect(await title.textContent()).toBe('Skipped lines of netfilter.log');
    expect(await title.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await link.getAttribute('aria-expanded')).toBe('true');
    // Directly under its row, and on screen.
    const rowBox = await page.getByTestId(`import-row-${first?.id}`).boundingBox();
    const box = await panel.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(rowBox!.y + rowBox!.height - 1);
    expect(box!.y).toBeLessThan(rowBox!.y + rowBox!.height + 20);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(701);

    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await link.getAttribute('aria-expanded')).toBe('false');

    // In Japanese, by mouse; Close also returns the focus to the link.
    await page.evaluate(() => window.netwhy.settings.update({ language: 'ja' }));
    await link.click();
    await expect.poll(() => title.textContent()).toBe('「netfilter.log」の読めなかった行');
    await page.getByTestId('import-skipped-close').click();
    await expect.poll(() => panel.count()).toBe(0);
    expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.evaluate(() => window.netwhy.settings.update({ language: 'en' }));
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(app.pageErrors).toEqual([]);
  });

  it("says why lines were skipped in plain English and Japanese, with the parser's own words beside for experts", async () => {
    const { page } = app;
    const list = await app.handlers['imports.list'](undefined);
    const masked = list.find((i) => i.fileName === 'netfilter.log' && i.continuesImport === null);
    await page.getByTestId(`import-open-${masked?.id}`).click();
    const reason = page.getByTestId('skipped-reason');
    const detail = page.getByTestId('skipped-reason-detail');
    await expect.poll(() => reason.count()).toBe(2);
    // The fixture's two skipped lines have addresses masked as xx:xx… and X.X.X.X, as some routers write them.
    expect(await reason.first().textContent()).toBe(
      'The addresses cannot be read. Some routers hide them with *** or xxx in their logs.',
    );
    expect(await detail.first().textContent()).toBe('netfilter line without SRC/DST addresses');
    await page.evaluate(() => window.netwhy.settings.update({ language: 'ja' }));
    await expect
      .poll(() => reason.first().textContent())
      .toBe('アドレスを読み取れません。ルーターによっては、ログのアドレスを *** や xxx で隠しています。');
    expect(await detail.first().textContent()).toBe('netfilter line without SRC/DST addresses');
    await page.keyboard.press('Escape');

    const pasted = list.find((i) => i.source === 'paste');
    await page.getByTestId(`import-open-${pasted?.id}`).click();
    await expect
      .poll(() => reason.first().textContent())
      .toBe('接続の記録ではありません。同じログにある別の種類のメッセージです（問題ありません）');
    await page.evaluate(() => window.netwhy.settings.update({ language: 'en' }));
    await expect
      .poll(() => reason.first().textContent())
      .toBe('Not a connection: another kind of message in the same log (nothing is wrong)');
    expect(await detail.first().textContent()).toBe('no IN=/OUT= fields');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('import-skipped').count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });

  it('says calmly when a log held no connection (addresses masked), with where to look, in English and Japanese', async () => {
    const { page } = app;
    const bytes = [...readFileSync(join(__dirname, '../fixtures/logs/aterm.log'))];
    await dropFile(page, { name: 'aterm.log', bytes, type: 'text/plain' }, false);
    await page.getByTestId('import-start').click();
    const notice = page.getByTestId('import-notice').first();
    await expect
      .poll(() => notice.textContent())
      .toMatch(/^No connections were found in aterm\.log: \d+ lines? w(as|ere) skipped\./);
    expect(await notice.getAttribute('class')).toContain('banner-info');
    await page.evaluate(() => window.netwhy.settings.update({ language: 'ja' }));
    await expect.poll(() => notice.textContent()).toMatch(/^「aterm\.log」には接続の記録が見つかりませんでした。/);
    await page.evaluate(() => window.netwhy.settings.update({ language: 'en' }));
  });

  it('asks before Remove deletes an import and its events; Escape and Cancel keep them, in English and Japanese', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    const longName = 'Aterm_WX3600HP_システムログ_2026-11-21_エクスポート_full_backup_copy.log';
    const before = await app.handlers['imports.list'](undefined);
    const index = before.findIndex((i) => i.fileName === longName);
    const imp = before[index]!;
    expect(imp.parsed).toBeGreaterThan(1);
    const remove = page.getByTestId(`import-remove-${imp.id}`);
    const confirm = page.getByTestId('import-remove-confirm');
    const stored = async (): Promise<boolean> =>
      (await app.handlers['imports.list'](undefined)).some((i) => i.id === imp.id);

    // One click only asks; the focus waits on Cancel, and Escape keeps everything.
    await remove.click();
    expect(await page.getByTestId('import-remove-question').textContent()).toBe(
      `Remove ${longName} and its ${imp.parsed} events? This cannot be undone.`,
    );
    expect(await page.getByTestId('import-remove-no').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await tableProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await remove.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await stored()).toBe(true);

    await page.evaluate(() => window.netwhy.settings.update({ language: 'ja' }));
    await remove.click();
    await expect
      .poll(() => page.getByTestId('import-remove-question').textContent())
      .toBe(`「${longName}」とそのイベント ${imp.parsed} 件を削除しますか？削除すると元に戻せません。`);
    expect(await page.getByTestId('import-remove-yes').textContent()).toBe('削除する');
    expect(await tableProblems(page)).toEqual([]);
    await page.getByTestId('import-remove-no').click();
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await stored()).toBe(true);
    await page.evaluate(() => window.netwhy.settings.update({ language: 'en' }));

    // Confirmed: the import and its events go, and the focus moves to the import now in its place.
    await remove.click();
    await page.getByTestId('import-remove-yes').click();
    await expect.poll(() => page.getByTestId(`import-row-${imp.id}`).count()).toBe(0);
    expect(await stored()).toBe(false);
    const next = before[index + 1]!;
    expect(await page.getByTestId(`import-open-${next.id}`).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(app.pageErrors).toEqual([]);
  });

  it('the preview takes the focus, says why a 2-digit year cannot be used, offers common zones first; Discard returns to Choose file', async () => {
    const { page } = app;
    const bytes = [...readFileSync(join(__dirname, '../fixtures/logs/fortigate.log'))];
    await dropFile(page, { name: 'fortigate.log', bytes, type: 'text/plain' }, false);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('import-preview-title');

    const year = page.getByTestId('import-year');
    await year.fill('26');
    expect(await page.getByTestId('import-year-hint').textContent()).toMatch(/^Enter a 4-digit year, e\.g\. \d{4}, /);
    expect(await year.getAttribute('aria-describedby')).toBe('import-year-hint');
    expect(await page.getByTestId('import-start').isDisabled()).toBe(true);
    await page.evaluate(() => window.netwhy.settings.update({ language: 'ja' }));
    await expect
      .poll(() => page.getByTestId('import-year-hint').textContent())
      .toMatch(/^年は 4 桁の数字で入力してください（例: \d{4}）/);
    expect(await page.getByTestId('import-confidence').textContent()).toMatch(/^信頼度 \d+%$/);
    await page.evaluate(() => window.netwhy.settings.update({ language: 'en' }));
    await year.fill('2026');
    expect(await page.getByTestId('import-year-hint').count()).toBe(0);
    expect(await page.getByTestId('import-start').isDisabled()).toBe(false);

    const common = await page
      .getByTestId('import-zone')
      .locator('optgroup')
      .first()
      .locator('option')
      .allTextContents();
    expect(common).toEqual(expect.arrayContaining(['Asia/Tokyo', 'UTC', 'America/New_York', 'Europe/London']));
    expect(common.length).toBeLessThan(15);

    await page.getByTestId('import-discard').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Choose file…');
  });

  it('imports a log once when Import is double-clicked', async () => {
    const { page } = app;
    const bytes = [...readFileSync(join(__dirname, '../fixtures/logs/pfsense.log'))];
    await dropFile(page, { name: 'pfsense.log', bytes, type: 'text/plain' }, false);
    await page.getByTestId('import-start').dblclick();
    // The focus follows to the new import's panel, not to <body> as the preview goes away.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('import-progress');
    await expect.poll(() => page.getByTestId('import-notice').first().textContent()).toMatch(/pfsense\.log/);
    await app.ctx.imports.idle();
    const stored = (await app.handlers['imports.list'](undefined)).filter((i) => i.fileName === 'pfsense.log');
    expect(stored).toHaveLength(1);
    expect(await page.getByTestId('import-notice').allTextContents()).toEqual([
      expect.stringMatching(/^Imported pfsense\.log: /),
    ]);
  });

  it('says why a dropped photo cannot be imported, in English and in Japanese', async () => {
    const { page } = app;
    // The start of a JPEG, as when the user drops a screenshot of the router's log page instead of the log.
    const jpeg = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01];
    await dropFile(page, { name: 'router-log.jpg', bytes: jpeg, type: 'image/jpeg' }, true);
    const error = page.getByTestId('import-file-error');
    await expect
      .poll(() => error.textContent())
      .toBe(
        'router-log.jpg is not a text log (it holds binary data). Save or export the log as text from the router or ' +
          'firewall, and import that.',
      );
    await page.evaluate(() => window.netwhy.settings.update({ language: 'ja' }));
    await expect.poll(() => error.textContent()).toMatch(/^「router-log\.jpg」はテキストのログではありません/);
    await page.evaluate(() => window.netwhy.settings.update({ language: 'en' }));
    expect(app.pageErrors).toEqual([]);
  });

  it('says an import failed before reading anything without a bar at "100 % · 0 B of 0 B", in English and Japanese', async () => {
    const { page } = app;
    const jpeg = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01];
    await dropFile(page, { name: 'router-log.jpg', bytes: jpeg, type: 'image/jpeg' }, false);
    // The user insists: read it as netfilter anyway.
    await page.getByTestId('import-preview').getByTestId('import-format').selectOption('netfilter');
    await page.getByTestId('import-start').click();
    const panel = page.getByTestId('import-progress').first();
    await expect.poll(() => panel.getAttribute('data-state')).toBe('failed');
    expect(await panel.getByTestId('import-progress-title').textContent()).toBe('Import of router-log.jpg failed');
    expect(await panel.getByTestId('import-progress-bar').count()).toBe(0);
    expect(await panel.textContent()).not.toMatch(/0 B/);
    expect(await page.getByTestId('import-notice').first().textContent()).toMatch(/is not a text log/);
    await page.evaluate(() => window.netwhy.settings.update({ language: 'ja' }));
    await expect
      .poll(() => panel.getByTestId('import-progress-title').textContent())
      .toBe('「router-log.jpg」を読み込めませんでした');
    await page.evaluate(() => window.netwhy.settings.update({ language: 'en' }));
  });

  it('a big paste moves its progress bar as it is stored, as a file does', async () => {
    const { page } = app;
    const file = join(app.dataDir, 'paste.log');
    await generateNetfilterLog(file, Number.POSITIVE_INFINITY, 5_000_000, true);
    await page.getByTestId('nav-imports').click();
    // Open, whether or not the paste test before left it open (a click on its summary would close it).
    await page.locator('details.imports-paste').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    // As a paste puts it there, in one go (typing 5 MB through fill() takes longer than the test may).
    await page.getByTestId('imports-paste').evaluate(
      (el, text) => {
        Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(el, text);
        el.dispatchEvent(new Event('input', { bubbles: true }));
      },
      readFileSync(file, 'utf8'),
    );
    await page.getByRole('button', { name: 'Read pasted text' }).click();
    await page.getByTestId('import-preview').waitFor();
    // Every value the bar shows, as the window shows it (a poll from here could miss a short import's middle).
    await page.evaluate(() => {
      const shown: string[] = [];
      (window as unknown as { barValues: string[] }).barValues = shown;
      new MutationObserver(() => {
        const v = document.querySelector('[data-testid="import-progress-bar"]')?.getAttribute('aria-valuenow');
        if (v && shown.at(-1) !== v) shown.push(v);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByTestId('import-start').click();
    const panel = page.getByTestId('import-progress').first();
    await expect.poll(() => panel.getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    const shown = await page.evaluate(() => (window as unknown as { barValues: string[] }).barValues);
    const between = shown.map(Number).filter((v) => v > 0 && v < 100);
    expect(between.length, `bar values: ${shown.join(', ')}`).toBeGreaterThanOrEqual(2);
    expect(shown.at(-1)).toBe('100');
    expect(app.pageErrors).toEqual([]);
  }, 120_000);
});

describe.skipIf(skip !== null)('Imports screen with a big log, dropped as in Electron (by path)', () => {
  let app: LaunchedApp;
  // Files the page drops by name, found on disk by main as Electron's webUtils.getPathForFile lets it: the parse
  // worker then reads them while main stays responsive, as in the app (a plain browser sends bytes instead).
  const onDisk = new Map<string, string>();
  // The jobs started by path, for a cancel from here at a known point (a click lands at no predictable line).
  const jobIds: number[] = [];

  beforeAll(async () => {
    app = await launchApp({
      viewport: { width: 1024, height: 700 },
      adjustHandlers: (h) => {
        const { 'imports.detect': detect, 'imports.start': start, 'imports.startBytes': startBytes } = h;
        h['imports.detect'] = (input) => {
          const path = 'name' in input ? onDisk.get(input.name) : undefined;
          return detect(path ? { path } : input);
        };
        h['imports.startBytes'] = (input) => {
          const path = onDisk.get(input.name);
          if (!path) return startBytes(input);
          const { name: _name, dataBase64: _data, source: _source, ...options } = input;
          const reply = start({ path, ...options });
          void Promise.resolve(reply).then((r) => jobIds.push(r.jobId));
          return reply;
        };
      },
    });
    const file = join(app.dataDir, 'big.log');
    await generateNetfilterLog(file, 200_000, Number.POSITIVE_INFINITY, true);
    onDisk.set('big.log', file);
    await app.page.getByTestId('nav-imports').click();
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  /** Drops a stand-in File of that name: main reads the real one from disk. */
  const dropBig = (): Promise<void> =>
    dropFile(app.page, { name: 'big.log', bytes: [0x0a], type: 'text/plain' }, false);

  it('a cancelled import shows where it stopped and says "cancelled", not "finished / 100 %"', async () => {
    const { page } = app;
    await dropBig();
    await page.getByTestId('import-start').click();
    const panel = page.getByTestId('import-progress').first();
    // Cancel once the first lines are stored (a cancel before that stores nothing). Under load the window hears
    // of progress late, so a click could land after the end: the Cancel button's call is made from here.
    await panel.getByTestId('import-cancel').waitFor();
    await expect
      // The worker's start and first batch take well over the poll's default second on a loaded 2-core machine.
      .poll(async () => (await app.handlers['imports.list'](undefined)).find((i) => i.fileName === 'big.log')?.lines, {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    await page.evaluate((jobId) => window.netwhy.imports.cancel({ jobId }), jobIds.at(-1) ?? -1);
    await expect.poll(() => panel.getAttribute('data-state'), { timeout: 30_000 }).toBe('cancelled');
    expect(await panel.getByTestId('import-progress-title').textContent()).toBe('Import of big.log cancelled');
    const percent = Number(await panel.getByTestId('import-progress-bar').getAttribute('aria-valuenow'));
    expect(percent).toBeLessThan(100);
    expect(await panel.getByTestId('import-progress-bytes').textContent()).toMatch(
      new RegExp(`^Stopped at ${percent}% · [\\d.]+ [KM]B of [\\d.]+ MB$`),
    );
    expect(await panel.getByTestId('import-cancel').count()).toBe(0);
    const [row] = (await app.handlers['imports.list'](undefined)).filter((i) => i.fileName === 'big.log');
    expect(row?.status).toBe('cancelled');
    await page.evaluate(() => window.netwhy.settings.update({ language: 'ja' }));
    await expect
      .poll(() => panel.getByTestId('import-progress-title').textContent())
      .toBe('「big.log」の読み込みを中止しました');
    expect(await panel.getByTestId('import-progress-bytes').textContent()).toMatch(
      /^\d+%（[\d.]+ [KM]B \/ [\d.]+ MB）で止まりました$/,
    );
    await page.evaluate(() => window.netwhy.settings.update({ language: 'en' }));
    expect(app.pageErrors).toEqual([]);
  });

  it('a second import started while one runs: both keep their own panel, Cancel and notice', async () => {
    const { page } = app;
    const file = join(app.dataDir, 'other.log');
    // Another content than big.log (its first lines are the same: a shorter log of the same generator).
    await generateNetfilterLog(file, 150_000, Number.POSITIVE_INFINITY, false);
    onDisk.set('other.log', file);
    await dropFile(page, { name: 'other.log', bytes: [0x0a], type: 'text/plain' }, false);
    await page.getByTestId('import-start').click();
    const panels = page.getByTestId('import-progress');
    const other = panels.filter({ hasText: 'other.log' });
    await other.getByTestId('import-cancel').waitFor();

    await dropFile(page, { name: 'netfilter.log', bytes: [...readFileSync(FIXTURE)], type: 'text/plain' }, false);
    await page.getByTestId('import-start').click();
    const small = panels.filter({ hasText: 'netfilter.log' });
    await small.waitFor();
    // The first is still running, with its own bar and Cancel, beside the new one.
    expect(await panels.count()).toBe(2);
    expect(await other.getAttribute('data-state')).toBe('running');
    expect(await other.getByTestId('import-cancel').count()).toBe(1);
    expect(await other.getByTestId('import-progress-bar').count()).toBe(1);
    await expect.poll(() => small.getByTestId('import-notice').textContent()).toMatch(/^Imported netfilter\.log: /);

    await expect
      .poll(() => other.getByTestId('import-notice').textContent(), { timeout: 180_000 })
      .toMatch(/^Imported other\.log: 1\d\d,\d{3} events from 150,000 lines\./);
    expect(await other.getByTestId('import-progress-title').textContent()).toBe('Finished importing other.log');
    expect(await small.getByTestId('import-notice').count()).toBe(1);
    expect(app.pageErrors).toEqual([]);
  }, 240_000);

  it('dropping the cancelled file again says it continues that import as before, its options locked, in English and Japanese', async () => {
    const { page } = app;
    // The test before imported 150,000 lines of distinct addresses: the host summary rebuilds from them for half a
    // minute or more on a 2-core machine, and the preview's hashing of big.log shares the main process with it.
    // Wait until it is done, so the preview is not timed against that rebuild (README, Known gaps).
    await expect.poll(() => hostsSummaryState(app.ctx.db).current, { timeout: 180_000, interval: 500 }).toBe(true);
    await dropBig();
    const [row] = (await app.handlers['imports.list'](undefined)).filter((i) => i.fileName === 'big.log');
    expect(row?.status).toBe('cancelled');
    if (!row) return;
    const formatName = (await app.handlers['imports.formats'](undefined)).find((f) => f.id === row.family)?.name;
    const line = (row.lines + 1).toLocaleString('en-US');
    const resume = page.getByTestId('import-resume');
    await expect
      .poll(() => resume.textContent())
      .toBe(
        `Continues import #${row.id} from line ${line} (it was cancelled). ` +
          `It is read as before: ${formatName}, ${row.zone}, year ${row.year}.`,
      );
    expect(await page.getByTestId('import-start').textContent()).toBe('Continue import');
    // The choices shown are the stored ones, and picking others is not offered: they would not be used.
    for (const id of ['import-format', 'import-zone', 'import-year'])
      expect(await page.getByTestId(id).isDisabled()).toBe(true);
    expect(await page.getByTestId('import-format').inputValue()).toBe(row.family);
    expect(await page.getByTestId('import-zone').inputValue()).toBe(row.zone);
    expect(await page.getByTestId('import-year').inputValue()).toBe(String(row.year));
    await page.evaluate(() => window.netwhy.settings.update({ language: 'ja' }));
    await expect
      .poll(() => resume.textContent())
      .toBe(
        `インポート #${row.id} の続きを ${line} 行目から読み込みます（中止されていたため）。` +
          `前回と同じ形式・タイムゾーン・年で読み込みます：${formatName}、${row.zone}、${row.year} 年。`,
      );
    expect(await page.getByTestId('import-start').textContent()).toBe('続きを読み込む');
    await page.evaluate(() => window.netwhy.settings.update({ language: 'en' }));
    await page.getByTestId('import-discard').click();
    expect(app.pageErrors).toEqual([]);
  }, 300_000);

  it('resuming the cancelled import says "Preparing…" while it re-reads what it has, then finishes it', async () => {
    const { page } = app;
    await dropBig();
    await expect.poll(() => page.getByTestId('import-start').textContent()).toBe('Continue import');
    await page.getByTestId('import-start').click();
    const panel = page.getByTestId('import-progress').first();
    await expect.poll(() => panel.getByTestId('import-progress-preparing').textContent()).toBe('Preparing…');
    expect(await panel.getByTestId('import-progress-bar').getAttribute('aria-valuenow')).toBeNull();
    expect(await panel.textContent()).not.toMatch(/0 B/);
    await expect
      .poll(() => panel.getByTestId('import-progress-title').textContent(), { timeout: 180_000 })
      .toBe('Finished importing big.log');
    const [row] = (await app.handlers['imports.list'](undefined)).filter((i) => i.fileName === 'big.log');
    expect(row).toMatchObject({ status: 'done', lines: 200_000 });
  }, 240_000);
});
