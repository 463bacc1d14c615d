import { runGit } from './exec.js';

/**
 * The author of each of `shas` as `Name <email>`, with the repository's `.mailmap` applied (as
 * `git blame` and `git shortlog` name them), read in one `git log --no-walk --stdin` pass.
 * Reports keep git's defaults (replace refs, grafts). A sha git does not know is left out.
 */
export async function commitAuthors(cwd: string, shas: Iterable<string>): Promise<Map<string, string>> {
  const asked = [...new Set(shas)].filter((sha) => /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(sha));
  const authors = new Map<string, string>();
  if (asked.length === 0) return authors;
  // --encoding: names stay UTF-8 whatever i18n.logOutputEncoding says; -z: names may hold newlines;
  // --no-show-signature: log.showSignature would run gpg.program on each signed commit and print its lines into the records.
  const out = await runGit(['log', '--no-walk=unsorted', '--stdin', '-z', '--no-color', '--no-show-signature', '--encoding=UTF-8', '--format=%H%x00%aN%x00%aE', '--'], { cwd, input: `${asked.join('\n')}\n` });
  const fields = out.split('\0');
  for (let index = 0; index + 2 < fields.length; index += 3) {
    const sha = fields[index]!.replace(/^\n/, '');
    authors.set(sha, `${fields[index + 1]} <${fields[index + 2]}>`);
  }
  return authors;
}
