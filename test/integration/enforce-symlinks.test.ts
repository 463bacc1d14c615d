import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { CLAUDE_DECLARED, commitWith, policyServer, project, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

// Path rules judge a protected file's own lines. A symbolic link at a protected path shows other
// files there (a checkout of src/crypto/aes.ts -> ../../lib/aes.ts holds lib/aes.ts's lines), so
// a range that makes or retargets a link within reach of a path rule is refused (path-symlink).
const POLICY = `policy:
  undeclared: allow
  paths:
    - files: ["src/crypto/**"]
      allow: []
    - files: ["*.pem"]
      allow: []
    - files: ["**/private/*.ts"]
      allow: []
`;

interface CheckJson {
  ok: boolean;
  violations: { sha: string; rule: string; model: string; path: string | null; setting: string; message: string; fix: string }[];
}

const AI_CODE = 'export const aes = (key: string) => key.split("").reverse().join("");\n';

/** main: the policy and a human src/crypto/aes.ts; feature: an allowed AI model writes lib/ (outside the rule). */
function repoWithAiLib(): TestRepo {
  const repo = makeRepo();
  repo.commit('policy', { '.aitrailrc.yml': POLICY, 'src/crypto/aes.ts': 'human aes\n', 'docs/v1/index.md': 'v1\n', 'README.md': 'hello\n' });
  repo.git(['checkout', '-q', '-b', 'feature']);
  repo.commit(`lib by claude\n\n${CLAUDE_DECLARED}\n`, { 'lib/aes.ts': AI_CODE, 'lib/crypto/aes.ts': AI_CODE, 'lib/crypto/util.ts': AI_CODE });
  return repo;
}

/** A human commit that makes `path` a symbolic link to `target` (replacing what was there). */
function link(repo: TestRepo, path: string, target: string, message = 'human: tidy'): string {
  const full = join(repo.dir, path);
  rmSync(full, { recursive: true, force: true });
  mkdirSync(dirname(full), { recursive: true });
  symlinkSync(target, full);
  return repo.commit(`${message}\n`);
}

function check(repo: TestRepo): { code: number; json: CheckJson; stderr: string } {
  const result = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
  return { code: result.code, json: JSON.parse(result.stdout) as CheckJson, stderr: result.stderr };
}

describe('symbolic links within reach of a path rule', () => {
  it('a file link at a protected path to AI code elsewhere is refused, naming the link and its commit', () => {
    const repo = repoWithAiLib();
    const sha = link(repo, 'src/crypto/aes.ts', '../../lib/aes.ts');
    const { code, json } = check(repo);
    expect(code).toBe(1);
    expect(json.violations).toEqual([expect.objectContaining({ sha, rule: 'path-symlink', path: 'src/crypto/aes.ts', setting: 'policy.paths[0].files' })]);
    expect(json.violations[0]!.message).toContain('lib/aes.ts');
    const text = aitrail(repo.dir, ['check', 'main..feature']);
    expect(text.code).toBe(1);
    expect(text.stdout + text.stderr).toMatch(/symbolic link/);
  });

  it('a directory link over the protected directory, or above it, or pointing outside the repository is refused', () => {
    for (const [path, target] of [
      ['src/crypto', '../lib/crypto'],
      ['src', 'lib'],
      ['src/crypto/aes.ts', '/etc/hostname'],
      ['src/crypto', '../../outside'],
      ['src/crypto', 'missing/dir'],
    ] as const) {
      const repo = repoWithAiLib();
      const sha = link(repo, path, target);
      const { code, json } = check(repo);
      expect(code, `${path} -> ${target}`).toBe(1);
      expect(json.violations, `${path} -> ${target}`).toEqual([expect.objectContaining({ sha, rule: 'path-symlink', path })]);
    }
  });

  it('links out of reach pass (or into a place the same rule protects); a link whose files would show at protected paths is refused', () => {
    const repo = repoWithAiLib();
    repo.commit('keys, by hand\n', { 'vault/server.pem': 'KEY\n' });
    link(repo, 'docs/latest', 'v1');
    link(repo, 'README.link', 'README.md');
    link(repo, 'lib/current', 'crypto');
    // *.pem protects vault/server.pem where it is: the same rule judged its lines there.
    link(repo, 'config/keys', '../vault');
    expect(check(repo)).toMatchObject({ code: 0, json: { ok: true, violations: [] } });
    // A file link named like a protected file; a directory link whose files match **/private/*.ts only through it.
    for (const [path, target, rule] of [
      ['config/server.pem', '../lib/aes.ts', 1],
      ['app/private', '../lib/crypto', 2],
    ] as const) {
      const attempt = repoWithAiLib();
      const sha = link(attempt, path, target);
      const { code, json } = check(attempt);
      expect(code, path).toBe(1);
      expect(json.violations).toEqual([expect.objectContaining({ sha, rule: 'path-symlink', path, setting: `policy.paths[${rule}].files` })]);
    }
  });

  it('a link brought by a merge (an evil merge that adds it itself) is refused', () => {
    const repo = repoWithAiLib();
    repo.git(['checkout', '-q', '-b', 'side', 'main']);
    repo.commit('side work\n', { 'side.txt': 'side\n' });
    repo.git(['checkout', '-q', 'feature']);
    repo.git(['merge', '-q', '--no-commit', 'side']);
    rmSync(join(repo.dir, 'src/crypto/aes.ts'));
    symlinkSync('../../lib/aes.ts', join(repo.dir, 'src/crypto/aes.ts'));
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'Merge side']);
    const merge = repo.git(['rev-parse', 'HEAD']);
    const { code, json } = check(repo);
    expect(code).toBe(1);
    expect(json.violations).toEqual([expect.objectContaining({ sha: merge, rule: 'path-symlink', path: 'src/crypto/aes.ts' })]);
    // A plain merge of a branch that made the link: reported once, on the commit that made it.
    const plain = repoWithAiLib();
    plain.git(['checkout', '-q', '-b', 'linked']);
    const made = link(plain, 'src/crypto/aes.ts', '../../lib/aes.ts');
    plain.git(['checkout', '-q', 'feature']);
    plain.commit('feature moves on\n', { 'f.txt': 'f\n' });
    plain.git(['merge', '-q', '--no-ff', '-m', 'Merge linked', 'linked']);
    expect(check(plain).json.violations).toEqual([expect.objectContaining({ sha: made, rule: 'path-symlink' })]);
  });

  it('pre-push refuses it too; the changed paths read with the links stay exact (names like raw diff lines, line feeds)', () => {
    const { work } = project(POLICY, { hooks: ['pre-push'] });
    work.git(['checkout', '-q', '-b', 'feature']);
    work.commit(`lib by claude\n\n${CLAUDE_DECLARED}\n`, { 'lib/aes.ts': AI_CODE, 'lib/:100644 120000 x': AI_CODE });
    link(work, 'src/crypto/aes.ts', '../../lib/aes.ts');
    const push = tryGit(work.dir, ['push', '-q', 'origin', 'feature']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('path-symlink');
    const odd = makeRepo();
    odd.commit('policy', { '.aitrailrc.yml': POLICY });
    odd.git(['checkout', '-q', '-b', 'feature']);
    expect(commitWith(odd, `odd names\n\n${CLAUDE_DECLARED}\n`, { ':100644 120000 a': AI_CODE, 'src/crypto/new\nline.ts': AI_CODE }, { noVerify: true }).code).toBe(0);
    link(odd, 'docs/latest', 'v1');
    const { code, json } = check(odd);
    expect(code).toBe(1);
    expect(json.violations).toEqual([expect.objectContaining({ rule: 'path-model-not-allowed', path: 'src/crypto/new\nline.ts' })]);
  });

  it('pre-receive refuses the push of a link into a protected path (pushed with --no-verify)', () => {
    const { work } = policyServer(POLICY);
    work.commit('human aes\n', { 'src/crypto/aes.ts': 'human aes\n' });
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
    work.git(['checkout', '-q', '-b', 'feature']);
    work.commit(`lib by claude\n\n${CLAUDE_DECLARED}\n`, { 'lib/aes.ts': AI_CODE });
    expect(tryGit(work.dir, ['push', '-q', '--no-verify', 'origin', 'feature']).code).toBe(0);
    link(work, 'src/crypto/aes.ts', '../../lib/aes.ts');
    const push = tryGit(work.dir, ['push', '-q', '--no-verify', 'origin', 'feature']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/path-symlink|symbolic link/);
  });
});
