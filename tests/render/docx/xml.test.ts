// Escaping in the DOCX writer: any text an author can type, written as
// character data and as an attribute value, gives well-formed XML that a
// real parser (xmllint) reads back as the same text — tab, line feed and
// carriage return included; characters XML cannot hold at all come back as
// U+FFFD.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runContent } from '../../../src/render/docx/runs.js';
import { container, element, escapeAttribute, escapeText } from '../../../src/render/docx/xml.js';
import { tempDir } from '../../helpers/project.js';
import { decode } from '../../helpers/xml.js';

/** What a parser must give back: `s`, with what XML 1.0 cannot hold replaced. */
const representable = (s: string) =>
  s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/**
 * The attribute values and texts of `<r a="…">…</r>` elements as xmllint
 * reads them, in canonical form (C14N writes tab, line feed and carriage
 * return in attributes, and carriage return in text, as references).
 */
function parsed(values: string[]): Array<{ attribute: string; text: string }> {
  const file = path.join(tempDir('bulletin-xml-'), 'doc.xml');
  writeFileSync(file, `<d>${values.map((v) => element('r', { a: v }, escapeText(v)) || '').join('')}</d>`);
  const c14n = execFileSync('xmllint', ['--c14n', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return [...c14n.matchAll(/<r a="([^"]*)">([^<]*)<\/r>/g)].map((m) => ({ attribute: decode(m[1]!), text: decode(m[2]!) }));
}

describe('escaping', () => {
  it('writes markup characters as entities, and control characters a parser would change as references', () => {
    expect(escapeText('a & b < c > d "e"')).toBe('a &amp; b &lt; c &gt; d "e"');
    expect(escapeText('1\t2\n3\r4')).toBe('1\t2\n3&#13;4');
    expect(escapeAttribute('a & b < c > d "e"')).toBe('a &amp; b &lt; c &gt; d &quot;e&quot;');
    expect(escapeAttribute('1\t2\n3\r4')).toBe('1&#9;2&#10;3&#13;4');
  });

  it('replaces what XML cannot hold (NUL, other C0 controls, lone surrogates, U+FFFF) and keeps surrogate pairs', () => {
    expect(escapeText('a\u0000b\u0007c\uFFFFd')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
    expect(escapeText('\uD842')).toBe('\uFFFD');
    expect(escapeText('\uDFB7x')).toBe('\uFFFDx');
    expect(escapeText('𠮷')).toBe('𠮷');
    expect(escapeAttribute('\u0001𠮷\uD800')).toBe('\uFFFD𠮷\uFFFD');
  });

  it('gives well-formed XML that reads back as the text, for any string', () => {
    const samples = fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), { numRuns: 400, seed: 20240826 });
    const tricky = ['', ' ', '&amp;', '&#0;', ']]>', '<w:t>', '"\'', '\t\n\r\r\n', '\u0000\u001F\u007F', '\uFEFF\u2028', '\uD83D\uDE00', '\uDE00\uD83D'];
    const values = [...tricky, ...samples];
    const back = parsed(values);
    expect(back).toHaveLength(values.length);
    back.forEach((b, i) => {
      expect(b.attribute, JSON.stringify(values[i])).toBe(representable(values[i]!));
      expect(b.text, JSON.stringify(values[i])).toBe(representable(values[i]!));
    });
  });
});

describe('elements', () => {
  it('close themselves without content, leave out undefined attributes, and vanish as empty containers', () => {
    expect(element('w:jc', { 'w:val': 'center', 'w:x': undefined })).toBe('<w:jc w:val="center"/>');
    expect(element('w:t', {}, 'x')).toBe('<w:t>x</w:t>');
    expect(container('w:pPr', ['', false, undefined])).toBe('');
    expect(container('w:pPr', ['<a/>', '', '<b/>'])).toBe('<w:pPr><a/><b/></w:pPr>');
  });
});

describe('run content', () => {
  it('writes tabs and line breaks as Word’s elements, a CR LF as one break, and keeps spaces', () => {
    expect(runContent('a\tb')).toBe('<w:t xml:space="preserve">a</w:t><w:tab/><w:t xml:space="preserve">b</w:t>');
    expect(runContent('a\r\nb\rc\nd')).toBe(
      '<w:t xml:space="preserve">a</w:t><w:br/><w:t xml:space="preserve">b</w:t><w:br/><w:t xml:space="preserve">c</w:t><w:br/><w:t xml:space="preserve">d</w:t>',
    );
    expect(runContent(' 两  个 ')).toBe('<w:t xml:space="preserve"> 两  个 </w:t>');
    expect(runContent('&<')).toBe('<w:t xml:space="preserve">&amp;&lt;</w:t>');
  });
});
