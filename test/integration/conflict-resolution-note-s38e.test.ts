// Row 482's limit: an agent's own lines in the resolution of a rebase conflict, committed by a
// person's `git rebase --continue` (git's own commit of the stopped pick: a replay, its message,
// author and trailers kept). The lines the agent's hooks checkpointed at the stop get their git-ai
// note; a person's resolution, and a person's rebase in an agent's terminal, get nothing. Real
// repositories, the hooks of the real `aitrail init`, the agent's checkpoints through the real CLI.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agentEdit, expectResolutionNoted } from '../helpers/agent-edits.js';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const PATH = 'src/crypto/x.ts';
// Claude allowed in general, denied under src/crypto.
const POLICY = 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      deny: ["anthropic/*"]\n';

/** `topic` (two commits, the first conflicting with `main` in PATH) rebased onto `main`, stopped at the conflict. */
function conflicted() {
  const { repo, env, started } = hookedRepo();
  const setUp = { ...env, AITRAIL: '0' };
  repo.commit('chore: policy\n', { '.aitrailrc.yml': POLICY, [PATH]: 'one\ntwo\n' }, setUp);
  repo.git(['checkout', '-q', '-b', 'topic']);
  repo.commit('topic\n', { [PATH]: 'one\ntwo topic\n' }, setUp);
  repo.commit('topic 2\n', { 'src/other.ts': 'other\n' }, setUp);
  repo.git(['checkout', '-q', 'main']);
  repo.commit('main\n', { [PATH]: 'one\ntwo main\n' }, setUp);
  repo.git(['checkout', '-q', 'topic']);
  expect(tryGit(repo.dir, ['rebase', '-q', 'main'], { env: setUp }).code).not.toBe(0);
  // The person takes main's side.
  repo.write(PATH, 'one\ntwo main\n');
  repo.git(['add', PATH]);
  return { repo, env, started };
}

describe('a rebase conflict resolved at the stop, committed by git rebase --continue', () => {
  it("Claude Code's lines in the resolution get their note: blame counts them and check refuses them under the path rule; the commit stays the picked one", () => {
    const { repo, env } = conflicted();
    agentEdit(repo, PATH, 'two main\n', 'two main\nthree by claude\n');
    repo.git(['add', PATH]);
    // The person continues, in a terminal of their own.
    const resumed = tryGit(repo.dir, ['rebase', '--continue'], { env: { ...env, GIT_EDITOR: 'true' } });
    // Before: no note (post-commit took git's commit for a replay, the checkpoint left pending): 0 AI lines, check passed.
    expectResolutionNoted(repo, env, PATH, resumed);
  });

  it("a person's own resolution, in an agent's terminal: no note, and the shims start no node for git's commits", () => {
    const { repo, env, started } = conflicted();
    repo.write(PATH, 'one\ntwo main\nthree by the person\n');
    repo.git(['add', PATH]);
    const before = readFileSync(started, 'utf8');
    const resumed = tryGit(repo.dir, ['rebase', '--continue'], { env: { ...env, GIT_EDITOR: 'true', CLAUDECODE: '1', AITRAIL_MODEL: 'anthropic/claude-opus-4.6' } });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(readFileSync(started, 'utf8')).toBe(before);
    expect(tryGit(repo.dir, ['notes', '--ref=ai', 'list']).stdout).toBe('');
    expect(repo.git(['log', '--format=%B', 'main..HEAD'])).not.toContain('Assisted-by');
    expect(aitrail(repo.dir, ['check', 'main..HEAD'], { env }).code).toBe(0);
  });
});
