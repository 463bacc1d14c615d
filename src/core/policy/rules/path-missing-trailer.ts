import { messages } from '../messages.js';
import type { Rule } from '../types.js';
import { distinctModels, violation } from '../violation.js';

/**
 * `policy.paths[i].requireTrailers`: an AI change to files matching `files` must carry each of
 * these trailers (e.g. a human `Reviewed-by`), key compared case-insensitively as git does,
 * with a non-empty value.
 */
export const pathMissingTrailer: Rule = (facts, policy) => {
  if (facts.attributions.length === 0) return [];
  const present = new Set(facts.trailers.filter((trailer) => trailer.value.trim() !== '').map((trailer) => trailer.key.toLowerCase()));
  const attributions = distinctModels(facts.attributions);
  const models = [...new Set(attributions.map((attribution) => attribution.model))];
  // The finding names one model: a named one before `unknown`, then by id, so every layer names the
  // same one whatever order it read the attributions in (the hooks' detection vs the trailers written).
  const lead = [...attributions].sort((a, b) => Number(a.model === 'unknown') - Number(b.model === 'unknown') || (a.model < b.model ? -1 : a.model > b.model ? 1 : 0))[0]!;
  return policy.paths.flatMap((rule) => {
    if (rule.requireTrailers.length === 0) return [];
    // AI changes to these files: every changed path, or only where a note-only model put its lines.
    const aiPaths = attributions.some((attribution) => attribution.paths === undefined) ? facts.paths : [...new Set(attributions.flatMap((attribution) => attribution.paths ?? []))];
    const touched = aiPaths.filter((path) => rule.matchFile(path) !== undefined);
    if (touched.length === 0) return [];
    const setting = `policy.paths[${rule.index}].requireTrailers`;
    return rule.requireTrailers
      .filter((key) => !present.has(key.toLowerCase()))
      .map((key) => violation(facts, lead, { rule: 'path-missing-trailer', severity: 'error', setting, ...messages.pathMissingTrailer(models, setting, key, touched[0] as string, facts.landed?.lines) }, touched));
  });
};
