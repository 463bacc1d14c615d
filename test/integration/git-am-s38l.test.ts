// `git am` runs none of the commit hooks (no prepare-commit-msg, commit-msg or post-commit): only
// applypatch-msg (the message file as $1, before the patch is applied), pre-applypatch and
// post-applypatch. aitrail's applypatch-msg records the models detected now into that message and
// judges it as commit-msg does. Real repositories, the hooks of the real `aitrail init` (git mode and
// husky mode), patches made by the real `git format-patch`, applied by the real `git am`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { tempDir, type TestRepo } from '../helpers/gitdir.js';
import { deniesQwen } from '../helpers/git-am.js';
import { hookedRepo, huskyDenyQwen } from '../helpers/hooked-repo.js';

const QWEN = { QWEN_CODE: '1', OPENAI_MODEL: 'qwen3-coder' };
const CLAUDE = { CLAUDECODE: '1', AITRAIL_MODEL: 'anthropic/claude-opus-4.6' };
/** A message git am must store as it is: a body, a `#` line (git am strips no comment), a trailer block. */
const MESSAGE = 'feat: add b\n\nWhy b is needed.\n#123 stays a line of the body.\n\nSigned-off-by: Pat <pat@example.com>\n';

/** The patch of one commit (`MESSAGE`, adding b.txt) made on a side branch, the branch then dropped: HEAD is where it was. */
function patchOf(repo: TestRepo, env: NodeJS.ProcessEnv, message = MESSAGE): string {
  const setUp = { ...env, AITRAIL: '0' };
  const head = repo.git(['rev-parse', 'HEAD']);
  repo.git(['checkout', '-q', '-b', 'side'], { env: setUp });
  repo.commit(message, { 'b.txt': 'b\n' }, setUp);
  const patch = join(tempDir('aitrail-patch-'), 'b.patch');
  writeFileSync(patch, repo.git(['format-patch', '-1', '--stdout'], { raw: true }));
  repo.git(['checkout', '-q', '-'], { env: setUp });
  repo.git(['branch', '-q', '-D', 'side'], { env: setUp });
  expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
  return patch;
}

function refusedAm(repo: TestRepo, env: NodeJS.ProcessEnv, patch: string): void {
  const head = repo.git(['rev-parse', 'HEAD']);
  const applied = tryGit(repo.dir, ['am', '-q', patch], { env: { ...env, ...QWEN } });
  // Before: exit 0, the commit in with no Assisted-by:, nothing refused.
  expect(applied.code, applied.stderr).toBe(1);
  expect(applied.stderr).toContain('qwen/qwen3-coder');
  expect(applied.stderr).toContain("'git am --abort'");
  expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
  expect(existsSync(join(repo.dir, 'b.txt'))).toBe(false);
  // The patch's message is kept whole, the recorded trailer added to its trailer block.
  expect(readFileSync(join(repo.dir, '.git/rebase-apply/final-commit'), 'utf8')).toBe(`${MESSAGE}Assisted-by: qwen-code:qwen/qwen3-coder\n`);
}

describe('git am by an AI agent (git mode)', () => {
  it("Qwen Code's `git am` under deny qwen is refused before the patch applies; `git am --abort` puts everything back", () => {
    const { repo, env } = deniesQwen();
    const patch = patchOf(repo, env);
    const head = repo.git(['rev-parse', 'HEAD']);
    refusedAm(repo, env, patch);
    expect(tryGit(repo.dir, ['am', '--abort'], { env }).code).toBe(0);
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
    expect(repo.git(['status', '--porcelain'])).toBe('');
  });

  it('the patch applied by hand then `git am --continue` (no applypatch-msg): pre-applypatch refuses it; committed with hooks off, it keeps the trailer and check refuses it', () => {
    const { repo, env } = deniesQwen();
    const patch = patchOf(repo, env);
    const head = repo.git(['rev-parse', 'HEAD']);
    refusedAm(repo, env, patch);
    const qwen = { ...env, ...QWEN };
    expect(tryGit(repo.dir, ['apply', '--index', '.git/rebase-apply/patch'], { env: qwen }).code).toBe(0);
    // pre-applypatch (row 525) runs for --continue: refused there.
    expect(tryGit(repo.dir, ['am', '--continue'], { env: qwen }).code).toBe(1);
    const resumed = tryGit(repo.dir, ['am', '--continue'], { env: { ...qwen, AITRAIL: '0' } });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'], { raw: true })).toBe(`${MESSAGE}Assisted-by: qwen-code:qwen/qwen3-coder\n\n`);
    expect(aitrail(repo.dir, ['check', `${head}..HEAD`], { env }).code).toBe(1);
  });

  it("an allowed agent's `git am` is recorded, the message otherwise byte for byte the patch's", () => {
    const { repo, env } = deniesQwen();
    const patch = patchOf(repo, env);
    const applied = tryGit(repo.dir, ['am', '-q', patch], { env: { ...env, ...CLAUDE } });
    expect(applied.code, applied.stderr).toBe(0);
    // Before: the patch's message alone, the commit a person's to check, blame and the notes.
    expect(repo.git(['log', '-1', '--format=%B'], { raw: true })).toBe(`${MESSAGE}Assisted-by: claude-code:anthropic/claude-opus-4.6\n\n`);
    expect(repo.git(['log', '-1', '--format=%an <%ae>'])).toBe('Test Human <human@example.com>');
  });

  it("git's rebase variables (a committed .env's) do not make Qwen Code's plain `git am` a replay", () => {
    const { repo, env } = deniesQwen();
    const patch = patchOf(repo, env);
    refusedAm(repo, { ...env, GIT_REFLOG_ACTION: 'rebase (pick)', GIT_CHERRY_PICK_HELP: 'x' }, patch);
  });

  it("a person's `git am` stores the message as it is, and starts no node for a message with no signal text; a patch series is recorded patch by patch", () => {
    const { repo, env, started } = deniesQwen();
    const plain = patchOf(repo, env, 'fix: plain\n\nNothing an agent signs.\n');
    expect(tryGit(repo.dir, ['am', '-q', plain], { env }).code).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'], { raw: true })).toBe('fix: plain\n\nNothing an agent signs.\n\n');
    expect(readFileSync(started, 'utf8')).toBe('');
    repo.git(['reset', '-q', '--hard', 'HEAD~1']);
    // A Signed-off-by: line is a text signatures read (as for `git commit -s`): node starts, the message stays as it is.
    const patch = patchOf(repo, env);
    const applied = tryGit(repo.dir, ['am', '-q', patch], { env });
    expect(applied.code, applied.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'], { raw: true })).toBe(`${MESSAGE}\n`);
    // Two patches applied by Claude Code in one `git am`: each commit its own trailer.
    const base = repo.git(['rev-parse', 'HEAD~1']);
    const series = join(tempDir('aitrail-series-'), 'series.mbox');
    repo.commit('feat: c\n', { 'c.txt': 'c\n' }, { ...env, AITRAIL: '0' });
    writeFileSync(series, repo.git(['format-patch', '--stdout', `${base}..HEAD`], { raw: true }));
    repo.git(['reset', '-q', '--hard', base]);
    expect(tryGit(repo.dir, ['am', '-q', series], { env: { ...env, ...CLAUDE } }).code).toBe(0);
    expect(repo.git(['log', '--format=%s|%(trailers:key=Assisted-by,valueonly)', `${base}..HEAD`]).split('\n')).toEqual([
      'feat: c|claude-code:anthropic/claude-opus-4.6',
      '',
      'feat: add b|claude-code:anthropic/claude-opus-4.6',
    ]);
  });

  it("a person's `git am` of a patch declaring a denied model on a `#` line (kept by git am, read by check) is refused", () => {
    const { repo, env } = deniesQwen();
    const message = 'feat: add b\n\n# Assisted-by: qwen-code:qwen/qwen3-coder\n';
    const patch = patchOf(repo, env, message);
    const applied = tryGit(repo.dir, ['am', '-q', patch], { env });
    // Before this hook's fast path read the message as git am stores it (GIT_EDITOR=:): the `#` line taken for a stripped comment, no node.
    expect(applied.code, applied.stderr).toBe(1);
    expect(applied.stderr).toContain('qwen/qwen3-coder');
    expect(tryGit(repo.dir, ['am', '--abort'], { env }).code).toBe(0);
    // What check says of the stored message: the same line refused.
    expect(tryGit(repo.dir, ['am', '-q', patch], { env: { ...env, AITRAIL: '0' } }).code).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'], { raw: true })).toBe(`${message}\n`);
    expect(aitrail(repo.dir, ['check', 'HEAD~1..HEAD'], { env }).code).toBe(1);
  });

  it('`git rebase --apply` (git am --rebasing) in an agent\'s terminal replays: nothing recorded, nothing refused, no node (neither applypatch-msg nor pre-applypatch nor post-applypatch)', () => {
    const { repo, env, started } = deniesQwen();
    const setUp = { ...env, AITRAIL: '0' };
    const main = repo.git(['rev-parse', 'HEAD']);
    repo.git(['checkout', '-q', '-b', 'side', 'HEAD~1'], { env: setUp });
    repo.commit('feat: side\n', { 'side.txt': 's\n' }, setUp);
    writeFileSync(started, '');
    const rebased = tryGit(repo.dir, ['rebase', '-q', '--apply', main], { env: { ...env, ...QWEN } });
    expect(rebased.code, rebased.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'], { raw: true })).toBe('feat: side\n\n');
    expect(repo.git(['rev-parse', 'HEAD~1'])).toBe(main);
    expect(readFileSync(started, 'utf8')).not.toMatch(/applypatch/);
  });

  // init chaining a hook that was there, status, uninstall: test/integration/git-am-continue-s39c.test.ts (applypatch-msg and pre-applypatch).
});

describe('git am under a path rule', () => {
  it("the patch's paths are judged (the patch is not applied when the hook runs): Qwen Code's patch to src/crypto is refused, its patch to docs recorded", () => {
    const { repo, env } = hookedRepo();
    const setUp = { ...env, AITRAIL: '0' };
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      deny: ["qwen/*"]\n', 'src/crypto/k.ts': 'k\n' }, setUp);
    const base = repo.git(['rev-parse', 'HEAD']);
    const patchTo = (files: Record<string, string>, message: string): string => {
      repo.commit(message, files, setUp);
      const patch = join(tempDir('aitrail-patch-'), 'p.patch');
      writeFileSync(patch, repo.git(['format-patch', '-1', '--stdout', '-M'], { raw: true }));
      repo.git(['reset', '-q', '--hard', base]);
      return patch;
    };
    const crypto = patchTo({ 'src/crypto/k.ts': 'k2\n' }, 'fix: k\n');
    const docs = patchTo({ 'docs/x.md': 'x\n' }, 'docs: x\n');
    const qwen = { ...env, ...QWEN };
    const refused = tryGit(repo.dir, ['am', '-q', crypto], { env: qwen });
    // Before: exit 0, no trailer; with the staged paths (the index still HEAD's) the rule saw no file.
    expect(refused.code, refused.stderr).toBe(1);
    expect(refused.stderr).toContain('src/crypto/k.ts');
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(base);
    expect(tryGit(repo.dir, ['am', '--abort'], { env }).code).toBe(0);
    const allowed = tryGit(repo.dir, ['am', '-q', docs], { env: qwen });
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'], { raw: true })).toBe('docs: x\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n\n');
  });
});

describe('git am by an AI agent (husky mode)', () => {
  it("init writes aitrail's block in .husky/applypatch-msg: Qwen Code's `git am` is refused, Claude Code's recorded", () => {
    const { repo, env } = huskyDenyQwen();
    expect(readFileSync(join(repo.dir, '.husky/applypatch-msg'), 'utf8')).toContain('\nh=applypatch-msg #\n'); // the block names its hook so since row 825 (the shims' lookup)
    const patch = patchOf(repo, env);
    refusedAm(repo, env, patch);
    expect(tryGit(repo.dir, ['am', '--abort'], { env }).code).toBe(0);
    const applied = tryGit(repo.dir, ['am', '-q', patch], { env: { ...env, ...CLAUDE } });
    expect(applied.code, applied.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'], { raw: true })).toBe(`${MESSAGE}Assisted-by: claude-code:anthropic/claude-opus-4.6\n\n`);
  });
});
