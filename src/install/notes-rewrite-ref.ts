import { DEFAULT_NOTES_REF } from '../core/notes/notes-ref.js';
import { addConfigValue, configValues, unsetConfigValueExactly } from '../git/config-value.js';
import { readInstallState, writeInstallState } from './install-state.js';

const KEY = 'notes.rewriteRef';

/**
 * The value aitrail gives `notes.rewriteRef`: a glob that names refs/notes/ai and nothing else
 * (`refs/notes/a[i]`). git resolves a plain name at every amend and rebase and, while the ref does
 * not exist yet (a repository where no agent wrote a note), prints "warning: notes ref
 * refs/notes/ai is invalid" each time; a glob that matches no ref is silent, and one that matches
 * copies exactly what the plain name would.
 */
export const NOTES_REWRITE_GLOB = `${DEFAULT_NOTES_REF.slice(0, -1)}[${DEFAULT_NOTES_REF.slice(-1)}]`;

/**
 * `notes.rewriteRef=refs/notes/a[i]` (NOTES_REWRITE_GLOB) in the local config, so `git commit
 * --amend` and `git rebase` copy git-ai notes to the rewritten commits (post-rewrite then fixes
 * their line numbers). Added once, and remembered so uninstall removes only what init added. A
 * value that already copies refs/notes/ai in any scope is left alone, but for the plain name an
 * earlier aitrail added: that one is replaced by the glob. Returns a note for the user when it
 * changed something.
 */
export async function addNotesRewriteRef(root: string, commonDir: string, known?: readonly string[]): Promise<string | null> {
  const values = known ?? (await configValues(root, KEY));
  if (values.includes(NOTES_REWRITE_GLOB)) return null;
  const state = readInstallState(commonDir);
  if (values.includes(DEFAULT_NOTES_REF)) {
    if (!state.notesRewriteRef) return null;
    await unsetConfigValueExactly(root, KEY, DEFAULT_NOTES_REF);
    await addConfigValue(root, KEY, NOTES_REWRITE_GLOB);
    return `git config ${KEY}=${DEFAULT_NOTES_REF}, which aitrail had added, is now ${NOTES_REWRITE_GLOB} (the same notes; git no longer warns at every amend and rebase while no note exists).`;
  }
  await addConfigValue(root, KEY, NOTES_REWRITE_GLOB);
  writeInstallState(commonDir, { ...state, notesRewriteRef: true });
  return `git config ${KEY}=${NOTES_REWRITE_GLOB} added: amend and rebase carry line-level notes (git-ai format, ${DEFAULT_NOTES_REF}) to the new commits.`;
}

/** Undo addNotesRewriteRef (only when init added the value): the glob, and the plain name an earlier aitrail added. */
export async function removeNotesRewriteRef(root: string, commonDir: string): Promise<string | null> {
  const state = readInstallState(commonDir);
  if (!state.notesRewriteRef) return null;
  const values = await configValues(root, KEY);
  const ours = [NOTES_REWRITE_GLOB, DEFAULT_NOTES_REF].filter((value) => values.includes(value));
  for (const value of ours) await unsetConfigValueExactly(root, KEY, value);
  const { notesRewriteRef: _, ...rest } = state;
  writeInstallState(commonDir, rest);
  return `git config ${KEY}=${ours[0] ?? NOTES_REWRITE_GLOB}, which aitrail had added, removed.`;
}
