// What the document says about itself, twice and alike: the document
// information dictionary (ISO 32000-1 §14.3.3) and the XMP metadata stream
// (§14.3.2, ISO 16684-1), with the PDF/A identification when there is one.
// Both dates are the Layout's date.
import type { DocumentMetadata } from '../../typeset/layout.js';
import { asciiString, textString, type PdfDict } from './objects.js';

export interface DocumentIdentity {
  metadata: DocumentMetadata;
  /** Producer and creating tool, with the version. */
  producer: string;
  /** PDF/A part and conformance (2, 'B'), when the file claims one. */
  pdfa?: { part: number; conformance: string };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** D:YYYYMMDDHHmmSS+00'00' in UTC. */
export function pdfDate(d: Date): string {
  return `D:${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}+00'00'`;
}

/** YYYY-MM-DDTHH:mm:ss+00:00 in UTC. */
export function xmpDate(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+00:00`;
}

/** The keywords as one string: the articles' titles, separated by semicolons. */
export const keywordsText = (m: DocumentMetadata): string => m.keywords.join('; ');

export function infoDict(id: DocumentIdentity): PdfDict {
  const m = id.metadata;
  const date = asciiString(pdfDate(m.date));
  return {
    Title: textString(m.title),
    Author: textString(m.author),
    Subject: textString(m.subject),
    Keywords: textString(keywordsText(m)),
    Creator: textString(id.producer),
    Producer: textString(id.producer),
    CreationDate: date,
    ModDate: date,
  };
}

/** Text as XML character data or an attribute value: & < > " ' escaped, and characters XML 1.0 cannot hold left out. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function xmpPacket(id: DocumentIdentity): Buffer {
  const m = id.metadata;
  const e = xmlEscape;
  const lang = e(m.language);
  const date = xmpDate(m.date);
  const alt = (s: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${e(s)}</rdf:li></rdf:Alt>`;
  const xml = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(m.title)}</dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${e(m.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description>${alt(m.subject)}</dc:description>`,
    `<dc:subject><rdf:Bag>${m.keywords.map((k) => `<rdf:li>${e(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`,
    `<dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${e(id.producer)}</xmp:CreatorTool>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `<pdf:Producer>${e(id.producer)}</pdf:Producer>`,
    `<pdf:Keywords>${e(keywordsText(m))}</pdf:Keywords>`,
    '</rdf:Description>',
    ...(id.pdfa
      ? [
          '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
          `<pdfaid:part>${id.pdfa.part}</pdfaid:part>`,
          `<pdfaid:conformance>${id.pdfa.conformance}</pdfaid:conformance>`,
          '</rdf:Description>',
        ]
      : []),
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
  return Buffer.from(xml, 'utf8');
}
