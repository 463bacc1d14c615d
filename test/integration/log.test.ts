import { describe, expect, it } from 'vitest';
import { aitrail, BIN, reportOf } from '../helpers/cli.js';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { makeRepo, TEST_GIT_ENV, type TestRepo } from '../helpers/gitdir.js';
import { generateMessage, prng } from '../helpers/trailer-messages.js';

interface LogJson {
  sha: string;
  subject: string;
  author: { name: string; email: string };
  ai: boolean;
  attributions: { agent: string; model: string; evidence: string[] }[];
  trailers: { key: string; value: string }[];
}

const jane = { GIT_AUTHOR_NAME: 'Jane Doe', GIT_AUTHOR_EMAIL: 'jane@example.com' };
const as = (name: string, email: string) => ({ GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email });

/** [message, author env, expected ai, expected `agent:model` list] — real agent signatures. */
const HISTORY: [string, NodeJS.ProcessEnv, string[]][] = [
  ['feat: parser\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude Opus 4.6 (1M context) <noreply@anthropic.com>\n', jane, ['claude-code:anthropic/claude-opus-4.6']],
  ['aider: fix the tokenizer\n', as('Jane Doe (aider)', 'jane@example.com'), ['aider:unknown']],
  ['fix: lexer\n\nCo-authored-by: aider (openrouter/qwen/qwen3-coder) <aider@aider.chat>\n', as('Jane Doe (aider)', 'jane@example.com'), ['aider:qwen/qwen3-coder']],
  ['Initial plan\n', as('copilot-swe-agent[bot]', '198982749+Copilot@users.noreply.github.com'), ['copilot:unknown']],
  ['docs: readme\n\nCo-authored-by: Cursor <cursoragent@cursor.com>\n', jane, ['cursor:unknown']],
  ['chore: deps\n\nCo-authored-by: Codex <noreply@openai.com>\n', jane, ['codex:unknown']],
  ['feat: qwen\n\nCo-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>\n', jane, ['qwen-code:qwen/unknown']],
  ['feat: gemini\n\nAI-Agent: Gemini CLI\nAI-Model: gemini-2.5-pro\n', jane, ['gemini-cli:google/gemini-2.5-pro']],
  ['Devin change\n', as('devin-ai-integration[bot]', '158243242+devin-ai-integration[bot]@users.noreply.github.com'), ['devin:unknown']],
  ['Jules change\n', as('google-labs-jules[bot]', '161369871+google-labs-jules[bot]@users.noreply.github.com'), ['jules:google/unknown']],
  ['mm: fix\n\nSigned-off-by: Jane Doe <jane@example.com>\nAssisted-by: Claude:claude-3-opus coccinelle sparse\n', jane, ['claude-code:anthropic/claude-3-opus']],
  ['pair work\n\nCo-authored-by: John Roe <john@example.org>\n', jane, []],
  ['helped\n\nAssisted-by: Bob Smith <bob@example.org>\n', jane, []],
  ['plain human commit\n\nWith a body that mentions Co-authored-by: Claude <noreply@anthropic.com>\nin prose.\n', jane, []],
  ['ours\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\nAssisted-by: aider:deepseek/deepseek-chat\n', jane, ['claude-code:anthropic/claude-opus-4.6', 'aider:deepseek/deepseek-chat']],
];

function build(): { repo: TestRepo; shas: string[] } {
  const repo = makeRepo();
  const shas = HISTORY.map(([message, env], index) => repo.commit(message, { [`f${index}.txt`]: `${index}\n` }, env));
  return { repo, shas };
}

/** git's own reading of a stored commit's trailers. */
function gitTrailers(repo: TestRepo, sha: string): { key: string; value: string }[] {
  const out = repo.git(['log', '-1', '--format=%(trailers:only,unfold,separator=%x00,key_value_separator=%x01)', sha], { raw: true });
  return out
    .replace(/\n$/, '')
    .split('\0')
    .filter((item) => item !== '')
    .map((item) => {
      const [key, value] = item.split('\x01');
      return { key: key ?? '', value: value ?? '' };
    });
}

describe('aitrail log', () => {
  it('attributes every commit of a history with real agent signatures', () => {
    const { repo, shas } = build();
    const result = aitrail(repo.dir, ['log', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const entries = JSON.parse(result.stdout) as LogJson[];
    expect(entries).toHaveLength(HISTORY.length);
    const bySha = new Map(entries.map((entry) => [entry.sha, entry]));
    HISTORY.forEach(([message, , expected], index) => {
      const entry = bySha.get(shas[index]!)!;
      expect({ message, got: entry.attributions.map((a) => `${a.agent}:${a.model}`) }).toEqual({ message, got: expected });
      expect(entry.ai).toBe(expected.length > 0);
      for (const attribution of entry.attributions) expect(attribution.evidence.length).toBeGreaterThan(0);
      expect(entry.trailers).toEqual(gitTrailers(repo, entry.sha));
    });
  });

  it('reports trailers exactly as git reads them, on generated messages', () => {
    const repo = makeRepo();
    const seed = 20261129;
    const rand = prng(seed);
    const count = 80;
    for (let index = 0; index < count; index += 1) {
      repo.git(['commit', '-q', '--allow-empty', '--allow-empty-message', '--no-verify', '--cleanup=verbatim', '-F', '-'], { input: generateMessage(rand) });
    }
    const result = aitrail(repo.dir, ['log', '--format', 'json']);
    expect(result.code).toBe(0);
    const entries = JSON.parse(result.stdout) as LogJson[];
    expect(entries).toHaveLength(count);
    let withTrailers = 0;
    for (const entry of entries) {
      const expected = gitTrailers(repo, entry.sha);
      if (expected.length > 0) withTrailers += 1;
      expect(entry.trailers, `seed ${seed}, commit ${entry.sha}`).toEqual(expected);
    }
    expect(withTrailers).toBeGreaterThan(count / 4);
  });

  it('prints a readable text report and honours a range', () => {
    const { repo, shas } = build();
    const result = aitrail(repo.dir, ['log', `${shas[0]}..${shas[2]}`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(shas[1]!.slice(0, 12));
    expect(result.stdout).toContain('aider:qwen/qwen3-coder');
    expect(result.stdout).not.toContain(shas[3]!.slice(0, 12));
    expect(result.stdout).toMatch(/2 commits, 2 AI-assisted, 0 human\./);
  });

  it('neutralises escape sequences in text output', () => {
    const repo = makeRepo();
    repo.commit('evil \u001b[31mred\u001b[0m subject\n\nCo-authored-by: Claude Opus 4.6 \u001b]0;pwn\u0007 <noreply@anthropic.com>\n');
    const result = aitrail(repo.dir, ['log']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout).toContain('\\x1b[31mred');
  });

  it('fails clearly outside a repository, on a bad range and on option-like ranges', () => {
    const repo = makeRepo();
    repo.commit('one\n');
    const outside = aitrail('/', ['log']);
    expect(outside.code).toBe(3);
    expect(outside.stderr).toMatch(/not a git repository/);
    const bad = aitrail(repo.dir, ['log', 'no-such-branch..HEAD']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(bad.stderr).toContain("unknown revision or range 'no-such-branch..HEAD'");
    expect(bad.stderr).toMatch(/Name commits of this repository: a branch, tag or sha, A\.\.B/);
    const option = aitrail(repo.dir, ['log', '--format', 'json', '--', '--output=/tmp/x']);
    expect(option.code).toBe(2);
  });

  it('check names an unknown revision as log does (was "git log failed: fatal: bad revision"), exit 3', () => {
    const repo = makeRepo();
    repo.commit('one\n');
    for (const range of ['no-such-branch', 'HEAD..no-such-branch']) {
      const bad = aitrail(repo.dir, ['check', range]);
      expect(bad.code, range).toBe(3);
      expect(bad.stderr).toContain(`unknown revision or range '${range}'`);
      expect(bad.stderr).toMatch(/Name commits of this repository/);
      expect(bad.stderr).not.toMatch(/git log failed|at .*\.js:\d+/);
    }
    expect(aitrail(repo.dir, ['check', 'HEAD']).code).toBe(0);
  });

  it('decodes messages of a latin1 project (i18n.commitEncoding) as text, not as mojibake', () => {
    const repo = makeRepo();
    repo.git(['config', 'i18n.commitEncoding', 'latin1']);
    const message = Buffer.from('Caf\xe9 fix\n\nCo-authored-by: Ren\xe9 <rene@example.com>\nCo-Authored-By: Claude Opus 4.6 (1M context) <noreply@anthropic.com>\n', 'latin1');
    execFileSync('git', ['commit', '-q', '--allow-empty', '--no-verify', '-F', '-'], { cwd: repo.dir, env: TEST_GIT_ENV, input: message });
    expect(repo.git(['cat-file', 'commit', 'HEAD'])).toContain('encoding latin1');
    const result = aitrail(repo.dir, ['log', '--format', 'json']);
    expect(result.code).toBe(0);
    const [entry] = JSON.parse(result.stdout) as LogJson[];
    expect(entry!.subject).toBe('Café fix');
    expect(entry!.trailers).toEqual([
      { key: 'Co-authored-by', value: 'René <rene@example.com>' },
      { key: 'Co-Authored-By', value: 'Claude Opus 4.6 (1M context) <noreply@anthropic.com>' },
    ]);
    expect(entry!.attributions.map((a) => `${a.agent}:${a.model}`)).toEqual(['claude-code:anthropic/claude-opus-4.6']);
  });

  it('stops quietly when the reader closes the pipe (aitrail log | head)', async () => {
    const repo = makeRepo();
    const count = 3000;
    let stream = '';
    for (let index = 1; index <= count; index += 1) {
      const message = `feat ${index}\n\nCo-Authored-By: Claude Opus 4.6 (1M context) <noreply@anthropic.com>\n`;
      stream += `commit refs/heads/main\ncommitter Jane <jane@example.com> ${1700000000 + index} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`;
    }
    repo.git(['fast-import', '--quiet'], { input: stream });
    for (const format of ['json', 'text']) {
      const child = spawn(process.execPath, [BIN, 'log', '--format', format], { cwd: repo.dir, env: TEST_GIT_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect({ format, code, stderr }).toEqual({ format, code: 0, stderr: '' });
    }
  });

  it('a slow reader of a non-blocking pipe gets every byte: the report waits for it (stdout written through the descriptor)', async () => {
    const repo = makeRepo();
    let stream = '';
    for (let index = 1; index <= 1000; index += 1) {
      const message = `feat ${index}\n\nCo-Authored-By: Claude Opus 4.6 (1M context) <noreply@anthropic.com>\n`;
      stream += `commit refs/heads/main\ncommitter Jane <jane@example.com> ${1700000000 + index} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`;
    }
    repo.git(['fast-import', '--quiet'], { input: stream });
    // The pipe set O_NONBLOCK (as a parent that shares it may leave it): the report's writes meet
    // EAGAIN while nobody reads, and must wait rather than drop the rest.
    const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
    const nonBlocking = 'import os, sys; os.set_blocking(1, False); os.execv(sys.argv[1], sys.argv[1:])';
    const child = spawn(python, ['-c', nonBlocking, process.execPath, BIN, 'log', '--format', 'json'], { cwd: repo.dir, env: TEST_GIT_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pause();
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise((resolve) => setTimeout(resolve, 400));
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stdout.resume();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.length).toBeGreaterThan(200_000);
    const entries = JSON.parse(text) as LogJson[];
    expect(entries.map((entry) => entry.subject)).toEqual(Array.from({ length: 1000 }, (_, index) => `feat ${1000 - index}`));
  });

  it('gives the subject as git does (%s): the first paragraph joined, leading blank lines skipped', () => {
    const repo = makeRepo();
    const messages = ['multi\nline  \nsubject\n\nbody\n', '\n \n\t\nafter blanks\n', 'crlf\r\ntitle\r\n\r\nbody\r\n', 'tab\there \u000b\nnext\n', ''];
    for (const message of messages) {
      repo.git(['commit', '-q', '--allow-empty', '--allow-empty-message', '--no-verify', '--cleanup=verbatim', '-F', '-'], { input: message });
    }
    const result = aitrail(repo.dir, ['log', '--format', 'json']);
    expect(result.code).toBe(0);
    const entries = JSON.parse(result.stdout) as LogJson[];
    expect(entries.map((entry) => entry.subject)).toEqual(entries.map((entry) => repo.git(['log', '-1', '--format=%s', entry.sha], { raw: true }).replace(/\n$/, '')));
    expect(entries.map((entry) => entry.subject).reverse()).toEqual(['multi line subject', 'after blanks', 'crlf title', 'tab\there \u000b next', '']);
  });

  it('an empty repository has no commits to list', () => {
    const repo = makeRepo();
    const result = aitrail(repo.dir, ['log', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });
});

describe('aitrail log reads config as data only', () => {
  it('never runs planted JS config and fails on an invalid config with every problem (exit 2)', async () => {
    const { existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    const repo = makeRepo();
    const marker = join(repo.dir, 'PWNED');
    const payload = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = {};\n`;
    const esm = `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'ran');\nexport default {};\n`;
    repo.write('.config/config.js', payload);
    repo.write('.config/config.cjs', payload);
    repo.write('.config/config.mjs', esm);
    repo.write('.config/config.ts', esm);
    repo.write('aitrail.config.js', payload);
    repo.write('aitrail.config.mjs', esm);
    repo.write('.aitrailrc.js', payload);
    repo.write('.aitrailrc.cjs', payload);
    repo.commit('x\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n');
    const ok = aitrail(repo.dir, ['log', '--format', 'json']);
    expect(ok.code).toBe(0);
    expect(existsSync(marker)).toBe(false);

    repo.write('.aitrailrc.json', JSON.stringify({ polcy: {}, policy: { unknownModel: 'block', deny: [42] }, trailer: { key: 'bad key!' } }));
    const bad = aitrail(repo.dir, ['log']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('.aitrailrc.json');
    expect(bad.stderr).toMatch(/polcy/);
    expect(bad.stderr).toMatch(/unknownModel/);
    expect(bad.stderr).toMatch(/deny/);
    expect(bad.stderr).toMatch(/trailer/);
    expect(bad.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('aitrail usage errors', () => {
  it('names an unknown command and lists the real ones (exit 2)', () => {
    const repo = makeRepo();
    for (const word of ['frobnicate', 'Log', 'lgo']) {
      const result = aitrail(repo.dir, [word]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`unknown command '${word}'`);
      expect(result.stderr).toMatch(/Commands: .*log.*check/);
    }
    expect(aitrail(repo.dir, ['lgo']).stderr).toContain('Did you mean log?');
    const none = aitrail(repo.dir, []);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no command given: name one of .*log/);
  });

  it('--version is aitrail\'s own, not that of the project it runs in', async () => {
    const { readFileSync } = await import('node:fs');
    const own = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
    const repo = makeRepo();
    repo.write('package.json', JSON.stringify({ name: 'user-project', version: '9.9.9' }));
    const result = aitrail(repo.dir, ['--version']);
    expect(result).toEqual({ code: 0, stdout: `${own}\n`, stderr: '' });
  });

  it('refuses log --format and --config without a value instead of ignoring them', () => {
    const repo = makeRepo();
    repo.commit('one\n');
    for (const args of [['log', '--format'], ['log', '--config'], ['log', '--format', 'json', '--config']]) {
      const result = aitrail(repo.dir, args);
      expect({ args, code: result.code, stdout: reportOf(result.stdout) }).toEqual({ args, code: 2, stdout: '' });
      expect(result.stderr).toMatch(/Not enough arguments following: (format|config)/);
    }
  });
});
