// `bulletin fonts [ISSUE]`: the font file of each face, and the characters of
// an issue drawn from a fallback face or from none.
import { fontReport } from '../fontReport.js';
import { EXIT } from './exitCodes.js';
import { openProject } from './projectArg.js';
import { displayPath, formatDiagnostic, type Reporter } from './report.js';
import { terminalLines } from './terminalText.js';
import { text } from './texts.js';

export async function fontsCommand(issue: string | undefined, opts: { root?: string; systemFonts?: boolean }, r: Reporter): Promise<number> {
  const project = openProject(opts.root);
  const report = fontReport(project, issue, { systemFonts: opts.systemFonts ?? true });
  const out = (line: string) => process.stdout.write(`${terminalLines(line)}\n`);
  out(text(r.lang, 'fontsTemplate', { template: report.template }));
  out(text(r.lang, 'fontsHeader'));
  for (const f of report.faces) {
    out(`${f.face} | ${f.wordName} | ${displayPath(f.file)} (${f.postscriptName}) | ${f.fallback.join(', ') || '—'} | ${f.roles.join(', ') || '—'}`);
  }
  if (issue !== undefined) {
    out('');
    if (report.characters.length === 0) out(text(r.lang, 'fontsNone'));
    else {
      out(text(r.lang, 'fontsChars'));
      for (const d of report.characters) out(formatDiagnostic(d, r.lang));
    }
  }
  return EXIT.ok;
}
