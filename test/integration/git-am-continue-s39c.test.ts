// `git am --continue` (`--resolved`, `-r`) after a stop runs no applypatch-msg: git runs only
// pre-applypatch (with the patch applied to the index) and post-applypatch. And under `git am -p<n>`
// or `--directory`, the paths git applies are not the patch's. aitrail's pre-applypatch judges the
// commit git am is about to make with the index as applied. Real repositories, the hooks of the real
// `aitrail init` (git mode, husky mode), patches by the real `git format-patch`, the real `git am`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { laterThanNow, type TestRepo } from '../helpers/gitdir.js';
import { deniesQwen, patchOf } from '../helpers/git-am.js';
import { hookedRepo, huskyDenyQwen } from '../helpers/hooked-repo.js';
import { agentEdit, noteOf } from '../helpers/agent-edits.js';

const QWEN = { QWEN_CODE: '1', OPENAI_MODEL: 'qwen3-coder' };
const CLAUDE = { CLAUDECODE: '1', AITRAIL_MODEL: 'anthropic/claude-opus-4.6' };

/**
 * A person's `git am` stopped on a conflict (a.txt changed on the branch since the patch was made):
 * applypatch-msg ran for the person (nothing recorded); the patch is left for whoever resolves it.
 */
function stoppedAm(repo: TestRepo, env: NodeJS.ProcessEnv): { head: string; message: string } {
  const setUp = { ...env, AITRAIL: '0' };
  repo.commit('chore: a\n', { 'a.txt': 'a\n' }, setUp);
  const message = 'feat: a is b\n\nA plain body.\n';
  const patch = patchOf(repo, env, { 'a.txt': 'b\n', 'c.txt': 'c\n' }, message);
  repo.commit('chore: a is x\n', { 'a.txt': 'x\n' }, setUp);
  const head = repo.git(['rev-parse', 'HEAD']);
  const stopped = tryGit(repo.dir, ['am', '-q', patch], { env: { ...env, GIT_COMMITTER_DATE: laterThanNow(), GIT_AUTHOR_DATE: laterThanNow() } });
  expect(stopped.code, stopped.stderr).not.toBe(0);
  expect(existsSync(join(repo.dir, '.git/rebase-apply/final-commit'))).toBe(true);
  return { head, message };
}

/** Resolve the stopped patch by hand as its author meant it. */
function resolve(repo: TestRepo, env: NodeJS.ProcessEnv): void {
  writeFileSync(join(repo.dir, 'a.txt'), 'b\n');
  writeFileSync(join(repo.dir, 'c.txt'), 'c\n');
  repo.git(['add', 'a.txt', 'c.txt'], { env });
}

describe("git am --continue: a stopped patch committed with no applypatch-msg (git mode)", () => {
  for (const resume of ['--continue', '--resolved', '-r']) {
    it(`Qwen Code resolving a person's stopped \`git am\` and running \`git am ${resume}\` under deny qwen is refused`, () => {
      const { repo, env } = deniesQwen();
      const { head } = stoppedAm(repo, env);
      const qwen = { ...env, ...QWEN };
      resolve(repo, qwen);
      const resumed = tryGit(repo.dir, ['am', resume], { env: qwen });
      // Before: exit 0, the commit in with no Assisted-by:, passing check as a person's.
      expect(resumed.code, resumed.stderr).toBe(1);
      expect(resumed.stderr).toContain('qwen/qwen3-coder');
      expect(resumed.stderr).toContain("'git am --abort'");
      expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
      expect(tryGit(repo.dir, ['am', '--abort'], { env }).code).toBe(0);
      expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
    });
  }

  it("Qwen Code's `git am --continue` with AITRAIL=0 loaded from a committed .qwen/.env is refused all the same", () => {
    const { repo, env } = deniesQwen();
    repo.commit('chore: env\n', { '.qwen/.env': 'AITRAIL=0\n' }, { ...env, AITRAIL: '0' });
    const { head } = stoppedAm(repo, env);
    const qwen = { ...env, ...QWEN, AITRAIL: '0' };
    resolve(repo, qwen);
    const resumed = tryGit(repo.dir, ['am', '--continue'], { env: qwen });
    expect(resumed.code, resumed.stderr).toBe(1);
    expect(resumed.stderr).toContain('qwen/qwen3-coder');
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
  });

  it("Qwen Code's `git am --continue` after deleting the trailer applypatch-msg recorded is refused", () => {
    const { repo, env } = deniesQwen();
    const qwen = { ...env, ...QWEN };
    const patch = patchOf(repo, env, { 'b.txt': 'b\n' }, 'feat: b\n');
    const head = repo.git(['rev-parse', 'HEAD']);
    expect(tryGit(repo.dir, ['am', '-q', patch], { env: qwen }).code).toBe(1);
    writeFileSync(join(repo.dir, '.git/rebase-apply/final-commit'), 'feat: b\n');
    expect(tryGit(repo.dir, ['apply', '--index', '.git/rebase-apply/patch'], { env: qwen }).code).toBe(0);
    const resumed = tryGit(repo.dir, ['am', '--continue'], { env: qwen });
    // Before: exit 0, `feat: b` committed with no trailer (check reads a person's commit).
    expect(resumed.code, resumed.stderr).toBe(1);
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
  });

  it("Claude Code finishing a person's stopped `git am`: refused once with its trailer recorded, then committed with it", () => {
    const { repo, env } = deniesQwen();
    const { head, message } = stoppedAm(repo, env);
    const claude = { ...env, ...CLAUDE };
    resolve(repo, claude);
    const first = tryGit(repo.dir, ['am', '--continue'], { env: claude });
    // Before: exit 0, the commit recorded as the person's (no Assisted-by:).
    expect(first.code, first.stderr).toBe(1);
    expect(first.stderr).toContain("run 'git am --continue'");
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
    const second = tryGit(repo.dir, ['am', '--continue'], { env: claude });
    expect(second.code, second.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'], { raw: true })).toBe(`${message}\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n\n`);
    expect(repo.git(['rev-parse', 'HEAD~1'])).toBe(head);
  });

  it("a person's own `git am --continue` of a plain message is committed as it is and starts no node", () => {
    const { repo, env, started } = deniesQwen();
    const { head, message } = stoppedAm(repo, env);
    resolve(repo, env);
    writeFileSync(started, '');
    const resumed = tryGit(repo.dir, ['am', '--continue'], { env: { ...env, GIT_COMMITTER_DATE: laterThanNow(), GIT_AUTHOR_DATE: laterThanNow() } });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'], { raw: true })).toBe(`${message}\n`);
    expect(repo.git(['rev-parse', 'HEAD~1'])).toBe(head);
    expect(readFileSync(started, 'utf8')).toBe('');
  });

  it("a person's `git am` of a signed-off patch starts node once (applypatch-msg): pre-applypatch reads the copy of the message it passed", () => {
    const { repo, env, started } = deniesQwen();
    const message = 'feat: b\n\nSigned-off-by: Pat <pat@example.com>\n';
    const patch = patchOf(repo, env, { 'b.txt': 'b\n' }, message);
    writeFileSync(started, '');
    const applied = tryGit(repo.dir, ['am', '-q', patch], { env: { ...env, GIT_COMMITTER_DATE: laterThanNow(), GIT_AUTHOR_DATE: laterThanNow() } });
    expect(applied.code, applied.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'], { raw: true })).toBe(`${message}\n`);
    expect(readFileSync(started, 'utf8').trim().split('\n')).toEqual(['hook applypatch-msg .git/rebase-apply/final-commit']);
    // Under -p1 given (apply-opt), pre-applypatch judges the paths git applied: node a second time.
    repo.git(['reset', '-q', '--hard', 'HEAD~1']);
    writeFileSync(started, '');
    expect(tryGit(repo.dir, ['am', '-q', '-p1', patch], { env: { ...env, GIT_COMMITTER_DATE: laterThanNow(), GIT_AUTHOR_DATE: laterThanNow() } }).code).toBe(0);
    expect(readFileSync(started, 'utf8')).toContain('hook pre-applypatch');
  });

  // applypatch-msg (row 512) is given the message file; pre-applypatch no argument.
  for (const [hook, said] of [['applypatch-msg', 'mine .git/rebase-apply/final-commit\n'], ['pre-applypatch', 'mine \n']] as const) {
    it(`init installs ${hook} (chaining a hook that was there), status lists it, uninstall restores the original`, () => {
      const { repo, env } = hookedRepo();
      const mine = '#!/bin/sh\necho "mine $1" >&2\n';
      writeFileSync(join(repo.dir, `.git/hooks/${hook}`), mine, { mode: 0o755 });
      expect(aitrail(repo.dir, ['init', '--mode', 'git'], { env }).stdout).toContain(`.git/hooks/${hook}`);
      expect(readFileSync(join(repo.dir, `.git/hooks/${hook}.aitrail-chained`), 'utf8')).toBe(mine);
      expect(aitrail(repo.dir, ['status'], { env }).stdout).toMatch(new RegExp(`${hook} +foreign-chained`));
      const patch = patchOf(repo, env, { 'b.txt': 'b\n' }, 'feat: b\n');
      const applied = tryGit(repo.dir, ['am', '-q', patch], { env: { ...env, ...CLAUDE } });
      expect(applied.code, applied.stderr).toBe(0);
      expect(applied.stderr).toContain(said);
      expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('claude-code:anthropic/claude-opus-4.6');
      expect(aitrail(repo.dir, ['uninstall'], { env }).code).toBe(0);
      expect(readFileSync(join(repo.dir, `.git/hooks/${hook}`), 'utf8')).toBe(mine);
      expect(existsSync(join(repo.dir, `.git/hooks/${hook}.aitrail-chained`))).toBe(false);
    });
  }
});

describe('post-applypatch: the line-level note of a commit git am makes (git runs no post-commit for it)', () => {
  it("Claude Code's resolution of a person's stopped patch gets its note once `git am --continue` commits it", () => {
    const { repo, env } = deniesQwen();
    const { head } = stoppedAm(repo, env);
    const claude = { ...env, ...CLAUDE };
    agentEdit(repo, 'a.txt', 'x', 'b');
    writeFileSync(join(repo.dir, 'c.txt'), 'c\n');
    repo.git(['add', 'a.txt', 'c.txt'], { env: claude });
    expect(tryGit(repo.dir, ['am', '--continue'], { env: claude }).code).toBe(1);
    const resumed = tryGit(repo.dir, ['am', '--continue'], { env: claude });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(repo.git(['rev-parse', 'HEAD~1'])).toBe(head);
    // Before: no note at all (git ran no post-commit); the pending checkpoint waited for the next commit.
    expect(noteOf(repo, 'HEAD').files).toEqual({ 'a.txt': ['1,1'] });
  });

  it("a person's `git am` with no checkpoint pending starts no node for post-applypatch", () => {
    const { repo, env, started } = deniesQwen();
    const patch = patchOf(repo, env, { 'b.txt': 'b\n' }, 'feat: b\n');
    writeFileSync(started, '');
    const applied = tryGit(repo.dir, ['am', '-q', patch], { env: { ...env, GIT_COMMITTER_DATE: laterThanNow(), GIT_AUTHOR_DATE: laterThanNow() } });
    expect(applied.code, applied.stderr).toBe(0);
    expect(readFileSync(started, 'utf8')).toBe('');
  });
});

// `git rebase --apply` in Qwen Code's terminal starts neither pre-applypatch nor post-applypatch: git-am-s38l.test.ts.

describe('git am under a path rule: the paths git applies (-p<n>, --directory)', () => {
  function cryptoRule() {
    const { repo, env } = hookedRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      deny: ["qwen/*"]\n', 'src/crypto/k.ts': 'k\n' }, { ...env, AITRAIL: '0' });
    return { repo, env, base: repo.git(['rev-parse', 'HEAD']) };
  }

  it("Qwen Code's `git am --directory=src/crypto` of a patch adding n.ts (applied as src/crypto/n.ts) is refused", () => {
    const { repo, env, base } = cryptoRule();
    const patch = patchOf(repo, env, { 'n.ts': 'n\n' }, 'feat: n\n');
    const applied = tryGit(repo.dir, ['am', '-q', '--directory=src/crypto', patch], { env: { ...env, ...QWEN } });
    // Before: exit 0, src/crypto/n.ts committed by Qwen (recorded) past the path rule at commit time.
    expect(applied.code, applied.stderr).toBe(1);
    expect(applied.stderr).toContain('src/crypto/n.ts');
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(base);
    expect(tryGit(repo.dir, ['am', '--abort'], { env }).code).toBe(0);
  });

  it("Qwen Code's `git am -p2` of a patch made in a checkout one folder up (pkg/src/crypto/n.ts) is refused", () => {
    const { repo, env, base } = cryptoRule();
    const patch = patchOf(repo, env, { 'pkg/src/crypto/n.ts': 'n\n' }, 'feat: n\n');
    const applied = tryGit(repo.dir, ['am', '-q', '-p2', patch], { env: { ...env, ...QWEN } });
    // Before: exit 0; applypatch-msg read no path under -p2 (and the patch's own, pkg/src/crypto/n.ts, no rule covers).
    expect(applied.code, applied.stderr).toBe(1);
    expect(applied.stderr).toContain('src/crypto/n.ts');
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(base);
    // Without -p2 the same patch (to pkg/…) passes the rule: recorded.
    expect(tryGit(repo.dir, ['am', '--abort'], { env }).code).toBe(0);
    const plain = tryGit(repo.dir, ['am', '-q', patch], { env: { ...env, ...QWEN } });
    expect(plain.code, plain.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('qwen-code:qwen/qwen3-coder');
  });

  it("Qwen Code's `git am -3` of a patch to lib/k.ts, which the branch moved to src/crypto/m.ts, is refused (the 3-way merge follows the rename)", () => {
    const { repo, env } = cryptoRule();
    const setUp = { ...env, AITRAIL: '0' };
    repo.commit('chore: lib\n', { 'lib/k.ts': 'l1\nl2\nl3\nl4\nl5\n' }, setUp);
    const patch = patchOf(repo, env, { 'lib/k.ts': 'l1\nl2\nQWEN\nl4\nl5\n' }, 'fix: k\n');
    repo.git(['mv', 'lib/k.ts', 'src/crypto/m.ts'], { env: setUp });
    repo.git(['commit', '-q', '-m', 'chore: k moved'], { env: setUp });
    const moved = repo.git(['rev-parse', 'HEAD']);
    const applied = tryGit(repo.dir, ['am', '-q', '-3', patch], { env: { ...env, ...QWEN } });
    // Before: exit 0, Qwen's line committed at src/crypto/m.ts (applypatch-msg read the patch's lib/k.ts).
    expect(applied.code, applied.stderr).toBe(1);
    expect(applied.stderr).toContain('src/crypto/m.ts');
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(moved);
  });
});

describe('git am --continue (husky mode)', () => {
  it("init writes aitrail's block in .husky/pre-applypatch: Qwen Code's `git am --continue` of a person's stopped patch is refused", () => {
    const { repo, env } = huskyDenyQwen();
    expect(readFileSync(join(repo.dir, '.husky/pre-applypatch'), 'utf8')).toContain('\nh=pre-applypatch #\n'); // the block names its hook so since row 825 (the shims' lookup)
    const { head } = stoppedAm(repo, env);
    const qwen = { ...env, ...QWEN };
    resolve(repo, qwen);
    const resumed = tryGit(repo.dir, ['am', '--continue'], { env: qwen });
    expect(resumed.code, resumed.stderr).toBe(1);
    expect(resumed.stderr).toContain('qwen/qwen3-coder');
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
  });
});
