// The command line's own words (results, summaries, help), in Chinese and
// English. Problems with the inputs are worded in src/messages.ts.
import type { Lang } from '../messages.js';

type Texts = Record<string, (p: Record<string, string | number>) => string>;

const zh = {
  wrote: (p) => `已生成 ${p.file}（${p.detail}）`,
  pages: (p) => `${p.pages} 页，`,
  built: (p) => `✓ ${p.id}（${p.ms} 毫秒）`,
  failed: (p) => `✗ ${p.id}：${p.count} 个错误`,
  summary: (p) => `共 ${p.total} 期：成功 ${p.ok} 期，失败 ${p.failed} 期`,
  checkClean: (p) => `${p.id}：没有发现问题`,
  checkCount: (p) => `${p.id}：${p.errors} 个错误，${p.warnings} 个警告`,
  fixed: (p) => `已修改 ${p.count} 个文件`,
  nothingToFix: () => '没有可以自动修正的问题',
  created: (p) => `已建立 ${p.dir}（仿照 ${p.from}${p.number ? `，${typeof p.number === 'number' ? `第 ${p.number} 期` : p.number}` : ''}）`,
  createdFile: (p) => `  ${p.file}`,
  watching: () => '正在监视文件变化，保存后自动重新生成（按 Ctrl+C 结束）',
  rebuilt: (p) => `已重新生成（${p.ms} 毫秒）`,
  rebuildFailed: () => '输入有误，已保留上一次的 PDF；修改后保存即可重试',
  watchResumed: (p) => `${p.dir}：期次目录已恢复，重新监视`,
  watchError: (p) => `监视文件时出错：${p.message}（可设置环境变量 CHOKIDAR_USEPOLLING=1 改用轮询）`,
  fontsTemplate: (p) => `模板 ${p.template} 的字体：`,
  fontsHeader: () => '字体 | Word 字体名 | 文件 | 后备 | 用于',
  fontsNone: () => '本期所有字符都由各自角色的字体排出',
  fontsChars: () => '由后备字体排出或没有字体的字符：',
  needIssue: () => '请指定期次，或使用 --all',
  noIssues: (p) => `${p.dir} 下还没有期次`,
  badPdfa: (p) => `--pdfa 只能是 1b、2b、2u 或 2a（不写级别即 2b），而不是“${p.value}”`,
  badFormat: (p) => `--format 取 pdf、docx、ofd、png、svg 中的一个或几个（用逗号分隔，如 pdf,docx），而不是“${p.value}”`,
  badDpi: (p) => `--dpi 应是 ${p.min} 到 ${p.max} 之间的整数，而不是“${p.value}”`,
  internal: (p) => `内部错误：${p.message}（加 --debug 查看详情）`,
  previewUrl: (p) => `预览：在浏览器中打开 ${p.url}（按 Ctrl+C 结束）`,
  previewRebuilt: (p) => `${p.id}: 已重新生成（${p.ms} 毫秒，${p.pages} 页）`,
  previewFailed: () => '输入有误，预览中仍显示上一次正确的页面；修改后保存即可重试',
  badPort: (p) => `--port 应是 1 到 65535 之间的整数，而不是“${p.value}”`,
  portBusy: (p) => `端口 ${p.port} 已被占用，请换一个（或不加 --port，自动选择空闲端口）`,
  openFailed: (p) => `无法打开浏览器（${p.message}），请手动打开 ${p.url}`,
  badSourceDateEpoch: (p) => `环境变量 SOURCE_DATE_EPOCH=${p.value} 无效：应为 0 到 ${p.max}（9999 年末）之间的整数秒数；不需要时请删除该变量`,
} satisfies Texts;

/** Every key of zh, and no other: a missing or mistyped key does not compile. */
const en: Record<keyof typeof zh, Texts[string]> = {
  wrote: (p) => `wrote ${p.file} (${p.detail})`,
  pages: (p) => `${p.pages} pages, `,
  built: (p) => `✓ ${p.id} (${p.ms} ms)`,
  failed: (p) => `✗ ${p.id}: ${p.count} error(s)`,
  summary: (p) => `${p.total} issue(s): ${p.ok} built, ${p.failed} failed`,
  checkClean: (p) => `${p.id}: no problems found`,
  checkCount: (p) => `${p.id}: ${p.errors} error(s), ${p.warnings} warning(s)`,
  fixed: (p) => `changed ${p.count} file(s)`,
  nothingToFix: () => 'nothing to fix automatically',
  created: (p) => `created ${p.dir} (from ${p.from}${p.number ? `, issue ${p.number}` : ''})`,
  createdFile: (p) => `  ${p.file}`,
  watching: () => 'watching for changes; every save rebuilds (Ctrl+C to stop)',
  rebuilt: (p) => `rebuilt (${p.ms} ms)`,
  rebuildFailed: () => 'the inputs have errors; the last good PDF is kept; save again after fixing',
  watchResumed: (p) => `${p.dir}: the issue folder is back; watching it again`,
  watchError: (p) => `watching the files failed: ${p.message} (CHOKIDAR_USEPOLLING=1 makes it poll instead)`,
  fontsTemplate: (p) => `fonts of template ${p.template}:`,
  fontsHeader: () => 'face | Word name | file | fallbacks | used by',
  fontsNone: () => 'every character of this issue comes from its role’s own font',
  fontsChars: () => 'characters drawn from a fallback face, or from none:',
  needIssue: () => 'name the issues, or use --all',
  noIssues: (p) => `there are no issues under ${p.dir} yet`,
  badPdfa: (p) => `--pdfa takes 1b, 2b, 2u or 2a (2b when no level is given), not "${p.value}"`,
  badFormat: (p) => `--format takes one or more of pdf, docx, ofd, png, svg, comma-separated (e.g. pdf,docx), not "${p.value}"`,
  badDpi: (p) => `--dpi takes a whole number from ${p.min} to ${p.max}, not "${p.value}"`,
  internal: (p) => `internal error: ${p.message} (--debug shows the details)`,
  previewUrl: (p) => `preview: open ${p.url} in a browser (Ctrl+C to stop)`,
  previewRebuilt: (p) => `${p.id}: rebuilt (${p.ms} ms, ${p.pages} pages)`,
  previewFailed: () => 'the inputs have errors; the preview keeps the last good pages; save again after fixing',
  badPort: (p) => `--port takes a whole number from 1 to 65535, not "${p.value}"`,
  portBusy: (p) => `port ${p.port} is in use; choose another (or leave out --port for a free one)`,
  openFailed: (p) => `could not open a browser (${p.message}); open ${p.url} yourself`,
  badSourceDateEpoch: (p) => `SOURCE_DATE_EPOCH=${p.value} is not valid: it must be a whole number of seconds from 0 to ${p.max} (the end of year 9999); unset it if not needed`,
};

export function text(lang: Lang, key: keyof typeof zh, params: Record<string, string | number> = {}): string {
  return (lang === 'zh' ? zh : en)[key](params);
}
