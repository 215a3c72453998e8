// `bulletin fonts`: which font file serves each face of the template, where
// it was found, and — for an issue — every character that comes from a
// fallback face or from no face at all, with its file and line.
import { prepareIssue } from './build.js';
import { Diagnostics, type Diagnostic } from './diagnostics.js';
import { FontSet, fontSearchDirs } from './fonts/fontSet.js';
import type { Project } from './project/config.js';
import { loadTemplate } from './template/loadTemplate.js';

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
  /** Characters drawn from a fallback face (notices) or from none (warnings). */
  characters: Diagnostic[];
}

export function fontReport(project: Project, issueRef?: string): FontReport {
  const diags = new Diagnostics();
  let templateName = project.config.defaults.template ?? project.config.template;
  let characters: Diagnostic[] = [];
  if (issueRef !== undefined) {
    const prepared = prepareIssue(project, issueRef);
    templateName = prepared.issue.template;
    characters = prepared.diagnostics.items.filter((d) => d.code === 'glyph.fallback' || d.code === 'glyph.missing');
  }
  const template = loadTemplate(templateName, project.templatesDir, diags);
  diags.throwIfErrors();
  const fonts = FontSet.load(template!, { dirs: fontSearchDirs(template!, project.root, project.config.fontDirs) }, diags);
  diags.throwIfErrors();
  const faces = fonts!.all.map((f) => ({
    face: f.key,
    wordName: template!.faces[f.key]!.wordName,
    file: f.file,
    postscriptName: f.postscriptName,
    fallback: fonts!.chain(f.key).slice(1),
    roles: Object.entries(template!.styles)
      .filter(([, s]) => s.face === f.key)
      .map(([name]) => name),
  }));
  return { template: templateName, faces, characters };
}
