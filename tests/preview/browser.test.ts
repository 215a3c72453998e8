// The preview in a real browser (Debian's chromium, driven by playwright-core;
// nothing downloaded): the pages as they will print, updated without a
// reload after a save, the problems panel while the YAML is broken (the old
// pages stay), a click on a line naming its article file and line, nothing
// written to out/, and Ctrl+C ending it cleanly.
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareIssue } from '../../src/build.js';
import { childEnv, start, type Started } from '../helpers/cli.js';
import { copySampleProject, loadProjectOrThrow } from '../helpers/project.js';

const CHROMIUM = '/usr/bin/chromium';

// What the functions run in the page see of it (the tests are typed without the DOM library).
interface PageElement {
  getAttribute(name: string): string | null;
}
declare const document: {
  body: { dataset: Record<string, string | undefined> };
  querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
  getElementById(id: string): PageElement | null;
};
declare const window: { scrollY: number; scrollTo(x: number, y: number): void };

/** The browser as the tests run it: headless, offline, with a fresh profile. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'bulletin-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1000, height: 1300 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Start `bulletin preview` in `root` and wait for its address. */
export async function startPreview(root: string, issue: string): Promise<{ p: Started; url: string }> {
  const p = start(root, ['preview', issue], childEnv());
  await p.waitFor(/预览：在浏览器中打开 http:\/\/127\.0\.0\.1:\d+\//, 90_000);
  const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(p.output())![0];
  return { p, url };
}

/** The text of page `n` as its text layer holds it. */
function pageText(page: Page, n: number): Promise<string> {
  return page.locator(`.page[data-page="${n}"] svg text`).evaluateAll((els) => els.map((e) => e.textContent).join(''));
}

/** Every file under `dir` with its size and modification time. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((n) => {
      const st = statSync(path.join(dir, n));
      return `${n}:${st.size}:${st.mtimeMs}`;
    });
}

describe('bulletin preview in chromium', () => {
  let root: string;
  let preview: { p: Started; url: string };
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let out: string;
  let outBefore: string[];
  const dir = () => path.join(root, 'issues/2024-08');

  beforeAll(async () => {
    root = copySampleProject();
    // A real build's outputs, which a preview must leave alone.
    out = path.join(root, 'out');
    mkdirSync(path.join(out, '2024-08'), { recursive: true });
    writeFileSync(path.join(out, '2024-08.pdf'), '%PDF-1.7 the real build\n');
    writeFileSync(path.join(out, '2024-08', '2024-08-01.png'), 'a page of the real build');
    outBefore = snapshot(out);
    preview = await startPreview(root, '2024-08');
    browser = await launchBrowser();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(preview.url);
    await page.waitForFunction(() => document.body.dataset.version === '1', null, { timeout: 60_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (preview && preview.p.child.exitCode === null) preview.p.child.kill('SIGKILL');
  });

  it('shows every page as it will print, the draft watermark on each', async () => {
    const layout = prepareIssue(loadProjectOrThrow(root), '2024-08', { drafts: true }).layout;
    expect(await page.locator('.page').count()).toBe(layout.pages.length);
    const first = await pageText(page, 1);
    expect(first).toContain('上海市邮政管理局联合市经信委公布2024年');
    expect(first).toContain('下一步，上海局将以此次案例征集选树工作为抓手');
    // The watermark is drawn (its glyphs), but is no text of the page.
    expect(await page.locator('.page[data-page="1"] svg > g[transform^="rotate("]').count()).toBeGreaterThan(0);
    expect(first).not.toContain('草稿');
    // Every glyph a page refers to is there to draw it.
    const missing = await page.evaluate(() =>
      [...document.querySelectorAll('.page use')].map((u) => u.getAttribute('xlink:href') ?? u.getAttribute('href') ?? '').filter((h) => !document.getElementById(h.slice(1))).length,
    );
    expect(missing).toBe(0);
    await page.screenshot({ path: path.join(root, 'first.png') });
  });

  it('puts a saved paragraph on the page without a reload, and the scroll stays', async () => {
    const pages = await page.locator('.page').count();
    await page.evaluate(() => {
      (window as unknown as { keptAcrossUpdates: number }).keptAcrossUpdates = 42;
      window.scrollTo(0, 2500);
    });
    const scrolled = await page.evaluate(() => window.scrollY);
    const version = Number(await page.evaluate(() => document.body.dataset.version));
    appendFileSync(path.join(dir(), '11-jitu-heat-prevention.md'), '\n预览测试追加的一段新文字，保存后应当立刻出现在最后一页上。\n');
    await page.waitForFunction((v) => Number(document.body.dataset.version) > v, version, { timeout: 30_000 });
    const last = await pageText(page, await page.locator('.page').count());
    expect(last).toContain('预览测试追加的一段新文字');
    expect(await page.evaluate(() => (window as unknown as { keptAcrossUpdates?: number }).keptAcrossUpdates)).toBe(42);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    expect(await page.locator('.page').count()).toBeGreaterThanOrEqual(pages);
  });

  it('lists a broken issue.yaml with its file and line, keeps the last good pages, and clears when fixed', async () => {
    const yaml = path.join(dir(), 'issue.yaml');
    const good = readFileSync(yaml, 'utf8');
    const before = await page.locator('#problem-list li').allTextContents();
    const pages = await page.locator('.page').count();
    writeFileSync(yaml, good.replace('date: 2024-08-26', 'date: [2024-08-26'));
    await page.waitForFunction(() => document.body.dataset.failed === 'true', null, { timeout: 30_000 });
    const errors = await page.locator('#problem-list li.error').allTextContents();
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(/^issues\/2024-08\/issue\.yaml:\d+:\d+: 错误: /m);
    expect(await page.locator('#failed').isVisible()).toBe(true);
    expect(await page.locator('.page').count()).toBe(pages);
    expect(await pageText(page, pages)).toContain('预览测试追加的一段新文字');
    await page.screenshot({ path: path.join(root, 'broken.png') });

    writeFileSync(yaml, good);
    await page.waitForFunction(() => document.body.dataset.failed === 'false', null, { timeout: 30_000 });
    expect(await page.locator('#problem-list li.error').count()).toBe(0);
    expect(await page.locator('#failed').isVisible()).toBe(false);
    expect(await page.locator('#problem-list li').allTextContents()).toEqual(before);
  });

  it('says which article file and line a clicked line of text came from', async () => {
    const line = page.locator('.page[data-page="1"] svg text[data-source*="01-manufacturing-cases.md"]').nth(3);
    await line.scrollIntoViewIfNeeded();
    const box = (await line.boundingBox())!;
    await page.mouse.click(box.x + 8, box.y + box.height / 2);
    const source = page.locator('#source');
    await expect.poll(() => source.getAttribute('data-file')).toBe('issues/2024-08/01-manufacturing-cases.md');
    const lineNo = Number(await source.getAttribute('data-line'));
    expect(await source.textContent()).toBe(`出自 issues/2024-08/01-manufacturing-cases.md 第 ${lineNo} 行`);
    // That line of the file holds the clicked text.
    const clicked = (await line.textContent())!;
    const fileLine = readFileSync(path.join(dir(), '01-manufacturing-cases.md'), 'utf8').split('\n')[lineNo - 1]!;
    expect(fileLine).toContain(clicked.slice(0, 4));
  });

  it('wrote nothing to out/, and stops cleanly on Ctrl+C', async () => {
    expect(snapshot(out)).toEqual(outBefore);
    expect(existsSync(path.join(out, '2024-08', '2024-08-02.png'))).toBe(false);
    const exited = new Promise<number | null>((resolve) => preview.p.child.once('exit', (code) => resolve(code)));
    preview.p.child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 30_000);
});
