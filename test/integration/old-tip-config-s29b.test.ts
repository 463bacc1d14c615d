import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installHooks, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

// Session 29 (red team, a person's honest push refused): pre-receive validated the config of every
// pushed side tip, also of a tip the server already had in its history, whose config no push can fix.

const POLICY_JSON = '{"policy":{"deny":["qwen/*"]}}\n';
const POLICY_YAML = 'policy:\n  deny: ["qwen/*"]\n';
const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';

/**
 * A server whose `main` history starts with a release `v0.1` that held two config files (as
 * aitrail once let pass; today an error), then one; the pre-receive hook installed after. The
 * work repo has the annotated tag `v0.1` locally, never pushed.
 */
function serverWithOldRelease(options: { hook?: boolean } = {}): { remote: TestRepo; work: TestRepo; release: string } {
  const remote = makeRepo({ bare: true });
  const work = makeRepo();
  work.git(['remote', 'add', 'origin', remote.dir]);
  const release = work.commit('release 0.1\n', { '.aitrailrc.json': POLICY_JSON, '.aitrailrc.yml': POLICY_YAML, 'README.md': 'v0.1\n' });
  work.git(['tag', '-a', '-m', 'v0.1', 'v0.1']);
  work.git(['rm', '-q', '.aitrailrc.yml']);
  work.commit('chore: one config file\n', { 'README.md': 'v0.2\n' });
  if (options.hook !== false) {
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
    installHooks(join(remote.dir, 'hooks'), ['pre-receive']);
  } else installHooks(join(remote.dir, 'hooks'), ['pre-receive']);
  return { remote, work, release };
}

describe('pre-receive: a pushed tip the server already holds is not refused for its old config', () => {
  it('a release tag on an old commit of main, and a maintenance branch from it, are taken', () => {
    const { remote, work, release } = serverWithOldRelease();
    const tag = tryGit(work.dir, ['push', 'origin', 'v0.1']);
    expect(tag.stderr).not.toContain('config files');
    expect(tag.code).toBe(0);
    const branch = tryGit(work.dir, ['push', 'origin', `${release}:refs/heads/maint-0.1`]);
    expect(branch.code).toBe(0);
    expect(tryGit(remote.dir, ['rev-parse', 'refs/heads/maint-0.1']).stdout.trim()).toBe(release);
  });

  it('a first push of the whole history (a mirror to a new server) takes the old release tag with main', () => {
    const { remote, work } = serverWithOldRelease({ hook: false });
    const mirror = tryGit(work.dir, ['push', 'origin', 'main', 'v0.1']);
    expect(mirror.code).toBe(0);
    expect(tryGit(remote.dir, ['rev-parse', '--verify', '-q', 'refs/tags/v0.1']).code).toBe(0);
  });

  it('a new commit on top of the old release still hears of its two config files, and Qwen’s commit there is still refused', () => {
    const { work, release } = serverWithOldRelease();
    work.git(['checkout', '-q', '-b', 'maint', release]);
    work.commit('fix: backport\n', { 'fix.ts': 'export const fixed = true;\n' });
    const broken = tryGit(work.dir, ['push', 'origin', 'maint']);
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toContain('found 2 config files');
    // Pushed at the old release (already on the server) with Qwen's commit on another ref: still judged.
    work.git(['checkout', '-q', 'main']);
    work.git(['checkout', '-q', '-b', 'qwen']);
    work.commit(`feat: parser\n\n${QWEN_DECLARED}\n`, { 'src/parser.ts': 'export const parse = 1;\n' });
    const both = tryGit(work.dir, ['push', 'origin', 'v0.1', 'qwen']);
    expect(both.code).not.toBe(0);
    expect(both.stderr).toContain('qwen/qwen3-coder');
  });
});
