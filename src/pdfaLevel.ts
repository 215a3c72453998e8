// The PDF/A levels bulletin writes (README, "PDF/A"): 2b by default, 1b on
// request, 2u and 2a since every PDF is tagged.
export const PDFA_LEVELS = ['1b', '2b', '2u', '2a'] as const;
export type PdfALevel = (typeof PDFA_LEVELS)[number];
export const DEFAULT_PDFA_LEVEL: PdfALevel = '2b';

/** A level as the config or template gives it: a level, or true for the default, false or absent for none. */
export function pdfaLevelOf(value: PdfALevel | boolean | undefined): PdfALevel | undefined {
  if (value === true) return DEFAULT_PDFA_LEVEL;
  return value === false ? undefined : value;
}
