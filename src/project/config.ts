// The project: its root folder and bulletin.config.yaml.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Diagnostics } from '../diagnostics.js';
import { isDirectory } from '../fileKinds.js';
import { PDFA_LEVELS } from '../pdfaLevel.js';
import { DEFAULT_FORMATS, OUTPUT_FORMATS } from '../outputFormats.js';
import { issueDefaultsSchema } from '../read/issueSchema.js';
import { readSourceFile } from '../read/sourceFile.js';
import { validateYaml } from '../read/schemaIssues.js';
import { parseYaml, type YamlSource } from '../read/yamlSource.js';

export const CONFIG_FILE = 'bulletin.config.yaml';

const configSchema = z.strictObject({
  issuesDir: z.string().trim().min(1).default('issues'),
  outDir: z.string().trim().min(1).default('out'),
  template: z.string().trim().min(1).default('jianbao'),
  defaults: issueDefaultsSchema.default({}),
  /** PDF/A for every PDF built: a level (2b, 1b, 2u, 2a), or true for 2b. --pdfa overrides it. */
  pdfa: z.union([z.boolean(), z.enum(PDFA_LEVELS)]).optional(),
  /** Extra folders searched for font files named by templates. */
  fontDirs: z.array(z.string().trim().min(1)).default([]),
  /** The outputs a build writes when --format is not given (docs/interface.md §1). */
  formats: z.array(z.enum(OUTPUT_FORMATS)).min(1).default([...DEFAULT_FORMATS]),
  /** Inputs larger than these are refused with a message, not read. */
  limits: z
    .strictObject({
      /** Largest image file, in megabytes. */
      imageMB: z.number().positive().default(20),
      /** Largest image, in pixels (width × height), read from its header before decoding. */
      imagePixels: z.number().int().positive().default(50_000_000),
      /** Largest article file, in megabytes. */
      articleMB: z.number().positive().default(5),
    })
    .prefault({}),
});

export type ProjectConfig = z.infer<typeof configSchema>;

export interface Project {
  root: string;
  config: ProjectConfig;
  /** Where the config came from, for positions of inherited defaults. */
  configSource?: YamlSource;
  issuesDir: string;
  outDir: string;
  templatesDir: string;
}

/** Walk up from `start` to the first folder with bulletin.config.yaml or issues/. */
export function findProjectRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, CONFIG_FILE)) || isDirectory(path.join(dir, 'issues'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}


/** Load the project at `root`; a missing config file means all defaults. */
export function loadProject(root: string, diags: Diagnostics): Project {
  const file = path.join(root, CONFIG_FILE);
  let config: ProjectConfig = configSchema.parse({}, { jitless: true });
  let configSource: YamlSource | undefined;
  if (existsSync(file)) {
    const text = readSourceFile(file, diags);
    const src = text === undefined ? undefined : parseYaml(text, file, diags);
    if (src) {
      const parsed = validateYaml(configSchema, src.value, src, diags);
      if (parsed) config = parsed;
      configSource = src;
    }
  }
  const project: Project = {
    root,
    config,
    issuesDir: path.resolve(root, config.issuesDir),
    outDir: path.resolve(root, config.outDir),
    templatesDir: path.join(root, 'templates'),
  };
  if (configSource) project.configSource = configSource;
  return project;
}

/** The template of an issue that names none: the config's defaults, else its `template`. */
export function defaultTemplate(project: Project): string {
  return project.config.defaults.template ?? project.config.template;
}
