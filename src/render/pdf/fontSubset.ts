// What the PDF writer needs of a face's subset: the font program, glyph ids
// by code point and back, widths, and the FontDescriptor's numbers. The
// subsetting module fills it, once per face and build (src/fonts/).
import type { FaceInfo } from '../../typeset/layout.js';

export interface FontMetrics {
  /** FontDescriptor flags (ISO 32000-1 §9.8.2). */
  flags: number;
  /** In 1/1000 em: [xMin yMin xMax yMax]. */
  bbox: [number, number, number, number];
  italicAngle: number;
  ascent: number;
  descent: number;
  capHeight: number;
  stemV: number;
}

export interface FontSubset {
  postscriptName: string;
  /**
   * 'cff': `program` is a bare CFF table, CID-keyed, whose CID of each glyph
   * is its glyph id; 'truetype': a glyf-based sfnt.
   */
  outlines: 'cff' | 'truetype';
  program: Uint8Array;
  /** Glyphs in the subset (glyph 0 is .notdef). */
  glyphCount: number;
  /** The subset's glyph for a code point the build asked for. */
  glyphOf(cp: number): number | undefined;
  /** The code point a glyph stands for (the lowest asked for, when several share it). */
  codePointOf(gid: number): number | undefined;
  /** Advance widths by glyph id, in 1/1000 em. */
  widths: readonly number[];
  metrics: FontMetrics;
}

/** A face the Layout draws with and the code points it draws. */
export interface FaceUse {
  key: string;
  face: FaceInfo;
  codePoints: number[];
}

/** The subsets of every face a document uses, by face key. */
export type SubsetFonts = (uses: FaceUse[]) => Promise<Map<string, FontSubset>>;
