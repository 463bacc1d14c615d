import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const CRYPTO_POLICY = 'policy: {allow: ["*"], undeclared: allow, paths: [{files: ["src/crypto/**"], deny: ["qwen/*"]}]}\n';
/** An old author date: an amend keeps it, which is how commit-msg tells an amend (row 330). */
const OLD = { GIT_AUTHOR_DATE: '@1700000000 +0000' };
const QWEN = { QWEN_CODE: '1', AITRAIL_MODEL: 'qwen/qwen3-coder' };

/** A hooked repository under CRYPTO_POLICY whose last commit is a person's, changing `files`. */
function personsCommit(files: Record<string, string>) {
  const { repo, env } = hookedRepo();
  repo.commit('chore: policy\n', { '.aitrailrc.yml': CRYPTO_POLICY }, { ...env, AITRAIL: '0' });
  repo.commit('feat: person\n', files, { ...env, ...OLD });
  return { repo, env, head: repo.git(['rev-parse', 'HEAD']) };
}

describe("commit-msg judges an amend by what the amended commit changes, as check and the push hooks do", () => {
  it("Qwen's amend of a person's src/crypto commit, adding only lib/x.ts, is refused for src/crypto/aes.ts (check refuses the same commit)", () => {
    const { repo, env, head } = personsCommit({ 'src/crypto/aes.ts': 'human\n' });
    repo.write('lib/x.ts', 'q\n');
    repo.git(['add', '-A']);
    const amend = tryGit(repo.dir, ['commit', '--amend', '-q', '-m', 'feat: aes and x'], { env: { ...env, ...QWEN } });
    expect(amend.code, amend.stderr).toBe(1);
    expect(amend.stderr).toContain('src/crypto/aes.ts');
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
    // The layers agree: the same amend made with the hooks skipped is refused by check.
    expect(tryGit(repo.dir, ['commit', '--amend', '-q', '--no-verify', '-m', 'feat: aes and x'], { env: { ...env, ...QWEN } }).code).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toContain('qwen/qwen3-coder');
    expect(aitrail(repo.dir, ['check', 'HEAD~1..HEAD']).code).toBe(1);
  });

  it("control: Qwen's amend of a person's commit outside src/crypto passes, and so does a new Qwen commit on top of the person's src/crypto commit", () => {
    const outside = personsCommit({ 'lib/y.ts': 'human\n' });
    outside.repo.write('lib/x.ts', 'q\n');
    outside.repo.git(['add', '-A']);
    const amend = tryGit(outside.repo.dir, ['commit', '--amend', '-q', '-m', 'feat: y and x'], { env: { ...outside.env, ...QWEN } });
    expect(amend.code, amend.stderr).toBe(0);
    const inside = personsCommit({ 'src/crypto/aes.ts': 'human\n' });
    inside.repo.write('lib/x.ts', 'q\n');
    inside.repo.git(['add', '-A']);
    const fresh = tryGit(inside.repo.dir, ['commit', '-q', '-m', 'feat: x'], { env: { ...inside.env, ...QWEN } });
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(inside.repo.git(['log', '-1', '--format=%B'])).toContain('qwen/qwen3-coder');
  });

  it("a root commit's amend is judged against the empty tree; an amended merge that took main's src/crypto change whole still passes", () => {
    const { repo, env } = hookedRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': CRYPTO_POLICY }, { ...env, AITRAIL: '0' });
    repo.git(['checkout', '-q', '--orphan', 'fresh']);
    repo.commit('feat: person root\n', { 'src/crypto/aes.ts': 'human\n' }, { ...env, ...OLD });
    repo.write('lib/x.ts', 'q\n');
    repo.git(['add', '-A']);
    const root = tryGit(repo.dir, ['commit', '--amend', '-q', '-m', 'feat: root and x'], { env: { ...env, ...QWEN } });
    expect(root.code, root.stderr).toBe(1);
    expect(root.stderr).toContain('src/crypto/aes.ts');
    repo.git(['checkout', '-q', '-f', 'main']);
    repo.git(['checkout', '-q', '-b', 'agent']);
    repo.commit('feat: x\n', { 'lib/x.ts': 'q\n' }, { ...env, ...QWEN });
    repo.git(['checkout', '-q', 'main']);
    repo.commit('feat: person aes\n', { 'src/crypto/aes.ts': 'human\n' }, env);
    repo.git(['checkout', '-q', 'agent']);
    const merge = tryGit(repo.dir, ['merge', '-q', '--no-edit', 'main'], { env: { ...env, ...QWEN, ...OLD } });
    expect(merge.code, merge.stderr).toBe(0);
    const amend = tryGit(repo.dir, ['commit', '--amend', '-q', '-m', "Merge branch 'main' into agent"], { env: { ...env, ...QWEN } });
    expect(amend.code, amend.stderr).toBe(0);
    expect(aitrail(repo.dir, ['check', 'main..agent']).code).toBe(0);
  });
});
