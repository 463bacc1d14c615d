import { DEFAULT_NOTES_REF } from '../core/notes/notes-ref.js';
import { addConfigValue, configValues, unsetConfigValueExactly } from '../git/config-value.js';
import { readInstallState, writeInstallState } from './install-state.js';

const KEY = 'notes.rewriteRef';

/**
 * `notes.rewriteRef=refs/notes/ai` in the local config, so `git commit --amend` and `git rebase`
 * copy git-ai notes to the rewritten commits (post-rewrite then fixes their line numbers). Added
 * once (a value already set in any scope is left alone) and remembered, so uninstall removes only
 * what init added. Returns a note for the user when it changed something.
 */
export async function addNotesRewriteRef(root: string, commonDir: string): Promise<string | null> {
  if ((await configValues(root, KEY)).includes(DEFAULT_NOTES_REF)) return null;
  await addConfigValue(root, KEY, DEFAULT_NOTES_REF);
  writeInstallState(commonDir, { ...readInstallState(commonDir), notesRewriteRef: true });
  return `git config ${KEY}=${DEFAULT_NOTES_REF} added: amend and rebase carry line-level notes (git-ai format) to the new commits.`;
}

/** Undo addNotesRewriteRef (only when init added the value). */
export async function removeNotesRewriteRef(root: string, commonDir: string): Promise<string | null> {
  const state = readInstallState(commonDir);
  if (!state.notesRewriteRef) return null;
  await unsetConfigValueExactly(root, KEY, DEFAULT_NOTES_REF);
  const { notesRewriteRef: _, ...rest } = state;
  writeInstallState(commonDir, rest);
  return `git config ${KEY}=${DEFAULT_NOTES_REF}, which aitrail had added, removed.`;
}
