// What reading keeps between the preview's rebuilds: each source file's text
// (read again only when the file changed: its size, times or inode differ,
// or the watcher named it), and each article's model, keyed by the text it
// was read from and valid while the images it loaded are unchanged. A file
// read again gives the same diagnostics as a first reading; an article whose
// reading found errors is not kept, so it is read afresh until it is right.
import { statSync } from 'node:fs';
import { Diagnostics, type Diagnostic } from '../diagnostics.js';
import type { Article, Block } from '../model.js';
import { readArticle } from './article.js';
import type { ImageRules } from './images.js';
import { readSourceFile } from './sourceFile.js';

interface SourceEntry {
  stamp: string;
  text: string | undefined;
  diagnostics: Diagnostic[];
}

interface ArticleEntry {
  text: string;
  rules: string;
  article: Article | undefined;
  /** The images it loaded, with their stamps when read. */
  images: Array<{ file: string; stamp: string }>;
  diagnostics: Diagnostic[];
}

export class ReadCache {
  private readonly sources = new Map<string, SourceEntry>();
  private readonly articles = new Map<string, ArticleEntry>();

  /** Forget what was read from `files` (the watcher saw them change). */
  forget(files: Iterable<string>): void {
    for (const f of files) {
      this.sources.delete(f);
      this.articles.delete(f);
    }
  }

  /** The file's text as readSourceFile gives it, read again only when the file changed. */
  source(file: string, diags: Diagnostics): string | undefined {
    const stamp = stampOf(file);
    const known = this.sources.get(file);
    if (known && stamp !== undefined && known.stamp === stamp) {
      diags.items.push(...known.diagnostics);
      return known.text;
    }
    const own = new Diagnostics();
    const text = readSourceFile(file, own);
    diags.items.push(...own.items);
    if (stamp !== undefined) this.sources.set(file, { stamp, text, diagnostics: own.items });
    else this.sources.delete(file);
    return text;
  }

  /** The article `file` whose text is `text`, as readArticle gives it, the same object while nothing it was read from changed. */
  article(file: string, text: string, images: ImageRules, diags: Diagnostics): Article | undefined {
    const rules = JSON.stringify(images);
    const known = this.articles.get(file);
    if (known && known.text === text && known.rules === rules && known.images.every((i) => stampOf(i.file) === i.stamp)) {
      diags.items.push(...known.diagnostics);
      return known.article;
    }
    const own = new Diagnostics();
    const article = readArticle(file, text, images, own);
    diags.items.push(...own.items);
    if (article && !own.hasErrors()) {
      const loaded = imagesOf(article.blocks).map((f) => ({ file: f, stamp: stampOf(f) ?? '' }));
      this.articles.set(file, { text, rules, article, images: loaded, diagnostics: own.items });
    } else {
      this.articles.delete(file);
    }
    return article;
  }
}

/** What changes when a file is written, replaced, moved or chmod'ed; undefined when it cannot be seen. */
function stampOf(file: string): string | undefined {
  try {
    const st = statSync(file, { bigint: true });
    return `${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}:${st.mode}`;
  } catch {
    return undefined;
  }
}

/** The image files an article's blocks load, in lists and 编者按 too. */
function imagesOf(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    switch (b.type) {
      case 'image':
        return [b.file];
      case 'quote':
        return imagesOf(b.blocks);
      case 'list':
        return b.items.flatMap((item) => imagesOf(item.blocks));
      default:
        return [];
    }
  });
}
