// The bench's results as two Markdown tables (figures, then the targets of
// the performance issue with met / not met) for the terminal and the README.

export const ms = (x) => (x === undefined ? 'n/a' : x < 1000 ? `${Math.round(x)} ms` : `${(x / 1000).toFixed(2)} s`);
export const mb = (kb) => (kb === undefined ? 'n/a' : `${Math.round(kb / 1024)} MB`);
export const kb = (bytes) => (bytes === undefined ? 'n/a' : `${Math.round(bytes / 1024)} KB`);
const times = (x) => (x === undefined ? 'n/a' : `${x.toFixed(2)} ×`);
const ratio = (a, b) => (a === undefined || b === undefined ? undefined : a / b);

/**
 * The targets (ratios from one run): `{ target, measured, limit, met }`, met
 * undefined where a figure is missing (Typst skipped, no GNU time).
 */
export function targets(r) {
  const typst = r.figures.typst?.ms;
  const build = r.figures.build;
  const all = r.figures.all24;
  const x20 = r.figures.x20;
  const typstPdf = r.figures.typst?.bytes?.pdf;
  const row = (target, value, limit, show, showLimit) => ({
    target,
    measured: value === undefined ? 'n/a' : show(value),
    limit: limit === undefined ? 'n/a' : showLimit(limit),
    met: value === undefined || limit === undefined ? undefined : value <= limit,
  });
  const allLimit = typst === undefined ? undefined : (24 * typst) / 1.5;
  return [
    row('cold `build 2024-08` (PDF + DOCX) / Typst (PDF)', ratio(build.ms, typst), 1.0, times, (l) => `≤ ${l.toFixed(1)} ×`),
    row('`bulletin --version`, wall', r.figures.version.ms, 100, ms, (l) => `≤ ${ms(l)}`),
    row('`check 2024-08` / Typst', ratio(r.figures.check.ms, typst), 0.6, times, (l) => `≤ ${l.toFixed(1)} ×`),
    row('cold build, peak RSS', build.rssKB, 120 * 1024, mb, (l) => `≤ ${mb(l)}`),
    row(`rebuild in \`preview\` after a save (median of ${r.preview.times.length})`, r.preview.medianMs, 100, ms, (l) => `≤ ${ms(l)}`),
    row('`build --all`, 24 issues', all.ms, allLimit, ms, (l) => `≤ 24 × Typst / 1.5 = ${ms(l)}`),
    row('`build --all`, 24 issues, peak RSS', all.rssKB, 400 * 1024, mb, (l) => `≤ ${mb(l)}`),
    row('20× issue / sample (time)', ratio(x20.ms, build.ms), 22, times, (l) => `≤ ${l} ×`),
    row('20× issue, peak RSS', x20.rssKB, 300 * 1024, mb, (l) => `≤ ${mb(l)}`),
    row('PDF size', build.bytes?.pdf, typstPdf, kb, (l) => `≤ Typst's ${kb(l)}`),
  ];
}

/** The figures table: every measured figure, with Typst's beside ours where the issue compares them. */
export function figuresTable(r) {
  const f = r.figures;
  const typst = f.typst;
  const typstCell = (x) => (typst === undefined ? 'skipped' : x);
  const rows = [
    ['`bulletin build 2024-08` (PDF + DOCX), cold', ms(f.build.ms), mb(f.build.rssKB), typstCell(`${ms(typst?.ms)}, peak ${mb(typst?.rssKB)}`), times(ratio(f.build.ms, typst?.ms))],
    ['`build 2024-08 --format pdf`', ms(f.pdf.ms), mb(f.pdf.rssKB), typstCell(ms(typst?.ms)), times(ratio(f.pdf.ms, typst?.ms))],
    ['`build 2024-08 --format docx`', ms(f.docx.ms), mb(f.docx.rssKB), '', ''],
    ['`bulletin check 2024-08`', ms(f.check.ms), mb(f.check.rssKB), typstCell(ms(typst?.ms)), times(ratio(f.check.ms, typst?.ms))],
    ['`bulletin --version`', ms(f.version.ms), mb(f.version.rssKB), '', ''],
    ...(f.nodeAlone ? [['`node -e 0` (Node starting and exiting, nothing of ours)', ms(f.nodeAlone.ms), mb(f.nodeAlone.rssKB), '', '']] : []),
    [
      `rebuild in \`preview\` after a save (median / worst of ${r.preview.times.length}; ${r.preview.mode === 'sse' ? '`pages` event' : 'stdout line'})`,
      `${ms(r.preview.medianMs)} / ${ms(r.preview.worstMs)}`,
      mb(r.preview.rssKB),
      '',
      '',
    ],
    ['`build --all`, 24 copies of the sample', ms(f.all24.ms), mb(f.all24.rssKB), typstCell(`24 × ${ms(typst?.ms)} = ${ms(typst && 24 * typst.ms)}`), times(ratio(f.all24.ms, typst && 24 * typst.ms))],
    [`20× issue (${r.x20Articles} articles), time / the sample's`, ms(f.x20.ms), mb(f.x20.rssKB), '', `${times(ratio(f.x20.ms, f.build.ms))} the sample`],
    ['output size', `PDF ${kb(f.build.bytes?.pdf)}, DOCX ${kb(f.build.bytes?.docx)}`, '', typstCell(`PDF ${kb(typst?.bytes?.pdf)}`), times(ratio(f.build.bytes?.pdf, typst?.bytes?.pdf))],
    ['text in the PDF (pdftotext, characters)', String(r.text.ours ?? 'n/a'), '', typstCell(String(r.text.typst ?? 'n/a')), ''],
  ];
  if (f.typstSystemFonts) rows.push(['Typst reading the system fonts too (its default)', '', '', `${ms(f.typstSystemFonts.ms)}, peak ${mb(f.typstSystemFonts.rssKB)}`, '']);
  return markdown(['what', 'bulletin', 'peak RSS', `Typst ${r.typst.version?.split(' ')[1] ?? ''}`.trim(), 'ours / Typst'], rows);
}

export function targetsTable(r) {
  const verdict = (m) => (m === undefined ? 'not measured' : m ? 'met' : '**not met**');
  return markdown(
    ['target', 'measured', 'limit', ''],
    targets(r).map((t) => [t.target, t.measured, t.limit, verdict(t.met)]),
  );
}

function markdown(head, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
