// Where the 报尾 goes: at the foot of the last page, its last rule on the
// text block's bottom edge, with spaceAbove grid lines free above it; on a
// page of its own when it does not fit there (docs/format.md §6).
import type { TypesetContext } from './context.js';
import type { DistributionBlock } from './distribution.js';
import type { SetDistribution } from './layout.js';
import type { PagedLine } from './paginate.js';

/** The 报尾's place; a new, empty page is added to `paged` when it takes one. */
export function placeDistribution(dist: DistributionBlock, paged: PagedLine[][], firstGridLine: number, ctx: TypesetContext): SetDistribution {
  const geometry = ctx.geometry;
  let page = paged.length - 1;
  const last = paged[page]!;
  const used = last.length > 0 ? Math.max(...last.map((l) => l.gridLine + l.line.gridLines)) : page === 0 ? firstGridLine : 0;
  let contentBottom = used * geometry.pitch;
  const free = geometry.height - (used + ctx.template.distribution.spaceAbove) * geometry.pitch;
  let newPage = false;
  if (dist.node.height > free + 1e-6) {
    paged.push([]);
    page++;
    newPage = true;
    contentBottom = 0;
  }
  return { ...dist.node, page: page + 1, top: geometry.height - dist.node.height, contentBottom, newPage };
}
