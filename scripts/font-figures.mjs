#!/usr/bin/env node
// Writes fonts/figures.json: the figures bulletin computes with fontkit for each bundled font
// (src/fonts/loadFace.ts: names, em box, ink of the marks), by the file's SHA-256, so that a
// build with an empty cache decodes no outline of them (src/fonts/bundledFigures.ts).
//
//   npm run fonts:figures                      (= node scripts/font-figures.mjs; after npm run build)
//   node scripts/font-figures.mjs --check      compute in memory, compare with fonts/figures.json; exit 1 on a difference
//
// Run it whenever a file in fonts/ changes (scripts/subset-fonts.mjs does not).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FONTS = path.join(ROOT, 'fonts');

const { FontFile } = await import('../dist/fonts/fontFile.js');
const { computeFigures } = await import('../dist/fonts/loadFace.js');
const { FORMAT } = await import('../dist/fonts/fontCache.js');
const { FIGURES_FILE } = await import('../dist/fonts/bundledFigures.js');

const faces = {};
for (const name of readdirSync(FONTS).filter((f) => /\.(otf|ttf|ttc|otc|woff2?)$/.test(f)).sort()) {
  const file = path.join(FONTS, name);
  const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
  const font = FontFile.open(file);
  try {
    for (let index = 0; index < font.faces.length; index++) faces[`${hash}-${index}`] = { file: name, ...computeFigures(font, index) };
  } finally {
    font.close();
  }
}
// One face a line, so that a change of one font shows as a change of one line.
const lines = Object.entries(faces).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
const text = `{"format":${JSON.stringify(FORMAT)},"faces":{\n${lines.join(',\n')}\n}}\n`;
if (process.argv.includes('--check')) {
  const same = existsSync(FIGURES_FILE) && readFileSync(FIGURES_FILE, 'utf8') === text;
  console.log(`${same ? 'same' : 'DIFFERENT'}  ${path.relative(ROOT, FIGURES_FILE)}: ${Object.keys(faces).length} faces`);
  if (!same) process.exitCode = 1;
} else {
  writeFileSync(FIGURES_FILE, text);
  console.log(`wrote ${path.relative(ROOT, FIGURES_FILE)}: ${Object.keys(faces).length} faces, ${text.length} bytes`);
}
