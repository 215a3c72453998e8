// The outputs a build can write (docs/interface.md §3): the names --format and
// the config's `formats` take.
export const OUTPUT_FORMATS = ['pdf', 'docx', 'ofd', 'png', 'svg'] as const;

export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** What a build writes when neither --format nor the config names anything. */
export const DEFAULT_FORMATS: readonly OutputFormat[] = ['pdf', 'docx'];
