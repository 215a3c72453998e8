// The keys of issue.yaml (docs/interface.md §2), shared with the `defaults` of
// bulletin.config.yaml.
import { z } from 'zod';
import { parseIssueDate } from '../text/issueDates.js';

const text = z.string().trim().min(1);

/** `YYYY-MM-DD` naming a real day. */
export const issueDate = z.string().superRefine((value, ctx) => {
  const date = parseIssueDate(value);
  if (typeof date === 'string') ctx.addIssue({ code: 'custom', message: date, params: { value } });
});

/** A 落款 date: `issue` (the issue's date) or a `YYYY-MM-DD` naming a real day. */
const signatureDate = z.string().superRefine((value, ctx) => {
  if (value === 'issue') return;
  const date = parseIssueDate(value);
  if (typeof date === 'string') ctx.addIssue({ code: 'custom', message: date, params: { value } });
});

export const distributionSchema = z.record(text, z.union([z.array(text).min(1), text]));

export const issueFieldsSchema = z.strictObject({
  organization: text.optional(),
  title: text.optional(),
  number: z.union([z.number().int().positive(), text]).optional(),
  totalNumber: z.number().int().positive().optional(),
  editor: text.optional(),
  date: issueDate.optional(),
  distribution: distributionSchema.optional(),
  copies: z.number().int().positive().optional(),
  articles: z.array(text).optional(),
  template: text.optional(),
  draft: z.boolean().optional(),
  toc: z.boolean().optional(),
  marks: z.strictObject({ left: text.optional(), right: text.optional() }).optional(),
  copyNumber: z.union([z.number().int().nonnegative(), text]).optional(),
});

export type IssueFields = z.infer<typeof issueFieldsSchema>;

/** What `defaults` in the project config may set: every key but the article list. */
export const issueDefaultsSchema = issueFieldsSchema.omit({ articles: true });

export const REQUIRED_ISSUE_KEYS = ['organization', 'title', 'editor', 'date'] as const;

export const frontMatterSchema = z.strictObject({
  title: z.union([text, z.array(text).min(1)]),
  section: text.optional(),
  source: text.optional(),
  /** 落款: lines as written, or `date: issue` / `date: YYYY-MM-DD` for a date in the template's format. */
  signature: z.array(z.union([text, z.strictObject({ date: signatureDate })])).min(1).optional(),
  draft: z.boolean().optional(),
});
