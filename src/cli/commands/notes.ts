import type { Argv } from 'yargs';
import type { CommandModule } from '../command.js';
import { writeStdout } from '../../io/stdout.js';

interface NotesArgs {
  action: 'squash';
  range: string;
  onto: string;
  force: boolean;
}

export const command: CommandModule<NotesArgs> = {
  command: 'notes <action> <range>',
  describe: "Line-level notes (git-ai format, refs/notes/ai): 'squash <base>..<head> --onto <commit>' composes a squash-merged commit's note from its branch's notes",
  builder: (yargs: Argv) =>
    yargs
      .positional('action', { choices: ['squash'] as const, describe: 'squash: compose the note of a squash merge' })
      .positional('range', { type: 'string', describe: "The branch's commits, <base>..<head> (e.g. the pull request's base and head shas)" })
      .option('onto', { type: 'string', demandOption: true, describe: 'The squashed commit that gets the note' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace a different note the commit already has' })
      .example('$0 notes squash origin/main..feature --onto HEAD', "After a squash merge: give it the branch's line-level notes, then git push origin refs/notes/ai")
      .epilogue('Exit codes: 0 written, unchanged or nothing to compose; 2 not a range <base>..<head>, a different note is there (use --force), or a branch note naming models is malformed; 3 git error or an unknown commit (fetch it first).'),
  run: async (args) => {
    const { squashNotes } = await import('../../notes/squash-notes.js');
    const result = await squashNotes({ cwd: process.cwd(), range: args.range, onto: args.onto, force: args.force });
    writeStdout(`aitrail notes squash: ${result.message}\n`);
    return result.status === 'exists' || result.status === 'malformed' ? 2 : 0;
  },
};
