/** Hooks `aitrail init` installs in a work-tree repository. */
export const CLIENT_HOOKS = ['prepare-commit-msg', 'commit-msg', 'pre-push'] as const;
/** Hooks installed in a bare (server) repository. */
export const SERVER_HOOKS = ['pre-receive'] as const;

export type InstalledHook = (typeof CLIENT_HOOKS)[number] | (typeof SERVER_HOOKS)[number];
