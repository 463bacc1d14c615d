import { shWord } from '../sh-quote.js';

/** The notes ref git-ai writes its Authorship Logs to. */
export const DEFAULT_NOTES_REF = 'refs/notes/ai';

/**
 * The full name of a notes ref as `git notes --ref` reads it (`ai` → `refs/notes/ai`,
 * `notes/x` → `refs/notes/x`), or null for what cannot be one: another namespace
 * (`refs/heads/main`), an option (`-x`), or a name `git check-ref-format` refuses (control
 * characters, space, `~^:?*[\`, `..`, `@{`, `//`, a component starting with `.` or ending in
 * `.lock`, a trailing `/` or `.`).
 */
export function notesRefName(value: string): string | null {
  if (value.length === 0 || value.length > 200 || value.startsWith('-')) return null;
  const full = value.startsWith('refs/notes/') ? value : value.startsWith('refs/') ? null : value.startsWith('notes/') ? `refs/${value}` : `refs/notes/${value}`;
  if (full === null || full === 'refs/notes/') return null;
  if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(full) || full.includes('..') || full.includes('@{') || full.includes('//')) return null;
  if (full.endsWith('/') || full.endsWith('.') || full === '@') return null;
  if (full.split('/').some((part) => part.startsWith('.') || part.endsWith('.lock'))) return null;
  return full;
}

/**
 * git-ai's tracking ref of a remote's notes (`tracking_ref_for_remote` in git-ai's
 * `src/git/refs.rs`): `refs/notes/ai-remote/<remote>`, each character of the name that is not a
 * letter, a digit (Rust's `char::is_alphanumeric`), `-` or `_` made `_`. git-ai fetches the
 * remote's `refs/notes/ai` there (`+refs/notes/ai:<tracking ref>`) and merges it into its own.
 */
export function notesTrackingRef(remote: string): string {
  return `refs/notes/ai-remote/${Array.from(remote, (char) => (/^[\p{Alphabetic}\p{N}_-]$/u.test(char) ? char : '_')).join('')}`;
}

/**
 * The shell command that brings `remote`'s notes into refs/notes/ai the way git-ai does: fetched
 * into git-ai's own tracking ref, then merged with `-s ours` (this clone's note of a commit wins),
 * so notes this clone has not pushed yet are kept, never force-replaced. The source is a pattern
 * (`refs/notes/ai*`), which git matches whole, never by its end (a branch named `refs/notes/ai`
 * is not fetched as the notes).
 */
export function fetchNotesCommand(remote: string): string {
  const tracking = notesTrackingRef(remote);
  return `git fetch ${shWord(remote, /^[A-Za-z0-9._/:@+][A-Za-z0-9._/:@+-]*$/)} '+refs/notes/ai*:${tracking}*' && git notes --ref=ai merge -s ours ${tracking}`;
}
