import { walkJsonKeys } from '../duplicate-json-key.js';
import type { Attribution } from '../types.js';
import { modelOfNote } from './note-attribution.js';

/** The notes ref Qwen Code writes its per-commit attribution note to (QwenLM/qwen-code `attributionTrailer.ts`). */
export const QWEN_NOTES_REF = 'refs/notes/ai-attribution';

/**
 * Largest note read: Qwen Code writes none over 30 KB (128 KB in its first releases) and skips the
 * note instead (`MAX_NOTE_BYTES`). A bigger note is not Qwen Code's: left unread (notes only add).
 */
export const QWEN_NOTE_LIMIT = 256 * 1024;

/** Characters of a generator kept: what the model reader reads of a name (note-attribution's MAX_RAW). */
const MAX_NAME = 4096;
/** Generators read from one note, at most: Qwen Code writes one. */
const MAX_GENERATORS = 8;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The `generator`s of a Qwen Code attribution note, or null when `text` is not one. Qwen Code
 * writes `JSON.stringify({ version: 1, generator, files: {…}, summary: {…}, … })` (git notes adds a
 * line break): `generator` is the session's model (`config.getModel()`) through
 * `sanitizeModelName`, so every Qwen model is `Qwen-Coder` and another model keeps its name
 * (`gpt-4o`). Its per-file fields changed three times under `version: 1`, so only the four keys
 * every release writes are asked for; the same ref holds other tools' notes (kiro-metrics'
 * `{"attribution_state":…}`, ai-attr's Authorship Logs), which lack them and are not read. A
 * `generator` given twice (JSON.parse keeps the last) names both: a note only adds.
 */
export function qwenNoteGenerators(text: string): string[] | null {
  if (text.length > QWEN_NOTE_LIMIT) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(parsed) || parsed.version !== 1 || typeof parsed.generator !== 'string' || !isObject(parsed.files) || !isObject(parsed.summary)) return null;
  const generators: string[] = [];
  walkJsonKeys(text, {
    string(path, value) {
      if (path.length !== 1 || path[0] !== 'generator' || generators.length >= MAX_GENERATORS) return;
      const name = value().slice(0, MAX_NAME);
      if (!generators.includes(name)) generators.push(name);
    },
  });
  return generators.length > 0 ? generators : [parsed.generator.slice(0, MAX_NAME)];
}

/** The evidence line of a Qwen Code note: `note refs/notes/ai-attribution: Qwen Code generator "gpt-4o"`. */
export function qwenNoteEvidence(generator: string): string {
  return `note ${QWEN_NOTES_REF}: Qwen Code generator ${JSON.stringify(generator.slice(0, 80))}`;
}

/**
 * A commit's attributions with those of its Qwen Code note added: agent `qwen-code`, the model its
 * `generator` names (`Qwen-Coder` → `qwen/unknown`; unreadable → `unknown`), or, for a vendor or
 * model it does not name, the evidence of Qwen Code's models of that vendor the commit names. Qwen Code writes the
 * note only for a commit its own shell tool ran, so the whole commit is concerned (no `paths`).
 * Notes only ADD: nothing the commit names is removed or narrowed.
 */
export function withQwenNote(attributions: readonly Attribution[], generators: readonly string[], aliases?: Record<string, string>): Attribution[] {
  const result = attributions.map((attribution) => ({ ...attribution, evidence: [...attribution.evidence] }));
  for (const generator of generators) {
    const model = modelOfNote(generator, aliases);
    const evidence = qwenNoteEvidence(generator);
    const same = result.filter((attribution) => attribution.agent === 'qwen-code' && attribution.model === model);
    // A vendor without its model (`Qwen-Coder`: `qwen/unknown`) is folded into Qwen Code's models of
    // that vendor the commit names (its declared `qwen-code:qwen/qwen3-coder-plus`), as detection folds it.
    const vendor = model === 'unknown' ? '' : model.endsWith('/unknown') ? model.slice(0, -'unknown'.length) : null;
    const folded = same.length > 0 || vendor === null ? same : result.filter((attribution) => attribution.agent === 'qwen-code' && attribution.model !== 'unknown' && !attribution.model.endsWith('/unknown') && attribution.model.startsWith(vendor));
    for (const target of folded) {
      if (!target.evidence.includes(evidence)) target.evidence.push(evidence);
      // The note concerns the whole commit: a narrower attribution of the model is widened.
      delete target.paths;
    }
    if (folded.length === 0) result.push({ agent: 'qwen-code', model, evidence: [evidence], declared: false });
  }
  return result;
}
