// Glyph outlines with quadratic curves only, as TrueType's glyf table holds
// them: each cubic Bézier of a CFF outline is split into equal parts, each
// drawn as one quadratic, as many parts as keep the quadratic within
// `tolerance` font units of the cubic. The error of one quadratic for a
// cubic p0 p1 p2 p3 (control point (3(p1 + p2) − p0 − p3) / 4) is at most
// √3/36 · |p3 − 3p2 + 3p1 − p0|, and splitting into n parts divides that
// third difference by n³, so n is found in one step.

export interface Point {
  x: number;
  y: number;
}

/** A closed contour: its points in order, each on the curve or a quadratic's control point; the first is on it. */
export interface QuadContour {
  x: number[];
  y: number[];
  onCurve: boolean[];
}

export type PathCommand =
  | { command: 'moveTo'; args: [number, number] }
  | { command: 'lineTo'; args: [number, number] }
  | { command: 'quadraticCurveTo'; args: [number, number, number, number] }
  | { command: 'bezierCurveTo'; args: [number, number, number, number, number, number] }
  | { command: 'closePath'; args: [] };

const ERROR_FACTOR = Math.sqrt(3) / 36;

/** Into how many equal parts a cubic must be split for each part's quadratic to lie within `tolerance`. */
export function quadraticParts(p0: Point, p1: Point, p2: Point, p3: Point, tolerance: number): number {
  const dx = p3.x - 3 * p2.x + 3 * p1.x - p0.x;
  const dy = p3.y - 3 * p2.y + 3 * p1.y - p0.y;
  const error = ERROR_FACTOR * Math.hypot(dx, dy);
  return Math.max(1, Math.ceil(Math.cbrt(error / tolerance) - 1e-9));
}

function cubicAt(p0: Point, p1: Point, p2: Point, p3: Point, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y };
}

/** The cubic's part from t0 to t1, as a cubic of its own. */
function cubicPart(p0: Point, p1: Point, p2: Point, p3: Point, t0: number, t1: number): [Point, Point, Point, Point] {
  // Derivative scaled by the part's length gives the inner control points.
  const d = (t: number): Point => {
    const u = 1 - t;
    return {
      x: 3 * (u * u * (p1.x - p0.x) + 2 * u * t * (p2.x - p1.x) + t * t * (p3.x - p2.x)),
      y: 3 * (u * u * (p1.y - p0.y) + 2 * u * t * (p2.y - p1.y) + t * t * (p3.y - p2.y)),
    };
  };
  const a = cubicAt(p0, p1, p2, p3, t0);
  const b = cubicAt(p0, p1, p2, p3, t1);
  const h = (t1 - t0) / 3;
  const da = d(t0);
  const db = d(t1);
  return [a, { x: a.x + h * da.x, y: a.y + h * da.y }, { x: b.x - h * db.x, y: b.y - h * db.y }, b];
}

/** The quadratics (control point, end point) that draw the cubic from p0 within `tolerance`. */
export function cubicToQuadratics(p0: Point, p1: Point, p2: Point, p3: Point, tolerance: number): Array<{ control: Point; end: Point }> {
  const n = quadraticParts(p0, p1, p2, p3, tolerance);
  const out: Array<{ control: Point; end: Point }> = [];
  for (let i = 0; i < n; i++) {
    const [a, b, c, d] = n === 1 ? [p0, p1, p2, p3] : cubicPart(p0, p1, p2, p3, i / n, (i + 1) / n);
    out.push({ control: { x: (3 * (b.x + c.x) - a.x - d.x) / 4, y: (3 * (b.y + c.y) - a.y - d.y) / 4 }, end: d });
  }
  return out;
}

/** A path's contours with quadratic curves only, in the path's direction. */
export function quadraticContours(commands: readonly PathCommand[], tolerance: number): QuadContour[] {
  const contours: QuadContour[] = [];
  let c: QuadContour = { x: [], y: [], onCurve: [] };
  let cx = 0;
  let cy = 0;
  const add = (x: number, y: number, on: boolean) => {
    c.x.push(x);
    c.y.push(y);
    c.onCurve.push(on);
  };
  const close = () => {
    // The contour closes by itself; a last point on the first is the same point.
    const n = c.x.length;
    if (n > 1 && c.onCurve[n - 1] && c.x[n - 1] === c.x[0] && c.y[n - 1] === c.y[0]) {
      c.x.pop();
      c.y.pop();
      c.onCurve.pop();
    }
    if (c.x.length > 1) contours.push(c);
    c = { x: [], y: [], onCurve: [] };
  };
  for (const cmd of commands) {
    const a = cmd.args;
    switch (cmd.command) {
      case 'moveTo':
        close();
        cx = a[0]!;
        cy = a[1]!;
        add(cx, cy, true);
        break;
      case 'lineTo':
        cx = a[0]!;
        cy = a[1]!;
        add(cx, cy, true);
        break;
      case 'quadraticCurveTo':
        add(a[0]!, a[1]!, false);
        cx = a[2]!;
        cy = a[3]!;
        add(cx, cy, true);
        break;
      case 'bezierCurveTo': {
        const p0 = { x: cx, y: cy };
        const p1 = { x: a[0]!, y: a[1]! };
        const p2 = { x: a[2]!, y: a[3]! };
        const p3 = { x: a[4]!, y: a[5]! };
        for (const q of cubicToQuadratics(p0, p1, p2, p3, tolerance)) {
          add(q.control.x, q.control.y, false);
          add(q.end.x, q.end.y, true);
        }
        cx = p3.x;
        cy = p3.y;
        break;
      }
      case 'closePath':
        close();
        break;
    }
  }
  close();
  return contours;
}

/** The contour drawn the other way round, from the same first point (TrueType's outer contours turn clockwise, CFF's counter-clockwise). */
export function reversed(c: QuadContour): QuadContour {
  const flip = <T>(a: T[]): T[] => (a.length === 0 ? [] : [a[0]!, ...a.slice(1).reverse()]);
  return { x: flip(c.x), y: flip(c.y), onCurve: flip(c.onCurve) };
}
