// The part of pdfkit 0.20 that bulletin uses (the package ships no types).
declare module 'pdfkit' {
  type Color = string | [number, number, number] | [number, number, number, number];
  interface TextOptions {
    lineBreak?: boolean;
    baseline?: 'alphabetic' | 'top' | number;
    characterSpacing?: number;
    features?: string[] | Record<string, boolean>;
    fill?: boolean;
    stroke?: boolean;
  }
  interface DocumentOptions {
    autoFirstPage?: boolean;
    compress?: boolean;
    pdfVersion?: string;
    lang?: string;
    displayTitle?: boolean;
    info?: Record<string, string | Date>;
    fontLayoutCache?: boolean;
  }
  interface Outline {
    addItem(title: string, options?: { expanded?: boolean }): Outline;
  }
  class PDFDocument {
    constructor(options?: DocumentOptions);
    outline: Outline;
    addPage(options: { size: [number, number]; margin?: number }): this;
    registerFont(name: string, src: string | Buffer): this;
    font(name: string): this;
    fontSize(size: number): this;
    fillColor(color: Color): this;
    strokeColor(color: Color): this;
    lineWidth(width: number): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    stroke(): this;
    save(): this;
    restore(): this;
    rotate(angle: number, options?: { origin?: [number, number] }): this;
    text(text: string, x: number, y: number, options?: TextOptions): this;
    image(src: Buffer | Uint8Array, x: number, y: number, options?: { width?: number; height?: number }): this;
    markContent(tag: 'Span', options: { actual?: string }): this;
    endMarkedContent(): this;
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    on(event: 'end' | 'error', listener: (err?: Error) => void): this;
    end(): void;
  }
  export default PDFDocument;
}
