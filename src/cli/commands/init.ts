import type { Argv } from 'yargs';
import type { CommandModule } from '../command.js';

interface InitArgs {
  mode?: 'husky' | 'git';
  force: boolean;
  agents?: string;
}

export const command: CommandModule<InitArgs> = {
  command: 'init',
  describe: 'Install the hooks that record and check the model of every commit (prepare-commit-msg, commit-msg, pre-push; applypatch-msg and pre-applypatch for git am) and keep its line-level notes (post-commit, post-rewrite, post-applypatch; notes.rewriteRef=refs/notes/a[i])',
  builder: (yargs: Argv) =>
    yargs
      .option('mode', {
        choices: ['husky', 'git'] as const,
        describe: 'husky: add lines to .husky/<hook> (default when the repository uses husky); git: install shims in the effective hooks directory (core.hooksPath or .git/hooks)',
      })
      .option('force', {
        type: 'boolean',
        default: false,
        describe: 'Rewrite aitrail\'s own hooks even when current; let husky replace another core.hooksPath; install in a core.hooksPath of the global or system git config (every repository runs it); chain hooks that are committed in a tracked hooks directory; install on a bare server whose relative core.hooksPath its linked worktrees do not share (pushes to their paths then run no hook). Never deletes a foreign hook.',
      })
      .option('agents', {
        type: 'string',
        describe: "Also add 'aitrail checkpoint' to AI agents' own file-edit hooks, so commits record which lines they wrote: the agents configured here (.claude, .gemini, .codex, .cursor), or the ones named (claude-code,gemini-cli,codex,cursor)",
      })
      .example('$0 init', 'Install, choosing husky or plain git hooks automatically')
      .example('$0 init --agents claude-code', "Also record Claude Code's edits line by line (.claude/settings.json)")
      .example('$0 init --mode git', 'Install into .git/hooks (or core.hooksPath), chaining any existing hook')
      .example('cd /srv/git/project.git && $0 init', 'On a server (bare repository): pre-receive, and reference-transaction for pushes that race each other')
      .example('git config receive.denyCurrentBranch updateInstead && $0 init', 'A repository that takes pushes into its checked-out branch (push-to-deploy) gets pre-receive too')
      .epilogue('Exit codes: 0 installed (or already current), 2 nothing installed or a hook left as it was (an unknown agent, a hook it will not chain: the message says which and what to do), 3 git error or not a repository.'),
  run: async (args) => (await import('../../install/run-init.js')).runInit({ force: args.force, ...(args.mode ? { mode: args.mode } : {}), ...(args.agents !== undefined ? { agents: args.agents } : {}) }),
};
