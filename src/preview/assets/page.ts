// The preview's page: its HTML (with its words in the user's language, as
// data the script reads) and its style. The pages themselves come from the
// server as SVG; the script puts them in (assets/client.ts).

/** The words the page shows. */
export interface PageTexts {
  title: string;
  pages: string;
  rebuilt: string;
  failed: string;
  problems: string;
  source: string;
  sourceHint: string;
  disconnected: string;
  none: string;
}

export const PAGE_TEXTS: Record<'zh' | 'en', PageTexts> = {
  zh: {
    title: '简报预览',
    pages: '{n} 页',
    rebuilt: '生成用时 {ms} 毫秒',
    failed: '输入有误，下面仍是上一次正确生成的页面；改正并保存后自动更新。',
    problems: '问题',
    source: '出自 {file} 第 {line} 行',
    sourceHint: '点击正文中的一行，可查看它出自哪篇文章的哪一行。',
    disconnected: '与预览程序的连接已断开，正在重试……',
    none: '还没有生成页面。',
  },
  en: {
    title: 'Bulletin preview',
    pages: '{n} pages',
    rebuilt: 'built in {ms} ms',
    failed: 'The inputs have errors; these are the last good pages. Fix and save to update.',
    problems: 'Problems',
    source: 'from {file}, line {line}',
    sourceHint: 'Click a line of text to see which article file and line it came from.',
    disconnected: 'Lost the connection to the preview; retrying…',
    none: 'No pages yet.',
  },
};

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function pageHtml(lang: 'zh' | 'en', issue: string, texts: PageTexts): string {
  // The words as JSON in an element the script reads; "<" escaped so no text can end the element.
  const data = JSON.stringify(texts).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${texts.title} · ${issue}`)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/preview.css">
<script type="application/json" id="texts">${data}</script>
<script src="/preview.js" defer></script>
</head>
<body>
<header id="bar"><strong>${escapeHtml(texts.title)} · ${escapeHtml(issue)}</strong> <span id="status"></span> <span id="source">${escapeHtml(texts.sourceHint)}</span></header>
<section id="problems" hidden><h2>${escapeHtml(texts.problems)}</h2><p id="failed" hidden>${escapeHtml(texts.failed)}</p><ul id="problem-list"></ul></section>
<main id="pages"><p id="empty">${escapeHtml(texts.none)}</p></main>
<svg id="glyphs" width="0" height="0" aria-hidden="true" style="position:absolute"><defs></defs></svg>
</body>
</html>
`;
}

export const PAGE_STYLE = `
* { box-sizing: border-box; }
html { background: #e8e8e8; }
body { margin: 0; font: 14px/1.5 system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #222; }
#bar { position: sticky; top: 0; z-index: 2; background: #fafafa; border-bottom: 1px solid #ccc; padding: 6px 16px; display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; }
#status { color: #666; }
#source { margin-left: auto; color: #555; }
#source.found { color: #0b57d0; font-weight: 600; }
#problems { position: sticky; top: 37px; z-index: 1; margin: 0; padding: 8px 16px; background: #fff4f4; border-bottom: 2px solid #d93025; max-height: 40vh; overflow: auto; }
#problems h2 { margin: 0 0 4px; font-size: 14px; }
#problems.warnings-only { background: #fffbea; border-bottom-color: #e0a800; }
#problem-list { margin: 0; padding: 0; list-style: none; font-family: ui-monospace, "Noto Sans Mono CJK SC", monospace; font-size: 13px; }
#problem-list li.error { color: #b3261e; }
#problem-list li.warning { color: #7a5b00; }
#failed { margin: 0 0 4px; font-weight: 600; color: #b3261e; }
#pages { display: flex; flex-direction: column; align-items: center; gap: 24px; padding: 24px 12px 48px; }
.page { width: min(100%, 820px); background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
.page > svg { display: block; width: 100%; height: auto; }
.page text { cursor: text; }
.page text::selection { fill: transparent; background: rgba(11,87,208,.25); }
.page rect.picked { fill: rgba(11,87,208,.14); }
body.stale .page { opacity: .75; }
`;
