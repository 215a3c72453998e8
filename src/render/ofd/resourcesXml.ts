// The resource parts (GB/T 33190-2016 §7.9): PublicRes.xml with the colour
// space and the fonts (each with its embedded subset), DocumentRes.xml with
// the images (MultiMedia). Files named in them lie under BaseLoc.
import { el, part, textEl } from './xml.js';

export interface FontResource {
  id: number;
  fontName: string;
  familyName: string;
  file: string;
}

export interface ImageResource {
  id: number;
  format: 'jpeg' | 'png';
  file: string;
}

export function publicResXml(baseLoc: string, colorSpaceId: number, fonts: FontResource[]): string {
  return part(
    'Res',
    { BaseLoc: baseLoc },
    el('ColorSpaces', {}, el('ColorSpace', { ID: colorSpaceId, Type: 'RGB', BitsPerComponent: 8 })),
    fonts.length > 0
      ? el('Fonts', {}, ...fonts.map((f) => el('Font', { ID: f.id, FontName: f.fontName, FamilyName: f.familyName }, textEl('FontFile', f.file))))
      : '',
  );
}

export function documentResXml(baseLoc: string, images: ImageResource[]): string {
  return part(
    'Res',
    { BaseLoc: baseLoc },
    el(
      'MultiMedias',
      {},
      ...images.map((i) => el('MultiMedia', { ID: i.id, Type: 'Image', Format: i.format === 'png' ? 'PNG' : 'JPEG' }, textEl('MediaFile', i.file))),
    ),
  );
}
