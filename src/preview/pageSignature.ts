// What is on a page, as one string: two pages with the same signature draw
// the same SVG (the preview draws again only pages whose signature changed).
import type { Layout, LayoutPage } from '../typeset/layout.js';

const imageIds = new WeakMap<Uint8Array, number>();
let nextImage = 0;

export function pageSignature(layout: Layout, page: LayoutPage): string {
  const faces = Object.entries(layout.faces).map(([key, f]) => `${key}=${f.file}`);
  return JSON.stringify([layout.width, layout.height, faces, page.items], (key, value: unknown) => {
    // An image by the identity of its bytes: reading gives the same bytes for an unchanged file.
    if (key === 'data' && value instanceof Uint8Array) {
      let id = imageIds.get(value);
      if (id === undefined) imageIds.set(value, (id = nextImage++));
      return id;
    }
    return value;
  });
}
