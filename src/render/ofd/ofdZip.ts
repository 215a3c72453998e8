// The OFD package is a zip (GB/T 33190-2016 §7.1). Its bytes depend on its
// content only: entries in the order given, fixed times; images, already
// compressed, are stored.
import { zipSync, type Zippable } from 'fflate';

/** Zip entry times: 1980-01-01, the earliest a zip can hold. */
const ZIP_EPOCH = new Date(1980, 0, 1, 0, 0, 0);

export function ofdZip(entries: ReadonlyArray<{ name: string; data: Uint8Array; compress: boolean }>): Uint8Array {
  const zippable: Zippable = {};
  for (const e of entries) {
    if (e.name in zippable) throw new Error(`two package entries named ${e.name}`);
    zippable[e.name] = [e.data, { mtime: ZIP_EPOCH, level: e.compress ? 6 : 0 }];
  }
  return zipSync(zippable);
}
