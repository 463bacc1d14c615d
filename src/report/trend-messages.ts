import { sanitize } from '../core/sanitize.js';
import { oneGlobAFlag } from './blame-messages.js';

const show = (text: string): string => sanitize(text, { max: 200 });

/** What `aitrail trend` says to people. */
export const trendMessages = {
  badRev: (rev: string) => `invalid revision '${show(rev)}': give a revision such as a tag, a branch or a sha (paths go after --).${oneGlobAFlag(rev)}`,
  unknownRev: (rev: string) => `unknown revision '${show(rev)}': it names no commit in this repository.${oneGlobAFlag(rev)}`,
  badGlob: (glob: string) => `invalid --tags '${show(glob)}': give a glob over tag names such as 'v*'.`,
  notCommit: (tag: string) => `left out tag '${show(tag)}': it does not point at a commit.`,
  tooFew: (count: number, glob: string | undefined) =>
    `trend compares consecutive revisions: it needs two or more, found ${count}.` +
    (glob !== undefined ? ` --tags '${show(glob)}' matched ${count === 0 ? 'no tag' : 'too few tags'}; list them with: git tag --list '${show(glob)}'.` : ' Give them in order: aitrail trend v1.0 v1.1 v2.0, or --tags \'v*\'.'),
  tooMany: (count: number, max: number, glob: string | undefined) =>
    `trend would compare ${count.toLocaleString('en-US')} revisions: ${(count - 1).toLocaleString('en-US')} releases, one blame each, more than the ${max.toLocaleString('en-US')} it compares unless told${glob !== undefined ? ` (--tags '${show(glob)}' matched them; list them with: git tag --list '${show(glob)}')` : ''}. ` +
    'Narrow the glob (--tags \'v2.*\'), give the revisions you mean, or allow more with --max-releases <n>.',
  badMax: () => '--max-releases takes a whole number of 1 or more (the most releases, one blame each, trend compares).',
  pair: (index: number, count: number, since: string, rev: string) => `aitrail trend: ${show(since)}..${show(rev)} (${index}/${count})`,
};
