import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, installHooks, policyServer, tryGit, type JudgedViolation } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { laterThanNow, type TestRepo } from '../helpers/gitdir.js';

// Session 44 (k): review of 687 (a git-ai note written for another commit is read commit-wide).

const QWEN_DENIED = 'policy:\n  deny: ["qwen/*"]\n';
const QWEN_NOT_IN_CRYPTO = 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      deny: ["qwen/*"]\n';
/** What `aitrail init` gives notes.rewriteRef (src/install/notes-rewrite-ref.ts). */
const REWRITE_GLOB = 'refs/notes/a[i]';
const lines = (name: string) => `${[1, 2, 3].map((n) => `export const ${name}${n} = "line ${n} of ${name}, long enough to be a real line";`).join('\n')}\n`;

function checked(work: TestRepo, range: string): { code: number; violations: JudgedViolation[]; out: string } {
  const run = aitrail(work.dir, ['check', range, '--policy-from', 'refs/remotes/origin/main', '--format', 'json'], { timeout: 60_000 });
  const out = `${run.stdout}${run.stderr}`;
  return { code: run.code, violations: run.stdout.trim() === '' ? [] : (JSON.parse(run.stdout) as { violations: JudgedViolation[] }).violations, out };
}

/**
 * On branch `name` from main: two silent commits, each with a git-ai note giving Qwen its file's
 * lines 1-3; the second then amended with the hooks skipped (git copies its note word for word: it
 * names the commit before the amend). Returns the two commits.
 */
function twoNotedCommits(work: TestRepo, name: string): [string, string] {
  work.git(['checkout', '-q', '-b', name, 'main']);
  expect(commitWith(work, `feat: ${name} one\n`, { [`lib/${name}-one.ts`]: lines('one') }, { noVerify: true }).code).toBe(0);
  addNote(work, 'HEAD', gitAiNote({ [`lib/${name}-one.ts`]: [session(NOTE_KEYS.qwen, '1-3')] }));
  const one = work.git(['rev-parse', 'HEAD']);
  expect(commitWith(work, `feat: ${name} two\n`, { [`lib/${name}-two.ts`]: lines('two') }, { noVerify: true }).code).toBe(0);
  addNote(work, 'HEAD', gitAiNote({ [`lib/${name}-two.ts`]: [session(NOTE_KEYS.qwen, '1-3')] }));
  const amend = tryGit(work.dir, ['-c', 'core.hooksPath=/dev/null', 'commit', '-q', '--amend', '-m', `feat: ${name} two, reworded\n`]);
  expect(amend.code, amend.stderr).toBe(0);
  return [one, work.git(['rev-parse', 'HEAD'])];
}

const QWEN_LINES = [1, 2, 3].map((n) => `export function aesRound${n}(block: Uint8Array): Uint8Array { return expandTheKeySchedule${n}(block); }`);
const HUMAN_LINES = [1, 2, 3].map((n) => `export const writtenByHand${n} = "a person typed this line, number ${n}";`);
const INSERTED_LINES = [1, 2, 3].map((n) => `export const insertedAtTheAmend${n} = "a person inserted this above, number ${n}";`);
const text = (...blocks: string[][]) => `${blocks.flat().join('\n')}\n`;

/**
 * On branch `name` from main: a silent commit whose lib/aes.ts holds Qwen's three lines over a
 * person's three, its git-ai note giving Qwen lines 1-3, amended with the hooks skipped and three
 * lines inserted above (git copies the note: it still says 1-3, Qwen's lines are now 4-6).
 */
function amendedUnhooked(work: TestRepo, name: string): string {
  work.git(['checkout', '-q', '-b', name, 'main']);
  expect(commitWith(work, 'feat: aes rounds\n', { 'lib/aes.ts': text(QWEN_LINES, HUMAN_LINES) }, { noVerify: true }).code).toBe(0);
  addNote(work, 'HEAD', gitAiNote({ 'lib/aes.ts': [session(NOTE_KEYS.qwen, '1-3')] }));
  work.write('lib/aes.ts', text(INSERTED_LINES, QWEN_LINES, HUMAN_LINES));
  work.git(['add', 'lib/aes.ts']);
  const amend = tryGit(work.dir, ['-c', 'core.hooksPath=/dev/null', 'commit', '-q', '--amend', '--no-edit']);
  expect(amend.code, amend.stderr).toBe(0);
  return work.git(['rev-parse', 'HEAD']);
}

/** A person's commit moving Qwen's lines of lib/aes.ts into src/crypto/aes.ts. */
function moveQwenIntoCrypto(work: TestRepo): void {
  mkdirSync(dirname(join(work.dir, 'src/crypto/aes.ts')), { recursive: true });
  work.write('src/crypto/aes.ts', text(QWEN_LINES));
  work.write('lib/aes.ts', text(INSERTED_LINES, HUMAN_LINES));
  work.git(['add', '-A']);
  work.git(['commit', '-q', '-m', 'refactor: the rounds belong in crypto']);
}

describe('687 reviewed (s44k)', () => {
  it('a hooked rebase fixup whose sources include a copied note keeps every model the notes name (git joins the notes: unreadable)', () => {
    const { work } = policyServer(QWEN_DENIED);
    work.git(['config', 'notes.rewriteRef', REWRITE_GLOB]);
    twoNotedCommits(work, 'squashed');
    installHooks(join(work.dir, '.git', 'hooks'), ['post-rewrite']);
    const rebase = tryGit(work.dir, ['rebase', '-q', '-i', 'main'], { env: { GIT_SEQUENCE_EDITOR: "sed -i -e '2s/^pick/fixup/'" } });
    expect(rebase.code, rebase.stderr).toBe(0);
    const squashed = work.git(['rev-parse', 'HEAD']);
    expect(work.git(['rev-list', '--count', 'main..HEAD'])).toBe('1');
    // One note, written for no commit (read commit-wide), attesting both files: the copied one's entry as written, the other's carried.
    const note = work.git(['notes', '--ref', 'ai', 'show', squashed]);
    expect(note).toMatch(/^lib\/squashed-two\.ts\n {2}s_5a5a5a5a5a5a5a::t_9f8e7d6c5b4a32 1-3\nlib\/squashed-one\.ts\n {2}s_5a5a5a5a5a5a5a::t_9f8e7d6c5b4a32 1-3\n---\n/);
    expect(note).toContain(`"base_commit_sha": "${'0'.repeat(40)}"`);
    const check = checked(work, 'refs/remotes/origin/main..squashed');
    expect(check.code, check.out).toBe(1);
    expect(check.violations.some((violation) => violation.sha === squashed && violation.model === 'qwen/qwen3-coder'), check.out).toBe(true);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'squashed', 'refs/notes/ai']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain(squashed.slice(0, 12));
    // blame: every line of the squashed commit under Qwen (commit-wide), none read line by line.
    const blame = aitrail(work.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    expect(JSON.parse(blame.stdout).totals).toMatchObject({ ai: 6, lineLevel: 0, byModel: { 'qwen/qwen3-coder': 6 } });
  });

  it('a squash of a branch whose note was copied (aitrail notes squash; a squash merge with the hooks) does not compose its line numbers into a note naming the squash commit', () => {
    const { work } = policyServer(QWEN_NOT_IN_CRYPTO);
    work.git(['config', 'notes.rewriteRef', REWRITE_GLOB]);
    amendedUnhooked(work, 'feature');
    // By hand: a squash commit on main, then its note composed from the branch's.
    work.git(['checkout', '-q', '-b', 'by-hand', 'main']);
    expect(tryGit(work.dir, ['merge', '-q', '--squash', 'feature']).code).toBe(0);
    work.git(['commit', '-q', '-m', 'feat: aes rounds (squashed)']);
    const byHand = work.git(['rev-parse', 'HEAD']);
    const squash = aitrail(work.dir, ['notes', 'squash', 'main..feature', '--onto', 'HEAD']);
    expect(squash.code, squash.stderr).toBe(0);
    // With the hooks: git merge --squash, then git commit.
    work.git(['checkout', '-q', '-b', 'hooked', 'main']);
    installHooks(join(work.dir, '.git', 'hooks'), ['prepare-commit-msg', 'post-commit']);
    expect(tryGit(work.dir, ['merge', '-q', '--squash', 'feature']).code).toBe(0);
    const made = tryGit(work.dir, ['commit', '-q', '-m', 'feat: aes rounds (squash merged)'], { env: { GIT_AUTHOR_DATE: laterThanNow(), GIT_COMMITTER_DATE: laterThanNow() } });
    expect(made.code, made.stderr).toBe(0);
    const hooked = work.git(['rev-parse', 'HEAD']);
    expect(hooked).not.toBe(byHand);
    for (const [branch, squashed] of [['by-hand', byHand], ['hooked', hooked]] as const) {
      const note = work.git(['notes', '--ref', 'ai', 'show', squashed]);
      expect(note, branch).toContain(NOTE_KEYS.qwen);
      expect(note, branch).not.toContain(squashed);
      work.git(['checkout', '-q', branch]);
      moveQwenIntoCrypto(work);
      const check = checked(work, `refs/remotes/origin/main..${branch}`);
      expect(check.code, `${branch}: ${check.out}`).toBe(1);
      expect(check.violations.some((violation) => violation.sha === squashed && violation.model === 'qwen/qwen3-coder'), check.out).toBe(true);
      const push = tryGit(work.dir, ['push', '--no-verify', 'origin', branch, 'refs/notes/ai']);
      expect(push.code, `${branch}: ${push.stderr}`).not.toBe(0);
      expect(push.stderr).toContain(squashed.slice(0, 12));
    }
  });
});
