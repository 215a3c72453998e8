// The DOCX package: every XML part well-formed, every part with its content
// type, every relationship pointing at a part that is there and every id the
// document names defined, images stored byte for byte, and the same bytes
// from the same Layout.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { prepareIssue } from '../../../src/build.js';
import { Diagnostics } from '../../../src/diagnostics.js';
import { embeddedFonts } from '../../../src/fonts/embeddedFonts.js';
import { loadProject } from '../../../src/project/config.js';
import { renderDocx } from '../../../src/render/docx/renderDocx.js';
import { png } from '../../helpers/images.js';
import { MINIMAL, tempDir, writeProject } from '../../helpers/project.js';

const ARTICLE = '---\ntitle: 测试 & <文章>\n---\n\n正文 "A&B"，1 < 2 > 0。\n\n![图一](images/a.png)\n\n![图二](images/b.png)\n';

async function render() {
  const root = writeProject({
    ...MINIMAL,
    'issues/2024-09/01-a.md': ARTICLE,
    'issues/2024-09/images/a.png': png(60, 40),
    'issues/2024-09/images/b.png': png(30, 20),
  });
  const prepared = prepareIssue(loadProject(root, new Diagnostics()), '2024-09', { drafts: true });
  const embedded = await embeddedFonts(prepared.layout, prepared.template);
  return { bytes: renderDocx(prepared, { producer: 'bulletin test', embedded }), prepared };
}

describe('the DOCX package', () => {
  it('holds well-formed parts, each with its content type, and relationships to parts that are there', async () => {
    const { bytes } = await render();
    const files = unzipSync(bytes);
    const names = Object.keys(files);
    expect(names[0]).toBe('[Content_Types].xml');
    const dir = tempDir('bulletin-pkg-');
    for (const name of names.filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) {
      const file = path.join(dir, name.replace(/[/[\]]/g, '_'));
      writeFileSync(file, files[name]!);
      execFileSync('xmllint', ['--noout', file]);
    }
    const types = strFromU8(files['[Content_Types].xml']!);
    const defaults = new Set([...types.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1]));
    const overrides = new Set([...types.matchAll(/<Override PartName="\/([^"]+)"/g)].map((m) => m[1]));
    for (const o of overrides) expect(names, o).toContain(o);
    for (const name of names.filter((n) => n !== '[Content_Types].xml')) {
      expect(overrides.has(name) || defaults.has(name.split('.').pop()!), name).toBe(true);
    }
    expect(names.filter((n) => n.startsWith('word/fonts/')).length).toBeGreaterThan(0);
    expect(names.filter((n) => n.startsWith('word/header')).length).toBe(2);
    for (const rels of names.filter((n) => n.endsWith('.rels'))) {
      const base = rels === '_rels/.rels' ? '' : rels.replace(/_rels\/[^/]+$/, '');
      const xml = strFromU8(files[rels]!);
      const ids = [...xml.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size, rels).toBe(ids.length);
      for (const m of xml.matchAll(/Target="([^"]+)"/g)) expect(names, `${rels} → ${m[1]}`).toContain(base + m[1]);
    }
    const doc = strFromU8(files['word/document.xml']!);
    const docRels = strFromU8(files['word/_rels/document.xml.rels']!);
    for (const m of doc.matchAll(/r:(?:id|embed)="([^"]+)"/g)) expect(docRels, m[1]).toContain(`Id="${m[1]}"`);
    // One drawing id each.
    const docPr = [...doc.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1]);
    expect(docPr).toEqual(['1', '2']);
  });

  it('stores the images byte for byte, and escapes the text', async () => {
    const { bytes } = await render();
    const files = unzipSync(bytes);
    expect(Buffer.from(files['word/media/image1.png']!).equals(png(60, 40))).toBe(true);
    expect(Buffer.from(files['word/media/image2.png']!).equals(png(30, 20))).toBe(true);
    const doc = strFromU8(files['word/document.xml']!);
    expect(doc).toContain('测试 &amp; &lt;文章&gt;');
    expect(doc).toContain('"A&amp;B"，1 &lt; 2 &gt; 0。');
  });

  it('is the same bytes every time', async () => {
    const a = await render();
    const b = await render();
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });
});
