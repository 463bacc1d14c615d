import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, installHooks, policyServer, tryGit, type JudgedViolation } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import type { TestRepo } from '../helpers/gitdir.js';

// Session 44 (s): a git-ai note git copied word for word onto an amended commit (notes.rewriteRef,
// which `aitrail init` sets, with the hooks skipped): its line numbers name other lines.

const QWEN_NOT_IN_CRYPTO = 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      deny: ["qwen/*"]\n';
const CLAUDE_DECLARED = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';
/** What `aitrail init` gives notes.rewriteRef (src/install/notes-rewrite-ref.ts). */
const REWRITE_GLOB = 'refs/notes/a[i]';

const QWEN_LINES = [
  'export function aesRoundOne(block: Uint8Array): Uint8Array { return expandTheKeyScheduleOne(block); }',
  'export function aesRoundTwo(block: Uint8Array): Uint8Array { return expandTheKeyScheduleTwo(block); }',
  'export function aesRoundThree(block: Uint8Array): Uint8Array { return expandTheKeyScheduleThree(block); }',
];
const HUMAN_LINES = [
  'export const writtenByHandNumberOne = "a person typed this line, number one";',
  'export const writtenByHandNumberTwo = "a person typed this line, number two";',
  'export const writtenByHandNumberThree = "a person typed this line, number three";',
];
const INSERTED_LINES = [
  'export const insertedAtTheAmendOne = "a person inserted this above, number one";',
  'export const insertedAtTheAmendTwo = "a person inserted this above, number two";',
  'export const insertedAtTheAmendThree = "a person inserted this above, number three";',
];
const text = (...blocks: string[][]) => `${blocks.flat().join('\n')}\n`;

/**
 * On branch `name` from main: a mixed commit (`message`) whose lib/aes.ts holds Qwen's three
 * lines over a person's three, its git-ai note giving Qwen lines 1-3; then the commit amended
 * with three lines inserted above (`hooks`: with the post-rewrite hook, else with the hooks
 * skipped, git copying the note as it was); its sha.
 */
function amendedMixedCommit(work: TestRepo, name: string, message: string, hooks: boolean): string {
  work.git(['checkout', '-q', '-b', name, 'main']);
  expect(commitWith(work, message, { 'lib/aes.ts': text(QWEN_LINES, HUMAN_LINES) }, { noVerify: true }).code).toBe(0);
  addNote(work, 'HEAD', gitAiNote({ 'lib/aes.ts': [session(NOTE_KEYS.qwen, '1-3')] }));
  work.write('lib/aes.ts', text(INSERTED_LINES, QWEN_LINES, HUMAN_LINES));
  work.git(['add', 'lib/aes.ts']);
  const amend = tryGit(work.dir, [...(hooks ? [] : ['-c', 'core.hooksPath=/dev/null']), 'commit', '-q', '--amend', '--no-edit']);
  expect(amend.code, amend.stderr).toBe(0);
  return work.git(['rev-parse', 'HEAD']);
}

/** A person's commit moving `lines` of lib/aes.ts into src/crypto/aes.ts (the rest stays). */
function moveIntoCrypto(work: TestRepo, lines: string[]): void {
  const kept = text(INSERTED_LINES, QWEN_LINES, HUMAN_LINES).split('\n').filter((line) => line !== '' && !lines.includes(line));
  mkdirSync(dirname(join(work.dir, 'src/crypto/aes.ts')), { recursive: true });
  work.write('src/crypto/aes.ts', text(lines));
  work.write('lib/aes.ts', text(kept));
  work.git(['add', '-A']);
  work.git(['commit', '-q', '-m', 'refactor: the rounds belong in crypto']);
}

function checked(work: TestRepo, range: string): { code: number; violations: JudgedViolation[]; out: string } {
  const run = aitrail(work.dir, ['check', range, '--policy-from', 'refs/remotes/origin/main', '--format', 'json'], { timeout: 60_000 });
  const out = `${run.stdout}${run.stderr}`;
  return { code: run.code, violations: run.stdout.trim() === '' ? [] : (JSON.parse(run.stdout) as { violations: JudgedViolation[] }).violations, out };
}

describe('a git-ai note copied word for word onto an amended commit (687)', () => {
  it('Qwen’s noted lines, moved into src/crypto after an unhooked amend shifted them, are refused by check and pre-receive (a mixed commit and a silent one)', () => {
    const { work } = policyServer(QWEN_NOT_IN_CRYPTO);
    work.git(['config', 'notes.rewriteRef', REWRITE_GLOB]);
    for (const [name, message] of [
      ['mixed', `feat: aes rounds\n\n${CLAUDE_DECLARED}\n`],
      ['silent', 'feat: aes rounds\n'],
    ] as const) {
      const amended = amendedMixedCommit(work, name, message, false);
      // git copied the note as it was: base_commit_sha names the commit before the amend, lines 1-3 are now the person's.
      const copied = work.git(['notes', '--ref', 'ai', 'show', amended]);
      expect(copied).toContain(`${NOTE_KEYS.qwen}::t_9f8e7d6c5b4a32 1-3`);
      expect(copied).not.toContain(amended);
      moveIntoCrypto(work, QWEN_LINES);
      const check = checked(work, `refs/remotes/origin/main..${name}`);
      expect(check.code, `${name}: ${check.out}`).toBe(1);
      expect(check.violations.some((violation) => violation.sha === amended && violation.rule === 'path-model-denied' && violation.model === 'qwen/qwen3-coder'), check.out).toBe(true);
      expect(check.out).toContain(`the git-ai note of commit ${amended.slice(0, 12)} was written for another commit`);
      const push = tryGit(work.dir, ['push', '--no-verify', 'origin', name, 'refs/notes/ai']);
      expect(push.code, `${name}: ${push.stderr}`).not.toBe(0);
      expect(push.stderr).toContain(amended.slice(0, 12));
      work.git(['checkout', '-q', 'main']);
      work.git(['update-ref', '-d', 'refs/notes/ai']);
    }
  });

  it('a note aitrail’s post-rewrite remapped stays read line by line: the person’s inserted lines move into src/crypto, Qwen’s are refused', () => {
    const { work } = policyServer(QWEN_NOT_IN_CRYPTO);
    work.git(['config', 'notes.rewriteRef', REWRITE_GLOB]);
    installHooks(join(work.dir, '.git', 'hooks'), ['post-rewrite']);
    const amended = amendedMixedCommit(work, 'hooked', `feat: aes rounds\n\n${CLAUDE_DECLARED}\n`, true);
    const remapped = work.git(['notes', '--ref', 'ai', 'show', amended]);
    expect(remapped).toContain(`${NOTE_KEYS.qwen}::t_9f8e7d6c5b4a32 4-6`);
    expect(remapped).toContain(`"base_commit_sha": "${amended}"`);
    work.git(['branch', 'hooked-qwen']);
    moveIntoCrypto(work, INSERTED_LINES);
    const check = checked(work, 'refs/remotes/origin/main..hooked');
    expect(check.code, check.out).toBe(0);
    expect(check.out).not.toContain('was written for another commit');
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'hooked', 'refs/notes/ai']);
    expect(push.code, push.stderr).toBe(0);
    // The same note, Qwen's lines moved: refused (the note is still read, and its lines are Qwen's).
    work.git(['checkout', '-q', 'hooked-qwen']);
    moveIntoCrypto(work, QWEN_LINES);
    const refused = checked(work, 'refs/remotes/origin/main..hooked-qwen');
    expect(refused.code, refused.out).toBe(1);
    expect(refused.violations.some((violation) => violation.sha === amended && violation.model === 'qwen/qwen3-coder'), refused.out).toBe(true);
  });

  it('a later amend or pick with aitrail’s hooks does not carry the copied note’s line numbers into a note naming the new commit: still refused', () => {
    const { work } = policyServer(QWEN_NOT_IN_CRYPTO);
    work.git(['config', 'notes.rewriteRef', REWRITE_GLOB]);
    const unhooked = amendedMixedCommit(work, 'launder', `feat: aes rounds\n\n${CLAUDE_DECLARED}\n`, false);
    installHooks(join(work.dir, '.git', 'hooks'), ['post-rewrite', 'post-commit']);
    const hooked = tryGit(work.dir, ['commit', '-q', '--amend', '-m', `feat: aes rounds, reworded\n\n${CLAUDE_DECLARED}\n`]);
    expect(hooked.code, hooked.stderr).toBe(0);
    expect(hooked.stderr).toContain(`the git-ai note of ${unhooked.slice(0, 12)} was written for another commit`);
    const reworded = work.git(['rev-parse', 'HEAD']);
    // The copy git made stays as it was: its base still names the commit before the first amend.
    expect(work.git(['notes', '--ref', 'ai', 'show', reworded])).not.toContain(reworded);
    // A pick (git copies no note: the hook carries the picked commit's) keeps it as it was too.
    work.git(['checkout', '-q', '-b', 'picked', 'main']);
    expect(tryGit(work.dir, ['cherry-pick', reworded]).code).toBe(0);
    const picked = work.git(['rev-parse', 'HEAD']);
    expect(work.git(['notes', '--ref', 'ai', 'show', picked])).toContain(`${NOTE_KEYS.qwen}::t_9f8e7d6c5b4a32 1-3`);
    for (const [branch, sha] of [['launder', reworded], ['picked', picked]] as const) {
      work.git(['checkout', '-q', branch]);
      moveIntoCrypto(work, QWEN_LINES);
      const check = checked(work, `refs/remotes/origin/main..${branch}`);
      expect(check.code, `${branch}: ${check.out}`).toBe(1);
      expect(check.violations.some((violation) => violation.sha === sha && violation.model === 'qwen/qwen3-coder'), check.out).toBe(true);
    }
  });

  it('blame counts every line of the amended commit under its models (never the inserted lines as Qwen’s and Qwen’s as a person’s); a note naming the first parent (git-ai before 1.0) is read line by line', () => {
    const { work } = policyServer(QWEN_NOT_IN_CRYPTO);
    work.git(['config', 'notes.rewriteRef', REWRITE_GLOB]);
    const amended = amendedMixedCommit(work, 'report', `feat: aes rounds\n\n${CLAUDE_DECLARED}\n`, false);
    const file = (json: string) => (JSON.parse(json) as { files: Array<{ path: string; ai: number; human: number; lineLevel: number; byModel: Record<string, number> }> }).files.find((entry) => entry.path === 'lib/aes.ts')!;
    const stale = aitrail(work.dir, ['blame', '--format', 'json', '--no-cache', 'lib/aes.ts']);
    expect(stale.code, stale.stderr).toBe(0);
    expect(file(stale.stdout)).toMatchObject({ ai: 9, human: 0, lineLevel: 0, byModel: { 'qwen/qwen3-coder': 9, 'anthropic/claude-opus-4.6': 9 } });
    expect(stale.stderr).toContain(`the git-ai note of commit ${amended.slice(0, 12)} was written for another commit`);
    // Written for the parent, as git-ai wrote base_commit_sha before it kept the commit's own id: line by line.
    const parent = work.git(['rev-parse', `${amended}^`]);
    const note = gitAiNote({ 'lib/aes.ts': [session(NOTE_KEYS.qwen, '4-6')] }).replace(`"base_commit_sha": "${'0'.repeat(40)}"`, `"base_commit_sha": "${parent}"`);
    work.git(['notes', '--ref', 'ai', 'add', '-f', '-F', '-', amended], { input: note });
    const old = aitrail(work.dir, ['blame', '--format', 'json', '--no-cache', 'lib/aes.ts']);
    expect(old.code, old.stderr).toBe(0);
    expect(file(old.stdout)).toMatchObject({ ai: 3, lineLevel: 9, byModel: { 'qwen/qwen3-coder': 3 } });
    expect(old.stderr).not.toContain('was written for another commit');
  });
});
