import { readFileSync, rmSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { writeFileAtomicSync } from '../io/atomic-write.js';

/** What `aitrail init` changed beyond hook files, so `aitrail uninstall` can undo exactly that. */
export interface InstallState {
  /** aitrail set husky up (it was not before): uninstall takes it down again. */
  huskySetUp?: { huskyDir: string; previousHooksPath: string | null };
  /** aitrail added `notes.rewriteRef=refs/notes/a[i]` (an earlier version: `refs/notes/ai`) to the local git config: uninstall removes that value. */
  notesRewriteRef?: true;
  /**
   * Agent config files `init --agents` changed, by path from the work tree top: `original` is the
   * file's text before (null: aitrail created it), so uninstall can put it back byte for byte when
   * nothing else changed in it since.
   */
  agentFiles?: Record<string, { original: string | null }>;
}

function statePath(commonDir: string): string {
  return join(commonDir, 'aitrail', 'install.json');
}

/** The state, each part validated on its own (uninstall acts on these paths: an invalid part is no state). */
export function readInstallState(commonDir: string): InstallState {
  let data: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(readFileSync(statePath(commonDir), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return {};
    data = parsed as Record<string, unknown>;
  } catch {
    return {};
  }
  const state: InstallState = {};
  const setUp = data.huskySetUp as { huskyDir?: unknown; previousHooksPath?: unknown } | undefined;
  if (typeof setUp?.huskyDir === 'string' && isAbsolute(setUp.huskyDir) && (setUp.previousHooksPath === null || typeof setUp.previousHooksPath === 'string')) {
    state.huskySetUp = { huskyDir: setUp.huskyDir, previousHooksPath: setUp.previousHooksPath };
  }
  if (data.notesRewriteRef === true) state.notesRewriteRef = true;
  if (typeof data.agentFiles === 'object' && data.agentFiles !== null) {
    const files: Record<string, { original: string | null }> = {};
    for (const [path, entry] of Object.entries(data.agentFiles)) {
      const original = (entry as { original?: unknown } | null)?.original;
      if (/^\.[a-z]+\/[a-z.]+\.json$/.test(path) && (original === null || typeof original === 'string')) files[path] = { original };
    }
    if (Object.keys(files).length > 0) state.agentFiles = files;
  }
  return state;
}

export function writeInstallState(commonDir: string, state: InstallState): void {
  if (Object.keys(state).length === 0) {
    rmSync(statePath(commonDir), { force: true });
    return;
  }
  writeFileAtomicSync(statePath(commonDir), `${JSON.stringify(state, null, 2)}\n`, { mkdir: true });
}
