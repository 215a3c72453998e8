// Turning schema (zod) failures into diagnostics at the right line of the
// right YAML file, with "did you mean" for misspelled keys.
import type { z } from 'zod';
import type { Diagnostics } from '../diagnostics.js';
import { isMessageCode } from '../messages.js';
import type { PositionSource } from './yamlSource.js';
import { closestWord } from '../text/closestWord.js';

type AnySchema = z.ZodType;

/**
 * Validate `value` (a file's YAML, a mapping) against `schema`; report every
 * problem at its place in `src`. An empty file counts as an empty mapping.
 */
export function validateYaml<S extends AnySchema>(
  schema: S,
  value: unknown,
  src: PositionSource,
  diags: Diagnostics,
): z.infer<S> | undefined {
  if (value === null || value === undefined) value = {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    diags.error('yaml.notMapping', src.posOf([]));
    return undefined;
  }
  // Without zod's JIT: it compiles each object schema into a function (with
  // `new Function`) on its first parse, which a one-shot command pays for
  // and never gets back (README, "性能 / Performance").
  const result = schema.safeParse(value, { jitless: true });
  if (result.success) return result.data as z.infer<S>;
  for (const issue of result.error.issues) reportIssue(schema, issue, value, src, diags);
  return undefined;
}

function reportIssue(
  schema: AnySchema,
  issue: z.core.$ZodIssue,
  value: unknown,
  src: PositionSource,
  diags: Diagnostics,
): void {
  const path = issue.path;
  const keyName = path.filter((p) => typeof p === 'string').join('.') || '(root)';
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(schema, issue.path);
      for (const key of issue.keys) {
        const suggestion = closestWord(key, known);
        diags.error(suggestion ? 'key.unknownDidYouMean' : 'key.unknown', src.posOf([...path, key], 'key'), {
          key,
          suggestion: suggestion ?? '',
        });
      }
      return;
    }
    case 'invalid_type': {
      if (valueAt(value, issue.path) === undefined) {
        diags.error('key.missing', src.posOf(path.slice(0, -1)), { key: keyName });
      } else {
        diags.error('value.type', src.posOf(path), { key: keyName, expected: issue.expected });
      }
      return;
    }
    case 'invalid_union': {
      if (valueAt(value, issue.path) === undefined) {
        diags.error('key.missing', src.posOf(path.slice(0, -1)), { key: keyName });
        return;
      }
      const expected = [
        ...new Set(
          issue.errors.flatMap((branch) =>
            branch.filter((i) => i.code === 'invalid_type' && i.path.length === 0).map((i) => (i as { expected: string }).expected),
          ),
        ),
      ];
      if (expected.length > 0) {
        diags.error('value.type', src.posOf(path), { key: keyName, expected: expected.join('|') });
      } else {
        // A branch of the right type failed a finer check: report that branch's problems.
        const branch = issue.errors.find((b) => !b.some((i) => i.code === 'invalid_type' && i.path.length === 0));
        for (const inner of branch ?? []) {
          reportIssue(schema, { ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue, value, src, diags);
        }
      }
      return;
    }
    case 'too_small':
      diags.error(issue.origin === 'string' ? 'value.empty' : 'value.tooSmall', src.posOf(path), {
        key: keyName,
        minimum: Number(issue.minimum),
        ...(issue.inclusive === false ? { exclusive: 1 } : {}),
      });
      return;
    case 'too_big':
      diags.error('value.tooBig', src.posOf(path), { key: keyName, maximum: Number(issue.maximum) });
      return;
    case 'invalid_value':
      diags.error('value.oneOf', src.posOf(path), { key: keyName, values: issue.values.map(String).join(', ') });
      return;
    case 'custom': {
      const params = (issue.params ?? {}) as Record<string, string | number>;
      if (isMessageCode(issue.message)) diags.error(issue.message, src.posOf(path), { key: keyName, ...params });
      else diags.error('value.invalid', src.posOf(path), { key: keyName, detail: issue.message });
      return;
    }
    default:
      // Checks whose message is one of ours (a regex on a colour, say) keep it.
      if (isMessageCode(issue.message)) diags.error(issue.message, src.posOf(path), { key: keyName, value: String(valueAt(value, issue.path)) });
      else diags.error('value.invalid', src.posOf(path), { key: keyName, detail: issue.message });
  }
}

function valueAt(value: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/** The keys the schema allows at `path`, for suggestions. */
function knownKeys(schema: AnySchema, path: ReadonlyArray<PropertyKey>): string[] {
  let s: AnySchema | undefined = schema;
  for (const seg of [...path, null]) {
    s = unwrap(s);
    const def = (s as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
    if (!def) return [];
    if (seg === null) return def.type === 'object' ? Object.keys(def.shape as object) : [];
    if (def.type === 'object') s = (def.shape as Record<string, AnySchema>)[String(seg)];
    else if (def.type === 'array') s = def.element as AnySchema;
    else if (def.type === 'record') s = def.valueType as AnySchema;
    else return [];
  }
  return [];
}

function unwrap(s: AnySchema | undefined): AnySchema | undefined {
  let cur = s;
  for (let i = 0; i < 10 && cur; i++) {
    const def = (cur as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') {
      cur = def.innerType as AnySchema;
    } else if (def.type === 'pipe') {
      cur = def.in as AnySchema;
    } else {
      break;
    }
  }
  return cur;
}
