import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { policyServer, tryGit, type JudgedViolation } from '../helpers/enforce-repos.js';
import type { TestRepo } from '../helpers/gitdir.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';

// Session 20 (red team, not message spellings): what the commit object holds besides its message
// (its headers, its stored bytes), against a real server running pre-receive and `aitrail check`.

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';
/** Qwen may write anywhere but in src/crypto. */
const QWEN_NOT_IN_CRYPTO = 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      deny: ["qwen/*"]\n';
const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';
/** The author Qwen Code commits as (signatures.json: qwen-code's identity). */
const QWEN_AUTHOR = 'Qwen-Coder <qwen-coder@alibabacloud.com>';
const PERSON = 'Test Human <human@example.com>';
const AES = 'export function aes(block: Uint8Array, key: Uint8Array): Uint8Array {\n  const rounds = expandTheKeyScheduleForTheseRounds(key, 14);\n  return encryptTheBlockWithTheRoundKeys(block, rounds);\n}\n';

/**
 * A commit object written byte for byte on top of `parent`: its tree is the parent's with `files`
 * added, `author` its author, `headers` after the committer line, `message` as stored.
 */
function rawCommit(repo: TestRepo, parent: string, files: Record<string, string>, options: { author?: string; headers?: string[]; message: Buffer }): string {
  const index = join(repo.dir, '.git', 'raw-index');
  const env = { GIT_INDEX_FILE: index };
  repo.git(['read-tree', parent], { env });
  for (const [path, content] of Object.entries(files)) {
    const blob = repo.git(['hash-object', '-w', '--stdin'], { input: content });
    repo.git(['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], { env });
  }
  const tree = repo.git(['write-tree'], { env });
  const head = [`tree ${tree}`, `parent ${parent}`, `author ${options.author ?? PERSON} 1700000000 +0000`, `committer ${PERSON} 1700000000 +0000`, ...(options.headers ?? []), '', ''].join('\n');
  return repo.git(['hash-object', '-t', 'commit', '-w', '--literally', '--stdin'], { input: Buffer.concat([Buffer.from(head), options.message]) as unknown as string });
}

function checked(work: TestRepo, range: string): { code: number; violations: JudgedViolation[]; out: string } {
  const run = aitrail(work.dir, ['check', range, '--policy-from', 'refs/remotes/origin/main', '--format', 'json'], { timeout: 60_000 });
  const out = `${run.stdout}${run.stderr}`;
  return { code: run.code, violations: run.stdout.trim() === '' ? [] : (JSON.parse(run.stdout) as { violations: JudgedViolation[] }).violations, out };
}

const branches = (repo: TestRepo): string => repo.git(['for-each-ref', '--format=%(refname)', 'refs/heads/']);

/** `sha` refused by check (a qwen/ model, an error under its sha) and by the server (the push named `branch` refused, naming the sha). */
function expectRefusedBySha(work: TestRepo, sha: string, branch: string): void {
  const check = checked(work, `refs/remotes/origin/main..${sha}`);
  expect(check.code, `${branch}: ${check.out}`).toBe(1);
  expect(check.violations.some((violation) => violation.sha === sha && violation.severity === 'error' && violation.model.startsWith('qwen/')), check.out).toBe(true);
  const push = tryGit(work.dir, ['push', '--no-verify', 'origin', `${sha}:refs/heads/${branch}`]);
  expect(push.code, `${branch}: ${push.stderr}`).not.toBe(0);
  expect(push.stderr).toContain(sha.slice(0, 12));
}

/**
 * Each author header on a commit of its own from `base`: git shows no Qwen author (`shown`), yet
 * check names a denied qwen/ model for that commit and the server refuses it by its sha; then a
 * person's commit with `own` as its author header passes both, and the server kept only main.
 */
function expectAuthorsRefused(remote: TestRepo, work: TestRepo, base: string, authors: Record<string, string>, shown: (sha: string) => void, own: string): void {
  for (const [name, author] of Object.entries(authors)) {
    const sha = rawCommit(work, base, { 'src/parser.ts': 'export const parser = 1;\n' }, { author, message: Buffer.from('feat: parser\n') });
    shown(sha);
    expectRefusedBySha(work, sha, `parser-${name}`);
  }
  expect(branches(remote)).toBe('refs/heads/main');
  const mine = rawCommit(work, base, { 'src/own.ts': 'export const own = 1;\n' }, { author: own, message: Buffer.from('feat: own\n') });
  expect(checked(work, `refs/remotes/origin/main..${mine}`).code).toBe(0);
  expect(tryGit(work.dir, ['push', '--no-verify', 'origin', `${mine}:refs/heads/own`]).code).toBe(0);
}

describe('the author header under an encoding git re-encodes it by', () => {
  it('Qwen Code’s own author under `encoding IBM037` (or IBM1047: git log shows no author, the object names Qwen Code) is refused by check and pre-receive; a person’s author so stored passes', () => {
    const { remote, work, base } = policyServer(DENY_QWEN);
    for (const encoding of ['IBM037', 'IBM1047']) {
      const sha = rawCommit(work, base, { 'src/parser.ts': 'export const parser = 1;\n' }, { author: QWEN_AUTHOR, headers: [`encoding ${encoding}`], message: Buffer.from('feat: parser\n') });
      expect(work.git(['log', '-1', '--encoding=UTF-8', '--format=%ae', sha])).not.toContain('qwen');
      expect(work.git(['cat-file', 'commit', sha])).toContain(QWEN_AUTHOR);
      expectRefusedBySha(work, sha, `parser-${encoding.toLowerCase()}`);
    }
    expect(branches(remote)).toBe('refs/heads/main');
    // A person's commit so stored stays a person's.
    const own = rawCommit(work, base, { 'src/own.ts': 'export const own = 1;\n' }, { headers: ['encoding IBM037'], message: Buffer.from('feat: own\n') });
    expect(checked(work, `refs/remotes/origin/main..${own}`).code).toBe(0);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', `${own}:refs/heads/own`]).code).toBe(0);
  });
});

describe('a NUL byte in the author header', () => {
  it('Qwen Code’s own author with a NUL byte in its name (git log and git show print no author at all, the object names Qwen Code) is refused by check and pre-receive; a person’s so stored passes', () => {
    const { remote, work, base } = policyServer(DENY_QWEN);
    const authors = { after: 'Qwen-Coder\0 <qwen-coder@alibabacloud.com>', before: '\0Qwen-Coder <qwen-coder@alibabacloud.com>' };
    expectAuthorsRefused(remote, work, base, authors, (sha) => expect(work.git(['log', '-1', '--format=%an%ae', sha])).toBe(''), 'Test\0 Human <human@example.com>');
  });
});

describe('an author line git cannot split', () => {
  it('Qwen Code’s own author without its `>` or its `<` (git log and git show print no author), or in doubled brackets, is refused by check and pre-receive; a person’s so written passes', () => {
    const { remote, work, base } = policyServer(DENY_QWEN);
    const shapes = {
      'no-close': 'Qwen-Coder <qwen-coder@alibabacloud.com',
      'no-open': 'Qwen-Coder qwen-coder@alibabacloud.com>',
      doubled: 'Qwen-Coder <<qwen-coder@alibabacloud.com>>',
    };
    expectAuthorsRefused(remote, work, base, shapes, (sha) => expect(work.git(['log', '-1', '--format=%ae', sha])).not.toBe('qwen-coder@alibabacloud.com'), 'Test Human <human@example.com');
  });
});

describe('a UTF-8 message under a single-byte encoding header', () => {
  it('`Assisted-by: 通义灵码` (Qwen’s coding assistant by its Chinese name) stored as UTF-8 under `encoding ISO-8859-1` (or KOI8-R; git shows mojibake, the object names it) is refused by check and pre-receive; a latin1 project’s own commit passes', () => {
    const { remote, work, base } = policyServer(DENY_QWEN);
    const plain = rawCommit(work, base, { 'src/plain.ts': 'export const plain = 1;\n' }, { message: Buffer.from('feat: parser\n\nAssisted-by: 通义灵码\n') });
    expect(checked(work, `refs/remotes/origin/main..${plain}`).code).toBe(1);
    for (const encoding of ['ISO-8859-1', 'KOI8-R']) {
      const sha = rawCommit(work, base, { 'src/parser.ts': 'export const parser = 1;\n' }, { headers: [`encoding ${encoding}`], message: Buffer.from('feat: parser\n\nAssisted-by: 通义灵码\n') });
      expect(work.git(['log', '-1', '--encoding=UTF-8', '--format=%B', sha])).not.toContain('通义灵码');
      expectRefusedBySha(work, sha, `parser-${encoding.toLowerCase()}`);
    }
    expect(branches(remote)).toBe('refs/heads/main');
    const latin1 = rawCommit(work, base, { 'src/cafe.ts': 'export const cafe = 1;\n' }, { headers: ['encoding ISO-8859-1'], message: Buffer.from('feat: caf\xe9 cr\xe8me\n', 'latin1') });
    expect(checked(work, `refs/remotes/origin/main..${latin1}`).code).toBe(0);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', `${latin1}:refs/heads/latin1`]).code).toBe(0);
  });
});

describe('path rules: lines of an older commit whose stored bytes name the model', () => {
  it('Qwen’s declared lib/aes.ts under `encoding IBM037` (or past a NUL byte) on main, moved into src/crypto by a person: refused by check and pre-receive, naming Qwen’s commit', () => {
    const { remote, work, base } = policyServer(QWEN_NOT_IN_CRYPTO);
    const stored = {
      encoding: { headers: ['encoding IBM037'], message: Buffer.from(`feat: aes helper\n\n${QWEN_DECLARED}\n`) },
      nul: { headers: [], message: Buffer.concat([Buffer.from('feat: aes helper\n'), Buffer.from([0]), Buffer.from(`\n${QWEN_DECLARED}\n`)]) },
    };
    for (const [name, shape] of Object.entries(stored)) {
      // Qwen's commit on main: allowed (lib is not protected), its model read from the stored bytes.
      const qwen = rawCommit(work, base, { [`lib/${name}.ts`]: AES }, shape);
      expect(work.git(['log', '-1', '--encoding=UTF-8', '--format=%B', qwen])).not.toContain('qwen');
      expect(tryGit(work.dir, ['push', '--no-verify', 'origin', `${qwen}:refs/heads/main`, '--force']).code).toBe(0);
      work.git(['fetch', '-q', 'origin']);
      work.git(['checkout', '-q', '-B', `move-${name}`, qwen]);
      mkdirSync(join(work.dir, 'src/crypto'), { recursive: true });
      work.git(['mv', `lib/${name}.ts`, `src/crypto/${name}.ts`]);
      work.git(['commit', '-q', '--no-verify', '-m', 'refactor: aes belongs in crypto']);
      const check = checked(work, `refs/remotes/origin/main..move-${name}`);
      expect(check.code, `${name}: ${check.out}`).toBe(1);
      expect(check.violations.some((violation) => violation.sha === qwen && violation.rule === 'path-model-denied'), check.out).toBe(true);
      const push = tryGit(work.dir, ['push', '--no-verify', 'origin', `move-${name}`]);
      expect(push.code, `${name}: ${push.stderr}`).not.toBe(0);
      expect(push.stderr).toContain(qwen.slice(0, 12));
      expect(branches(remote)).not.toContain(`move-${name}`);
      work.git(['checkout', '-q', '--detach', base]);
      expect(tryGit(work.dir, ['push', '--no-verify', '--force', 'origin', `${base}:refs/heads/main`]).code).toBe(0);
    }
  });
});

describe('path rules: a note pushed after the lines it speaks of moved', () => {
  it('a silent commit’s lib/aes.ts moved into src/crypto, pushed without notes, then a note saying Qwen wrote those lines: the notes push is refused, naming the commit; a note giving them to an allowed model, or lines that stayed in lib, pass', () => {
    const { remote, work, base } = policyServer(QWEN_NOT_IN_CRYPTO);
    work.git(['checkout', '-q', '-b', 'feature', base]);
    work.write('lib/aes.ts', AES);
    work.write('lib/util.ts', 'export const util = "the helper a person keeps in lib";\n');
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'feat: aes helper']);
    const written = work.git(['rev-parse', 'HEAD']);
    mkdirSync(join(work.dir, 'src/crypto'), { recursive: true });
    work.git(['mv', 'lib/aes.ts', 'src/crypto/aes.ts']);
    work.git(['commit', '-q', '--no-verify', '-m', 'refactor: aes belongs in crypto']);
    work.write('README.md', 'more\n');
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'docs: readme']);
    // The branch first, without notes (a post-push hook, a notes push by hand): a person's lines then.
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'feature']).code).toBe(0);
    // A note giving the moved lines to an allowed model, and only lines that stayed in lib to Qwen, passes.
    addNote(work, written, gitAiNote({ 'lib/aes.ts': [session(NOTE_KEYS.claude, '1-4')], 'lib/util.ts': [session(NOTE_KEYS.qwen, '1')] }));
    const allowed = tryGit(work.dir, ['push', '--no-verify', 'origin', 'refs/notes/ai:refs/notes/ai']);
    expect(allowed.code, allowed.stderr).toBe(0);
    const kept = remote.git(['rev-parse', 'refs/notes/ai']);
    // Qwen's note for lines now in src/crypto (another commit's: an attested note is not rewritten) is refused.
    work.git(['checkout', '-q', '-b', 'second', base]);
    work.write('lib/mac.ts', AES.replace(/aes/g, 'mac'));
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'feat: mac helper']);
    const qwen = work.git(['rev-parse', 'HEAD']);
    mkdirSync(join(work.dir, 'src/crypto'), { recursive: true });
    work.git(['mv', 'lib/mac.ts', 'src/crypto/mac.ts']);
    work.git(['commit', '-q', '--no-verify', '-m', 'refactor: mac belongs in crypto']);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'second']).code).toBe(0);
    addNote(work, qwen, gitAiNote({ 'lib/mac.ts': [session(NOTE_KEYS.qwen, '1-4')] }));
    const notes = tryGit(work.dir, ['push', '--no-verify', 'origin', 'refs/notes/ai:refs/notes/ai']);
    expect(notes.code, notes.stderr).not.toBe(0);
    expect(notes.stderr).toContain(qwen.slice(0, 12));
    expect(remote.git(['rev-parse', 'refs/notes/ai'])).toBe(kept);
  });
});
