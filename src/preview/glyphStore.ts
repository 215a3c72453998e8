// The glyph outlines of the preview, held once for every page: pages refer
// to them by id (SvgPageOptions.glyphRef) and the page view fetches each
// outline once, so a rebuilt page carries only where its glyphs go. A glyph
// is known by its font file and face and its glyph id there (SvgFace.source,
// sourceGlyph), not by its id in one build's subset: an id names the same
// outline from rebuild to rebuild, and pages drawn before a rebuild stay right.
import type { SvgFace } from '../render/svg/svgGlyphs.js';

export class GlyphStore {
  private readonly faces = new Map<string, number>();
  /** Outlines by id; '' for a glyph without ink. */
  private readonly outlines = new Map<string, string>();

  /** The id of `glyph` of `face`: f<face>-<glyph id in the face>; undefined for a glyph without ink. */
  ref(face: SvgFace, glyph: number): string | undefined {
    let n = this.faces.get(face.source);
    if (n === undefined) {
      n = this.faces.size;
      this.faces.set(face.source, n);
    }
    const id = `f${n}-${face.sourceGlyph(glyph)}`;
    let d = this.outlines.get(id);
    if (d === undefined) {
      d = face.outline(glyph);
      this.outlines.set(id, d);
    }
    return d === '' ? undefined : id;
  }

  /** An SVG document of the outlines of `ids` that pages have referred to (others, and glyphs without ink, are left out). */
  svgOf(ids: readonly string[]): string {
    const paths = ids.filter((id) => this.outlines.get(id)).map((id) => `<path id="${id}" d="${this.outlines.get(id)}"/>`);
    return `<svg xmlns="http://www.w3.org/2000/svg"><defs>${paths.join('')}</defs></svg>\n`;
  }
}
