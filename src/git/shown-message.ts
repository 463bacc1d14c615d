import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGitRawSync } from './exec.js';

/**
 * The message `raw` as git will show it once committed under `i18n.commitEncoding=<encoding>`:
 * `git commit` stores the bytes as given under an `encoding <encoding>` header, and `git log`
 * (`%B`, `%(trailers)`), check, pre-push and pre-receive read it re-encoded from there to UTF-8
 * (ISO-2022-JP's `As\x1b$B\x1b(Bsisted-by:` shows as `Assisted-by:`; IBM037's bytes as other
 * letters). Asked of git itself, as those layers ask it: a commit object holding `raw` under that
 * header is written to a temporary object folder (the repository's objects untouched) and shown
 * with `git log --encoding=UTF-8 --format=%B`. Two git processes, run only for a commit whose
 * encoding may show it otherwise (showsOtherwise). `undefined` where git cannot show it.
 */
export function shownMessageSync(cwd: string, raw: Buffer, encoding: string, gitDir?: string): string | undefined {
  const objects = temporaryFolder(gitDir);
  if (objects === undefined) return undefined;
  try {
    const env = { GIT_OBJECT_DIRECTORY: objects, GIT_ALTERNATE_OBJECT_DIRECTORIES: '' };
    // git commit writes the header so (commit_tree_extended); the tree is never read by `%B`, only its length checked (SHA-1, then SHA-256).
    for (const hexLength of [40, 64]) {
      const head = `tree ${'0'.repeat(hexLength)}\nauthor a <a> 0 +0000\ncommitter a <a> 0 +0000\nencoding ${encoding}\n\n`;
      const object = Buffer.concat([Buffer.from(head, 'utf8'), raw]);
      let id: string;
      try {
        id = runGitRawSync(['hash-object', '-t', 'commit', '-w', '--literally', '--stdin'], { cwd, env, input: object }).toString('latin1').trim();
      } catch {
        continue;
      }
      try {
        const shown = runGitRawSync(['log', '-1', '--no-walk', '--no-color', '--no-show-signature', '--encoding=UTF-8', '--format=%B', id, '--'], { cwd, env, asStored: true });
        return shown.toString('utf8');
      } catch {
        continue;
      }
    }
    return undefined;
  } finally {
    rmSync(objects, { recursive: true, force: true });
  }
}

/**
 * A fresh folder for the object: under the system's temporary folder, else (TMPDIR gone or read-only:
 * a sandbox, a `.env`'s TMPDIR) under the repository's git folder; none: `undefined` (the bytes' reading
 * alone, as before this reading, where `mkdtemp` threw and commit-msg refused every such commit, a
 * person's Japanese message too).
 */
function temporaryFolder(gitDir: string | undefined): string | undefined {
  for (const parent of [tmpdir(), ...(gitDir === undefined ? [] : [gitDir])]) {
    try {
      return mkdtempSync(join(parent, 'aitrail-shown-'));
    } catch {
      // the next place
    }
  }
  return undefined;
}
