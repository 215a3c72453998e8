// title.tooLong: a title that sets on more lines than the template allows.
import type { Rule } from '../rule.js';

export const ID = 'title.tooLong';
export const DEFAULT_MAX_TITLE_LINES = 2;

export const titleTooLong: Rule = {
  id: ID,
  check(ctx) {
    const max = ctx.options.maxTitleLines ?? DEFAULT_MAX_TITLE_LINES;
    ctx.issue.articles.forEach((article, k) => {
      const first = article.title[0];
      if (!first) return;
      const set = ctx.options.titleLineCounts?.[k];
      const lines = set ?? article.title.length;
      if (lines <= max) return;
      const wrapped = set !== undefined && set > article.title.length;
      const message = {
        zh: `标题${wrapped ? `排版后占 ${lines} 行（作者分 ${article.title.length} 行，有行需折行）` : `有 ${lines} 行`}，超过模板允许的 ${max} 行；请缩短标题`,
        en: `the title ${wrapped ? `sets on ${lines} lines (written as ${article.title.length}; a line had to wrap)` : `has ${lines} lines`}, more than the ${max} the template allows; shorten it`,
      };
      ctx.out.atPos(ID, article.file, first.pos.line, first.pos.col, message);
    });
  },
};
