import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { CLAUDE_COAUTHOR, CLAUDE_DECLARED, commitWith, project, QWEN, tryGit } from '../helpers/enforce-repos.js';

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';

describe('commit-msg', () => {
  it('refuses a commit co-authored by a denied model, naming the model, rule, file and fix', () => {
    const { work, base } = project(DENY_QWEN);
    const result = commitWith(work, `feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'x\n' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('qwen/qwen3-coder');
    expect(result.stderr).toContain('model-denied (policy.deny)');
    expect(result.stderr).toContain('src/parser.ts');
    expect(result.stderr).toContain('Skipping the hooks (git commit --no-verify, AITRAIL=0 git am) will not get it in');
    expect(work.git(['rev-parse', 'HEAD'])).toBe(base);
  });

  it('lets human commits and allowed models through', () => {
    const { work, base } = project(DENY_QWEN);
    expect(commitWith(work, 'docs: human\n', { 'a.md': 'a\n' }).code).toBe(0);
    expect(commitWith(work, `feat: claude\n\n${CLAUDE_DECLARED}\n`, { 'b.ts': 'b\n' }).code).toBe(0);
    expect(work.git(['rev-list', '--count', `${base}..HEAD`])).toBe('2');
  });

  it('prints warnings but lets the commit through', () => {
    const { work, base } = project('policy:\n  undeclared: warn\n');
    const result = commitWith(work, `feat: claude\n\n${CLAUDE_COAUTHOR}\n`, { 'b.ts': 'b\n' });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('undeclared');
    expect(work.git(['rev-parse', 'HEAD~1'])).toBe(base);
  });

  it('refuses with exit 2 and the problems when the config is invalid', () => {
    const { work, base } = project(DENY_QWEN);
    work.write('.aitrailrc.yml', 'policy:\n  unknownModel: block\n');
    const result = commitWith(work, `feat: x\n\n${CLAUDE_DECLARED}\n`, { 'x.ts': 'x\n' });
    expect(result.code).not.toBe(0); // git itself exits 1 whatever the hook's code
    expect(result.stderr).toContain('unknownModel');
    expect(work.git(['rev-parse', 'HEAD'])).toBe(base);
    work.write('.git/MSG', 'feat: human\n');
    const hook = aitrail(work.dir, ['hook', 'commit-msg', '.git/MSG']);
    expect(hook.code).toBe(2);
    expect(hook.stderr).toContain('policy.unknownModel');
  });

  it('says where a refused model came from (aitrail use session, AITRAIL_MODEL) and how to undo it', () => {
    const { work, base } = project(DENY_QWEN);
    expect(aitrail(work.dir, ['use', 'qwen/qwen3-coder']).code).toBe(0);
    const session = commitWith(work, 'feat: by hand\n', { 'a.ts': 'a\n' });
    expect(session.code).toBe(1);
    expect(session.stderr).toContain('detected from: session (aitrail use');
    expect(session.stderr).toContain('aitrail use --clear');
    expect(aitrail(work.dir, ['use', '--clear']).code).toBe(0);
    const env = tryGit(work.dir, ['commit', '-q', '-m', 'feat: by hand'], { env: { AITRAIL_MODEL: 'qwen/qwen3-coder' } });
    expect(env.code).toBe(1);
    expect(env.stderr).toContain('detected from: env AITRAIL_MODEL');
    expect(work.git(['rev-parse', 'HEAD'])).toBe(base);
  });

  it('a bare vendor name in policy.deny (deny: ["qwen"]) refuses that vendor\'s models', () => {
    const { work, base } = project('policy:\n  deny: ["qwen"]\n');
    const result = commitWith(work, `feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'x\n' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('denied by policy.deny pattern "qwen"');
    expect(work.git(['rev-parse', 'HEAD'])).toBe(base);
  });

  it('judges the message as git stores it: comment lines an editor commit strips are ignored, kept ones judged (row 457)', () => {
    const { work } = project(DENY_QWEN);
    // An editor opened (git strips the # lines): the stored message names no one.
    work.write('x.ts', 'x\n');
    work.git(['add', '-A']);
    const edited = tryGit(work.dir, ['commit', '-q', '-e', '-F', '-'], { input: `feat: ok\n\n# ${QWEN}\n`, env: { GIT_EDITOR: 'true' } });
    expect(edited.code).toBe(0);
    expect(work.git(['log', '-1', '--format=%B'])).not.toContain('qwen');
    // -F with --cleanup=verbatim: git stores the # line, and check would refuse it, so commit-msg does.
    const kept = commitWith(work, `feat: no\n\n# ${QWEN}\n`, { 'y.ts': 'y\n' });
    expect(kept.code).not.toBe(0);
    expect(kept.stderr).toContain('qwen/qwen3-coder');
  });
});

describe('pre-push: the same commit made with --no-verify', () => {
  it('is refused on an existing branch', () => {
    const { work, remote, base } = project(DENY_QWEN);
    expect(commitWith(work, `feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'x\n' }, { noVerify: true }).code).toBe(0);
    const push = tryGit(work.dir, ['push', 'origin', 'main']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('qwen/qwen3-coder');
    expect(push.stderr).toContain('push to origin refused');
    expect(remote.git(['rev-parse', 'main'])).toBe(base);
  });

  it('is refused on a new branch, and on a tag', () => {
    const { work, remote } = project(DENY_QWEN);
    work.git(['checkout', '-q', '-b', 'feature']);
    commitWith(work, `feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    const push = tryGit(work.dir, ['push', 'origin', 'feature']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('qwen/qwen3-coder');
    expect(remote.git(['branch', '--list', 'feature'])).toBe('');
    work.git(['tag', '-a', '-m', 'release', 'v1']);
    expect(tryGit(work.dir, ['push', 'origin', 'v1']).code).not.toBe(0);
    expect(remote.git(['tag', '--list'])).toBe('');
  });

  it('judges every ref of a multi-ref push; deletions judge nothing', () => {
    const { work, remote } = project(DENY_QWEN);
    work.git(['checkout', '-q', '-b', 'clean']);
    commitWith(work, 'docs: human\n', { 'a.md': 'a\n' });
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'clean']).code).toBe(0);
    work.git(['checkout', '-q', '-b', 'dirty', 'main']);
    commitWith(work, `feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    const both = tryGit(work.dir, ['push', 'origin', 'clean', 'dirty']);
    expect(both.code).not.toBe(0);
    expect(both.stderr).toContain('qwen/qwen3-coder');
    const deletion = tryGit(work.dir, ['push', 'origin', ':clean']);
    expect(deletion.code).toBe(0);
    expect(remote.git(['branch', '--list', 'clean'])).toBe('');
  });

  it('judges a force push by the commits it adds', () => {
    const { work, remote } = project(DENY_QWEN);
    commitWith(work, 'docs: one\n', { 'a.md': 'a\n' });
    work.git(['push', '-q', 'origin', 'main']);
    work.git(['reset', '-q', '--hard', 'HEAD~1']);
    commitWith(work, `feat: rewrite\n\n${QWEN}\n`, { 'b.ts': 'b\n' }, { noVerify: true });
    const push = tryGit(work.dir, ['push', '--force', 'origin', 'main']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('qwen/qwen3-coder');
    work.git(['reset', '-q', '--hard', 'HEAD~1']);
    commitWith(work, 'docs: two\n', { 'c.md': 'c\n' });
    expect(tryGit(work.dir, ['push', '-q', '--force', 'origin', 'main']).code).toBe(0);
    expect(remote.git(['log', '-1', '--format=%s', 'main'])).toBe('docs: two');
  });

  it('judges a push whose source is a revision with spaces (HEAD^{/message})', () => {
    const { work, remote } = project(DENY_QWEN);
    commitWith(work, `feat: the parser\n\n${QWEN}\n`, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    const bad = tryGit(work.dir, ['push', 'origin', 'HEAD^{/the parser}:refs/heads/x']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('qwen/qwen3-coder');
    expect(bad.stderr).not.toContain('unexpected input');
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'HEAD^{/aitrail policy}:refs/heads/y']).code).toBe(0);
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads'])).toBe('refs/heads/main\nrefs/heads/y');
  });

  it('is refused when pushing to a URL rather than a named remote', () => {
    const { work, remote } = project(DENY_QWEN);
    commitWith(work, `feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    const push = tryGit(work.dir, ['push', remote.dir, 'HEAD:refs/heads/by-url']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('qwen/qwen3-coder');
    expect(remote.git(['branch', '--list', 'by-url'])).toBe('');
  });

  it('accepts a clean push', () => {
    const { work, remote } = project(DENY_QWEN);
    commitWith(work, `feat: claude\n\n${CLAUDE_DECLARED}\n`, { 'b.ts': 'b\n' });
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
    expect(remote.git(['log', '-1', '--format=%s', 'main'])).toBe('feat: claude');
  });
});

describe('aitrail check', () => {
  it('A..B --format json reports the denied commit (exit 1); --format github annotates it', () => {
    const { work, base } = project(DENY_QWEN);
    commitWith(work, 'docs: human\n', { 'a.md': 'a\n' });
    commitWith(work, `feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    const sha = work.git(['rev-parse', 'HEAD']);
    const json = aitrail(work.dir, ['check', `${base}..HEAD`, '--format', 'json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { ok: boolean; commits: number; violations: { sha: string; rule: string; model: string; path: string; message: string }[] };
    expect(report.ok).toBe(false);
    expect(report.commits).toBe(2);
    // The Qwen co-author line is also undeclared (a warning by default).
    expect(report.violations.map((violation) => violation.rule)).toEqual(['model-denied', 'undeclared']);
    expect(report.violations[0]).toEqual(expect.objectContaining({ sha, rule: 'model-denied', model: 'qwen/qwen3-coder', path: 'src/parser.ts', severity: 'error' }));
    expect(report.violations[0]!.message).toContain('qwen/qwen3-coder');
    const github = aitrail(work.dir, ['check', `${base}..HEAD`, '--format', 'github']);
    expect(github.code).toBe(1);
    expect(github.stdout).toMatch(new RegExp(`^::error file=src/parser\\.ts,title=aitrail model-denied%3A qwen/qwen3-coder in ${sha.slice(0, 12)}::`, 'm'));
  });

  it('default range: the commits on no remote-tracking branch', () => {
    const { work } = project(DENY_QWEN);
    expect(aitrail(work.dir, ['check']).code).toBe(0);
    commitWith(work, `feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    const result = aitrail(work.dir, ['check', '--format', 'json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, commits: 1 });
  });

  it('a branch that also edits the config to allow the model still fails (check and push)', () => {
    const { work, base } = project(DENY_QWEN);
    work.git(['checkout', '-q', '-b', 'loosen']);
    commitWith(work, 'chore: allow qwen\n', { '.aitrailrc.yml': 'policy:\n  deny: []\n' });
    commitWith(work, `feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'x\n' });
    const check = aitrail(work.dir, ['check', `${base}..HEAD`, '--format', 'json']);
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout).violations).toContainEqual(expect.objectContaining({ rule: 'model-denied', model: 'qwen/qwen3-coder', severity: 'error' }));
    expect(tryGit(work.dir, ['push', 'origin', 'loosen']).code).not.toBe(0);
    // --config overrides the committed policy (a CI's own file).
    work.write('/tmp-policy.yml', 'policy: {}\n');
    expect(aitrail(work.dir, ['check', `${base}..HEAD`, '--config', 'tmp-policy.yml']).code).toBe(0);
  });

  it('a new branch that loosens the config is still refused at push when the remote has no HEAD ref (git remote add, not clone)', () => {
    const { work, remote } = project(DENY_QWEN);
    work.git(['remote', 'set-head', 'origin', '--delete']);
    work.git(['checkout', '-q', '-b', 'loosen']);
    commitWith(work, 'chore: allow qwen\n', { '.aitrailrc.yml': 'policy:\n  deny: []\n' });
    commitWith(work, `feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    const push = tryGit(work.dir, ['push', 'origin', 'loosen']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('qwen/qwen3-coder');
    expect(remote.git(['branch', '--list', 'loosen'])).toBe('');
  });

  it('refuses option-like and control-character ranges with exit 2, unknown revisions with exit 3', () => {
    const { work } = project(DENY_QWEN);
    expect(aitrail(work.dir, ['check', '--output=x']).code).toBe(2);
    expect(aitrail(work.dir, ['check', 'main\n..HEAD']).code).toBe(2);
    const unknown = aitrail(work.dir, ['check', 'nosuchrev..HEAD']);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain("unknown revision 'nosuchrev'");
  });
});

describe('path rules', () => {
  const PATHS = 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      allow: []\n    - files: ["src/auth/**"]\n      requireTrailers: ["Reviewed-by"]\n';

  it('refuse AI changes to forbidden paths, at commit and at push', () => {
    const { work } = project(PATHS);
    const commit = commitWith(work, `feat: aes\n\n${CLAUDE_DECLARED}\n`, { 'src/crypto/aes.ts': 'x\n' });
    expect(commit.code).toBe(1);
    expect(commit.stderr).toContain('path-model-not-allowed (policy.paths[0].allow)');
    expect(commit.stderr).toContain('src/crypto/aes.ts');
    commitWith(work, `feat: aes\n\n${CLAUDE_DECLARED}\n`, { 'src/crypto/aes.ts': 'x\n' }, { noVerify: true });
    expect(tryGit(work.dir, ['push', 'origin', 'main']).stderr).toContain('src/crypto/aes.ts');
  });

  it('a rule naming a directory (files: ["src/crypto"]) protects the files under it', () => {
    const { work } = project('policy:\n  paths:\n    - files: ["src/crypto", "/lib/keys/"]\n      allow: []\n');
    const result = commitWith(work, `feat: aes\n\n${CLAUDE_DECLARED}\n`, { 'src/crypto/aes.ts': 'x\n', 'lib/keys/k.pem': 'k\n' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('path-model-not-allowed');
    expect(result.stderr).toContain('src/crypto/aes.ts');
    expect(result.stderr).toContain('lib/keys/k.pem');
  });

  it('require the trailer on AI changes, and accept them with it', () => {
    const { work, remote } = project(PATHS);
    const without = commitWith(work, `feat: login\n\n${CLAUDE_DECLARED}\n`, { 'src/auth/login.ts': 'x\n' });
    expect(without.code).toBe(1);
    expect(without.stderr).toContain("lacks the 'Reviewed-by' trailer");
    const withTrailer = commitWith(work, `feat: login\n\nReviewed-by: Ann Reviewer <ann@example.com>\n${CLAUDE_DECLARED}\n`, { 'src/auth/login.ts': 'x\n' });
    expect(withTrailer.code).toBe(0);
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
    expect(remote.git(['log', '-1', '--format=%s', 'main'])).toBe('feat: login');
  });
});

describe('merge commits', () => {
  // Row 317 changed this on purpose: an AI merge that takes the merged side's protected file whole
  // wrote none of it (the side's commits are judged on their own); test/integration/agent-merge-s26c.test.ts.
  it('are judged by what they bring in themselves: a file taken whole from the merged side is not theirs', () => {
    const { work, base } = project('policy:\n  paths:\n    - files: ["src/crypto/**"]\n      allow: []\n');
    work.git(['checkout', '-q', '-b', 'side']);
    commitWith(work, 'feat: human crypto\n', { 'src/crypto/aes.ts': 'x\n' });
    work.git(['checkout', '-q', 'main']);
    commitWith(work, 'docs: readme\n', { 'README.md': 'more\n' });
    expect(tryGit(work.dir, ['merge', '-q', '--no-ff', '--no-verify', '-m', `Merge side\n\n${CLAUDE_DECLARED}\n`, 'side']).code).toBe(0);
    const check = aitrail(work.dir, ['check', `${base}..HEAD`, '--format', 'json']);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).violations).toEqual([]);
  });
});

describe('undeclared AI commits', () => {
  it('an agent-authored commit made with hooks off is caught as undeclared', () => {
    const { work, base } = project('policy:\n  undeclared: deny\n');
    commitWith(work, `feat: agent work\n\n${CLAUDE_COAUTHOR}\n`, { 'x.ts': 'x\n' }, { noVerify: true });
    const check = aitrail(work.dir, ['check', `${base}..HEAD`, '--format', 'json']);
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout).violations).toEqual([expect.objectContaining({ rule: 'undeclared', model: 'anthropic/claude-opus-4.6' })]);
    const push = tryGit(work.dir, ['push', 'origin', 'main']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('undeclared');
  });
});
