import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitCase, policyServer, tryGit, type JudgedViolation } from '../helpers/enforce-repos.js';
import type { TestRepo } from '../helpers/gitdir.js';

// Session 33 (red team, insider with a denied model): commit objects holding a header line more
// than once, pushed with `--no-verify` to a real server running pre-receive, and `aitrail check`.

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';
/** The author Qwen Code commits as (signatures.json: qwen-code's identity). */
const QWEN_AUTHOR = 'Qwen-Coder <qwen-coder@alibabacloud.com> 1700000000 +0000';
const OTHER_PERSON = 'Pat Person <pat@example.com> 1700000000 +0000';

/** `sha`'s object written again with `lines` (whole header lines) put before its own author line. */
function withAuthorsBefore(work: TestRepo, sha: string, lines: string[]): string {
  const stored = work.git(['cat-file', 'commit', sha], { raw: true });
  const at = stored.indexOf('\nauthor ') + 1;
  const object = `${stored.slice(0, at)}${lines.map((line) => `${line}\n`).join('')}${stored.slice(at)}`;
  return work.git(['hash-object', '-t', 'commit', '-w', '--literally', '--stdin'], { input: object });
}

/** `sha`'s object written again with each line end from its committer line on `end` (CRLF, or a line of one space between paragraphs), and `message` after them: no `\n\n` is left. */
function withMessageAfter(work: TestRepo, sha: string, message: string, end: '\r\n' | ' \n'): string {
  const stored = work.git(['cat-file', 'commit', sha], { raw: true });
  const head = stored.slice(0, stored.indexOf('\n\n'));
  const text = end === '\r\n' ? `${head}\r\n\r\n${message.replace(/\n/g, '\r\n')}` : `${head}\n \n${message.replace(/\n\n/g, '\n \n')}`;
  return work.git(['hash-object', '-t', 'commit', '-w', '--literally', '--stdin'], { input: text });
}

function checked(work: TestRepo, sha: string): { code: number; violations: JudgedViolation[]; out: string } {
  const run = aitrail(work.dir, ['check', `refs/remotes/origin/main..${sha}`, '--policy-from', 'refs/remotes/origin/main', '--format', 'json'], { timeout: 60_000 });
  return { code: run.code, violations: run.stdout.trim() === '' ? [] : (JSON.parse(run.stdout) as { violations: JudgedViolation[] }).violations, out: `${run.stdout}${run.stderr}` };
}

describe('commit objects whose headers git reads otherwise than a screen shows them', () => {
  it('Qwen Code’s author line before a person’s (git log shows the last) is refused by check and pre-receive; two people’s lines pass', () => {
    const { remote, work } = policyServer(DENY_QWEN);
    work.git(['checkout', '-q', '-b', 'topic']);
    const person = commitCase(work, 'parser', 'feat: parser\n');
    const cases = {
      first: withAuthorsBefore(work, person, [`author ${QWEN_AUTHOR}`]),
      middle: withAuthorsBefore(work, person, [`author ${OTHER_PERSON}`, `author ${QWEN_AUTHOR}`]),
    };
    for (const [name, sha] of Object.entries(cases)) {
      // What every git reading shows is the person (the last author line); the object names Qwen Code.
      expect(work.git(['log', '-1', '--format=%an <%ae>', sha])).toBe('Test Human <human@example.com>');
      expect(work.git(['cat-file', 'commit', sha])).toContain(`author ${QWEN_AUTHOR}`);
      const check = checked(work, sha);
      expect(check.code, `${name}: ${check.out}`).toBe(1);
      expect(check.violations.some((violation) => violation.sha === sha && violation.severity === 'error' && violation.model.startsWith('qwen/')), check.out).toBe(true);
      const push = tryGit(work.dir, ['push', '--no-verify', 'origin', `${sha}:refs/heads/${name}`]);
      expect(push.code, `${name}: ${push.stderr}`).not.toBe(0);
      expect(push.stderr).toContain(sha.slice(0, 12));
    }
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).toBe('refs/heads/main');
    const people = withAuthorsBefore(work, person, [`author ${OTHER_PERSON}`]);
    expect(checked(work, people).code).toBe(0);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', `${people}:refs/heads/people`]).code).toBe(0);
  });

  it('a message after a CRLF or one-space blank line (no `\\n\\n`: git log and git show show no message, git cat-file -p shows it) is refused by check and pre-receive; a person’s so written passes', () => {
    const { remote, work } = policyServer(DENY_QWEN);
    work.git(['checkout', '-q', '-b', 'topic']);
    const person = commitCase(work, 'parser', 'feat: parser\n');
    for (const [name, end] of [['crlf', '\r\n'], ['space', ' \n']] as const) {
      const sha = withMessageAfter(work, person, 'feat: parser\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', end);
      expect(work.git(['log', '-1', '--format=%B', sha])).toBe('');
      expect(work.git(['cat-file', 'commit', sha])).toContain('Assisted-by: qwen-code:qwen/qwen3-coder');
      const check = checked(work, sha);
      expect(check.code, `${name}: ${check.out}`).toBe(1);
      expect(check.violations.some((violation) => violation.sha === sha && violation.model === 'qwen/qwen3-coder'), check.out).toBe(true);
      const push = tryGit(work.dir, ['push', '--no-verify', 'origin', `${sha}:refs/heads/${name}`]);
      expect(push.code, `${name}: ${push.stderr}`).not.toBe(0);
      expect(push.stderr).toContain(sha.slice(0, 12));
      const mine = withMessageAfter(work, person, 'feat: parser\n\nReviewed-by: Bob <bob@example.com>\n', end);
      expect(checked(work, mine).code).toBe(0);
      expect(tryGit(work.dir, ['push', '--no-verify', 'origin', `${mine}:refs/heads/mine-${name}`]).code).toBe(0);
    }
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).toBe('refs/heads/main\nrefs/heads/mine-crlf\nrefs/heads/mine-space');
  });
});
