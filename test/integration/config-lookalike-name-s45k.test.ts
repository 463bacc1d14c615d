import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';
import { policyServer, QWEN, tryGit } from '../helpers/enforce-repos.js';

const POLICY = 'policy:\n  deny: ["qwen/*"]\n';
/** Names a screen (GitHub's rename line, a terminal's `git log --stat`) shows as `.aitrailrc.yml`. */
const LOOKALIKES: Record<string, string> = {
  'zero-width space': '.aitrail\u200brc.yml',
  'Cyrillic a': '.\u0430itrailrc.yml',
  'trailing no-break space': '.aitrailrc.yml\u00a0',
  'trailing space': '.aitrailrc.yml ',
};

describe('the reviewed config renamed to a name that shows as its own (s45k)', () => {
  it('check refuses a base whose config was renamed so, instead of judging by the built-in defaults', () => {
    for (const [what, name] of Object.entries(LOOKALIKES)) {
      const repo = makeRepo();
      repo.commit('chore: policy\n', { '.aitrailrc.yml': POLICY });
      repo.git(['mv', '.aitrailrc.yml', name]);
      repo.git(['commit', '-q', '-m', 'chore: tidy the policy file']);
      expect(repo.git(['show', '--stat', '--format=', 'HEAD']), what).toContain('0 insertions(+), 0 deletions(-)'); // a rename, nothing inside changed
      const base = repo.git(['rev-parse', 'HEAD']);
      repo.commit('feat: b\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'b.ts': 'b\n' });
      const run = aitrail(repo.dir, ['check', `${base}..HEAD`]);
      expect(run.code, `${what}: ${run.stdout}${run.stderr}`).toBe(2); // was 0: "built-in defaults (no config committed at …)"
      expect(run.stderr, what).toContain('a file whose name shows as ".aitrailrc.yml" but is not that name');

      const status = aitrail(repo.dir, ['status']); // the work tree's config: what the hooks read
      expect(status.code, what).toBe(2);
      expect(status.stderr, what).toContain('shows as ".aitrailrc.yml"');
    }
  });

  it('pre-receive refuses the push that renames the config so (was taken, and Qwen after it)', () => {
    const { work, remote } = policyServer(POLICY);
    work.git(['mv', '.aitrailrc.yml', LOOKALIKES['zero-width space']!]);
    work.git(['commit', '-q', '-m', 'chore: tidy the policy file']);
    const rename = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main']);
    expect(rename.code, rename.stderr).not.toBe(0);
    expect(rename.stderr).toContain('shows as ".aitrailrc.yml" but is not that name (it holds U+200B)');
    work.commit(`feat: b\n\n${QWEN}\n`, { 'b.ts': 'b\n' });
    const qwen = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main']);
    expect(qwen.code, qwen.stderr).not.toBe(0);
    expect(remote.git(['ls-tree', '--name-only', 'main'])).toBe('.aitrailrc.yml');
  });

  it('check, status and pre-receive refuse a folder at a search place (the config moved into a folder of its own name)', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': POLICY });
    repo.git(['mv', '.aitrailrc.yml', 'policy.tmp']);
    mkdirSync(join(repo.dir, '.aitrailrc.yml'));
    repo.git(['mv', 'policy.tmp', '.aitrailrc.yml/policy.yml']);
    repo.git(['commit', '-q', '-m', 'chore: keep the policy in its folder']);
    expect(repo.git(['show', '--stat', '--format=', '-M', 'HEAD'])).toContain('.aitrailrc.yml => .aitrailrc.yml/policy.yml | 0');
    const base = repo.git(['rev-parse', 'HEAD']);
    repo.commit('feat: b\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'b.ts': 'b\n' });
    const run = aitrail(repo.dir, ['check', `${base}..HEAD`]);
    expect(run.code, run.stdout + run.stderr).toBe(2); // was 0: built-in defaults
    expect(run.stderr).toContain(`${base}:.aitrailrc.yml: found a directory, expected a regular JSON or YAML file (aitrail reads the config from a file at this name, never from a folder`);
    const status = aitrail(repo.dir, ['status']);
    expect(status.code).toBe(2);
    expect(status.stderr).toContain('.aitrailrc.yml: found a directory');

    const { work, remote } = policyServer(POLICY);
    work.git(['mv', '.aitrailrc.yml', 'policy.tmp']);
    mkdirSync(join(work.dir, '.aitrailrc.yml'));
    work.git(['mv', 'policy.tmp', '.aitrailrc.yml/policy.yml']);
    work.git(['commit', '-q', '-m', 'chore: keep the policy in its folder']);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main']);
    expect(push.code, push.stderr).not.toBe(0); // was taken: the next push judged by no policy
    expect(push.stderr).toContain('found a directory');
    expect(remote.git(['ls-tree', 'main', '.aitrailrc.yml'])).toMatch(/^100644 blob /);
  });

  it('refuses a case variant of a search place (read by a Mac or Windows checkout, not by Linux), and loads a config beside a name of another script', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': POLICY, 'ドキュメント.md': 'x\n' });
    const base = repo.git(['rev-parse', 'HEAD']);
    repo.commit('feat: b\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'b.ts': 'b\n' });
    const run = aitrail(repo.dir, ['check', `${base}..HEAD`]);
    expect(run.code, run.stderr).toBe(1);

    const cased = makeRepo();
    cased.commit('chore: policy\n', { '.AITRAILRC.yml': POLICY });
    const casedBase = cased.git(['rev-parse', 'HEAD']);
    cased.commit('feat: b\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'b.ts': 'b\n' });
    const casedRun = aitrail(cased.dir, ['check', `${casedBase}..HEAD`]);
    expect(casedRun.code, casedRun.stderr).toBe(2); // was 0 with a warning on Linux, while a Mac's hooks judged by it
    expect(casedRun.stderr).toContain(`${casedBase}:.AITRAILRC.yml: found a file named ".aitrailrc.yml" in other cases: a checkout on a case-insensitive file system`);
    const status = aitrail(cased.dir, ['status']);
    expect(status.code).toBe(2);
  });

  it('names a config committed as a Git LFS pointer (a checkout with git-lfs shows the policy; every layer reads the pointer)', () => {
    const repo = makeRepo();
    const pointer = 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 28\n';
    repo.commit('chore: policy in LFS\n', { '.gitattributes': '.aitrailrc.yml filter=lfs diff=lfs merge=lfs -text\n', '.aitrailrc.yml': pointer });
    const base = repo.git(['rev-parse', 'HEAD']);
    repo.commit('feat: b\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'b.ts': 'b\n' });
    const run = aitrail(repo.dir, ['check', `${base}..HEAD`]);
    expect(run.code).toBe(2); // exit 2 before too, as a schema problem ("expected an object") that named no cause
    expect(run.stderr).toContain(`${base}:.aitrailrc.yml: found a Git LFS pointer, not the config`);
  });
});
