import { commitSignals } from '../core/commit-signals.js';
import { detectCommit, type DetectOptions } from '../core/detect.js';
import type { Attribution } from '../core/types.js';
import { streamCommits } from '../git/log.js';

/** What `sources` declared (each read as `log` reads it, author included) that `rewritten` does not: the models a rewrite's new message dropped. */
export async function droppedAttributions(cwd: string, rewritten: string, sources: readonly string[], options: DetectOptions): Promise<Attribution[]> {
  const declared: Attribution[] = [];
  let kept: Attribution[] | undefined;
  for await (const commit of streamCommits(cwd, [rewritten, ...sources], { extra: ['--no-walk=unsorted'], whole: true })) {
    const found = detectCommit(commitSignals(commit), options);
    if (kept === undefined) kept = found;
    else declared.push(...found);
  }
  const known = new Set((kept ?? []).map((attribution) => `${attribution.agent}\0${attribution.model}`));
  return declared.filter((attribution) => !known.has(`${attribution.agent}\0${attribution.model}`));
}

/** `attributions` as the trailer lines that record them, for a message to the person. */
export function trailerLines(attributions: readonly Attribution[], key: string): string {
  return attributions.map((attribution) => `${key}: ${attribution.agent}:${attribution.model}`).join(', ');
}

/**
 * What a person is told when the new message of a signed commit dropped models: aitrail never signs
 * in their name (a signature the person did not ask for, of a line they just deleted, may also prompt
 * for a passphrase or a key touch) and never strips one; `fix` is how they add the line themselves.
 */
export function signedDropWarning(made: string, missing: readonly Attribution[], key: string, fix: string): string {
  return `${made.slice(0, 12)} is signed and its message dropped ${trailerLines(missing, key)}; aitrail never re-signs a commit, so it stays as it is: add the line yourself (${fix}), or write \`${key}: none\` to say no model helped`;
}
