import type { CommitFacts, RuleId, Severity, Violation } from './types.js';
import type { Attribution, Tristate } from '../types.js';

/** At most this many paths are listed in one violation (`pathCount` keeps the total). */
export const MAX_LISTED_PATHS = 20;

/** A violation of `facts` concerning `paths` (default: every changed path). */
export function violation(
  facts: CommitFacts,
  attribution: Pick<Attribution, 'agent' | 'model'>,
  fields: { rule: RuleId; severity: Severity; setting: string; message: string; fix: string },
  paths: readonly string[] = facts.paths,
): Violation {
  return {
    sha: facts.sha,
    subject: facts.subject,
    rule: fields.rule,
    severity: fields.severity,
    model: attribution.model,
    agent: attribution.agent,
    path: paths[0] ?? null,
    paths: paths.slice(0, MAX_LISTED_PATHS),
    pathCount: paths.length,
    ...(facts.landed ? { lines: facts.landed.lines } : {}),
    setting: fields.setting,
    message: fields.message,
    fix: fields.fix,
  };
}

/** `deny` → error, `warn` → warning, `allow` → nothing to report. */
export function severityOf(setting: Tristate): Severity | undefined {
  if (setting === 'deny') return 'error';
  if (setting === 'warn') return 'warning';
  return undefined;
}

/** Attributions with one entry per model (an agent seen twice is judged once). */
export function distinctModels(attributions: readonly Attribution[]): Attribution[] {
  const seen = new Set<string>();
  return attributions.filter((attribution) => {
    const key = `${attribution.agent}\0${attribution.model}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const UNKNOWN_MODEL = 'unknown';

/**
 * True for a model that is not identified: `unknown`, or a vendor named without a model
 * (`qwen/unknown`, from `Assisted-by: Qwen`). The latter is still judged by deny and allow globs
 * (`qwen/*` matches it); only once those let it through does `policy.unknownModel` judge it.
 */
export function isUnknownModel(model: string): boolean {
  return model === UNKNOWN_MODEL || model.endsWith('/unknown');
}
