/**
 * Largest note read: git-ai notes are KBs; old ones carried whole transcripts (MBs). Its own module:
 * the hooks that carry notes (post-commit's cherry-pick, post-rewrite) check sizes without loading
 * the note readers, and through them the model catalog (~33 KB of each hook's bundle).
 */
export const NOTE_SIZE_LIMIT = 32 * 1024 * 1024;

/** The note blob a notes tree lists for a commit when it is one aitrail reads (a blob within NOTE_SIZE_LIMIT), else null. */
export const usableNoteOid = (entry: { oid: string; type: string; size: number } | undefined): string | null =>
  entry && entry.type === 'blob' && entry.size >= 0 && entry.size <= NOTE_SIZE_LIMIT ? entry.oid : null;
