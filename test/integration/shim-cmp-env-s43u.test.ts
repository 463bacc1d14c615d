import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { makeRepo, TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';

/**
 * The shims' fast path finds PATH's `cmp` once per hook and keeps it in `aitrail_cp` (src/install/fast-path.ts
 * aitrail_cmp), set or not: a value the hook inherited was taken as already found and run. Agents that load a
 * committed `.env` into their environment (aider, Gemini CLI, Qwen Code) hand it to the hooks: the
 * repository's script ran in a commit's hook (669). Real `git commit`s through the real hooks.
 */
function setup() {
  const bin = join(tempDir('aitrail-cmp-env-'), 'bin');
  mkdirSync(bin);
  const marker = join(bin, 'pwned');
  writeFileSync(join(bin, 'aitrail'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  chmodSync(join(bin, 'aitrail'), 0o755);
  const repo = makeRepo();
  repo.commit('start\n', {
    'a.txt': 'a\n',
    '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n',
    'package.json': '{"name":"demo","version":"1.0.0"}\n',
    '.env': 'aitrail_cp=tools/x\n',
    'tools/x': `#!/bin/sh\ntouch '${marker}'\nexit 0\n`,
  });
  chmodSync(join(repo.dir, 'tools', 'x'), 0o755);
  const env = { ...TEST_GIT_ENV, PATH: `${bin}:${process.env.PATH ?? ''}` };
  const init = spawnSync(process.execPath, [BIN, 'init', '--mode', 'git'], { cwd: repo.dir, env, encoding: 'utf8' });
  expect(init.status, init.stderr).toBe(0);
  let tick = 0;
  const commit = (extra: NodeJS.ProcessEnv) => {
    tick += 1;
    return spawnSync('git', ['commit', '-q', '--allow-empty', '-m', 'change'], { cwd: repo.dir, env: { ...env, GIT_AUTHOR_DATE: `@${1780000000 + tick} +0000`, ...extra }, encoding: 'utf8' });
  };
  return { commit, marker };
}

describe('an inherited aitrail_cp is never run (session 43)', () => {
  it.each([
    ['a person\'s commit', {}],
    ['aider\'s commit (its author names it)', { GIT_AUTHOR_NAME: 'Dev (aider)' }],
  ])('%s with aitrail_cp from a committed .env: the repository\'s script never runs', (_, extra) => {
    const { commit, marker } = setup();
    const result = commit({ ...extra, aitrail_cp: 'tools/x' });
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(marker), result.stderr).toBe(false);
  });
});
