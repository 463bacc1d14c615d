// An agent's `git commit --fixup=amend:<a person's commit>`, then a person's `git rebase -i
// --autosquash`: git's `fixup -C` keeps the amend! commit's message without its `amend! <subject>`
// paragraph, so the trailer prepare-commit-msg recorded must stand in a block of its own there, not
// glued to a one-line rest (`feat: key`, a "trailer" to git's parser). Real repositories, the hooks of
// the real `aitrail init`, the real git.
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const CLAUDE = { CLAUDECODE: '1', AITRAIL_MODEL: 'anthropic/claude-opus-4.6' };
const TRAILER = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';

describe("an agent's --fixup=amend: of a person's commit whose subject git reads as a trailer", () => {
  it.each([['true'], [':']])('GIT_EDITOR=%s: the trailer is a block of its own, and survives the fold as a trailer, the subject untouched', (editor) => {
    const { repo, env } = hookedRepo();
    const base = repo.git(['rev-parse', 'HEAD']);
    repo.commit('feat: key\n', { 'k.txt': 'k\n' }, { ...env, AITRAIL: '0' });
    const amended = repo.git(['rev-parse', 'HEAD']);
    repo.commit('feat: other\n', { 'o.txt': 'o\n' }, { ...env, AITRAIL: '0' });
    repo.write('k.txt', 'k\nclaude\n');
    repo.git(['add', 'k.txt']);
    const made = tryGit(repo.dir, ['commit', '-q', `--fixup=amend:${amended}`], { env: { ...env, ...CLAUDE, GIT_EDITOR: editor } });
    expect(made.code, made.stderr).toBe(0);
    // Before: `amend! feat: key` / blank / `feat: key` / `Assisted-by: …` (the trailer glued to the amended subject).
    expect(repo.git(['log', '-1', '--format=%B'])).toBe(`amend! feat: key\n\nfeat: key\n\n${TRAILER}`);
    // A person folds it, with aitrail's hooks and without (a clone where they are not installed).
    for (const hooks of [{}, { AITRAIL: '0' }]) {
      const branch = `fold${Object.keys(hooks).length}`;
      repo.git(['branch', '-f', branch, 'main']);
      const folded = tryGit(repo.dir, ['rebase', '-q', '-i', '--autosquash', base, branch], { env: { ...env, ...hooks, GIT_SEQUENCE_EDITOR: 'true', GIT_EDITOR: 'true' } });
      expect(folded.code, folded.stderr).toBe(0);
      // Before: the folded commit's subject read `feat: key Assisted-by: claude-code:…` and git saw no trailer.
      expect(repo.git(['log', '--format=%s|%(trailers:key=Assisted-by,valueonly,separator=+)', `${base}..HEAD`]).split('\n')).toEqual([
        'feat: other|',
        'feat: key|claude-code:anthropic/claude-opus-4.6',
      ]);
      repo.git(['checkout', '-q', 'main']);
    }
  });
});
