// PDF/A levels (ISO 19005-1, -2) and what each asks of the file: its PDF
// version, its identification in the XMP, whether soft masks (transparency)
// are allowed, whether DeviceCMYK may be drawn beside an sRGB output intent
// (never), the CIDSet of PDF/A-1, and the output intent itself.
import type { PdfFile } from './file.js';
import { asciiString, name, type PdfRef } from './objects.js';
import { SRGB_DESCRIPTION, srgbProfile } from './srgbProfile.js';

import type { PdfALevel } from '../../pdfaLevel.js';

export type { PdfALevel };

export interface FileRules {
  version: string;
  pdfa?: { part: number; conformance: string };
  /** Images may have soft masks. */
  transparency: boolean;
  /** Colours may be drawn in DeviceCMYK (none may beside an RGB output intent). */
  deviceCmyk: boolean;
  /** Fonts carry a CIDSet. */
  cidSet: boolean;
  /** A .notdef glyph may not be shown (PDF/A-2, ISO 19005-2 §6.2.11.8). */
  noNotdef: boolean;
}

export function fileRules(level: PdfALevel | undefined): FileRules {
  if (!level) return { version: '1.7', transparency: true, deviceCmyk: true, cidSet: false, noNotdef: false };
  const part = Number(level[0]);
  const conformance = level[1]!.toUpperCase();
  return {
    version: part === 1 ? '1.4' : '1.7',
    pdfa: { part, conformance },
    transparency: part >= 2,
    deviceCmyk: false,
    // Required by PDF/A-1 (ISO 19005-1 §6.3.5); allowed, when complete, by PDF/A-2.
    cidSet: true,
    noNotdef: part >= 2,
  };
}

/** The sRGB output intent (ISO 19005-1 §6.2.2). */
export function outputIntent(file: PdfFile): PdfRef {
  const profile = file.addStream({ N: 3 }, srgbProfile());
  return file.add({
    Type: name('OutputIntent'),
    S: name('GTS_PDFA1'),
    OutputConditionIdentifier: asciiString(SRGB_DESCRIPTION),
    Info: asciiString(SRGB_DESCRIPTION),
    RegistryName: asciiString('http://www.color.org'),
    DestOutputProfile: profile,
  });
}
