// `bulletin fonts`: which font file serves each face of the template, where
// it was found, and — for an issue — every character that comes from a
// fallback face, from an installed font or from no face at all, with its file
// and line. Font findings only: the typography lint is not run.
import { prepareIssue } from './build.js';
import { Diagnostics, type Diagnostic } from './diagnostics.js';
import { FontSet, type FontSetOptions } from './fonts/fontSet.js';
import { defaultTemplate, type Project } from './project/config.js';
import { loadTemplate, type Template } from './template/loadTemplate.js';

export interface FaceReport {
  face: string;
  wordName: string;
  file: string;
  postscriptName: string;
  fallback: string[];
  /** Styles (roles) set in this face. */
  roles: string[];
}

export interface FontReport {
  template: string;
  faces: FaceReport[];
  /** Characters drawn from a fallback face or an installed font (notices) or from none (warnings). */
  characters: Diagnostic[];
}

/** The codes of the font findings of a build. */
const FONT_FINDINGS = new Set(['glyph.fallback', 'glyph.missing', 'font.system']);

export function fontReport(project: Project, issueRef?: string, options: FontSetOptions = {}): FontReport {
  // With an issue: its template and fonts as the build loads them; without: the project's.
  const { templateName, template, fonts, characters } = issueRef !== undefined ? ofIssue(project, issueRef, options) : ofProject(project, options);
  const faces = fonts.all.map((f) => ({
    face: f.key,
    // An installed font taken in for characters no template face has: its own names and file.
    wordName: template.faces[f.key]?.wordName ?? f.familyName,
    file: fonts.systemSource(f.key)?.file ?? f.file,
    postscriptName: f.postscriptName,
    fallback: fonts.chain(f.key).slice(1),
    roles: Object.entries(template.styles)
      .filter(([, s]) => s.face === f.key)
      .map(([name]) => name),
  }));
  return { template: templateName, faces, characters };
}

interface Fonts {
  templateName: string;
  template: Template;
  fonts: FontSet;
  characters: Diagnostic[];
}

function ofIssue(project: Project, issueRef: string, options: FontSetOptions): Fonts {
  const prepared = prepareIssue(project, issueRef, { lint: false, systemFonts: options.systemFonts ?? true });
  const characters = prepared.diagnostics.items.filter((d) => FONT_FINDINGS.has(d.code));
  return { templateName: prepared.issue.template, template: prepared.template, fonts: prepared.fonts, characters };
}

function ofProject(project: Project, options: FontSetOptions): Fonts {
  const diags = new Diagnostics();
  const templateName = defaultTemplate(project);
  const template = loadTemplate(templateName, project.templatesDir, diags);
  diags.throwIfErrors();
  const fonts = FontSet.load(template!, project.root, project.config.fontDirs, diags, options);
  diags.throwIfErrors();
  return { templateName, template: template!, fonts: fonts!, characters: [] };
}
