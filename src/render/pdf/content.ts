// A page's content stream (ISO 32000-1 §8, §9.4, §14.6): text objects, rules,
// images and marked-content sequences, in y-up page space. The graphics
// state is tracked so that a colour, font or width is set only when it
// changes.
import { num, serialise, type PdfDict } from './objects.js';

/** A colour as the page draws it. */
export type DeviceColor = { space: 'rgb'; r: number; g: number; b: number } | { space: 'cmyk'; c: number; m: number; y: number; k: number };

interface GraphicsState {
  fill?: string;
  stroke?: string;
  lineWidth?: number;
  font?: string;
  size?: number;
  charSpacing: number;
  renderMode: number;
}

/** One text run's drawing: glyph codes already encoded (hex, two bytes a glyph). */
export interface TextDraw {
  font: string;
  size: number;
  x: number;
  y: number;
  hex: string;
  charSpacing: number;
  color: DeviceColor;
  /** Fill and stroke with this line width (a face without a bold cut). */
  boldStroke?: number;
}

function colorOperands(c: DeviceColor): string {
  return c.space === 'rgb' ? `${num(c.r)} ${num(c.g)} ${num(c.b)}` : `${num(c.c)} ${num(c.m)} ${num(c.y)} ${num(c.k)}`;
}

export class ContentStream {
  private readonly out: string[] = [];
  private state: GraphicsState = { charSpacing: 0, renderMode: 0 };
  private readonly saved: GraphicsState[] = [];
  private inText = false;

  private op(s: string): void {
    this.out.push(s);
  }

  save(): void {
    this.endText();
    this.saved.push({ ...this.state });
    this.op('q');
  }

  restore(): void {
    this.endText();
    this.state = this.saved.pop()!;
    this.op('Q');
  }

  transform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.endText();
    this.op(`${num(a)} ${num(b)} ${num(c)} ${num(d)} ${num(e)} ${num(f)} cm`);
  }

  fillColor(c: DeviceColor): void {
    const s = `${colorOperands(c)} ${c.space === 'rgb' ? 'rg' : 'k'}`;
    if (this.state.fill !== s) this.op((this.state.fill = s));
  }

  strokeColor(c: DeviceColor): void {
    const s = `${colorOperands(c)} ${c.space === 'rgb' ? 'RG' : 'K'}`;
    if (this.state.stroke !== s) this.op((this.state.stroke = s));
  }

  lineWidth(w: number): void {
    if (this.state.lineWidth !== w) {
      this.state.lineWidth = w;
      this.op(`${num(w)} w`);
    }
  }

  /** A straight stroked line (butt caps, the default). */
  line(x1: number, y1: number, x2: number, y2: number, width: number, color: DeviceColor): void {
    this.endText();
    this.strokeColor(color);
    this.lineWidth(width);
    this.op(`${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`);
  }

  /** An image XObject drawn into the unit square mapped by the matrix. */
  image(resource: string, matrix: [number, number, number, number, number, number]): void {
    this.endText();
    this.op('q');
    this.op(`${matrix.map(num).join(' ')} cm`);
    this.op(`/${resource} Do`);
    this.op('Q');
  }

  text(t: TextDraw): void {
    this.fillColor(t.color);
    if (t.boldStroke !== undefined) {
      this.strokeColor(t.color);
      this.lineWidth(t.boldStroke);
    }
    if (!this.inText) {
      this.op('BT');
      this.inText = true;
    }
    if (this.state.font !== t.font || this.state.size !== t.size) {
      this.state.font = t.font;
      this.state.size = t.size;
      this.op(`/${t.font} ${num(t.size)} Tf`);
    }
    const mode = t.boldStroke !== undefined ? 2 : 0;
    if (this.state.renderMode !== mode) {
      this.state.renderMode = mode;
      this.op(`${mode} Tr`);
    }
    if (num(this.state.charSpacing) !== num(t.charSpacing)) {
      this.state.charSpacing = t.charSpacing;
      this.op(`${num(t.charSpacing)} Tc`);
    }
    this.op(`1 0 0 1 ${num(t.x)} ${num(t.y)} Tm`);
    this.op(`<${t.hex}> Tj`);
  }

  private endText(): void {
    if (this.inText) {
      this.op('ET');
      this.inText = false;
    }
  }

  /** A marked-content sequence (§14.6): BDC with properties, or BMC without. */
  beginMarked(tag: string, properties?: PdfDict): void {
    this.endText();
    this.op(properties ? `/${tag} ${serialise(properties)} BDC` : `/${tag} BMC`);
  }

  endMarked(): void {
    this.endText();
    this.op('EMC');
  }

  bytes(): Buffer {
    this.endText();
    return Buffer.from(this.out.join('\n'), 'latin1');
  }
}
