// Placed glyphs → text runs: the fewest runs of one face, size, colour and
// weight whose glyphs advance by their natural width plus one constant
// spacing, which is all a PDF text operator needs. A glyph from a fallback
// face sits on the same em box as the text around it; a glyph no face has
// is a run of its own that carries its text. An address (URL, e-mail) has
// runs of its own: the one that starts it carries the whole address as the
// text a copy gives, the others none, so that an address broken across
// lines is copied out whole.
import type { PlacedGlyph } from './breakLines.js';
import type { TypesetContext } from './context.js';
import type { Owner, TextRun } from './layout.js';

const TOLERANCE = 1e-4;

/** The runs of `glyphs` set from `x0` on `baseline`, each belonging to `owner`. */
export function glyphsToRuns(glyphs: readonly PlacedGlyph[], x0: number, baseline: number, ctx: TypesetContext, owner: Owner): TextRun[] {
  const runs: TextRun[] = [];
  const trackingEm = ctx.geometry.trackingEm;
  let run: TextRun | undefined;
  let prev: PlacedGlyph | undefined;
  let gap = 0;
  let length = 0;
  for (const g of glyphs) {
    const style = g.atom.style;
    if (
      run &&
      prev &&
      !g.missing &&
      !prev.missing &&
      prev.atom.address === g.atom.address &&
      run.face === g.face &&
      run.size === style.size &&
      run.bold === style.bold &&
      prev.atom.style.color === style.color
    ) {
      // Glyph advances carry the grid tracking; the run's spacing carries it too.
      const thisGap = g.x - prev.x - prev.advance;
      if (length === 1 || Math.abs(thisGap - gap) < TOLERANCE) {
        gap = thisGap;
        run.charSpacing = gap + trackingEm * style.size;
        run.text += g.ch;
        length++;
        prev = g;
        continue;
      }
    }
    // Move a fallback face's baseline so its em box covers the style face's.
    const shift = g.face === style.face ? 0 : (ctx.fonts.face(g.face).emAscent - ctx.fonts.face(style.face).emAscent) * style.size;
    run = {
      kind: 'text',
      x: x0 + g.x,
      y: baseline + shift,
      text: g.ch,
      face: g.face,
      size: style.size,
      color: ctx.color(style.color),
      charSpacing: trackingEm * style.size,
      bold: style.bold,
      ...(g.missing ? { actualText: g.ch } : g.atom.address ? { copyText: g.atom.glue || prev?.atom === g.atom ? '' : g.atom.address.text } : {}),
      owner,
      ...(g.atom.pos ? { source: g.atom.pos } : {}),
    };
    runs.push(run);
    gap = 0;
    length = 1;
    prev = g;
  }
  return runs;
}
