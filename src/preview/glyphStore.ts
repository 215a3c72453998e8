// The glyph outlines of the preview, held once for every page: pages refer
// to them by id (SvgPageOptions.glyphRef) and the page view fetches each
// outline once, so a rebuilt page carries only where its glyphs go.
import type { FaceOutlines } from '../render/svg/glyphOutlines.js';

export class GlyphStore {
  private readonly faces = new Map<FaceOutlines, number>();
  private readonly outlines = new Map<string, string>();

  /** The id of `glyph` of `face`: f<face>-<glyph>. */
  ref(face: FaceOutlines, glyph: number): string {
    let n = this.faces.get(face);
    if (n === undefined) {
      n = this.faces.size;
      this.faces.set(face, n);
    }
    const id = `f${n}-${glyph}`;
    if (!this.outlines.has(id)) this.outlines.set(id, face.outline(glyph));
    return id;
  }

  /** An SVG document of the outlines of `ids` that pages have referred to (others are left out). */
  svgOf(ids: readonly string[]): string {
    const paths = ids.filter((id) => this.outlines.has(id)).map((id) => `<path id="${id}" d="${this.outlines.get(id)}"/>`);
    return `<svg xmlns="http://www.w3.org/2000/svg"><defs>${paths.join('')}</defs></svg>\n`;
  }
}
