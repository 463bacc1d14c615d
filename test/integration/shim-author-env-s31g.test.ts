import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hookedRepo } from '../helpers/hooked-repo.js';

// A merge (like a cherry-pick, a revert or a rebase's pick) gets no author from git: its hooks see
// the person's own GIT_AUTHOR_* variables, and git records them as `git var GIT_AUTHOR_IDENT` reads
// them: the config's name when only the address is set, `<` and `>` dropped. The shims' fast path
// and node read the author the same way, so an agent's identity there reaches node and is recorded.
function setup() {
  const { repo, env, started } = hookedRepo();
  const run = (args: string[], extra: NodeJS.ProcessEnv) => {
    writeFileSync(started, '');
    const merged = Object.fromEntries(Object.entries({ ...env, ...extra }).filter(([, value]) => value !== undefined)) as NodeJS.ProcessEnv;
    execFileSync('git', args, { cwd: repo.dir, env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
    return readFileSync(started, 'utf8').split('\n').filter(Boolean).map((line) => line.split(' ')[1]);
  };
  const side = (branch: string, file: string) => {
    repo.git(['checkout', '-q', '-b', branch, 'main']);
    repo.write(file, `${file}\n`);
    repo.git(['add', '--', file]);
    repo.git(['-c', 'core.hooksPath=/dev/null', 'commit', '-q', '-m', `Work on ${branch}`]);
    repo.git(['checkout', '-q', 'main']);
  };
  const last = () => ({ message: repo.git(['log', '-1', '--format=%B']), author: repo.git(['log', '-1', '--format=%an <%ae>']) });
  return { repo, run, side, last };
}

describe('a merge made with the author variables of the person', () => {
  it.each([
    // Only the address set: git records the config's name (an agent's).
    ['only the address set', ['-c', 'user.name=Alice (aider)'], { GIT_AUTHOR_NAME: undefined, GIT_AUTHOR_EMAIL: 'alice@example.com' }, 'Alice (aider) <alice@example.com>'],
    // A name git reads as an agent's once it drops `<`.
    ['a `<` in the name', [], { GIT_AUTHOR_NAME: 'Alice (ai<der)', GIT_AUTHOR_EMAIL: 'alice@example.com' }, 'Alice (aider) <alice@example.com>'],
  ] as const)('%s: node starts and records the agent git records as the author', (_name, config, variables, recorded) => {
    const { run, side, last } = setup();
    side('side', 'side.txt');
    const started = run([...config, 'merge', '-q', '--no-ff', '--no-edit', 'side'], variables);
    const made = last();
    expect(made.author).toBe(recorded);
    expect(started).toContain('prepare-commit-msg');
    expect(made.message).toContain('Assisted-by: aider:unknown');
  });

  it('a person\'s plain variables: the fast path still ends in the shims', () => {
    const { run, side, last } = setup();
    side('side', 'side.txt');
    const started = run(['merge', '-q', '--no-ff', '--no-edit', 'side'], { GIT_AUTHOR_NAME: 'Alice', GIT_AUTHOR_EMAIL: 'alice@example.com' });
    expect(started).toEqual([]);
    expect(last().message).toBe("Merge branch 'side'");
  });
});
