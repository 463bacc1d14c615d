import { revisionsAmbiguity } from '../git/revision-ambiguity.js';
import { blameMessages } from './blame-messages.js';

/** Warn for each named revision git reads as another ref than the one its name says (git's own warning is not shown). */
export async function warnAmbiguous(root: string, named: readonly [string, string | undefined][], onWarning: ((message: string) => void) | undefined): Promise<void> {
  if (!onWarning) return;
  const asked = named.filter((pair): pair is [string, string] => pair[1] !== undefined);
  const found = await revisionsAmbiguity(root, asked.map(([, name]) => name));
  asked.forEach(([what], index) => {
    const ambiguity = found[index];
    if (ambiguity) onWarning(blameMessages.ambiguousRevision(what, ambiguity.name, ambiguity.picked, ambiguity.also));
  });
}

/** The revisions a one-argument range names (`A..B`, `A...B`, `^A`, `rev`): each side given, for warnAmbiguous (row 1081). */
export function rangeRevisions(range: string | undefined): string[] {
  if (range === undefined) return [];
  return range.replace(/^\^/, '').split(/\.{2,3}/, 2).filter((side) => side !== '');
}
