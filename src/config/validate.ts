import type { Config } from '../core/types.js';
import type { ConfigProblem } from './config-error.js';
import { describeValue } from './describe-value.js';
import { formatProblems, type SchemaError } from './format-problems.js';
import { checkFileGlobs } from './check-file-globs.js';
import { checkModelGlobs } from './check-model-globs.js';
import { checkPatterns } from './check-patterns.js';
import { checkUnseenText } from './check-unseen-text.js';
import { schema, validate as validateSchema } from './validate-schema.generated.js';

/** At most this many problems are listed; a last entry says how many more there were. */
export const MAX_PROBLEMS = 100;

export interface Validation {
  /** Present only when there are no problems. */
  config?: Config;
  problems: ConfigProblem[];
}

/**
 * Validate parsed config data against the schema (every problem at once), then check what a
 * schema cannot: detection patterns must compile in the linear-time engine (RE2 syntax), and
 * file globs must be able to match a path git names, and model globs a model id; no key or
 * string may hold a character no screen shows (check-unseen-text.ts).
 * Pure: no I/O. `file` only labels the problems.
 */
export function validateConfig(data: unknown, file: string): Validation {
  const valid = validateSchema(data) as boolean;
  const errors = (validateSchema as unknown as { errors?: SchemaError[] | null }).errors ?? [];
  const problems = valid ? [] : formatProblems(errors, data, schema as Record<string, unknown>, file);
  if (!valid && problems.length === 0) problems.push({ file, path: '', found: describeValue(data), expected: 'a valid aitrail config' });
  const flagged = new Set(problems.map((problem) => problem.path));
  // A value the schema refused already is not named twice.
  problems.push(...checkUnseenText(data, file).filter((problem) => !flagged.has(problem.path)), ...checkPatterns(data, file), ...checkFileGlobs(data, file), ...checkModelGlobs(data, file));
  if (problems.length > 0) return { problems: capped(problems, file) };
  return { config: data as Config, problems: [] };
}

function capped(problems: ConfigProblem[], file: string): ConfigProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const more = problems.length - MAX_PROBLEMS;
  return [...problems.slice(0, MAX_PROBLEMS), { file, path: '', found: `${more} more problems not listed`, expected: 'the problems above fixed first' }];
}
