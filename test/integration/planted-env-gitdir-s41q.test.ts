// Row 567 read the repository's committed `.env` files from `$GIT_DIR/index`, GIT_INDEX_FILE unset.
// The same `.env` may instead name a git dir of its own that shares the repository's refs and objects
// (GIT_DIR=<a committed folder holding HEAD and a `commondir` file naming the repository's git dir>, a
// linked worktree's git dir made by hand): its index is the agent's, `$GIT_DIR/index` lists no `.env`,
// and the agent's commit lands on the person's branch. Real repositories, the real `aitrail init`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { makeRepo } from '../helpers/gitdir.js';
import { expectSwitchIgnored, hookedSubmodule, qwenCodeEnv } from '../helpers/planted-env-above.js';

describe('a committed .env that sets AITRAIL=0 and a git dir of its own over the repository', () => {
  it("GIT_DIR naming a committed folder with HEAD and commondir: Qwen Code's git add -A and git commit are refused, the switch named as ignored", () => {
    const { sub, env } = hookedSubmodule(makeRepo(), 'lib');
    expect(tryGit(sub, ['reset', '-q']).code).toBe(0);
    const common = tryGit(sub, ['rev-parse', '--path-format=absolute', '--git-common-dir']).stdout.trim();
    const branch = tryGit(sub, ['symbolic-ref', 'HEAD']).stdout.trim();
    mkdirSync(join(sub, 'gd'));
    writeFileSync(join(sub, 'gd', 'HEAD'), `ref: ${branch}\n`);
    writeFileSync(join(sub, 'gd', 'commondir'), `${relative(join(sub, 'gd'), common)}\n`);
    writeFileSync(join(sub, '.env'), 'AITRAIL=0\nGIT_DIR=gd\n');
    writeFileSync(join(sub, '.gitignore'), '.env\ngd/*\n!gd/HEAD\n!gd/commondir\n');
    expect(tryGit(sub, ['add', '-f', '.env', '.gitignore', 'gd/HEAD', 'gd/commondir']).code).toBe(0);
    expect(tryGit(sub, ['commit', '-q', '-m', 'chore: agent env'], { env }).code).toBe(0);
    const before = tryGit(sub, ['rev-parse', 'HEAD']).stdout.trim();
    const qwen = qwenCodeEnv(env, { GIT_DIR: 'gd' });
    expect(tryGit(sub, ['add', '-A'], { env: qwen }).code).toBe(0);
    // Before: exit 0, Qwen Code's commit on the person's branch with no trailer, the .env deleted from its tree.
    expectSwitchIgnored(tryGit(sub, ['commit', '-q', '-m', 'feat: q'], { env: qwen }));
    expect(tryGit(sub, ['rev-parse', 'HEAD']).stdout.trim()).toBe(before);
  });

  it("a person's linked worktree (git hands the hooks GIT_DIR=.git/worktrees/<name>): a committed .env's AITRAIL=0 is still read from that worktree's index and ignored", () => {
    const { sub, env } = hookedSubmodule(makeRepo(), 'lib');
    expect(tryGit(sub, ['reset', '-q']).code).toBe(0);
    writeFileSync(join(sub, '.env'), 'AITRAIL=0\n');
    expect(tryGit(sub, ['add', '.env']).code).toBe(0);
    expect(tryGit(sub, ['commit', '-q', '-m', 'chore: agent env'], { env }).code).toBe(0);
    const linked = join(sub, '..', 'linked');
    expect(tryGit(sub, ['worktree', 'add', '-q', '-b', 'side', linked]).code).toBe(0);
    writeFileSync(join(linked, 'q.ts'), 'qwen\n');
    expect(tryGit(linked, ['add', 'q.ts']).code).toBe(0);
    expectSwitchIgnored(tryGit(linked, ['commit', '-q', '-m', 'feat: q'], { env: qwenCodeEnv(env) }));
  });
});
