/**
 * Largest note read: git-ai notes are KBs; old ones carried whole transcripts (MBs). Its own module:
 * the hooks that carry notes (post-commit's cherry-pick, post-rewrite) check sizes without loading
 * the note readers, and through them the model catalog (~33 KB of each hook's bundle).
 */
export const NOTE_SIZE_LIMIT = 32 * 1024 * 1024;
