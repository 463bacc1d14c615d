// Row 1070 (session 52, helper x): posh 0.14 (Debian's policy-compliant shell; .ci/run installs it) does not know
// POSIX character classes in bracket expressions (`case ' ' in [[:space:]])` does not match), and the generated shims
// use `[[:space:]]` and `[[:alnum:]]` in the fast path and in the checks of which aitrail to run. Where /bin/sh is
// posh, each shim now re-runs itself under a shell that knows them (dash, bash, mksh, busybox sh at a fixed system
// path), same arguments and stdin; with none, it refuses in one line. Replayed: the real hooks from `aitrail init`,
// their `#!/bin/sh` rewritten to posh, real commits.
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedWithOrigin, huskyDenyQwen } from '../helpers/hooked-repo.js';
import { tempDir, type TestRepo } from '../helpers/gitdir.js';
import { shellAsSh } from '../helpers/bash-as-sh.js';

const POSH = spawnSync('sh', ['-c', 'command -v posh'], { encoding: 'utf8' }).stdout.trim();

/** Each aitrail shim in `hooksDir` run by posh (its `#!/bin/sh` line rewritten). */
const poshAsSh = (hooksDir: string) => shellAsSh(hooksDir, POSH);

/**
 * Commits (hooks off) a `.env` that is a link to a file outside setting AITRAIL=0, stages a change, and makes Qwen
 * Code's commit with AITRAIL=0 (as it loads that file), `extra` over `env`: its result and whether HEAD moved.
 */
function qwenThroughEnvLink(repo: TestRepo, env: NodeJS.ProcessEnv, setUp: NodeJS.ProcessEnv, extra: NodeJS.ProcessEnv = {}) {
  const outside = join(tempDir('aitrail-posh-env-'), 'env');
  writeFileSync(outside, 'AITRAIL=0\n');
  symlinkSync(outside, join(repo.dir, '.env'));
  repo.git(['add', '.env']);
  expect(tryGit(repo.dir, ['commit', '-q', '-m', 'chore: env'], { env: setUp }).code).toBe(0);
  repo.write('a.txt', 'qwen\n');
  repo.git(['add', 'a.txt']);
  const head = repo.git(['rev-parse', 'HEAD']).trim();
  const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: qwen change'], { env: { ...env, ...extra, AITRAIL: '0', QWEN_CODE: '1', OPENAI_MODEL: 'qwen3-coder' } });
  return { made, moved: repo.git(['rev-parse', 'HEAD']).trim() !== head };
}

describe.skipIf(POSH === '')('row 1070: the shims under posh (no POSIX character classes)', () => {
  it('posh does not know [[:space:]] (the premise), dash does', () => {
    const script = "case ' ' in [[:space:]]) echo y ;; *) echo n ;; esac";
    expect(spawnSync(POSH, ['-c', script], { encoding: 'utf8' }).stdout).toBe('n\n');
    expect(spawnSync('dash', ['-c', script], { encoding: 'utf8' }).stdout).toBe('y\n');
  });

  it("a Qwen commit through the posh-run hooks is refused, a Claude one recorded", () => {
    const { repo, env } = hookedWithOrigin();
    expect(poshAsSh(join(repo.dir, '.git', 'hooks'))).toBeGreaterThan(3);
    repo.write('a.txt', 'qwen\n');
    repo.git(['add', 'a.txt']);
    const head = repo.git(['rev-parse', 'HEAD']).trim();
    const refused = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: qwen change'], { env: { ...env, QWEN_CODE: '1', OPENAI_MODEL: 'qwen3-coder' } });
    expect(refused.code, refused.stderr).not.toBe(0);
    expect(refused.stderr).toContain('qwen');
    expect(repo.git(['rev-parse', 'HEAD']).trim()).toBe(head);

    repo.write('a.txt', 'claude\n');
    repo.git(['add', 'a.txt']);
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: claude change'], { env: { ...env, CLAUDECODE: '1', ANTHROPIC_MODEL: 'claude-opus-4-6' } });
    expect(made.code, made.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toContain('Assisted-by: claude-code:anthropic/claude-opus-4.6');
  });

  it('a committed .env that is a link (AITRAIL=0 for Qwen Code, which loads it): refused, not let through unjudged', () => {
    // The shim's check of a committed link (`*[[:space:]]120000[[:space:]]*`, planted-env.ts) matched nothing under
    // posh: AITRAIL=0 from the linked file was honoured and Qwen's commit went in (before the fix: exit 0).
    const { repo, env, setUp } = hookedWithOrigin();
    expect(poshAsSh(join(repo.dir, '.git', 'hooks'))).toBeGreaterThan(3);
    const { made, moved } = qwenThroughEnvLink(repo, env, setUp);
    expect(made.code, made.stderr).not.toBe(0);
    expect(made.stderr).toContain('AITRAIL=0 ignored');
    expect(moved).toBe(false);
  });

  it("husky, whose `sh -e` is posh: aitrail's lib (sourced, it cannot re-run itself) refuses in one line; the .env link's Qwen commit does not go in", () => {
    const { repo, env, setUp } = huskyDenyQwen();
    const bin = tempDir('aitrail-posh-bin-');
    symlinkSync(POSH, join(bin, 'sh'));
    const { made, moved } = qwenThroughEnvLink(repo, env, setUp, { PATH: `${bin}:${env.PATH ?? ''}` });
    expect(made.code, made.stderr).not.toBe(0);
    expect(made.stderr).toContain('does not know [[:space:]]');
    expect(moved).toBe(false);
  });

  it('the shim run by posh itself runs under dash: $0, arguments and stdin kept', () => {
    const hook = readFileSync(new URL('../../hooks/commit-msg', import.meta.url), 'utf8');
    const guard = hook.slice(hook.indexOf("case ' ' in [[:space:]]"), hook.indexOf('\nesac\n') + '\nesac\n'.length);
    const { repo } = hookedWithOrigin();
    const path = join(repo.dir, 'probe');
    writeFileSync(path, `#!${POSH}\n${guard}case ' ' in [[:space:]]) echo knows ;; esac\necho "$0|$1|$2|$(cat)"\n`);
    chmodSync(path, 0o755);
    const run = spawnSync(path, ['a b', 'c'], { input: 'in', encoding: 'utf8' });
    expect(run.stdout).toBe(`knows\n${path}|a b|c|in\n`);
  });
});
