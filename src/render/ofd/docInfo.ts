// OFD.xml, the package's entry (GB/T 33190-2016 §7.4): one DocBody with the
// document's metadata (DocInfo) and where its root is.
import { createHash } from 'node:crypto';
import type { DocumentMetadata } from '../../typeset/layout.js';
import { el, part, textEl } from './xml.js';

export interface CreatorInfo {
  creator: string;
  creatorVersion: string;
}

/** A namespace of our own for name-based UUIDs (RFC 4122 §4.3) of documents. */
const DOC_ID_NAMESPACE = Buffer.from('6f1f7d3c9b2a4e58a0d4c2b1e7f30a96', 'hex');

/**
 * DocID: a UUID of 32 hexadecimal digits, as the standard asks. It is the
 * name-based UUID (version 5) of the document's metadata, so a rebuild of
 * the same issue gives the same one.
 */
export function docId(metadata: DocumentMetadata): string {
  const name = JSON.stringify([metadata.subject, metadata.title, metadata.author, metadata.date.toISOString()]);
  const hash = createHash('sha1').update(DOC_ID_NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  return hash.subarray(0, 16).toString('hex');
}

/** xs:date of a moment: its UTC day. */
export function xsDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function ofdXml(metadata: DocumentMetadata, creator: CreatorInfo, docRoot: string): string {
  const date = xsDate(metadata.date);
  const info = el(
    'DocInfo',
    {},
    textEl('DocID', docId(metadata)),
    textEl('Title', metadata.title),
    textEl('Author', metadata.author),
    textEl('Subject', metadata.subject),
    textEl('CreationDate', date),
    textEl('ModDate', date),
    metadata.keywords.length > 0 ? el('Keywords', {}, ...metadata.keywords.map((k) => textEl('Keyword', k))) : '',
    textEl('Creator', creator.creator),
    textEl('CreatorVersion', creator.creatorVersion),
  );
  return part('OFD', { Version: '1.0', DocType: 'OFD' }, el('DocBody', {}, info, textEl('DocRoot', docRoot)));
}
