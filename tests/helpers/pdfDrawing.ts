// What a PDF draws besides text, read back with MuPDF (`mutool trace`, Debian
// mupdf-tools): every stroked line segment (rules of tables, boxes, the
// masthead) and every image with the box it fills, in the page coordinates
// of tests/helpers/stext.ts (points from the top-left corner, y downward).
import { execFileSync } from 'node:child_process';

export interface DrawnSegment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Line width in points. */
  width: number;
  /** The marked-content tag it is drawn under (Artifact, P, …), when there is one. */
  tag?: string;
}

export interface DrawnImage {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Pixel size of the image. */
  pixels: { width: number; height: number };
}

export interface DrawnPage {
  /** 1-based. */
  number: number;
  segments: DrawnSegment[];
  images: DrawnImage[];
}

type Matrix = [number, number, number, number, number, number];

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

const matrix = (s: string): Matrix => s.trim().split(/\s+/).map(Number) as Matrix;

/** Every page's stroked segments and images (`mutool trace`). */
export function drawnPages(pdf: string): DrawnPage[] {
  const xml = execFileSync('mutool', ['trace', pdf], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
  const pages: DrawnPage[] = [];
  for (const pm of xml.matchAll(/<page number="(\d+)"[^>]*>([\s\S]*?)<\/page>/g)) {
    const page: DrawnPage = { number: Number(pm[1]), segments: [], images: [] };
    let tag: string | undefined;
    for (const el of pm[2]!.matchAll(/<layer name="([^"]*)"\/>|<end_layer\/>|<stroke_path linewidth="([\d.]+)"[^>]*transform="([^"]+)">([\s\S]*?)<\/stroke_path>|<fill_image [^>]*transform="([^"]+)" width="(\d+)" height="(\d+)"/g)) {
      if (el[1] !== undefined) tag = el[1];
      else if (el[0] === '<end_layer/>') tag = undefined;
      else if (el[2] !== undefined) {
        const m = matrix(el[3]!);
        // The line width scales with the matrix (uniformly, for the matrices bulletin uses).
        const width = Number(el[2]) * Math.hypot(m[0], m[1]);
        let from: [number, number] | undefined;
        for (const op of el[4]!.matchAll(/<(moveto|lineto) x="([-\d.]+)" y="([-\d.]+)"\/>/g)) {
          const to = apply(m, Number(op[2]), Number(op[3]));
          if (op[1] === 'lineto' && from) page.segments.push({ x1: from[0], y1: from[1], x2: to[0], y2: to[1], width, ...(tag ? { tag } : {}) });
          from = to;
        }
      } else {
        // An image fills the unit square mapped by its matrix.
        const m = matrix(el[5]!);
        const corners = [apply(m, 0, 0), apply(m, 1, 0), apply(m, 0, 1), apply(m, 1, 1)];
        const xs = corners.map((c) => c[0]);
        const ys = corners.map((c) => c[1]);
        const x = Math.min(...xs);
        const y = Math.min(...ys);
        page.images.push({ x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y, pixels: { width: Number(el[6]), height: Number(el[7]) } });
      }
    }
    pages.push(page);
  }
  return pages;
}

/** Whether a segment is vertical / horizontal (within 0.01 pt). */
export const isVertical = (s: DrawnSegment): boolean => Math.abs(s.x1 - s.x2) < 0.01 && Math.abs(s.y1 - s.y2) >= 0.01;
export const isHorizontal = (s: DrawnSegment): boolean => Math.abs(s.y1 - s.y2) < 0.01 && Math.abs(s.x1 - s.x2) >= 0.01;
