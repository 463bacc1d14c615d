// `git cherry-pick -n <agent's commit>` (or `git merge --squash` of an agent's branch), then
// `git commit -m "..."`: git keeps the picked commit's message (MERGE_MSG; SQUASH_MSG for the
// squash) for the commit being prepared, but -m replaces it, the agent's trailers with it, while
// the content is the agent's. A plain `git cherry-pick` keeps the message, so the commit read as
// AI; after -n and -m it read as the person's in `log`, `blame`, `check` and pre-receive.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import type { TestRepo } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const QWEN = { AITRAIL_MODEL: 'qwen/qwen3-coder', AITRAIL_AGENT: 'qwen-code' };

/** A repository with aitrail's hooks, an `aitrail` on PATH that notes each start, and a branch `side` of two agent commits. */
function setup(): { repo: TestRepo; env: NodeJS.ProcessEnv; started: string } {
  const { repo, env, started } = hookedRepo();
  run(repo, env, ['checkout', '-q', '-b', 'side']);
  for (const name of ['b', 'c']) {
    writeFileSync(join(repo.dir, `${name}.txt`), `${name}\n`);
    run(repo, env, ['add', `${name}.txt`]);
    // Written a day before the person's commits: an amend keeps the author's date, so the shims
    // start node for a person's commit stamped the same second as an agent's by the same identity.
    run(repo, env, ['commit', '-q', '-m', `Agent ${name}`], { ...QWEN, GIT_AUTHOR_DATE: `${Math.floor(Date.now() / 1000) - 86_400} +0000` });
  }
  run(repo, env, ['checkout', '-q', 'main']);
  return { repo, env, started };
}

function run(repo: TestRepo, env: NodeJS.ProcessEnv, args: string[], extra: NodeJS.ProcessEnv = {}): void {
  const made = tryGit(repo.dir, args, { env: { ...env, ...extra } });
  expect(made.code, made.stderr).toBe(0);
}

const trailers = (repo: TestRepo, rev = 'HEAD') => repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly,separator=%x2C)', rev]).split(',').filter(Boolean);

describe('a commit made with -m over git\'s prepared message keeps the models of what it brings', () => {
  it('cherry-pick -n, then commit -m / -F: the picked commit\'s trailer is recorded, and check refuses it', () => {
    const { repo, env } = setup();
    run(repo, env, ['cherry-pick', '-n', 'side~1']);
    run(repo, env, ['commit', '-q', '-m', 'Bring b over']);
    expect(repo.git(['log', '-1', '--format=%B'])).toBe('Bring b over\n\nAssisted-by: qwen-code:qwen/qwen3-coder');
    run(repo, env, ['cherry-pick', '-n', 'side']);
    writeFileSync(join(repo.dir, '..', 'msg.txt'), 'Bring c over\n');
    run(repo, env, ['commit', '-q', '-F', join(repo.dir, '..', 'msg.txt')]);
    expect(trailers(repo)).toEqual(['qwen-code:qwen/qwen3-coder']);
    writeFileSync(join(repo.dir, '..', 'policy.yml'), 'policy:\n  deny: ["qwen/*"]\n');
    const check = aitrail(repo.dir, ['check', 'HEAD~2..HEAD', '--config', join(repo.dir, '..', 'policy.yml'), '--format', 'json'], { env });
    expect(check.code, check.stderr).toBe(1);
    expect((JSON.parse(check.stdout) as { violations: unknown[] }).violations).toHaveLength(2);
  });

  it('merge --squash, then commit -m: the squashed commits\' models are recorded', () => {
    const { repo, env } = setup();
    run(repo, env, ['merge', '--squash', '-q', 'side']);
    run(repo, env, ['commit', '-q', '-m', 'Feature, squashed']);
    expect(repo.git(['log', '-1', '--format=%B'])).toBe('Feature, squashed\n\nAssisted-by: qwen-code:qwen/qwen3-coder');
  });

  it('the person\'s own declaration is kept as written; a plain cherry-pick and revert, and a person\'s pick, start no node', () => {
    const { repo, env, started } = setup();
    run(repo, env, ['cherry-pick', '-n', 'side~1']);
    run(repo, env, ['commit', '-q', '-m', 'Bring b over\n\nAssisted-by: none']);
    expect(trailers(repo)).toEqual(['none']);
    writeFileSync(started, '');
    run(repo, env, ['revert', '--no-edit', 'HEAD']);
    expect(readFileSync(started, 'utf8')).toBe('');
    run(repo, env, ['checkout', '-q', '-b', 'people', 'main~1']);
    writeFileSync(join(repo.dir, 'p.txt'), 'p\n');
    run(repo, env, ['add', 'p.txt']);
    run(repo, env, ['commit', '-q', '-m', 'Person p']);
    run(repo, env, ['checkout', '-q', 'main']);
    run(repo, env, ['cherry-pick', '-n', 'people']);
    writeFileSync(started, '');
    run(repo, env, ['commit', '-q', '-m', 'Bring p over']);
    expect(trailers(repo)).toEqual([]);
    expect(readFileSync(started, 'utf8')).toBe('');
  });
});
