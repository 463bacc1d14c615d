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
