import { DEFAULT_NOTES_REF } from '../core/notes/notes-ref.js';
import { QWEN_NOTES_REF } from '../core/notes/qwen-attribution.js';
import { macFoldedName } from '../core/mac-name.js';
import type { RefUpdate } from '../core/ref-updates.js';
import { configBools } from '../git/config-value.js';
import { symbolicRef } from '../git/refs.js';

/** A pushed ref and the ref it differs from only in case (or in how macOS writes a name). */
export interface CaseVariant {
  ref: string;
  of: string;
}

/**
 * The refs a push would write that name the same file as the default branch (HEAD's) or
 * refs/notes/ai (or Qwen Code's refs/notes/ai-attribution, which pre-receive guards as it does refs/notes/ai), on a server whose file system folds names: under `core.ignorecase` (set by
 * `git init` there) a name differing only in case, or as macOS reads names (mac-name.ts: `ſ` for
 * `s`, `refs/headſ/main`; a code point HFS+ ignores, `refs/heads/ma\u200cin`; another Unicode
 * form); under `core.precomposeunicode` alone (a case-sensitive APFS volume) another Unicode form.
 * git keeps a loose ref in a file named after it: `refs/heads/Main` is then the file git
 * reads for a packed or deleted `refs/heads/main` (rev-parse, HEAD), past the review that protects
 * main by name (a deletion removes main's), and `refs/NOTES/ai` the notes `git notes --ref=ai` reads, while for-each-ref and
 * aitrail's exact-name reads see neither. A server that folds nothing keeps them apart: nothing then.
 */
export async function caseVariantRefs(repoDir: string, updates: readonly RefUpdate[], headRef?: string | null): Promise<CaseVariant[]> {
  if (updates.length === 0) return [];
  const settings = await configBools(repoDir, ['core.ignorecase', 'core.precomposeunicode']);
  const fold = settings.get('core.ignorecase') === true
    ? macFoldedName
    : settings.get('core.precomposeunicode') === true
      ? (name: string) => name.normalize('NFC')
      : null;
  if (fold === null) return [];
  // `headRef`: HEAD's branch as pre-receive already read it (null: detached or absent).
  const head = headRef === undefined ? await symbolicRef(repoDir, 'HEAD') : headRef;
  const guarded = head === null ? [DEFAULT_NOTES_REF, QWEN_NOTES_REF] : [head, DEFAULT_NOTES_REF, QWEN_NOTES_REF];
  return updates.flatMap((update) => guarded.filter((of) => update.ref !== of && fold(update.ref) === fold(of)).map((of) => ({ ref: update.ref, of })));
}
