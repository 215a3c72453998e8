// Every message the user can see, in Chinese and English. Diagnostics carry a
// code and parameters; the words are chosen here, in the user's language.

export type Lang = 'zh' | 'en';
type Params = Record<string, string | number>;
type Text = (p: Params) => string;

const TYPE_NAMES: Record<string, { zh: string; en: string }> = {
  string: { zh: '文本', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'an integer' },
  boolean: { zh: 'true 或 false', en: 'true or false' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '“键: 值”映射', en: 'a mapping of keys to values' },
  record: { zh: '“键: 值”映射', en: 'a mapping of keys to values' },
};

function typeName(expected: string | number | undefined, lang: Lang): string {
  return String(expected ?? '')
    .split('|')
    .map((t) => TYPE_NAMES[t]?.[lang] ?? t)
    .join(lang === 'zh' ? '或' : ' or ');
}

/** What is wrong with a damaged image (see read/imageIntegrity.ts); other details are shown as they are. */
const IMAGE_DEFECT_ZH: Record<string, string> = {
  truncated: '文件不完整（被截断）',
  checksum: '数据校验和不符',
  data: '图像数据无法解码（已损坏）',
  structure: '文件结构不正确',
};
const IMAGE_DEFECT_EN: Record<string, string> = {
  truncated: 'the file is cut off',
  checksum: 'a checksum does not match',
  data: 'the image data is damaged and does not decode',
  structure: 'the file is not laid out as the format requires',
};

/** Kinds of JPEG not accepted (src/read/jpegFile.ts). */
const JPEG_KIND_ZH: Record<string, string> = {
  lossless: '无损（lossless, SOF3）',
  arithmetic: '算术编码（arithmetic coding）',
  hierarchical: '分层（hierarchical）',
  precision: '12 位或 16 位精度（12-bit）',
  components: '通道数不是 1、3 或 4 的',
};
const JPEG_KIND_EN: Record<string, string> = {
  lossless: 'lossless (SOF3)',
  arithmetic: 'arithmetic-coded',
  hierarchical: 'hierarchical',
  precision: '12-bit (or other non-8-bit)',
  components: 'neither 1-, 3- nor 4-channel',
};

/** What cannot be split across pages and may be too tall for one (block.tooTall). */
const TOO_TALL_ZH: Record<string, string> = {
  title: '个标题',
  row: '一行表格',
  image: '幅图片（连同图注）',
  distribution: '个报尾',
  section: '个栏目名',
  source: '条供稿单位',
  signature: '个落款',
  toc: '条要目',
};
const TOO_TALL_EN: Record<string, string> = {
  title: 'title',
  row: 'table row',
  image: 'image with its caption',
  distribution: 'distribution block',
  section: 'section heading',
  source: 'source line',
  signature: 'signature',
  toc: 'contents entry',
};

/** Markdown elements the format does not lay out (markdown.unsupported), by their mdast type. */
const UNSUPPORTED_ZH: Record<string, string> = {
  code: '代码块',
  inlineCode: '行内代码',
  thematicBreak: '分隔线',
  definition: '链接定义',
  footnoteDefinition: '脚注',
  footnoteReference: '脚注',
  delete: '删除线',
  yaml: 'YAML',
};
const UNSUPPORTED_EN: Record<string, string> = {
  code: 'code block',
  inlineCode: 'inline code',
  thematicBreak: 'thematic break',
  definition: 'link definition',
  footnoteDefinition: 'footnote',
  footnoteReference: 'footnote',
  delete: 'strikethrough',
  yaml: 'YAML',
};

const catalogue = {
  // Files
  'file.unreadable': { zh: (p) => `无法读取文件（${p.detail}）`, en: (p) => `cannot read the file (${p.detail})` },
  'file.notUtf8': {
    zh: () => '文件不是 UTF-8 编码（可能是 GBK/GB18030）；请在编辑器中另存为 UTF-8',
    en: () => 'the file is not UTF-8 (perhaps GBK/GB18030); save it as UTF-8 in your editor',
  },
  'link.outside': {
    zh: (p) => `“${p.name}”是指向期次目录之外的链接（快捷方式），不会读取；请把文件本身复制进期次目录`,
    en: (p) => `"${p.name}" is a link to a file outside the issue folder and is not read; copy the file itself into the issue folder`,
  },
  'text.notCharacter': {
    zh: (p) => `这里有一个不是字符的码位 ${p.code}（非字符或孤立的代理项），任何输出都无法容纳；请删除它`,
    en: (p) => `${p.code} here is not a character (a noncharacter or a lone surrogate) and no output can hold it; delete it`,
  },
  'text.controlRemoved': {
    zh: (p) => `这里有一个看不见的控制字符 ${p.code}，已从所有输出中删去；请在编辑器中删除它`,
    en: (p) => `an invisible control character ${p.code} here is left out of every output; delete it in your editor`,
  },
  'text.control': {
    zh: (p) => `模板中有一个看不见的控制字符 ${p.code}，无法印出；请删除它`,
    en: (p) => `an invisible control character ${p.code} in the template cannot be printed; delete it`,
  },
  'file.utf16': {
    zh: () => '文件是 UTF-16 编码（记事本中的“Unicode”）；请在编辑器中另存为 UTF-8（记事本：另存为 → 编码选“UTF-8”）',
    en: () => 'the file is UTF-16 (Notepad\'s "Unicode"); save it as UTF-8 in your editor (Notepad: Save As → Encoding "UTF-8")',
  },
  // YAML and schemas
  'yaml.syntax': { zh: (p) => `YAML 语法错误：${p.detail}`, en: (p) => `YAML syntax error: ${p.detail}` },
  'yaml.duplicateKey': { zh: () => '键重复出现', en: () => 'this key appears twice' },
  'yaml.notMapping': {
    zh: () => '文件内容应是“键: 值”映射（每行一个键），而不是列表或单个值',
    en: () => 'the file must hold a mapping of keys to values (a key a line), not a list or a single value',
  },
  'yaml.tooDeep': { zh: () => 'YAML 嵌套层数过多', en: () => 'the YAML is nested too deeply' },
  'markdown.tooDeep': {
    zh: (p) => `列表或引用嵌套超过 ${p.limit} 层`,
    en: (p) => `lists or quotes are nested more than ${p.limit} levels deep`,
  },
  'markdown.tooManyDelimiters': {
    zh: (p) => `${p.scope === 'article' ? '这篇文章' : '这一段'}中的 * 或 _ 超过 ${p.limit} 组，解析代价过大；请删去多余的符号，或把文章拆开`,
    en: (p) => `more than ${p.limit} runs of * or _ in this ${p.scope === 'article' ? 'article' : 'paragraph'}, too costly to parse; remove the extra marks or split the article`,
  },
  'key.unknown': { zh: (p) => `未知的键“${p.key}”`, en: (p) => `unknown key "${p.key}"` },
  'key.unknownDidYouMean': {
    zh: (p) => `未知的键“${p.key}”，是否想写“${p.suggestion}”？`,
    en: (p) => `unknown key "${p.key}"; did you mean "${p.suggestion}"?`,
  },
  'key.missing': { zh: (p) => `缺少必填项“${p.key}”`, en: (p) => `the required key "${p.key}" is missing` },
  'key.missingAnywhere': {
    zh: (p) => `缺少必填项“${p.key}”（可写在 issue.yaml 或 bulletin.config.yaml 的 defaults 中）`,
    en: (p) => `the required key "${p.key}" is missing (set it in issue.yaml or under defaults in bulletin.config.yaml)`,
  },
  'value.type': {
    zh: (p) => `“${p.key}”的值应为${typeName(p.expected, 'zh')}`,
    en: (p) => `"${p.key}" must be ${typeName(p.expected, 'en')}`,
  },
  'value.empty': { zh: (p) => `“${p.key}”不能为空`, en: (p) => `"${p.key}" must not be empty` },
  'value.tooSmall': {
    zh: (p) => (p.exclusive ? `“${p.key}”应大于 ${p.minimum}` : `“${p.key}”至少应为 ${p.minimum}`),
    en: (p) => (p.exclusive ? `"${p.key}" must be greater than ${p.minimum}` : `"${p.key}" must be at least ${p.minimum}`),
  },
  'value.tooBig': { zh: (p) => `“${p.key}”至多应为 ${p.maximum}`, en: (p) => `"${p.key}" must be at most ${p.maximum}` },
  'value.oneOf': { zh: (p) => `“${p.key}”应为以下之一：${p.values}`, en: (p) => `"${p.key}" must be one of: ${p.values}` },
  'template.gridMismatch': {
    zh: (p) => `版心高度 textBlock.height（${p.height}）应等于 grid.linesPerPage × grid.linePitch = ${p.lines} × ${p.pitch} = ${p.grid}；请调整“${p.key}”`,
    en: (p) => `textBlock.height (${p.height}) must equal grid.linesPerPage × grid.linePitch = ${p.lines} × ${p.pitch} = ${p.grid}; adjust "${p.key}"`,
  },
  'value.invalid': { zh: (p) => `“${p.key}”的值无效：${p.detail}`, en: (p) => `invalid value for "${p.key}": ${p.detail}` },
  'date.format': {
    zh: (p) => `日期“${p.value}”应写作 YYYY-MM-DD，例如 2024-08-26`,
    en: (p) => `the date "${p.value}" must be written YYYY-MM-DD, e.g. 2024-08-26`,
  },
  'date.invalid': { zh: (p) => `日期“${p.value}”不存在`, en: (p) => `the date "${p.value}" does not exist` },
  'length.invalid': {
    zh: (p) => `长度“${p.value}”无效，应为数字（磅）或带单位 pt、mm、cm、in 的值`,
    en: (p) => `invalid length "${p.value}": use a number (points) or a value in pt, mm, cm or in`,
  },
  'color.invalid': {
    zh: (p) => `颜色“${p.value}”无效，应写作 #RRGGBB`,
    en: (p) => `invalid colour "${p.value}": write it as #RRGGBB`,
  },
  // Project and issue
  'project.notFound': {
    zh: (p) => `在 ${p.dir} 及其上级目录中找不到 bulletin.config.yaml 或 issues/ 目录`,
    en: (p) => `no bulletin.config.yaml or issues/ folder in ${p.dir} or above`,
  },
  'issue.notFound': { zh: (p) => `找不到期次“${p.issue}”（${p.dir}）`, en: (p) => `no issue "${p.issue}" (${p.dir})` },
  'issue.missing': {
    zh: () => '期次目录不见了（被移走、改名或删除）；放回原处后会自动重新生成',
    en: () => 'the issue folder is gone (moved, renamed or deleted); it is rebuilt as soon as it is back',
  },
  'issue.unreadable': {
    zh: () => '无法读取期次目录（没有读取权限）；恢复权限后会自动重新生成',
    en: () => 'the issue folder cannot be read (no permission); it is rebuilt as soon as it can be read again',
  },
  'issue.noIssueYaml': { zh: () => '期次目录中缺少 issue.yaml', en: () => 'the issue folder has no issue.yaml' },
  'issue.badId': {
    zh: (p) => `目录“${p.id}”不是期次：期次目录名只能由字母、数字（任何文字，如 2024年10月）和 . _ - 组成，且不以 . 开头；请改名，或把它移出 issues 目录`,
    en: (p) => `the folder "${p.id}" is not an issue: an issue folder's name is letters and digits (of any script, Chinese too) and . _ -, not starting with a dot; rename it or move it out of the issues folder`,
  },
  'issue.noArticles': { zh: () => '这一期没有文章（*.md）', en: () => 'this issue has no articles (*.md)' },
  'issue.articleMissing': {
    zh: (p) => `articles 中列出的文件“${p.name}”不存在`,
    en: (p) => `the file "${p.name}" listed in articles does not exist`,
  },
  'issue.articleTwice': {
    zh: (p) => `文章“${p.name}”在 articles 中出现了两次`,
    en: (p) => `the article "${p.name}" is listed twice in articles`,
  },
  'issue.articleNotMarkdown': {
    zh: (p) => `articles 中的“${p.name}”不是 .md 文件`,
    en: (p) => `"${p.name}" in articles is not a .md file`,
  },
  'issue.articleOutside': {
    zh: (p) => `articles 中的“${p.name}”不在期次目录内`,
    en: (p) => `"${p.name}" in articles lies outside the issue folder`,
  },
  // Articles
  'article.noFrontMatter': {
    zh: () => '文章开头缺少 front-matter（以 --- 开始和结束，至少含 title）',
    en: () => 'the article has no front-matter (between --- lines, with at least a title)',
  },
  'article.empty': { zh: () => '文章没有正文', en: () => 'the article has no body text' },
  'markdown.unsupported': {
    zh: (p) => `不支持的 Markdown 元素：${UNSUPPORTED_ZH[String(p.what)] ?? p.what}`,
    en: (p) => `Markdown element not supported: ${UNSUPPORTED_EN[String(p.what)] ?? p.what}`,
  },
  'markdown.html': {
    zh: () => '不支持 HTML；请用 Markdown 写出内容',
    en: () => 'raw HTML is not supported; write the content in Markdown',
  },
  'markdown.h1': {
    zh: () => '正文中不能用一级标题 #；文章标题写在 front-matter 的 title 中，正文小标题用 ##、###、####',
    en: () => 'no # heading in the body: the article title goes in the front-matter title; use ##, ### or #### inside',
  },
  'markdown.h5': {
    zh: () => '正文小标题最多三级（##、###、####）',
    en: () => 'headings go three levels deep at most (##, ###, ####)',
  },
  'markdown.link': {
    zh: () => '印刷的简报不支持链接；请直接写出网址或文字',
    en: () => 'links are not supported in a printed bulletin; write the address or the text itself',
  },
  'markdown.inlineImage': {
    zh: () => '图片须单独成段（前后空一行）；同一段中并排的两三张图片之间只能有空格或换行',
    en: () => 'an image must stand in a paragraph of its own (blank lines around it); images side by side in one paragraph may have only spaces or line ends between them',
  },
  'markdown.tooManyImages': {
    zh: (p) => `同一段中至多并排 ${p.limit} 张图片；请把其余图片另起一段`,
    en: (p) => `at most ${p.limit} images stand side by side in one paragraph; put the others in a paragraph of their own`,
  },
  'image.remote': {
    zh: (p) => `图片“${p.src}”是网络地址；请把图片放进期次目录并写相对路径`,
    en: (p) => `the image "${p.src}" is a remote address; put the file in the issue folder and use a relative path`,
  },
  'image.absolute': {
    zh: (p) => `图片路径“${p.src}”是绝对路径；请写相对于期次目录的路径`,
    en: (p) => `the image path "${p.src}" is absolute; use a path relative to the issue folder`,
  },
  'image.outside': {
    zh: (p) => `图片“${p.src}”在期次目录之外`,
    en: (p) => `the image "${p.src}" lies outside the issue folder`,
  },
  'image.missing': { zh: (p) => `找不到图片“${p.src}”`, en: (p) => `the image "${p.src}" does not exist` },
  'image.notImage': {
    zh: (p) => `“${p.src}”不是 JPEG 或 PNG 图片`,
    en: (p) => `"${p.src}" is not a JPEG or PNG image`,
  },
  'image.corrupt': {
    zh: (p) => `图片“${p.src}”已损坏，无法解码：${IMAGE_DEFECT_ZH[String(p.detail)] ?? String(p.detail)}；请重新导出该图片`,
    en: (p) => `the image "${p.src}" is damaged and cannot be decoded: ${IMAGE_DEFECT_EN[String(p.detail)] ?? String(p.detail)}; export it again`,
  },
  'image.unsupportedJpeg': {
    zh: (p) => `图片“${p.src}”是${JPEG_KIND_ZH[String(p.kind)] ?? String(p.kind)} JPEG，并非所有输出和阅读器都能显示；请另存为普通（基线或渐进式）8 位 JPEG 或 PNG`,
    en: (p) => `the image "${p.src}" is a ${JPEG_KIND_EN[String(p.kind)] ?? String(p.kind)} JPEG, which not every output and viewer can show; save it as an ordinary (baseline or progressive) 8-bit JPEG, or as PNG`,
  },
  'block.tooTall': {
    zh: (p) => `这${TOO_TALL_ZH[String(p.what)] ?? '一块内容'}排出后有 ${p.lines} 行，超过一页的 ${p.max} 行；请缩短或拆分`,
    en: (p) => `this ${TOO_TALL_EN[String(p.what)] ?? 'block'} takes ${p.lines} lines, more than a page's ${p.max}; shorten or split it`,
  },
  'masthead.tooLong': {
    zh: (p) => `报头中的“${p.text}”太长：缩到模板允许的最小字号 ${p.size} 磅仍排不下一行；请缩短`,
    en: (p) => `"${p.text}" is too long for the masthead: it does not fit one line even at the template's smallest size, ${p.size} pt; shorten it`,
  },
  'markdown.emptyHeading': {
    zh: () => '空的小标题（# 后没有文字），已略去',
    en: () => 'an empty heading (no text after the #s) is left out',
  },
  'image.tooLarge': {
    zh: (p) => `图片“${p.src}”有 ${p.size} MB，超过上限 ${p.limit} MB`,
    en: (p) => `the image "${p.src}" is ${p.size} MB, over the limit of ${p.limit} MB`,
  },
  'image.tooManyPixels': {
    zh: (p) => `图片“${p.src}”有 ${p.width} × ${p.height} 像素，超过上限 ${p.limit} 像素（limits.imagePixels）；请缩小后再用`,
    en: (p) => `the image "${p.src}" is ${p.width} × ${p.height} pixels, over the limit of ${p.limit} pixels (limits.imagePixels); scale it down`,
  },
  'article.tooLarge': {
    zh: (p) => `文章文件有 ${p.size} MB，超过上限 ${p.limit} MB（limits.articleMB）；请拆分成几篇`,
    en: (p) => `the article file is ${p.size} MB, over the limit of ${p.limit} MB (limits.articleMB); split it into several`,
  },
  // Templates and fonts
  'template.notFound': {
    zh: (p) => `找不到模板“${p.name}”（可用：${p.available}）`,
    en: (p) => `no template "${p.name}" (available: ${p.available})`,
  },
  'template.badName': {
    zh: (p) => `模板名“${p.name}”无效：模板用名称指定（字母、数字和 . _ -），不能写路径；请把模板放在项目的 templates/ 目录中`,
    en: (p) => `"${p.name}" is not a template name: a template is named (letters, digits and . _ -), not given as a path; put it in the project's templates/ folder`,
  },
  'template.extendsLoop': {
    zh: (p) => `模板继承出现循环：${p.chain}`,
    en: (p) => `templates extend each other in a loop: ${p.chain}`,
  },
  'template.unknownName': {
    zh: (p) => `模板引用了未定义的${({ face: '字体', style: '样式', color: '颜色' } as Record<string, string>)[String(p.kind)] ?? ''}“${p.name}”`,
    en: (p) => `the template names the ${p.kind} "${p.name}", which it does not define`,
  },
  'font.missingFile': {
    zh: (p) => `找不到字体文件“${p.file}”（字体“${p.face}”）`,
    en: (p) => `the font file "${p.file}" of face "${p.face}" does not exist`,
  },
  'font.corrupt': {
    zh: (p) => `字体文件“${p.file}”无法读取：${p.detail}`,
    en: (p) => `the font file "${p.file}" cannot be read: ${p.detail}`,
  },
  'glyph.missing': {
    zh: (p) => `字符“${p.char}”（U+${p.code}）在字体 ${p.face} 及其后备字体中都没有`,
    en: (p) => `the character "${p.char}" (U+${p.code}) is in neither the font ${p.face} nor its fallbacks`,
  },
  'pdfa.missingGlyph': {
    zh: (p) => `字符“${p.char}”（U+${p.code}）没有任何字体能排出，PDF/A-${p.level} 不允许缺字（.notdef）；请配置含此字的字体，或改用 --pdfa 1b`,
    en: (p) => `no font has the character "${p.char}" (U+${p.code}), and PDF/A-${p.level} allows no missing glyph (.notdef); configure a font that has it, or use --pdfa 1b`,
  },
  'pdfa.cmykImage': {
    zh: (p) => `图片“${p.src}”是 CMYK 的 JPEG，PDF/A（sRGB 输出意图）不能包含 CMYK 图像；请把它导出为 RGB`,
    en: (p) => `the image "${p.src}" is a CMYK JPEG, which PDF/A (with its sRGB output intent) cannot hold; export it as RGB`,
  },
  'font.system': {
    zh: (p) => `配置的字体都没有的字符（如“${p.char}”，U+${p.code}）由系统字体 ${p.file}（${p.font}）排出；加 --no-system-fonts 则只用随附和配置的字体`,
    en: (p) => `characters no configured font has (such as "${p.char}", U+${p.code}) are drawn from the system font ${p.file} (${p.font}); --no-system-fonts uses only bundled and configured fonts`,
  },
  'glyph.fallback': {
    zh: (p) => `字符“${p.char}”（U+${p.code}）由后备字体 ${p.fallback} 代替 ${p.face} 排出`,
    en: (p) => `the character "${p.char}" (U+${p.code}) is drawn from the fallback ${p.fallback} instead of ${p.face}`,
  },
  'toc.unstable': {
    zh: (p) => `本期要目的页码排了 ${p.passes} 遍仍在变化，页码可能与标题所在页不符；请调整文章长度后重试`,
    en: (p) => `the page numbers of the contents box still changed after ${p.passes} passes and may not match the pages the titles are on; change the length of an article and build again`,
  },
  // Typography lint: the rule supplies its words in both languages.
  'lint.finding': { zh: (p) => `[${p.rule}] ${p.zh}`, en: (p) => `[${p.rule}] ${p.en}` },
  'issue.exists': {
    zh: (p) => `期次目录 ${p.dir} 已存在，不会覆盖`,
    en: (p) => `the issue folder ${p.dir} exists already; nothing is overwritten`,
  },
  'issue.noneToCopy': {
    zh: (p) => `${p.dir} 下没有可作为模板的期次；请先手工建立一期`,
    en: (p) => `there is no issue under ${p.dir} to start from; create the first one by hand`,
  },
  // check --fix (src/rewriteArticle.ts)
  'fix.hardLink': {
    zh: (p) => `此文件另有硬链接（共 ${p.links} 个名称），自动修正会使它与其他名称分开，因此未修改；请在编辑器中手工修正`,
    en: (p) => `this file has other names (a hard link, ${p.links} names in all); fixing it would part it from them, so it is left as it is; make the fixes in your editor`,
  },
  // Output
  'output.unwritable': {
    zh: (p) => `无法写入输出文件 ${p.file}：${p.detail}`,
    en: (p) => `cannot write the output file ${p.file}: ${p.detail}`,
  },
} satisfies Record<string, { zh: Text; en: Text }>;

export type MessageCode = keyof typeof catalogue;

/** Every message code. */
export const MESSAGE_CODES = Object.keys(catalogue) as MessageCode[];

export function isMessageCode(s: string): s is MessageCode {
  return Object.hasOwn(catalogue, s);
}

export function message(code: MessageCode, params: Params, lang: Lang): string {
  return catalogue[code][lang](params);
}
