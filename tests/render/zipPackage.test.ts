// The zip container of the DOCX and OFD packages (src/render/zipPackage.ts):
// stored entries give byte for byte what fflate's zipSync gives; deflated
// entries are read back exactly by two readers that are not ours (Python's
// zipfile, fflate's unzipSync), with sizes and CRC in the local headers and
// no data descriptors, as zipSync's packages had.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipPackage, type ZipEntry } from '../../src/render/zipPackage.js';
import { tempDir } from '../helpers/project.js';

const xml = (n: number) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<w:document>${'<w:p><w:r><w:t>上海市邮政快递行业 简报</w:t></w:r></w:p>'.repeat(n)}</w:document>`, 'utf8');
const ENTRIES: ZipEntry[] = [
  { name: '[Content_Types].xml', data: xml(1), compress: true },
  { name: 'word/document.xml', data: xml(500), compress: true },
  { name: 'word/media/图片一.png', data: Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) & 0xff), compress: false },
  { name: 'word/empty.xml', data: new Uint8Array(0), compress: true },
  { name: 'Doc_0/Res/字体.ttf', data: Uint8Array.from({ length: 70000 }, (_, i) => (i * 31) & 0xff), compress: true },
];

describe('the package zip', () => {
  it('of stored entries is byte for byte what fflate zipSync writes, UTF-8 names and an empty entry included', () => {
    const stored = ENTRIES.map((e) => ({ ...e, compress: false }));
    const reference: Zippable = {};
    for (const e of stored) reference[e.name] = [e.data, { mtime: new Date(1980, 0, 1, 0, 0, 0), level: 0 }];
    expect(Buffer.from(zipPackage(stored)).equals(Buffer.from(zipSync(reference)))).toBe(true);
  });

  it('of deflated entries reads back exactly in fflate and in Python zipfile, in order, sizes and CRC in the local headers', () => {
    const zip = zipPackage(ENTRIES);
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(ENTRIES.map((e) => e.name));
    for (const e of ENTRIES) expect(Buffer.from(back[e.name]!).equals(Buffer.from(e.data)), e.name).toBe(true);
    const file = path.join(tempDir('bulletin-zip-'), 'p.zip');
    writeFileSync(file, zip);
    const script = String.raw`
import json, sys, zipfile, struct
z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
raw = open(sys.argv[1], 'rb').read()
print(json.dumps({'bad': bad, 'entries': [{'name': i.filename, 'method': i.compress_type, 'size': i.file_size, 'csize': i.compress_size, 'flag': struct.unpack('<H', raw[i.header_offset + 6:i.header_offset + 8])[0], 'date': list(i.date_time), 'sha': __import__('hashlib').sha256(z.read(i)).hexdigest()} for i in z.infolist()]}))`;
    const r = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' })) as {
      bad: string | null;
      entries: Array<{ name: string; method: number; size: number; csize: number; flag: number; date: number[]; sha: string }>;
    };
    expect(r.bad).toBeNull();
    expect(r.entries.map((e) => e.name)).toEqual(ENTRIES.map((e) => e.name));
    const sha = (d: Uint8Array) => createHash('sha256').update(d).digest('hex');
    r.entries.forEach((e, i) => {
      const want = ENTRIES[i]!;
      expect(e.method, e.name).toBe(want.compress ? 8 : 0);
      expect(e.size).toBe(want.data.length);
      expect(e.sha).toBe(sha(want.data));
      // No data descriptor (bit 3); bit 11 (UTF-8) exactly for the names that need it.
      expect(e.flag & 0x08).toBe(0);
      expect(e.flag & 0x800).toBe(/^[\x00-\x7f]*$/.test(e.name) ? 0 : 0x800);
      expect(e.date).toEqual([1980, 1, 1, 0, 0, 0]);
    });
    // The XML is compressed; the media entry is stored as it is.
    expect(r.entries[1]!.csize).toBeLessThan(ENTRIES[1]!.data.length / 10);
    expect(r.entries[2]!.csize).toBe(3000);
  });

  it('refuses two entries of one name', () => {
    expect(() => zipPackage([ENTRIES[0]!, { ...ENTRIES[1]!, name: ENTRIES[0]!.name }])).toThrow(/two package entries named \[Content_Types\]\.xml/);
  });
});
