/** True when git runs the hook for a rebase (GIT_CHERRY_PICK_HELP, or GIT_REFLOG_ACTION `rebase…`): what it commits is a replay of commits, or a step of it. */
export function inRebase(env: NodeJS.ProcessEnv): boolean {
  return env.GIT_CHERRY_PICK_HELP !== undefined || /^rebase\b/.test(env.GIT_REFLOG_ACTION ?? '');
}
