// A typesetting context over a built-in template and the bundled fonts.
import { Diagnostics } from '../../src/diagnostics.js';
import { FontSet, fontSearchDirs } from '../../src/fonts/fontSet.js';
import { loadTemplate } from '../../src/template/loadTemplate.js';
import { TypesetContext } from '../../src/typeset/context.js';

const cache = new Map<string, TypesetContext>();

export function contextFor(templateName = 'jianbao'): TypesetContext {
  let ctx = cache.get(templateName);
  if (!ctx) {
    const diags = new Diagnostics();
    const template = loadTemplate(templateName, undefined, diags)!;
    const fonts = FontSet.load(template, { dirs: fontSearchDirs(template, undefined, []) }, diags)!;
    ctx = new TypesetContext(template, fonts, diags);
    cache.set(templateName, ctx);
  }
  return ctx;
}
