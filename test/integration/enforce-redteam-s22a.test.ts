import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';

// Session 22 (red team, the insider with a denied model against a server running pre-receive):
// ways to land Qwen's commit on the default branch that were not rows yet.

const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';

/**
 * The policy as a reviewer sees it in a pull request's diff (a browser breaks the line at U+2028,
 * U+2029 and NEL), and as js-yaml reads it: one comment, the deny inside it.
 */
function hiddenDeny(breaker: string): string {
  return `policy:\n  # Qwen stays out, see SEC-1234${breaker}  deny: ["qwen/*"]\n  unknownModel: warn\n`;
}

describe('a YAML comment that a screen ends and the parser does not', () => {
  it('a server whose main holds the deny inside a comment (U+2028) refuses a Qwen push, naming the character, instead of judging by an empty policy', () => {
    const { remote, work } = policyServer(hiddenDeny('\u2028'));
    expect(commitWith(work, `feat: parser\n\n${QWEN_DECLARED}\n`, { 'src/parser.ts': 'export const parse = 1;\n' }, { noVerify: true }).code).toBe(0);
    const qwen = work.git(['rev-parse', 'HEAD']);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain('U+2028 at line 2, column 33');
    expect(remote.git(['rev-parse', 'refs/heads/main'])).not.toBe(qwen);
    // CI and the commit hooks read the same file the same way: exit 2, the character named.
    const check = aitrail(work.dir, ['check', 'refs/remotes/origin/main..HEAD', '--policy-from', 'refs/remotes/origin/main']);
    expect(check.code, `${check.stdout}${check.stderr}`).toBe(2);
    expect(check.stderr).toContain('U+2028');
  });

  it('a branch bringing such a config (U+2028, U+2029, NEL, or a bidi override in a comment) is refused at push, before review can merge it', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const cases: Record<string, [string, string]> = {
      'line-separator': [hiddenDeny('\u2028'), 'U+2028'],
      'paragraph-separator': [hiddenDeny('\u2029'), 'U+2029'],
      'next-line': [hiddenDeny('\u0085'), 'U+0085'],
      // Trojan Source: the comment's words shown in another order than they are read.
      'right-to-left-override': ['policy:\n  deny: ["qwen/*"] # \u202eallow qwen\u202c\n', 'U+202E'],
    };
    for (const [branch, [config, code]] of Object.entries(cases)) {
      work.git(['checkout', '-q', '-b', branch, 'main']);
      expect(commitWith(work, 'docs: say why Qwen is denied\n', { '.aitrailrc.yml': config }, { noVerify: true }).code).toBe(0);
      const push = tryGit(work.dir, ['push', '--no-verify', 'origin', branch]);
      work.git(['checkout', '-q', 'main']);
      expect(push.code, `${branch}: ${push.stderr}`).not.toBe(0);
      expect(push.stderr, branch).toContain(code);
    }
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).toBe('refs/heads/main');
  });

  it('control: the same comment on a line of its own, and an escaped U+2028 in a quoted string, are a valid policy that denies Qwen and passes a person', () => {
    const config = 'policy:\n  # Qwen stays out, see SEC-1234\n  deny: ["qwen/*"]\ndetect:\n  aliases: { "gateway\\u2028model": "qwen/qwen3-coder" }\n';
    const { remote, work } = policyServer(config);
    work.git(['checkout', '-q', '-b', 'person', 'main']);
    expect(commitWith(work, 'feat: a person’s parser\n', { 'src/parser.ts': 'export const parse = 1;\n' }, { noVerify: true }).code).toBe(0);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'person']).code).toBe(0);
    work.git(['checkout', '-q', '-b', 'qwen', 'main']);
    expect(commitWith(work, `feat: parser\n\n${QWEN_DECLARED}\n`, { 'src/qwen.ts': 'export const q = 1;\n' }, { noVerify: true }).code).toBe(0);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'qwen']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain('model-denied');
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).toBe('refs/heads/main\nrefs/heads/person');
  });
});
