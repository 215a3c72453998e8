// Finding, merging (`extends`) and validating templates. A project template
// overrides a built-in one of the same name, and may extend it.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostics, Where } from '../diagnostics.js';
import { BUILTIN_TEMPLATES_DIR } from '../paths.js';
import { validateYaml } from '../read/schemaIssues.js';
import { readSourceFile } from '../read/sourceFile.js';
import { parseYaml, type PositionSource, type YamlSource } from '../read/yamlSource.js';
import type { SourcePos } from '../model.js';
import { templateSchema, type TemplateData } from './schema.js';
import { resolveStyle } from './styles.js';
import { ALL_STYLE_ROLES, roleStyleName, STYLE_ROLES } from './styleRoles.js';

export interface Template extends TemplateData {
  name: string;
  /** The template files, most specific first (for messages and font lookup). */
  files: string[];
  /** Where each face's font file is named, for messages about the file. */
  facePositions: Record<string, SourcePos>;
}

/**
 * A template is named, never given as a path: letters, digits and . _ -
 * (not "." or ".."), looked up in the project's templates/ and the
 * built-in ones only (README, “模板”).
 */
export const TEMPLATE_NAME = /^(?!\.+$)[A-Za-z0-9._-]+$/;

interface Located {
  file: string;
  builtin: boolean;
}

function locate(name: string, projectTemplatesDir: string | undefined, skipProject: boolean): Located | undefined {
  if (projectTemplatesDir && !skipProject) {
    const file = path.join(projectTemplatesDir, `${name}.yaml`);
    if (existsSync(file)) return { file, builtin: false };
  }
  const file = path.join(BUILTIN_TEMPLATES_DIR, `${name}.yaml`);
  return existsSync(file) ? { file, builtin: true } : undefined;
}

/** Names of the templates a project can use. */
function availableTemplates(projectTemplatesDir: string | undefined): string[] {
  const names = new Set<string>();
  for (const dir of [BUILTIN_TEMPLATES_DIR, projectTemplatesDir]) {
    if (!dir || !existsSync(dir)) continue;
    for (const f of readdirSync(dir)) if (f.endsWith('.yaml')) names.add(f.slice(0, -5));
  }
  return [...names].sort();
}

/**
 * Load template `name`. `where` is the place that asked for it (issue.yaml or
 * the config), for the message when it does not exist.
 */
export function loadTemplate(
  name: string,
  projectTemplatesDir: string | undefined,
  diags: Diagnostics,
  where?: Where,
): Template | undefined {
  const chain: YamlSource[] = [];
  const seen: string[] = [];
  if (!TEMPLATE_NAME.test(name)) {
    diags.error('template.badName', where, { name });
    return undefined;
  }
  let current: Located | undefined = locate(name, projectTemplatesDir, false);
  let currentName = name;
  if (!current) {
    diags.error('template.notFound', where, { name, available: availableTemplates(projectTemplatesDir).join(', ') });
    return undefined;
  }
  while (current) {
    if (seen.includes(current.file)) {
      diags.error('template.extendsLoop', { file: current.file, line: 1, col: 1 }, { chain: [...seen, current.file].join(' → ') });
      return undefined;
    }
    seen.push(current.file);
    // Template strings are printed as they are: a control in one is refused, not removed.
    const text = readSourceFile(current.file, diags, 'refuse');
    const src = text === undefined ? undefined : parseYaml(text, current.file, diags, 0, 'refuse');
    if (!src) return undefined;
    chain.push(src);
    const parentName = (src.value as { extends?: unknown } | null)?.extends;
    if (typeof parentName !== 'string') break;
    if (!TEMPLATE_NAME.test(parentName)) {
      diags.error('template.badName', src.posOf(['extends']), { name: parentName });
      return undefined;
    }
    // A project template extending its own name extends the built-in one.
    const parent = locate(parentName, projectTemplatesDir, current.builtin || parentName === currentName);
    if (!parent) {
      diags.error('template.notFound', src.posOf(['extends']), {
        name: parentName,
        available: availableTemplates(projectTemplatesDir).join(', '),
      });
      return undefined;
    }
    current = parent;
    currentName = parentName;
  }
  const merged = chain.reduceRight<unknown>((acc, src) => deepMerge(acc, src.value), {});
  const positions: PositionSource = {
    posOf: (p, part) => (chain.find((s) => s.has(p)) ?? chain[0]!).posOf(p, part),
  };
  const data = validateYaml(templateSchema, merged, positions, diags);
  if (!data) return undefined;
  const facePositions = Object.fromEntries(Object.keys(data.faces).map((k) => [k, positions.posOf(['faces', k, 'file'])]));
  const template: Template = { ...data, name, files: chain.map((s) => s.file), facePositions };
  checkReferences(template, positions, diags);
  return diags.hasErrors() ? undefined : template;
}

function deepMerge(base: unknown, over: unknown): unknown {
  if (isPlainObject(base) && isPlainObject(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v);
    return out;
  }
  return over === undefined ? base : over;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Every style, face and colour a template names must exist in it, and its
 * grid must fill its text block.
 */
function checkReferences(t: Template, positions: PositionSource, diags: Diagnostics): void {
  const faceNames = new Set(Object.keys(t.faces));
  const need = (kind: 'face' | 'style' | 'color', name: string | undefined, p: PropertyKey[]): void => {
    if (name === undefined) return;
    const ok = kind === 'face' ? faceNames.has(name) : kind === 'style' ? name in t.styles : name in t.colors;
    if (!ok) diags.error('template.unknownName', positions.posOf(p), { kind, name });
  };
  for (const [name, face] of Object.entries(t.faces)) face.fallback.forEach((f, i) => need('face', f, ['faces', name, 'fallback', i]));
  t.fallbackFaces.forEach((f, i) => need('face', f, ['fallbackFaces', i]));
  for (const [name, s] of Object.entries(t.styles)) {
    need('face', s.face, ['styles', name, 'face']);
    need('color', s.color, ['styles', name, 'color']);
  }
  // Every role's style (src/template/styleRoles.ts), and the two inline styles.
  for (const role of ALL_STYLE_ROLES) {
    const key = STYLE_ROLES[role].key;
    need('style', roleStyleName(t, role), key[0] === 'styles' ? ['styles'] : [...key]);
  }
  for (const inline of ['strong', 'emphasis']) need('style', inline, ['styles']);
  const m = t.masthead;
  need('color', m.rule.color, ['masthead', 'rule', 'color']);
  need('color', t.quote.ruleColor, ['quote', 'ruleColor']);
  need('color', t.table.ruleColor, ['table', 'ruleColor']);
  need('color', t.distribution.ruleColor, ['distribution', 'ruleColor']);
  need('color', t.toc.ruleColor, ['toc', 'ruleColor']);
  // Text whose styles name no colour takes the body's, or, when the body names none, the colour named black.
  if (t.styles.body?.color === undefined) need('color', resolveStyle(t, 'body').color, ['colors']);
  checkGrid(t, positions, diags);
}

/** Grid lines may differ from the text block's height by at most this (pt). */
const GRID_TOLERANCE = 0.5;

/**
 * Pagination counts grid lines (linesPerPage); the 报尾, the page number and
 * the image limit measure textBlock.height: the two must agree.
 */
function checkGrid(t: Template, positions: PositionSource, diags: Diagnostics): void {
  const { linesPerPage, linePitch } = t.grid;
  const grid = linesPerPage * linePitch;
  if (Math.abs(t.textBlock.height - grid) <= GRID_TOLERANCE) return;
  const pt = (v: number) => `${Math.round(v * 100) / 100} pt`;
  // Point at whichever of the three the most specific template wrote.
  const keys: PropertyKey[][] = [
    ['textBlock', 'height'],
    ['grid', 'linePitch'],
    ['grid', 'linesPerPage'],
  ];
  const rank = (p: PropertyKey[]) => t.files.indexOf(positions.posOf(p).file);
  const at = keys.reduce((best, p) => (rank(p) < rank(best) ? p : best));
  diags.error('template.gridMismatch', positions.posOf(at), {
    key: at.join('.'),
    height: pt(t.textBlock.height),
    lines: linesPerPage,
    pitch: pt(linePitch),
    grid: pt(grid),
  });
}
