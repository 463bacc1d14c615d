// Row 491 for the am backend: `git rebase --apply` stopped at a conflict, an agent's lines in the
// resolution, `git rebase --continue` (git am --resolved --rebasing). git runs no post-commit for
// am's commits, and post-applypatch took every commit of a rebase --apply for a replay: the
// agent's lines got no git-ai note (its checkpoint left pending). Real repositories, the hooks of
// the real `aitrail init`, the agent's checkpoints through the real CLI.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentEdit, expectResolutionNoted } from '../helpers/agent-edits.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const PATH = 'src/crypto/x.ts';
// Claude allowed in general, denied under src/crypto.
const POLICY = 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      deny: ["anthropic/*"]\n';

/** `topic` (its first commit conflicting with `main` in PATH) rebased onto `main` with the am backend; `stop`: stopped at the conflict, resolved to main's side. */
function rebasedWithApply(stop: boolean) {
  const { repo, env, started } = hookedRepo();
  const setUp = { ...env, AITRAIL: '0' };
  repo.commit('chore: policy\n', { '.aitrailrc.yml': POLICY, [PATH]: 'one\ntwo\n', 'src/other.ts': 'other\n' }, setUp);
  repo.git(['checkout', '-q', '-b', 'topic']);
  repo.commit('topic\n', { [PATH]: stop ? 'one\ntwo topic\n' : 'one\ntwo\nthree\n' }, setUp);
  repo.commit('topic 2\n', { 'src/other.ts': 'other\nmore\n' }, setUp);
  repo.git(['checkout', '-q', 'main']);
  repo.commit('main\n', stop ? { [PATH]: 'one\ntwo main\n' } : { 'm.txt': 'm\n' }, setUp);
  repo.git(['checkout', '-q', 'topic']);
  return { repo, env, started, setUp };
}

describe('a git rebase --apply conflict resolved at the stop, committed by git rebase --continue', () => {
  it("Claude Code's lines in the resolution get their note: blame counts them and check refuses them under the path rule; the commit stays the picked one", () => {
    const { repo, env, setUp } = rebasedWithApply(true);
    expect(tryGit(repo.dir, ['rebase', '-q', '--apply', 'main'], { env: setUp }).code).not.toBe(0);
    repo.write(PATH, 'one\ntwo main\n');
    repo.git(['add', PATH]);
    agentEdit(repo, PATH, 'two main\n', 'two main\nthree by claude\n');
    repo.git(['add', PATH]);
    // The person continues, in a terminal of their own.
    const resumed = tryGit(repo.dir, ['rebase', '--continue'], { env });
    // Before: no note (post-applypatch took the commit for a replay, the checkpoint left pending): 0 AI lines, check passed.
    expectResolutionNoted(repo, env, PATH, resumed);
  });

  it("a checkpoint left pending before the rebase (an agent's edit that changed nothing): no node start, no note for the replayed commits", () => {
    const { repo, env, started } = rebasedWithApply(false);
    agentEdit(repo, PATH, 'three\n', 'three\n');
    expect(readdirSync(join(repo.dir, '.git', 'aitrail', 'checkpoints')).length).toBeGreaterThan(0);
    const before = readFileSync(started, 'utf8');
    const rebased = tryGit(repo.dir, ['rebase', '-q', '--apply', 'main'], { env: { ...env, GIT_EDITOR: 'true' } });
    expect(rebased.code, rebased.stderr).toBe(0);
    expect(readFileSync(started, 'utf8').slice(before.length)).not.toContain('post-applypatch');
    expect(tryGit(repo.dir, ['notes', '--ref=ai', 'list']).stdout).toBe('');
  });
});
