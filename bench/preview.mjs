// A rebuild inside a running `bulletin preview`: the time from an article's
// save (the moment the write returns) to the new output being ready.
//
// Two kinds of preview are understood. One that prints a local URL
// (http://127.0.0.1:PORT/) is a page server: the bench subscribes to its
// Server-Sent Events on GET /events and takes each `pages` event as the new
// output. Otherwise the preview writes the PDF and prints a line when it has
// rebuilt (已重新生成 / rebuilt), and that line is the new output.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { canMeasureRss, childEnv, lastNumber, median } from './child.mjs';
import { SAMPLE, makeProject, sampleArticles } from './projects.mjs';

const URL_LINE = /http:\/\/(?:127\.0\.0\.1|localhost|\[::1\]):\d+\/?/;
const REBUILT_LINE = /已重新生成|\brebuilt\b/;
const FAILED_LINE = /输入有误|the inputs have errors/;
const WATCHING_LINE = /正在监视文件变化|watching for changes/;
const TIMEOUT_MS = 30_000;
/** No output for this long after a rebuild: the preview is idle again. */
const QUIET_MS = 400;

/**
 * Start `node cli preview 2024-08` in a fresh project copy, save `saves`
 * times (a sentence appended to a different article each time), and return
 * `{ mode, times, rssKB }`: each save's time to the new output, and the
 * preview's peak RSS when it has been stopped (under GNU time, where it is).
 */
export async function measurePreview(node, cli, saves) {
  const project = makeProject();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bulletin-bench-preview-'));
  const report = path.join(tmp, 'rusage');
  const args = [cli, 'preview', SAMPLE];
  const [file, argv] = canMeasureRss ? ['/usr/bin/time', ['-f', '%M', '-o', report, node, ...args]] : [node, args];
  // Its own process group, so that Ctrl+C (SIGINT) reaches the preview and GNU time passes it by.
  const child = spawn(file, argv, { cwd: project.root, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
  const preview = new PreviewWatcher(child);
  try {
    await preview.ready();
    await preview.quiet();
    const times = [];
    for (let k = 0; k < saves; k++) {
      const article = path.join(project.root, 'issues', SAMPLE, sampleArticles[k % sampleArticles.length]);
      appendFileSync(article, `这是第${k + 1}次保存时补上的一句话。\n`);
      const t0 = performance.now();
      const t1 = await preview.nextOutput(t0);
      times.push(t1 - t0);
      await preview.quiet();
    }
    const rssKB = await stop(child, report);
    return { mode: preview.mode, times, medianMs: median(times), worstMs: Math.max(...times), rssKB };
  } finally {
    if (child.exitCode === null && child.signalCode === null) kill(child, 'SIGKILL');
    preview.close();
    rmSync(tmp, { recursive: true, force: true });
    project.dispose();
  }
}

/** Follows a preview's output: when it is ready, and when each new output is. */
class PreviewWatcher {
  constructor(child) {
    this.child = child;
    this.mode = 'stdout';
    /** performance.now() of each new output. */
    this.outputs = [];
    this.lastActivity = performance.now();
    this.watching = false;
    this.subscribed = false;
    this.failure = undefined;
    this.log = '';
    this.request = undefined;
    this.listeners = new Set();
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) this.onLine(line);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      this.log += chunk;
      if (FAILED_LINE.test(chunk)) this.fail(`the preview reports input errors:\n${this.log}`);
    });
    child.on('exit', (code, signal) => this.fail(`the preview exited (${code ?? signal}) before the measurement ended:\n${this.log}`));
  }

  onLine(line) {
    this.log += `${line}\n`;
    this.lastActivity = performance.now();
    const url = URL_LINE.exec(line);
    if (url && this.mode === 'stdout') this.subscribe(new URL('events', url[0].endsWith('/') ? url[0] : `${url[0]}/`));
    if (WATCHING_LINE.test(line)) this.watching = true;
    if (this.mode === 'stdout' && REBUILT_LINE.test(line)) this.output();
    this.notify();
  }

  /** Subscribe to the page server's events; each `pages` event is a new output. */
  subscribe(url) {
    this.mode = 'sse';
    this.request = http.get(url, { headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return this.fail(`GET ${url} answered ${res.statusCode}`);
      this.subscribed = true;
      this.notify();
      let pending = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        this.lastActivity = performance.now();
        pending += chunk.replace(/\r\n?/g, '\n');
        const events = pending.split('\n\n');
        pending = events.pop();
        for (const event of events) {
          if (event.split('\n').some((l) => /^event:\s*pages\s*$/.test(l))) this.output();
        }
        this.notify();
      });
    });
    this.request.on('error', (err) => this.fail(`GET ${url}: ${err.message}`));
  }

  output() {
    this.outputs.push(performance.now());
    this.lastActivity = performance.now();
  }

  fail(message) {
    this.failure ??= new Error(message);
    this.notify();
  }

  notify() {
    for (const f of this.listeners) f();
  }

  /** Resolves when `test()` holds, rejects on failure or after TIMEOUT_MS. */
  until(test, what) {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.failure) return done(reject, this.failure);
        const v = test();
        if (v !== undefined && v !== false) done(resolve, v);
      };
      const timer = setTimeout(() => done(reject, new Error(`no ${what} from the preview within ${TIMEOUT_MS} ms:\n${this.log}`)), TIMEOUT_MS);
      const done = (f, v) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        f(v);
      };
      this.listeners.add(check);
      check();
    });
  }

  /** The watcher is ready: its "watching" line, or for a page server its event stream plus a second. */
  async ready() {
    await this.until(() => this.watching || this.subscribed, 'start');
    if (!this.watching) await sleep(1000);
  }

  /** Wait until nothing has come from the preview for QUIET_MS. */
  async quiet() {
    for (;;) {
      if (this.failure) throw this.failure;
      const idle = performance.now() - this.lastActivity;
      if (idle >= QUIET_MS) return;
      await sleep(QUIET_MS - idle);
    }
  }

  /** The time of the first new output after `t0`. */
  nextOutput(t0) {
    return this.until(() => this.outputs.find((t) => t > t0), 'new output');
  }

  close() {
    this.request?.destroy();
  }
}

/** Ctrl+C, as a user stops it; its peak RSS from GNU time's report. */
async function stop(child, report) {
  const exited = new Promise((resolve) => child.once('close', resolve));
  child.removeAllListeners('exit');
  kill(child, 'SIGINT');
  const timer = setTimeout(() => kill(child, 'SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
  return existsSync(report) ? lastNumber(readFileSync(report, 'utf8')) : undefined;
}

/** Signal the preview's process group (it and GNU time), or on Windows the process. */
function kill(child, signal) {
  try {
    if (process.platform === 'win32') child.kill(signal);
    else process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}
