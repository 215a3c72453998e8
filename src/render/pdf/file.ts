// The file's structure (ISO 32000-1 §7.5): header, numbered objects, the
// cross-reference table and the trailer with a file identifier computed from
// the content, so the same document always gives the same bytes.
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PdfRaw, PdfRef, serialise, type PdfDict, type PdfValue } from './objects.js';

type Entry = { kind: 'value'; value: PdfValue } | { kind: 'stream'; dict: PdfDict; data: Uint8Array };

export interface StreamOptions {
  /** Flate-compress the data (default true); false for data that must stay readable (XMP) or is compressed already. */
  compress?: boolean;
}

export class PdfFile {
  private readonly entries: Array<Entry | undefined> = [undefined];

  /** A reference whose object is set later. */
  alloc(): PdfRef {
    this.entries.push(undefined);
    return new PdfRef(this.entries.length - 1);
  }

  set(ref: PdfRef, value: PdfValue): PdfRef {
    this.entries[ref.id] = { kind: 'value', value };
    return ref;
  }

  add(value: PdfValue): PdfRef {
    return this.set(this.alloc(), value);
  }

  setStream(ref: PdfRef, dict: PdfDict, data: Uint8Array, options: StreamOptions = {}): PdfRef {
    const compress = options.compress ?? true;
    const body = compress ? deflateSync(data) : data;
    const filter = compress ? { Filter: new PdfRaw('/FlateDecode') } : {};
    this.entries[ref.id] = { kind: 'stream', dict: { ...dict, ...filter }, data: body };
    return ref;
  }

  addStream(dict: PdfDict, data: Uint8Array, options: StreamOptions = {}): PdfRef {
    return this.setStream(this.alloc(), dict, data, options);
  }

  /** The whole file: `%PDF-version`, every object, the xref table and the trailer naming `trailer`'s entries. */
  write(version: string, trailer: PdfDict): Buffer {
    const chunks: Buffer[] = [];
    let offset = 0;
    const put = (b: Buffer) => {
      chunks.push(b);
      offset += b.length;
    };
    // The comment of four bytes above 127 marks the file as binary (§7.5.2).
    put(Buffer.from(`%PDF-${version}\n%\xe2\xe3\xcf\xd3\n`, 'latin1'));
    const offsets: number[] = [0];
    for (let id = 1; id < this.entries.length; id++) {
      const e = this.entries[id];
      if (!e) throw new Error(`PDF object ${id} was allocated but never set`);
      offsets[id] = offset;
      if (e.kind === 'value') {
        put(Buffer.from(`${id} 0 obj\n${serialise(e.value)}\nendobj\n`, 'latin1'));
      } else {
        put(Buffer.from(`${id} 0 obj\n${serialise({ ...e.dict, Length: e.data.length })}\nstream\n`, 'latin1'));
        put(Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength));
        put(Buffer.from('\nendstream\nendobj\n', 'latin1'));
      }
    }
    // The identifier: a digest of everything written so far, the same for the same document.
    const hash = createHash('md5');
    for (const c of chunks) hash.update(c);
    const id = hash.digest('hex').toUpperCase();
    const xrefAt = offset;
    let xref = `xref\n0 ${this.entries.length}\n0000000000 65535 f \n`;
    for (let i = 1; i < this.entries.length; i++) xref += `${String(offsets[i]).padStart(10, '0')} 00000 n \n`;
    const dict = { ...trailer, Size: this.entries.length, ID: new PdfRaw(`[<${id}> <${id}>]`) };
    put(Buffer.from(`${xref}trailer\n${serialise(dict)}\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
    return Buffer.concat(chunks);
  }
}
