// Reproducible builds (docs/interface.md §4): the same inputs give byte-identical
// PDF and DOCX, whatever the time zone, locale, folder or hour; dates come
// from SOURCE_DATE_EPOCH when set, else from the issue's date.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxParts } from '../helpers/docx.js';
import { pdfInfo } from '../helpers/pdf.js';
import { copySampleProject, REPO_ROOT } from '../helpers/project.js';
import { childEnv, runCli } from './helpers.js';

const ID = '2024-08';

interface Built {
  pdf: Buffer;
  docx: Buffer;
  root: string;
  startedAt: number;
}

async function build(env: NodeJS.ProcessEnv, root = copySampleProject()): Promise<Built> {
  const startedAt = Date.now();
  const r = await runCli(root, ['build', ID, '--quiet'], env);
  expect(r.status, r.stderr).toBe(0);
  const out = path.join(root, 'out');
  return { pdf: readFileSync(path.join(out, `${ID}.pdf`)), docx: readFileSync(path.join(out, `${ID}.docx`)), root, startedAt };
}

function isoDates(pdf: string): { created?: string; modified?: string } {
  const info = pdfInfo(pdf, '-isodates');
  return { created: info.CreationDate, modified: info.ModDate };
}

function coreDates(docx: string): { created?: string; modified?: string } {
  const core = docxParts(docx)['docProps/core.xml'] ?? '';
  return {
    created: /<dcterms:created[^>]*>([^<]+)</.exec(core)?.[1],
    modified: /<dcterms:modified[^>]*>([^<]+)</.exec(core)?.[1],
  };
}

/** The sample issue's date, as written in its issue.yaml. */
const ISSUE_DATE = /^date:\s*(\d{4}-\d{2}-\d{2})\s*$/m.exec(readFileSync(path.join(REPO_ROOT, 'issues', ID, 'issue.yaml'), 'utf8'))![1]!;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the same inputs give byte-identical files', () => {
  let first: Built;

  beforeAll(async () => {
    first = await build(childEnv({ TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' }, ['SOURCE_DATE_EPOCH']));
  }, 60_000);

  it('built again, seconds later, in the same folder', async () => {
    // More than 2 s apart, so a clock leaking into the PDF (seconds) or the ZIP (2 s steps) shows.
    await sleep(Math.max(0, first.startedAt + 2100 - Date.now()));
    const again = await build(childEnv({ TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' }, ['SOURCE_DATE_EPOCH']), first.root);
    expect(again.pdf.equals(first.pdf), 'PDF').toBe(true);
    expect(again.docx.equals(first.docx), 'DOCX').toBe(true);
  }, 60_000);

  it.each([
    { TZ: 'America/Los_Angeles', LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' },
    { TZ: 'Asia/Shanghai', LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8' },
    { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'C' },
  ])('in another folder under TZ=$TZ LANG=$LANG LC_ALL=$LC_ALL', async (env) => {
    const other = await build(childEnv(env, ['SOURCE_DATE_EPOCH']));
    expect(other.pdf.equals(first.pdf), 'PDF').toBe(true);
    expect(other.docx.equals(first.docx), 'DOCX').toBe(true);
  }, 60_000);

  it('without SOURCE_DATE_EPOCH, the documents are dated the issue date', () => {
    const expected = `${ISSUE_DATE}T00:00:00Z`;
    expect(isoDates(path.join(first.root, 'out', `${ID}.pdf`))).toEqual({ created: expected, modified: expected });
    expect(coreDates(path.join(first.root, 'out', `${ID}.docx`))).toEqual({ created: expected, modified: expected });
  });
});

describe('SOURCE_DATE_EPOCH', () => {
  const EPOCH = 1_700_000_000; // 2023-11-14T22:13:20Z
  const ISO = new Date(EPOCH * 1000).toISOString().replace(/\.000Z$/, 'Z');

  it('sets the PDF CreationDate and the DOCX dcterms:created, whatever the time zone', async () => {
    const a = await build(childEnv({ SOURCE_DATE_EPOCH: String(EPOCH), TZ: 'Asia/Shanghai' }));
    const b = await build(childEnv({ SOURCE_DATE_EPOCH: String(EPOCH), TZ: 'America/Los_Angeles' }));
    for (const x of [a, b]) {
      expect(isoDates(path.join(x.root, 'out', `${ID}.pdf`))).toEqual({ created: ISO, modified: ISO });
      expect(coreDates(path.join(x.root, 'out', `${ID}.docx`))).toEqual({ created: ISO, modified: ISO });
    }
    expect(a.pdf.equals(b.pdf), 'PDF').toBe(true);
    expect(a.docx.equals(b.docx), 'DOCX').toBe(true);
  }, 60_000);

  it('two different epochs give different files (the date really is in them)', async () => {
    const a = await build(childEnv({ SOURCE_DATE_EPOCH: String(EPOCH) }));
    const b = await build(childEnv({ SOURCE_DATE_EPOCH: String(EPOCH + 86_400 * 400) }));
    expect(a.pdf.equals(b.pdf)).toBe(false);
    expect(a.docx.equals(b.docx)).toBe(false);
  }, 60_000);
});
