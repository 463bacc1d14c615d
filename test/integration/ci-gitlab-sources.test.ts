import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { makeRepo, tempDir, TEST_GIT_ENV, type TestRepo } from '../helpers/gitdir.js';
import { origin } from '../helpers/github-action.js';

/**
 * The README's GitLab job on the default branch, by pipeline source: a push is judged from the
 * commit before it (Qwen's commit refused), a scheduled, web or API pipeline has no commit before
 * it (CI_COMMIT_BEFORE_SHA is zeros) and judges what the branch lacks, nothing: it passed red.
 */
const README = readFileSync(join(fileURLToPath(new URL('../../', import.meta.url)), 'README.md'), 'utf8');
const QWEN = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const ZEROS = '0'.repeat(40);

/** The job's script, its `npm install` line replaced by this checkout's aitrail at the path the script runs. */
function job(): string {
  const section = README.slice(README.indexOf('### GitLab CI'));
  const block = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!).find((text) => text.includes('CI_MERGE_REQUEST_TARGET_BRANCH_NAME'))!;
  const lines = (load(block) as { aitrail: { script: string[] } }).aitrail.script.join('\n').split('\n');
  expect(lines.filter((line) => /^\s*npm install /.test(line))).toHaveLength(1);
  return lines.map((line) => (/^\s*npm install /.test(line) ? ':' : line)).join('\n');
}

function run(runner: TestRepo, env: Record<string, string>) {
  const temp = tempDir('aitrail-gitlab-');
  const prefix = join(temp, 'prefix');
  mkdirSync(join(prefix, 'node_modules', '.bin'), { recursive: true });
  const bin = join(prefix, 'node_modules', '.bin', 'aitrail');
  writeFileSync(bin, `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  chmodSync(bin, 0o755);
  // `mktemp -d` in the script is where the install went: a stand-in that answers the prefix above.
  const tools = join(temp, 'tools');
  mkdirSync(tools);
  writeFileSync(join(tools, 'mktemp'), `#!/bin/sh\necho '${prefix}'\n`);
  chmodSync(join(tools, 'mktemp'), 0o755);
  const result = spawnSync('bash', ['-eo', 'pipefail', '-c', job()], {
    cwd: runner.dir,
    encoding: 'utf8',
    env: { ...TEST_GIT_ENV, PATH: `${tools}:${dirname(process.execPath)}:/usr/bin:/bin`, CI_DEFAULT_BRANCH: 'main', CI_COMMIT_BRANCH: 'main', ...env },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("the README's GitLab job on the default branch, by pipeline source", () => {
  it('a push of a Qwen commit is refused; a scheduled, web or API pipeline at the tip passes, as the branch lacks nothing', () => {
    const world = origin();
    const qwen = world.dev.commit(`feat: qwen\n\n${QWEN}\n`, { 'src/qwen.js': 'q\n' });
    world.dev.git(['push', '-q', '--no-verify', 'origin', 'main']);
    const runner = makeRepo();
    runner.git(['remote', 'add', 'origin', world.origin.dir]);
    runner.git(['fetch', '-q', '--no-tags', 'origin', '+refs/heads/*:refs/remotes/origin/*']);
    runner.git(['checkout', '-q', '--detach', qwen]);

    const push = run(runner, { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_SHA: qwen, CI_COMMIT_BEFORE_SHA: world.main });
    expect(push.status, push.output).toBe(1);
    expect(push.output).toMatch(/model-denied/);
    expect(push.output).toMatch(/qwen\/qwen3-coder/);

    // A first push of the branch (no commit before it) still asks for a check by hand.
    const first = run(runner, { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_SHA: qwen, CI_COMMIT_BEFORE_SHA: ZEROS });
    expect(first.status, first.output).toBe(1);
    expect(first.output).toMatch(/the commit before this push is unknown/);

    for (const source of ['schedule', 'web', 'api']) {
      const other = run(runner, { CI_PIPELINE_SOURCE: source, CI_COMMIT_SHA: qwen, CI_COMMIT_BEFORE_SHA: ZEROS });
      expect(other.status, `${source}: ${other.output}`).toBe(0);
      expect(other.output).toMatch(/0 commits checked/);
    }
  });
});
