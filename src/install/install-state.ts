import { readFileSync, rmSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { writeFileAtomicSync } from '../io/atomic-write.js';

/** What `aitrail init` changed beyond hook files, so `aitrail uninstall` can undo exactly that. */
export interface InstallState {
  /** aitrail set husky up (it was not before): uninstall takes it down again. */
  huskySetUp?: { huskyDir: string; previousHooksPath: string | null };
}

function statePath(commonDir: string): string {
  return join(commonDir, 'aitrail', 'install.json');
}

export function readInstallState(commonDir: string): InstallState {
  try {
    const data = JSON.parse(readFileSync(statePath(commonDir), 'utf8')) as { huskySetUp?: { huskyDir?: unknown; previousHooksPath?: unknown } } | null;
    const setUp = data?.huskySetUp;
    // Validated on read: uninstall acts on these paths (an invalid file is no state).
    if (typeof setUp?.huskyDir !== 'string' || !isAbsolute(setUp.huskyDir) || (setUp.previousHooksPath !== null && typeof setUp.previousHooksPath !== 'string')) return {};
    return { huskySetUp: { huskyDir: setUp.huskyDir, previousHooksPath: setUp.previousHooksPath } };
  } catch {
    return {};
  }
}

export function writeInstallState(commonDir: string, state: InstallState): void {
  if (Object.keys(state).length === 0) {
    rmSync(statePath(commonDir), { force: true });
    return;
  }
  writeFileAtomicSync(statePath(commonDir), `${JSON.stringify(state, null, 2)}\n`, { mkdir: true });
}
