// The preview's web server: on 127.0.0.1 only, it serves its own page and
// assets, the current pages as SVG, the glyph outlines they refer to, and a
// stream of Server-Sent Events (`pages`, after every rebuild). It serves no
// file from disk: every answer comes from memory, and any other path is 404.
// A request whose Host is not this server's own address is refused, so a web
// page elsewhere cannot reach it through a name that resolves here (DNS
// rebinding).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CLIENT_SCRIPT } from './assets/client.js';
import { PAGE_STYLE, pageHtml, type PageTexts } from './assets/page.js';
import type { GlyphStore } from './glyphStore.js';
import type { PreviewState } from './previewSession.js';

export interface PreviewServerOptions {
  /** 0: any free port. */
  port: number;
  /** The page's language and words. */
  lang: 'zh' | 'en';
  texts: PageTexts;
  /** The issue's id, for the page's title. */
  issue: string;
  state: () => PreviewState;
  glyphs: GlyphStore;
}

export interface PreviewServer {
  url: string;
  port: number;
  /** Tell every open page that a rebuild finished. */
  publish(): void;
  close(): Promise<void>;
}

/** Most glyph ids one request may ask for (the page view asks in batches). */
const MAX_GLYPHS = 2000;
/** A comment on each event stream this often, so that nothing between closes it as idle. */
const KEEPALIVE_MS = 15_000;

const HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

export function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const streams = new Set<http.ServerResponse>();
  let port = options.port;
  const server = http.createServer((req, res) => {
    try {
      handle(req, res);
    } catch {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else res.destroy();
    }
  });

  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    if (!ownHost(req.headers.host, port)) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden host\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', { Allow: 'GET, HEAD' });
    const target = req.url ?? '';
    // Only origin-form targets ("/path?query"): no absolute URL, no "//host".
    if (!target.startsWith('/') || target.startsWith('//')) return notFound(res);
    const q = target.indexOf('?');
    const pathname = q < 0 ? target : target.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : target.slice(q + 1));
    if (pathname === '/') return send(res, 200, 'text/html; charset=utf-8', pageHtml(options.lang, options.issue, options.texts));
    if (pathname === '/preview.js') return send(res, 200, 'text/javascript; charset=utf-8', CLIENT_SCRIPT);
    if (pathname === '/preview.css') return send(res, 200, 'text/css; charset=utf-8', PAGE_STYLE);
    if (pathname === '/state') return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(summary(options.state())));
    if (pathname === '/glyphs') {
      const ids = (query.get('ids') ?? '').split(',').filter((id) => /^f\d+-\d+$/.test(id)).slice(0, MAX_GLYPHS);
      return send(res, 200, 'image/svg+xml; charset=utf-8', options.glyphs.svgOf(ids));
    }
    const page = /^\/pages\/([1-9]\d{0,5})\.svg$/.exec(pathname);
    if (page) {
      const found = options.state().pages.find((p) => p.number === Number(page[1]));
      return found ? send(res, 200, 'image/svg+xml; charset=utf-8', found.svg) : notFound(res);
    }
    if (pathname === '/events') {
      res.writeHead(200, { ...HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
      if (req.method === 'HEAD') return void res.end();
      res.write(`retry: 500\n\n${event(options.state())}`);
      streams.add(res);
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEPALIVE_MS);
      res.on('close', () => {
        clearInterval(keepAlive);
        streams.delete(res);
      });
      return;
    }
    return notFound(res);
  };

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        publish: () => {
          const data = event(options.state());
          for (const s of streams) s.write(data);
        },
        close: () =>
          new Promise<void>((done) => {
            for (const s of streams) s.end();
            streams.clear();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** What the page view needs to know of a rebuild: the pages' hashes, not their SVG. */
function summary(state: PreviewState) {
  return {
    version: state.version,
    failed: state.failed,
    ms: Math.round(state.ms),
    problems: state.problems,
    pages: state.pages.map((p) => ({ number: p.number, hash: p.hash })),
  };
}

function event(state: PreviewState): string {
  return `event: pages\ndata: ${JSON.stringify(summary(state))}\n\n`;
}

/** Whether the Host header names this server: 127.0.0.1 or localhost, at its port. */
export function ownHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const h = host.toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
}

function notFound(res: http.ServerResponse): void {
  send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
}

function send(res: http.ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, { ...HEADERS, ...extra, 'Content-Type': type, 'Content-Length': bytes.length });
  res.end(res.req.method === 'HEAD' ? undefined : bytes);
}
