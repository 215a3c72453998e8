// The Layout's items as OFD graphic units (GB/T 33190-2016 §9–§11): a text
// run as a TextObject, a rule as a PathObject, an image as an ImageObject.
// Each is drawn where and as the Layout says; lengths are the Layout's
// points in millimetres.
//
// Coordinates: a unit's Boundary is a box on the page; the unit's own
// coordinates (TextCode X/Y, path points) start at the Boundary's top-left
// corner, and its CTM, when it has one, maps them into that box.
import { rgbComponents } from '../colors.js';
import { unitMap } from '../imageOrientation.js';
import { ptToMm } from '../units.js';
import type { Color, ImageItem, Rule, TextRun } from '../../typeset/layout.js';
import type { OfdFontSubset } from './fontSubsets.js';
import { box, mm, num, roundMm, stArray } from './numbers.js';
import { el, textEl } from './xml.js';

/** Stroke width of the outline that makes a face without a bold cut look bold, in em (the Layout's `bold`). */
export const FAKE_BOLD_STROKE = 0.03;

/** Room around a run's glyphs, in em, inside its Boundary: readers clip to it. */
const TEXT_MARGIN = 0.5;

export interface PlacedFont {
  /** The Font resource's ID. */
  id: number;
  subset: OfdFontSubset;
}

/** Where each glyph of a run starts, in points: each advances by its width × size plus the run's spacing. */
export function glyphOrigins(run: TextRun, subset: OfdFontSubset): { xs: number[]; glyphs: number[]; end: number } {
  const xs: number[] = [];
  const glyphs: number[] = [];
  let x = run.x;
  for (const ch of run.text) {
    // A run with actualText is a character no face has: the glyph drawn is .notdef.
    const gid = run.actualText !== undefined ? 0 : subset.glyphOf(ch.codePointAt(0)!);
    xs.push(x);
    glyphs.push(gid);
    x += subset.advanceOf(gid) * run.size + run.charSpacing;
  }
  return { xs, glyphs, end: x - run.charSpacing };
}

export function textObject(id: number, run: TextRun, font: PlacedFont, page: { width: number; height: number }): string {
  const { xs, glyphs, end } = glyphOrigins(run, font.subset);
  const size = run.size;
  let boundary: string;
  let originX: number;
  let originY: number;
  let ctm: string | undefined;
  if (run.rotation) {
    // Turned about a point (the watermark): the Boundary is the page, the CTM the turn.
    boundary = box(0, 0, page.width, page.height);
    originX = 0;
    originY = 0;
    ctm = rotationCtm(run.rotation);
  } else {
    const left = run.x - TEXT_MARGIN * size;
    const top = run.y - (1 + TEXT_MARGIN) * size;
    boundary = box(left, top, end - run.x + 2 * TEXT_MARGIN * size, (1 + 2 * TEXT_MARGIN) * size);
    originX = roundMm(ptToMm(left));
    originY = roundMm(ptToMm(top));
  }
  // Positions relative to the Boundary, each rounded once: DeltaX are their differences, so no rounding adds up along a line.
  const rel = xs.map((x) => roundMm(ptToMm(x) - originX));
  const deltaX = rel.slice(1).map((x, i) => roundMm(x - rel[i]!));
  const text = [...run.text];
  const attrs = {
    ID: id,
    Boundary: boundary,
    Font: font.id,
    Size: mm(size),
    ...(ctm ? { CTM: ctm } : {}),
    ...(run.bold ? { Stroke: 'true', LineWidth: mm(FAKE_BOLD_STROKE * size) } : {}),
  };
  return el(
    'TextObject',
    attrs,
    colorEl('FillColor', run.color),
    run.bold ? colorEl('StrokeColor', run.color) : '',
    // The glyphs of the embedded subset, one per character: a reader need not look them up.
    el('CGTransform', { CodePosition: 0, CodeCount: text.length, GlyphCount: glyphs.length }, textEl('Glyphs', glyphs.join(' '))),
    textEl('TextCode', run.text, {
      X: num(rel[0]!),
      Y: num(roundMm(ptToMm(run.y) - originY)),
      ...(deltaX.length > 0 ? { DeltaX: stArray(deltaX) } : {}),
    }),
  );
}

/** A straight rule, stroked with its thickness and butt ends. */
export function ruleObject(id: number, rule: Rule): string {
  const half = rule.thickness / 2;
  const left = Math.min(rule.x1, rule.x2) - half;
  const top = Math.min(rule.y1, rule.y2) - half;
  const width = Math.abs(rule.x2 - rule.x1) + rule.thickness;
  const height = Math.abs(rule.y2 - rule.y1) + rule.thickness;
  const ox = roundMm(ptToMm(left));
  const oy = roundMm(ptToMm(top));
  const point = (x: number, y: number) => `${num(ptToMm(x) - ox)} ${num(ptToMm(y) - oy)}`;
  return el(
    'PathObject',
    { ID: id, Boundary: box(left, top, width, height), LineWidth: mm(rule.thickness), Stroke: 'true', Fill: 'false' },
    colorEl('StrokeColor', rule.color),
    textEl('AbbreviatedData', `M ${point(rule.x1, rule.y1)} L ${point(rule.x2, rule.y2)}`),
  );
}

/**
 * An image filling its box: image space is the unit square (its top row at
 * y = 0), which the CTM maps onto the box, turned by the image's orientation
 * (src/render/imageOrientation.ts).
 */
export function imageObject(id: number, image: ImageItem, resourceId: number): string {
  const [a, b, c, d, e, f] = unitMap(image.orientation);
  const w = ptToMm(image.width);
  const h = ptToMm(image.height);
  return el('ImageObject', {
    ID: id,
    Boundary: box(image.x, image.y, image.width, image.height),
    CTM: [w * a, h * b, w * c, h * d, w * e, h * f].map((n) => num(n)).join(' '),
    ResourceID: resourceId,
  });
}

export function colorEl(name: 'FillColor' | 'StrokeColor', color: Color): string {
  return el(name, { Value: rgbComponents(color).join(' ') });
}

/** A turn by `angle` degrees (clockwise on the page, whose y axis points down) about (cx, cy), as a CTM in mm. */
function rotationCtm({ angle, cx, cy }: { angle: number; cx: number; cy: number }): string {
  const r = (angle * Math.PI) / 180;
  const cos = Math.cos(r);
  const sin = Math.sin(r);
  const x = ptToMm(cx);
  const y = ptToMm(cy);
  const fixed = (v: number) => String(Math.round(v * 1e6) / 1e6 || 0);
  return [fixed(cos), fixed(sin), fixed(-sin), fixed(cos), num(x - cos * x + sin * y), num(y - sin * x - cos * y)].join(' ');
}
