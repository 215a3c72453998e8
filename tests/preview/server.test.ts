// The preview's server serves its page, its assets and the current pages,
// and nothing from disk: requests written byte for byte (node:net, so no
// client tidies the path first) for files by path are 404, and requests
// naming another host are refused (DNS rebinding).
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_TEXTS } from '../../src/preview/assets/page.js';
import { PreviewSession } from '../../src/preview/previewSession.js';
import { ownHost, startPreviewServer, type PreviewServer } from '../../src/preview/server.js';
import { copySampleProject, REPO_ROOT } from '../helpers/project.js';

interface RawResponse {
  status: number;
  headers: string;
  body: string;
}

/** Send `head` (the request line and headers, without the blank line) and read the whole answer. */
function raw(port: number, head: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('connect', () => socket.write(`${head}\r\nConnection: close\r\n\r\n`));
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [headers = '', body = ''] = text.split('\r\n\r\n', 2);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1] ?? 0), headers, body });
    });
  });
}

describe('the preview server', () => {
  let server: PreviewServer;
  let host: string;
  let session: PreviewSession;

  beforeAll(async () => {
    const root = copySampleProject();
    session = new PreviewSession({ root, issue: '2024-08', lang: 'zh' });
    await session.rebuild();
    server = await startPreviewServer({ port: 0, lang: 'zh', texts: PAGE_TEXTS.zh, issue: '2024-08', state: () => session.current, glyphs: session.glyphs });
    host = `127.0.0.1:${server.port}`;
  }, 120_000);

  afterAll(() => server?.close());

  it('listens on 127.0.0.1 only and prints that address', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it('serves its page, script, the pages and their glyphs', async () => {
    const pageView = await raw(server.port, `GET / HTTP/1.1\r\nHost: ${host}`);
    expect(pageView.status).toBe(200);
    expect(pageView.body).toContain('<script src="/preview.js" defer></script>');
    expect(pageView.headers).toMatch(/Content-Security-Policy: default-src 'none'/);
    expect((await raw(server.port, `GET /preview.js HTTP/1.1\r\nHost: localhost:${server.port}`)).status).toBe(200);
    const svg = await raw(server.port, `GET /pages/1.svg HTTP/1.1\r\nHost: ${host}`);
    expect(svg.status).toBe(200);
    expect(svg.body).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const id = /xlink:href="#(f\d+-\d+)"/.exec(svg.body)![1]!;
    const glyphs = await raw(server.port, `GET /glyphs?ids=${id},f99-1 HTTP/1.1\r\nHost: ${host}`);
    expect(glyphs.body).toMatch(new RegExp(`<path id="${id}" d="M`));
    expect(glyphs.body).not.toContain('f99-1');
    expect((await raw(server.port, `GET /pages/${session.current.pages.length + 1}.svg HTTP/1.1\r\nHost: ${host}`)).status).toBe(404);
  });

  it('sends a `pages` event on connecting and after each rebuild', async () => {
    const events: string[] = [];
    const socket = net.connect(server.port, '127.0.0.1');
    socket.write(`GET /events HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
    socket.setEncoding('utf8').on('data', (d: string) => events.push(d));
    await expect.poll(() => events.join('')).toMatch(/event: pages\ndata: \{"version":1,/);
    await session.rebuild();
    server.publish();
    await expect.poll(() => events.join('')).toMatch(/event: pages\ndata: \{"version":2,/);
    socket.destroy();
  });

  it('serves no file by path: ../, its encoded forms, absolute paths', async () => {
    const pkg = path.join(REPO_ROOT, 'package.json');
    for (const target of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E%2Fpackage.json',
      '/..%2f..%2fpackage.json',
      '/pages/../../package.json',
      `/${pkg}`,
      `/${encodeURIComponent(pkg)}`,
      '/etc/passwd',
      '//etc/passwd',
      '/C:/Windows/win.ini',
      '/pages/1.svg/../../../package.json',
      `http://${host}/../package.json`,
      '/preview.js/..',
      '/package.json',
    ]) {
      const r = await raw(server.port, `GET ${target} HTTP/1.1\r\nHost: ${host}`);
      expect(r.status, target).toBe(404);
      expect(r.body, target).not.toContain('"name"');
      expect(r.body, target).not.toContain('root:');
    }
  });

  it('refuses a request that names another host', async () => {
    for (const h of ['evil.example', `evil.example:${server.port}`, `127.0.0.1.evil.example:${server.port}`, '127.0.0.1', `localhost:${server.port + 1}`, `[::1]:${server.port}`]) {
      const r = await raw(server.port, `GET / HTTP/1.1\r\nHost: ${h}`);
      expect(r.status, h).toBe(403);
      expect(r.body, h).not.toContain('<script');
    }
    // No Host at all (HTTP/1.0).
    expect((await raw(server.port, 'GET / HTTP/1.0')).status).toBe(403);
    expect(ownHost(`LOCALHOST:${server.port}`, server.port)).toBe(true);
  });

  it('answers nothing but GET and HEAD', async () => {
    const r = await raw(server.port, `POST / HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 0`);
    expect(r.status).toBe(405);
  });
});
