// English messages are English: none carries Chinese words of ours, whatever
// kind of thing it names (too-tall blocks, unsupported Markdown, template
// names). Parameters are given in ASCII, so any Han character in the
// output comes from the catalogue itself.
import { describe, expect, it } from 'vitest';
import { MESSAGE_CODES, message } from '../../src/messages.js';

const HAN = /\p{Script=Han}/u;

/** Values every parameter is tried with: the kinds the catalogue translates, and plain ASCII. */
const KINDS = ['title', 'row', 'image', 'distribution', 'section', 'source', 'signature', 'toc', 'code', 'inlineCode', 'thematicBreak', 'definition', 'footnoteDefinition', 'footnoteReference', 'delete', 'yaml', 'face', 'style', 'color', 'truncated', 'checksum', 'data', 'structure', 'string', 'number|boolean'];
const PARAMS = ['what', 'kind', 'detail', 'expected', 'key', 'value', 'file', 'name', 'text', 'src', 'face', 'fallback', 'code', 'char', 'rule', 'en', 'zh'];

describe('English messages', () => {
  it('hold no Chinese words of the catalogue, for every code and every kind it names', () => {
    expect(MESSAGE_CODES.length).toBeGreaterThan(50);
    for (const code of MESSAGE_CODES) {
      for (const kind of KINDS) {
        const params = Object.fromEntries(PARAMS.map((p) => [p, p === 'zh' ? '中文' : kind]));
        const text = message(code, { ...params, limit: 3, lines: 30, max: 22, size: 16, passes: 5, minimum: 1, maximum: 9, height: 1, pitch: 1, grid: 1 }, 'en');
        expect(text, `${code} (${kind})`).not.toMatch(HAN);
      }
    }
  });

  it('the Chinese ones name the same kinds in Chinese', () => {
    expect(message('markdown.unsupported', { what: 'code' }, 'zh')).toContain('代码块');
    expect(message('markdown.unsupported', { what: 'code' }, 'en')).toContain('code block');
    expect(message('block.tooTall', { what: 'signature', lines: 30, max: 22 }, 'zh')).toContain('落款');
  });
});
