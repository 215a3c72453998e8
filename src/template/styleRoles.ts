// The style roles: every kind of text the typesetter sets, the template key
// that names its style, and the Word paragraph style the DOCX gives it. One
// table, read by the template check (every role's style must exist), the
// typesetter (which style a role is set in) and the DOCX styles module.
import type { Template } from './loadTemplate.js';

interface StyleRoleSpec {
  /** Where the template names the role's style: a path of keys, or the role's own name under `styles`. */
  key: readonly string[];
  /** The Word paragraph style: a stable ASCII id and the name Word shows. */
  word: { id: string; name: string };
}

/**
 * The body is Word's built-in Normal style, which Chinese Word calls 正文: a
 * custom style named 正文 would stand beside it as a second 正文.
 */
export const STYLE_ROLES = {
  body: { key: ['styles', 'body'], word: { id: 'Normal', name: 'Normal' } },
  mastheadOrganization: { key: ['masthead', 'organization', 'style'], word: { id: 'MastheadOrganization', name: '报头机构' } },
  mastheadTitle: { key: ['masthead', 'title', 'style'], word: { id: 'MastheadTitle', name: '报头名称' } },
  mastheadNumber: { key: ['masthead', 'number', 'style'], word: { id: 'IssueNumber', name: '期号' } },
  mastheadEditor: { key: ['masthead', 'editorLine', 'style'], word: { id: 'EditorDate', name: '编印日期' } },
  section: { key: ['styles', 'section'], word: { id: 'Section', name: '栏目' } },
  articleTitle: { key: ['article', 'titleStyle'], word: { id: 'ArticleTitle', name: '文章标题' } },
  heading1: { key: ['styles', 'heading1'], word: { id: 'Heading1', name: '一级标题' } },
  heading2: { key: ['styles', 'heading2'], word: { id: 'Heading2', name: '二级标题' } },
  heading3: { key: ['styles', 'heading3'], word: { id: 'Heading3', name: '三级标题' } },
  caption: { key: ['styles', 'caption'], word: { id: 'Caption', name: '图片说明' } },
  quote: { key: ['quote', 'style'], word: { id: 'EditorNote', name: '编者按' } },
  quoteLabel: { key: ['quote', 'labelStyle'], word: { id: 'EditorNoteLabel', name: '编者按标签' } },
  source: { key: ['styles', 'source'], word: { id: 'Source', name: '供稿' } },
  table: { key: ['table', 'style'], word: { id: 'TableText', name: '表格' } },
  tableHeader: { key: ['table', 'headerStyle'], word: { id: 'TableHeader', name: '表头' } },
  distribution: { key: ['distribution', 'style'], word: { id: 'Distribution', name: '报尾' } },
  pageNumber: { key: ['pageNumber', 'style'], word: { id: 'PageNumber', name: '页码' } },
  watermark: { key: ['draft', 'style'], word: { id: 'Watermark', name: '水印' } },
  mastheadMarks: { key: ['masthead', 'marks', 'style'], word: { id: 'MastheadMarks', name: '报头标注' } },
  signature: { key: ['signature', 'style'], word: { id: 'Signature', name: '落款' } },
  tocTitle: { key: ['toc', 'titleStyle'], word: { id: 'TocTitle', name: '要目标题' } },
  tocSection: { key: ['toc', 'sectionStyle'], word: { id: 'TocSection', name: '要目栏目' } },
  tocEntry: { key: ['toc', 'entryStyle'], word: { id: 'TocEntry', name: '要目' } },
  listBullet: { key: ['list', 'bulletStyle'], word: { id: 'ListBullet', name: '项目符号' } },
} as const satisfies Record<string, StyleRoleSpec>;

export type StyleRole = keyof typeof STYLE_ROLES;

export const ALL_STYLE_ROLES = Object.keys(STYLE_ROLES) as StyleRole[];

/** The name of the template style a role is set in. */
export function roleStyleName(t: Template, role: StyleRole): string {
  const key = STYLE_ROLES[role].key;
  if (key[0] === 'styles') return key[1]!;
  let v: unknown = t;
  for (const k of key) v = (v as Record<string, unknown>)[k];
  return v as string;
}
