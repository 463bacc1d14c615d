import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitCase, expectEachPasses, expectEachRefused, policyServer, tryGit, type JudgedViolation } from '../helpers/enforce-repos.js';
import type { TestRepo } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

// Session 34 (red team, insider with a denied model): declarations a reviewer reads on a screen
// (`git log`, `git show`, a web page) that the enforcing layers read otherwise, pushed with
// `--no-verify` to a real server running pre-receive, and `aitrail check`.

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';
const bytes = (...parts: (string | number[])[]): Buffer => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

/**
 * A commit of `message` (bytes) on the branch checked out, written as stored: `git commit` and
 * `git commit-tree` read a message that is no UTF-8 as latin1 and store it re-encoded
 * (`\x81` becomes U+0081, a C1 control: row 392), while `git hash-object` (or fast-import, or
 * another git implementation) stores the bytes as they are.
 */
function rawCommit(work: TestRepo, name: string, message: Buffer): string {
  const made = commitCase(work, name, `${name}\n`);
  const stored = work.git(['cat-file', 'commit', made], { raw: true });
  const object = Buffer.concat([Buffer.from(stored.slice(0, stored.indexOf('\n\n') + 2), 'utf8'), message]);
  const sha = tryGit(work.dir, ['hash-object', '-t', 'commit', '-w', '--stdin'], { input: object }).stdout.trim();
  work.git(['reset', '-q', '--soft', sha]);
  return sha;
}

describe('bytes that are no UTF-8 inside a declaration', () => {
  it('an invalid byte, an overlong form or a surrogate in a key or a model (shown `Assisted�-by:`, `qw�en3-coder`) is refused by check and pre-receive; a person’s such bytes pass', () => {
    const { remote, work } = policyServer(DENY_QWEN);
    work.git(['checkout', '-q', '-b', 'topic', 'main']);
    const cases = {
      // `git log` prints the bytes as stored: a terminal shows `Assisted�-by:` (or `Assisted-by:`), a web page `Assisted�-by:`.
      key: bytes('feat: parser\n\nAssisted', [0x81], '-by: qwen-code:qwen/qwen3-coder\n'),
      overlong: bytes('feat: parser\n\nCo-authored', [0xc0, 0xad], '-by: aider (qwen/qwen3-coder) <aider@aider.chat>\n'),
      surrogate: bytes('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6, qw', [0xed, 0xa0, 0x80], 'en3-coder\n'),
      value: bytes('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6, q', [0xff], 'wen3-coder\n'),
    };
    const shas = Object.entries(cases).map(([name, message]) => [name, rawCommit(work, name, message)] as const);
    // git's trailer parser reads no key in `Assisted\x81-by:`.
    expect(work.git(['log', '-1', '--format=%(trailers:key=Assisted-by)', shas[0]![1]])).toBe('');
    const check = aitrail(work.dir, ['check', 'main..topic', '--format', 'json'], { timeout: 60_000 });
    expect(check.code, check.stdout + check.stderr).toBe(1);
    const violations = (JSON.parse(check.stdout) as { violations: JudgedViolation[] }).violations;
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'topic']);
    for (const [name, sha] of shas) {
      expect(violations.some((violation) => violation.sha === sha && violation.severity === 'error' && violation.model.startsWith('qwen/')), `${name}: ${check.stdout}`).toBe(true);
      expect(push.stderr, `${name}: ${push.stderr}`).toContain(`error   ${sha.slice(0, 12)} `);
    }
    expect(push.code, push.stderr).not.toBe(0);
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).toBe('refs/heads/main');
    // A person's bytes that are no UTF-8 (a latin1 name, a byte named in prose) pass.
    work.git(['checkout', '-q', '-b', 'people', 'main']);
    rawCommit(work, 'latin1', bytes('fix: read the ', [0x81], ' byte as latin1\n\nReviewed-by: Jos', [0xe9], ' <jose@example.com>\n'));
    rawCommit(work, 'replaced', bytes('docs: the ', [0xef, 0xbf, 0xbd], ' character and q', [0xff], 'uoting\n'));
    expect(aitrail(work.dir, ['check', 'main..people']).code).toBe(0);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'people']).code).toBe(0);
  });
});

describe('a trailer block shown a little to the right', () => {
  it('a last paragraph opened by one to three spaces, a no-break space or another blank git does not read (no trailer to git) is refused by commit-msg, check and pre-receive; a quote, a tab and an example pass', () => {
    const { remote, work } = policyServer(DENY_QWEN);
    const cases: Record<string, string> = {
      space: 'feat: parser\n\n Assisted-by: qwen-code:qwen/qwen3-coder\n',
      spaces: 'feat: parser\n\n   Reviewed-by: Bob <bob@example.com>\n   Assisted-by: qwen-code:qwen/qwen3-coder\n',
      nbsp: 'feat: parser\n\n\u00a0Assisted-by: qwen-code:qwen/qwen3-coder\n',
      en: 'feat: parser\n\n\u2002\u2002Co-authored-by: aider (qwen/qwen3-coder) <aider@aider.chat>\n',
      ideographic: 'feat: parser\n\n\u3000Assisted-by: qwen-code:qwen/qwen3-coder\n',
      // git reads the no-break space's line as prose inside Signed-off-by's block (the 25% rule): Signed-off-by alone.
      underSignoff: 'feat: parser\n\nSigned-off-by: Pat <pat@example.com>\n\u00a0Assisted-by: qwen-code:qwen/qwen3-coder\n',
    };
    for (const [name, message] of Object.entries(cases)) {
      const parsed = tryGit(work.dir, ['interpret-trailers', '--parse', '--no-divider'], { input: message }).stdout;
      expect(parsed, name).not.toMatch(/qwen/i);
    }
    expectEachRefused(remote, work, cases, (models, name) => expect(models.some((model) => model.startsWith('qwen/')), name).toBe(true));
    expectEachPasses(work, [
      // Four spaces or a tab: a quote (a squash merge's quoted commit, row 27), as git log shows every message.
      'revert: parser\n\nThe reverted commit said:\n\n    Assisted-by: qwen-code:qwen/qwen3-coder\n',
      'docs: trailers\n\nIts last line was\n\n\tAssisted-by: qwen-code:qwen/qwen3-coder\n',
      // Shown for example (row 136).
      'docs: trailers\n\nDeclare the model with a trailer, for example:\n\n  Assisted-by: qwen-code:qwen/qwen3-coder\n',
      'fix: parser\n\n - read the key\n - Reviewed by Bob\n',
    ]);
    // The hooks `aitrail init` installs (their shims start node for a message naming the key) read it as check does.
    const { repo, env } = hookedRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': DENY_QWEN }, { AITRAIL: '0' });
    repo.write('src/hooked.ts', 'export const hooked = 1;\n');
    repo.git(['add', '-A']);
    const made = tryGit(repo.dir, ['commit', '-q', '-F', '-'], { input: cases.nbsp!, env });
    expect(made.code, made.stderr).toBe(1);
    expect(made.stderr).toContain('qwen/qwen3-coder');
  });
});

describe('a trailer whose key ends in another separator git may be set to read', () => {
  it('`Assisted-by= …`, `Co-authored-by# …`, `Assisted-by% …` (trailers to git under trailer.separators, declarations on a screen) are refused by check and pre-receive; an app’s settings and a person’s review pass', () => {
    const { remote, work } = policyServer(DENY_QWEN);
    const cases: Record<string, [string, string]> = {
      equals: ['feat: parser\n\nAssisted-by= qwen-code:qwen/qwen3-coder\n', ':='],
      spaced: ['feat: parser\n\nReviewed-by: Bob <bob@example.com>\nAssisted-by = qwen-code:qwen/qwen3-coder\n', ':='],
      // Under Signed-off-by git's block holds the line as prose; with `:#` (git's documentation's `Bug #42`) it is a trailer.
      hash: ['feat: parser\n\nSigned-off-by: Pat <pat@example.com>\nCo-authored-by# aider (qwen/qwen3-coder) <aider@aider.chat>\n', ':#'],
      percent: ['feat: parser\n\nAssisted-by% qwen-code:qwen/qwen3-coder\n', '%=$'],
    };
    for (const [name, [message, separators]] of Object.entries(cases)) {
      expect(tryGit(work.dir, ['interpret-trailers', '--parse', '--no-divider'], { input: message }).stdout, name).not.toMatch(/qwen/i);
      expect(tryGit(work.dir, ['-c', `trailer.separators=${separators}`, 'interpret-trailers', '--parse', '--no-divider'], { input: message }).stdout, name).toMatch(/^(Assisted-by|Co-authored-by)[:=#%$] .*qwen/m);
    }
    expectEachRefused(remote, work, Object.fromEntries(Object.entries(cases).map(([name, [message]]) => [name, message])), (models, name) => expect(models.some((model) => model.startsWith('qwen/')), name).toBe(true));
    // What an app is set to is no one's declaration; a person's key so written stays a person.
    expectEachPasses(work, ['chore: defaults\n\nAI-Model=qwen3-coder\nTEMPERATURE=0.2\n', 'fix: parser\n\nReviewed-by= Bob <bob@example.com>\n']);
  });
});
