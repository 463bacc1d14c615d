import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FRESH_NOTE } from '../core/checkpoint/store-layout.js';
import { writeFileAtomicSync } from '../io/atomic-write.js';

/**
 * The note post-commit wrote last: `git commit --amend` runs post-commit before git copies the old
 * commit's note (notes.rewriteRef), so post-rewrite composes the amended commit's note from the old
 * note carried over and this one, which it finds here: the commit's id on the first line, then the
 * note's text as written.
 */
function freshNotePath(gitDir: string): string {
  return join(gitDir, FRESH_NOTE);
}

export function writeFreshNote(gitDir: string, commit: string, text: string): void {
  writeFileAtomicSync(freshNotePath(gitDir), `${commit}\n${text}`, { mkdir: true });
}

/** The text of the note post-commit wrote for `commit`, or null (another commit's, or none). */
export function freshNoteOf(gitDir: string, commit: string): string | null {
  let saved: string;
  try {
    saved = readFileSync(freshNotePath(gitDir), 'utf8');
  } catch {
    return null;
  }
  const newline = saved.indexOf('\n');
  return newline !== -1 && saved.slice(0, newline) === commit ? saved.slice(newline + 1) : null;
}
