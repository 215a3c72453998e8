// Rendering an OFD with an independent viewer: ofd.js (0.2.6, Apache-2.0,
// from the npm registry) in Debian's Chromium, driven by playwright-core,
// served from a local server; nothing is downloaded.
//
// ofd.js draws text with the font named by the document's Font resource
// (FamilyName, else FontName) and does not load embedded font files itself,
// so the page it runs in registers the package's embedded fonts under those
// names (as an OFD reader does). The browser sees no other font: fontconfig
// is pointed at a configuration without font folders, so no system font can
// stand in for a glyph the embedded fonts lack.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { REPO_ROOT } from './project.js';
import type { OfdDocument } from './ofdReader.js';

export const CHROMIUM = '/usr/bin/chromium';
const OFD_JS = path.join(REPO_ROOT, 'node_modules/ofd.js/lib/ofd.umd.js');

const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<style>html,body{margin:0;padding:0;background:#fff}#page>div{margin:0!important}</style>
<script src="/ofd.umd.js"></script></head><body><div id="page"></div><script>
window.renderOfdPage = async (index, width, fonts) => {
  for (const f of fonts) document.fonts.add(await new FontFace(f.family, 'url(' + f.url + ')').load());
  const data = await (await fetch('/doc.ofd')).arrayBuffer();
  return await new Promise((resolve, reject) => ofd.parseOfdDocument({
    ofd: data,
    success(docs) {
      const divs = ofd.renderOfd(width, docs[0]);
      document.getElementById('page').appendChild(divs[index]);
      const box = divs[index].getBoundingClientRect();
      resolve({ pages: divs.length, width: Math.round(box.width), height: Math.round(box.height) });
    },
    fail(e) { reject(String(e)); },
  }));
};
</script></body></html>`;

export interface RenderedPage {
  png: Buffer;
  width: number;
  height: number;
  pages: number;
}

export interface RenderOptions {
  /** Register the package's embedded fonts (default true); false shows what the browser draws without them. */
  embeddedFonts?: boolean;
}

/** Pages `indices` (0-based) of the OFD file, rendered `width` CSS pixels wide. */
export async function renderOfdPages(file: string, doc: OfdDocument, indices: number[], width: number, options: RenderOptions = {}): Promise<RenderedPage[]> {
  const files = new Map<string, { type: string; body: Buffer }>([
    ['/', { type: 'text/html; charset=utf-8', body: Buffer.from(PAGE) }],
    ['/ofd.umd.js', { type: 'text/javascript', body: readFileSync(OFD_JS) }],
    ['/doc.ofd', { type: 'application/octet-stream', body: readFileSync(file) }],
  ]);
  const fonts: Array<{ family: string; url: string }> = [];
  if (options.embeddedFonts ?? true) {
    for (const f of doc.fonts.values()) {
      const url = `/fonts/${f.id}`;
      files.set(url, { type: 'font/sfnt', body: Buffer.from(f.data) });
      for (const family of new Set([f.familyName ?? f.fontName, f.fontName])) fonts.push({ family, url });
    }
  }
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const f = files.get((req.url ?? '/').split('?')[0]!);
    requests.push(req.url ?? '');
    if (!f) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': f.type }).end(f.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bulletin-ofdjs-'));
  mkdirSync(path.join(dir, 'profile'));
  writeFileSync(path.join(dir, 'fonts.conf'), `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><cachedir>${dir}/fc-cache</cachedir></fontconfig>`);
  const context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, FONTCONFIG_FILE: path.join(dir, 'fonts.conf'), HOME: dir },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: width + 40, height: Math.ceil((width * 297) / 210) + 40 },
    deviceScaleFactor: 1,
  });
  const outside: string[] = [];
  context.on('request', (r) => {
    if (!r.url().startsWith(`http://127.0.0.1:${port}/`) && !r.url().startsWith('data:')) outside.push(r.url());
  });
  try {
    const out: RenderedPage[] = [];
    for (const index of indices) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`http://127.0.0.1:${port}/`);
      const info = (await page.evaluate(([i, w, f]) => (globalThis as unknown as { renderOfdPage: (...a: unknown[]) => Promise<unknown> }).renderOfdPage(i, w, f), [index, width, fonts] as const)) as {
        pages: number;
        width: number;
        height: number;
      };
      if (errors.length > 0) throw new Error(`ofd.js: ${errors.join('; ')}`);
      const png = await page.locator('#page > div').screenshot({ animations: 'disabled' });
      out.push({ png, ...info });
      await page.close();
    }
    if (outside.length > 0) throw new Error(`the viewer asked for ${outside.join(', ')}`);
    return out;
  } finally {
    await context.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
