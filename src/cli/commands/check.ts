import type { Argv } from 'yargs';
import type { CommandModule } from '../command.js';
import type { CheckFormat } from '../../enforce/run-check.js';
import { GATE_BOUNDS_HELP } from '../size-caps-help.js';

interface CheckArgs {
  range?: string;
  format: CheckFormat;
  config?: string;
  policyFrom?: string;
}

export const command: CommandModule<CheckArgs> = {
  command: 'check [range]',
  describe: 'Judge commits against the AI model policy (for CI and scripts)',
  builder: (yargs: Argv) =>
    yargs
      .positional('range', {
        type: 'string',
        describe: "Revision range (default: the commits not on the remote's default branch, origin/HEAD). The policy is read as committed at A for A..B and A...B (for A...B at B when B is in A's history; when both sides hold commits of their own, at the side naming origin's default branch, else at B too). With no range or no A: when HEAD's upstream remote is not origin (a branch of a contributor's fork, or a fork cloned as origin with the project as upstream) and their default branches differ, the commits either lacks are judged by both default branches' policies, unless GitHub's CLI marked one remote the project (remote.<name>.gh-resolved=base: its default branch alone); --policy-from names one policy",
      })
      .option('format', { requiresArg: true, choices: ['text', 'json', 'github'] as const, default: 'text' as const, describe: 'Output: text, json, or GitHub Actions annotations' })
      .option('config', { requiresArg: true, type: 'string', describe: 'Policy file to use instead of the config committed at the range base (one the judged commits change is refused, exit 2: use --policy-from)' })
      .option('policy-from', { requiresArg: true, type: 'string', describe: 'Read the policy as committed at this revision (the target branch), whatever the range' })
      .example('$0 check', "Commits not on the remote's default branch, by that branch's policy")
      .example('$0 check origin/main..HEAD --format github', 'A pull request, in GitHub Actions')
      .example('$0 check "$BASE..HEAD" --policy-from origin/main', 'Any range, judged by the target branch\'s policy')
      .epilogue(`Exit codes: 0 no errors (warnings allowed), 1 policy violation, 2 bad usage or invalid config, 3 git error, shallow clone lacking history, no range and no remote default branch, or a range past the gate's bounds (a commit of 16 MiB, 64 MiB of large commits together, a copy search reading more than 4 GiB of trees, blames of protected files estimated to search more than 64 GiB). ${GATE_BOUNDS_HELP}`),
  run: async (args) => {
    if (args.range === '') {
      const [{ UsageError }, { enforceMessages }] = await Promise.all([import('../../errors/usage-error.js'), import('../../enforce/messages.js')]);
      throw new UsageError(enforceMessages.emptyRange());
    }
    return (await import('../../enforce/run-check.js')).runCheck(args);
  },
};
