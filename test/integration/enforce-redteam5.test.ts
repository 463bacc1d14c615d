// Red team, fifth pass: an insider with a denied model against real bare servers running the
// pre-receive hook (real pushes with --no-verify) and against `aitrail check`.
// Every test here failed before its fix.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, expectEachRefused, policyServer, pushCase, tryGit } from '../helpers/enforce-repos.js';
import type { TestRepo } from '../helpers/gitdir.js';

const CLAUDE = 'claude-code:anthropic/claude-opus-4.6';

/** A commit of `message` (hooks skipped) on a new branch `name` from main, pushed to the server: the push's result, and check's verdict on it. */
function pushCommit(work: TestRepo, name: string, message: string): { push: ReturnType<typeof tryGit>; check: ReturnType<typeof aitrail>; sha: string } {
  work.git(['checkout', '-q', '-b', name, 'main']);
  const made = commitWith(work, message, { [`src/${name}.ts`]: `export const ${name.replace(/\W/g, '_')} = 1;\n` }, { noVerify: true });
  if (made.code !== 0) throw new Error(made.stderr);
  const sha = work.git(['rev-parse', 'HEAD']);
  const check = aitrail(work.dir, ['check', `main..${name}`, '--format', 'json']);
  const push = tryGit(work.dir, ['push', '--no-verify', 'origin', name]);
  work.git(['checkout', '-q', 'main']);
  return { push, check, sha };
}

/** A commit object written byte for byte (`headers` after the committer line) on top of `parent`, adding `file`. */
function rawCommit(repo: TestRepo, parent: string, file: string, headers: string[], message: Buffer): string {
  const blob = repo.git(['hash-object', '-w', '--stdin'], { input: `${file}\n` });
  const tree = repo.git(['mktree'], { input: `${repo.git(['ls-tree', parent])}\n100644 blob ${blob}\t${file}\n` });
  const head = [`tree ${tree}`, `parent ${parent}`, 'author H <h@example.com> 1700000000 +0000', 'committer H <h@example.com> 1700000000 +0000', ...headers, '', ''].join('\n');
  return repo.git(['hash-object', '-t', 'commit', '-w', '--literally', '--stdin'], { input: Buffer.concat([Buffer.from(head), message]) as unknown as string });
}

const models = (check: ReturnType<typeof aitrail>): string[] => (JSON.parse(check.stdout) as { violations: { model: string }[] }).violations.map((violation) => violation.model);

describe('a model hidden by terminal control characters', () => {
  it('a colour sequence, backspaces, overstrikes or a carriage return around a denied model beside an allowed one: refused at pre-receive and by check', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const hidden: Record<string, string> = {
      // `git log` through less -R shows a red qwen3-coder; the stored token is `\x1b[31mqwen3-coder\x1b[0m`.
      colour: `${CLAUDE}, \x1b[31mqwen3-coder\x1b[0m`,
      concealed: `${CLAUDE}, \x1b[8mqwen3-coder\x1b[0m`,
      split: `${CLAUDE}, Qwen\x1b[0m3-Coder`,
      // A terminal shows qwen3-coder over the x's, or a bold qwen (overstrike, as less shows it).
      backspaced: `${CLAUDE}, xxxx\b\b\b\bqwen3-coder`,
      overstruck: `${CLAUDE}, q\bqw\bwX\ben3-coder`,
      // `\x1b[1D` moves the cursor back over the X.
      moved: `${CLAUDE}, qwX\x1b[1Den3-coder`,
      // Stored, but erased from the screen by the carriage return that follows.
      erased: `qwen3-coder\x1b[2K\r${CLAUDE}`,
    };
    expectEachRefused(remote, work, Object.fromEntries(Object.entries(hidden).map(([name, value]) => [name, `feat: ${name}\n\nAssisted-by: ${value}\n`])), (found, name) => expect(found, name).toContain('qwen/qwen3-coder'));
    // Claude alone in colour, or a CRLF message, is Claude's ordinary commit.
    expect(pushCase(work, 'bold', `feat: bold\n\nAssisted-by: \x1b[1m${CLAUDE}\x1b[0m\n`).code).toBe(0);
    expect(pushCase(work, 'crlf', `feat: crlf\r\n\r\nAssisted-by: ${CLAUDE},\r\n claude-sonnet-4.5\r\n`).code).toBe(0);
  });
});

describe('a trailer key spelled with a lookalike hyphen', () => {
  it('Assisted‐by (U+2010), Co‑authored‑by (U+2011, as language models write it), AI–Model (an en dash): refused at pre-receive and by check; the same keys with an em dash in prose pass', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const spelled: Record<string, string> = {
      hyphen: 'Assisted\u2010by: qwen-code:qwen/qwen3-coder',
      nonbreaking: 'Co\u2011authored\u2011by: aider (qwen/qwen3-coder) <aider@aider.chat>',
      endash: 'AI\u2013Model: qwen3-coder',
      minus: 'Generated\u2212by: qwen-code:qwen/qwen3-coder',
    };
    expectEachRefused(remote, work, Object.fromEntries(Object.entries(spelled).map(([name, line]) => [name, `feat: ${name}\n\nParser rewritten.\n\n${line}\n`])), (found, name) => expect(found, name).toContain('qwen/qwen3-coder'));
    // A dash between words with spaces is prose: a person's commit.
    expect(pushCase(work, 'prose', 'docs: assisted \u2014 by nobody\n\nQwen \u2013 the model family \u2013 is not used here.\n').code).toBe(0);
  });
});

describe('a message git reads only up to a NUL byte', () => {
  it('a UTF-16 message (under its encoding header or none), or a NUL before the trailer: git log shows the first line at most, git cat-file -p the whole trailer; refused at pre-receive and by check', () => {
    const { remote, work, base } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const message = 'feat: parser\n\nRewritten.\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n';
    const objects: Record<string, [string[], Buffer]> = {
      utf16le: [['encoding UTF-16LE'], Buffer.from(`\ufeff${message}`, 'utf16le')],
      utf16be: [['encoding UTF-16BE'], Buffer.from(message, 'utf16le').swap16()],
      undeclared: [[], Buffer.from(message, 'utf16le')],
      nul: [[], Buffer.from(message.replace('Rewritten.', 'Rewritten.\0'))],
    };
    for (const [name, [headers, bytes]] of Object.entries(objects)) {
      const sha = rawCommit(work, base, `${name}.ts`, headers, bytes);
      expect(work.git(['log', '-1', '--format=%B', sha])).not.toContain('Assisted-by');
      const check = aitrail(work.dir, ['check', `${base}..${sha}`, '--format', 'json']);
      expect(check.code, `${name}: ${check.stdout}${check.stderr}`).toBe(1);
      expect(models(check), name).toContain('qwen/qwen3-coder');
      const push = tryGit(work.dir, ['push', '--no-verify', 'origin', `${sha}:refs/heads/${name}`]);
      expect(push.code, `${name}: ${push.stderr}`).not.toBe(0);
      expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).not.toContain(`refs/heads/${name}`);
    }
  });
});

describe('a denied model glued to an allowed one', () => {
  it('claude-opus-4.6qwen3-coder, _qwen3-coder, .qwen3-coder, @qwen3-coder, =qwen3-coder in one declared token: refused at pre-receive and by check; Claude Code and GitHub Copilot alone pass', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const glued = Object.entries({ joined: '', underscore: '_', dot: '.', at: '@', equals: '=' }).map(([name, glue]) => [name, `feat: ${name}\n\nAssisted-by: ${CLAUDE}${glue}qwen3-coder\n`]);
    // Qwen's vendor at least (`=` parts two words since: the model itself, qwen/qwen3-coder).
    expectEachRefused(remote, work, Object.fromEntries(glued), (found, name) => expect(found.some((model) => model.startsWith('qwen/')), name).toBe(true));
    expect(pushCase(work, 'agents', 'feat: agents\n\nAssisted-by: Claude Code\nAssisted-by: GitHub Copilot\n').code).toBe(0);
    // A model of the built-in table named after another vendor's base (DeepSeek's Qwen distill) is that model alone.
    const distill = pushCommit(work, 'distill', 'feat: distill\n\nAssisted-by: aider:deepseek/deepseek-r1-distill-qwen-32b\n');
    expect(distill.check.code, distill.check.stdout).toBe(0);
    expect(distill.push.code, distill.push.stderr).toBe(0);
  });
});

describe('a declaration whose key is written as words', () => {
  it('Assisted by: / Assisted_by: / Generated by: / Co-authored by: naming Qwen: refused at pre-receive and by check; a person\'s "AI model: gpt-5 is the default now" line stays a person\'s', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*", "openai/*"]\n');
    const spelled: Record<string, string> = {
      spaced: 'Assisted by: qwen-code:qwen/qwen3-coder',
      underscored: 'Assisted_by: qwen-code:qwen/qwen3-coder',
      generated: 'Generated by: Qwen3-Coder',
      coauthor: 'Co-authored by: aider (qwen/qwen3-coder) <aider@aider.chat>',
    };
    expectEachRefused(remote, work, Object.fromEntries(Object.entries(spelled).map(([name, line]) => [name, `feat: ${name}\n\nParser rewritten.\n\n${line}\n`])), (found, name) => expect(found.some((model) => model.startsWith('qwen/')), name).toBe(true));
    const prose = pushCommit(work, 'prose', 'docs: model list\n\nAI model: gpt-5 is the default now.\nGenerated by: the release script.\n');
    expect(prose.check.code, prose.check.stdout).toBe(0);
    expect(prose.push.code, prose.push.stderr).toBe(0);
  });
});
