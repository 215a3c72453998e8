// Converting DOCX to PDF with LibreOffice (Debian libreoffice-writer-nogui),
// with a fontconfig file that gives the bundled fonts the Windows names the
// DOCX asks for (仿宋_GB2312 → FandolFang, …), so no other font is involved.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Template } from '../../src/template/loadTemplate.js';
import { REPO_ROOT, tempDir } from './project.js';

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A fontconfig file in a fresh folder: only the bundled fonts, renamed to their Word names. */
export function fontconfigFor(template: Template, fontsDir = path.join(REPO_ROOT, 'fonts')): string {
  const dir = tempDir('bulletin-fc-');
  const renames = Object.values(template.faces)
    .map(
      (f) =>
        `<match target="scan"><test name="file"><string>${escapeXml(path.join(fontsDir, f.file))}</string></test>` +
        `<edit name="family" mode="assign_replace"><string>${escapeXml(f.wordName)}</string></edit>` +
        `<edit name="style" mode="assign_replace"><string>Regular</string></edit></match>`,
    )
    .join('\n');
  const file = path.join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n<dir>${escapeXml(fontsDir)}</dir>\n<cachedir>${escapeXml(path.join(dir, 'cache'))}</cachedir>\n${renames}\n</fontconfig>\n`,
  );
  return file;
}

/** Convert `docx` to PDF in `outDir` (a fresh LibreOffice profile each time); returns the PDF's path. */
export function docxToPdf(docx: string, fontconfig: string, outDir = tempDir('bulletin-lo-')): string {
  const profile = tempDir('bulletin-lo-profile-');
  mkdirSync(outDir, { recursive: true });
  const run = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, docx],
    { encoding: 'utf8', timeout: 180_000, env: { ...process.env, FONTCONFIG_FILE: fontconfig, HOME: profile } },
  );
  const pdf = path.join(outDir, `${path.basename(docx, '.docx')}.pdf`);
  if (run.status !== 0) throw new Error(`soffice failed (${run.status}): ${run.stderr}`);
  return pdf;
}

/**
 * A fontconfig file with no CJK font at all: one Latin-only font (LibreOffice
 * will not start without any), cut from a bundled font.
 */
export async function latinOnlyFontconfig(): Promise<string> {
  const { subsetFont } = await import('../../src/fonts/subsetFont.js');
  const dir = tempDir('bulletin-fc-latin-');
  const ascii = Array.from({ length: 0x5f }, (_, i) => 0x20 + i);
  writeFileSync(path.join(dir, 'latin.otf'), await subsetFont(readFileSync(path.join(REPO_ROOT, 'fonts/FandolSong-Regular.otf')), 0, ascii));
  const file = path.join(dir, 'fonts.conf');
  writeFileSync(file, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${escapeXml(dir)}</dir><cachedir>${escapeXml(path.join(dir, 'cache'))}</cachedir></fontconfig>\n`);
  return file;
}
