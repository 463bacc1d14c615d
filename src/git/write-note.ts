import { GitError, runGit } from './exec.js';

/**
 * Attach `text` as the note of `commit` in `ref`, byte for byte (stored as a blob, then
 * `git notes add -C`: no message clean-up). `force` replaces a note already there; without it an
 * existing note is left alone and the status is 'exists'. `blob`: the note's object id.
 */
export async function writeNote(cwd: string, ref: string, commit: string, text: string, options: { force?: boolean } = {}): Promise<{ status: 'written' | 'exists'; blob: string }> {
  if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new TypeError(`not a commit id: ${JSON.stringify(commit.slice(0, 80))}`);
  const blob = (await runGit(['hash-object', '-w', '--stdin'], { cwd, input: text })).trim();
  try {
    await runGit(['notes', `--ref=${ref}`, 'add', ...(options.force ? ['-f'] : []), '-C', blob, commit], { cwd });
  } catch (error) {
    if (!options.force && error instanceof GitError && /existing notes?/i.test(error.stderr)) return { status: 'exists', blob };
    throw error;
  }
  return { status: 'written', blob };
}
