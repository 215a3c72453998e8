// A PDF's objects as qpdf reads them (`qpdf --json=2`, streams decoded), for
// tests that check what poppler does not print: the catalog, the trailer,
// output intents, content streams, the XMP packet. And PDFBox Preflight
// (Debian libpdfbox2-java), the PDF/A-1b validator.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface QpdfObject {
  value?: Json;
  stream?: { dict: Record<string, Json>; data?: string };
}

export class PdfObjects {
  readonly objects: Record<string, QpdfObject>;
  readonly trailer: Record<string, Json>;
  readonly pages: string[];

  constructor(file: string) {
    const out = execFileSync('qpdf', ['--json=2', '--json-stream-data=inline', '--decode-level=generalized', file], { encoding: 'utf8', maxBuffer: 512 << 20 });
    const json = JSON.parse(out) as { qpdf: [unknown, Record<string, QpdfObject>]; pages: Array<{ object: string }> };
    this.objects = json.qpdf[1];
    this.trailer = this.objects.trailer!.value as Record<string, Json>;
    this.pages = json.pages.map((p) => p.object);
  }

  /** The object a reference names (or the value itself when it is not a reference). */
  get(ref: Json | undefined): QpdfObject | undefined {
    if (typeof ref === 'string' && / \d+ R$/.test(ref)) return this.objects[`obj:${ref}`];
    return ref === undefined ? undefined : { value: ref };
  }

  /** A dictionary, directly or through its reference; a stream's dictionary. */
  dict(ref: Json | undefined): Record<string, Json> {
    const o = this.get(ref);
    return (o?.stream?.dict ?? (o?.value as Record<string, Json> | undefined)) ?? {};
  }

  /** A stream's decoded bytes. */
  data(ref: Json | undefined): Buffer {
    const s = this.get(ref)?.stream;
    if (!s?.data) throw new Error(`no stream data for ${String(ref)}`);
    return Buffer.from(s.data, 'base64');
  }

  get catalog(): Record<string, Json> {
    return this.dict(this.trailer['/Root']);
  }

  /** Each page's content, its streams joined. */
  pageContents(): string[] {
    return this.pages.map((p) => {
      const c = this.dict(p)['/Contents'];
      const refs = Array.isArray(c) ? c : [c as Json];
      return refs.map((r) => this.data(r).toString('latin1')).join('\n');
    });
  }

  /** Every key of every dictionary in the file. */
  allKeys(): Set<string> {
    const keys = new Set<string>();
    const walk = (v: Json | undefined) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          keys.add(k);
          walk(x);
        }
      }
    };
    for (const o of Object.values(this.objects)) walk((o.stream?.dict ?? o.value) as Json);
    return keys;
  }
}

/** A PDF text string as qpdf gives it ("u:…" for text, "b:…" hex bytes). */
export function pdfString(v: Json | undefined): string {
  if (typeof v !== 'string') throw new Error(`not a string: ${JSON.stringify(v)}`);
  if (v.startsWith('u:')) return v.slice(2);
  if (v.startsWith('b:')) return Buffer.from(v.slice(2), 'hex').toString('latin1');
  return v;
}

const PREFLIGHT_JARS = ['preflight', 'pdfbox2', 'fontbox2', 'commons-logging', 'xmpbox', 'javax.activation', 'jaxb-api'].map((j) => `/usr/share/java/${j}.jar`);

export function havePreflight(): boolean {
  return PREFLIGHT_JARS.every((j) => existsSync(j)) && spawnSync('java', ['-version']).status === 0;
}

export interface PreflightResult {
  valid: boolean;
  /** Each error as Preflight prints it: the code (e.g. "2.2.2") and the message. */
  errors: Array<{ code: string; message: string }>;
  output: string;
}

/** PDFBox Preflight's verdict on `file` as PDF/A-1b. */
export function preflight(file: string): PreflightResult {
  const r = spawnSync('java', ['-cp', PREFLIGHT_JARS.join(':'), 'org.apache.pdfbox.preflight.Validator_A1b', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const output = `${r.stdout}${r.stderr}`;
  const errors = [...r.stdout.matchAll(/^(\d+(?:\.\d+)*) : (.*)$/gm)].map((m) => ({ code: m[1]!, message: m[2]! }));
  return { valid: /is a valid PDF\/A-1b file/.test(r.stdout), errors, output };
}
