import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicSync } from '../io/atomic-write.js';

/**
 * The note post-commit wrote last: `git commit --amend` runs post-commit before git copies the old
 * commit's note (notes.rewriteRef), so post-rewrite composes the amended commit's note from the old
 * note carried over and this one, which it finds here.
 */
function freshNotePath(gitDir: string): string {
  return join(gitDir, 'aitrail', 'last-note');
}

export function writeFreshNote(gitDir: string, commit: string, blob: string): void {
  writeFileAtomicSync(freshNotePath(gitDir), `${commit} ${blob}\n`, { mkdir: true });
}

/** The blob of the note post-commit wrote for `commit`, or null. */
export function freshNoteOf(gitDir: string, commit: string): string | null {
  try {
    const [written, blob] = readFileSync(freshNotePath(gitDir), 'utf8').trim().split(' ');
    return written === commit && blob && /^[0-9a-f]{40,64}$/.test(blob) ? blob : null;
  } catch {
    return null;
  }
}
