import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, tryGit, type JudgedViolation } from '../helpers/enforce-repos.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';

// Session 20 (red team, not message spellings): ways around path rules, the policy's source and
// the line-level notes, each against a real server running pre-receive and `aitrail check`.

/** Qwen may write anywhere but in src/crypto. */
const QWEN_NOT_IN_CRYPTO = 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      deny: ["qwen/*"]\n';
const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const AES = 'export function aes(block: Uint8Array, key: Uint8Array): Uint8Array {\n  const rounds = expandTheKeyScheduleForTheseRounds(key, 14);\n  return encryptTheBlockWithTheRoundKeys(block, rounds);\n}\n';

/** `git mv`, creating the destination directory (a checkout removes emptied directories). */
function move(work: TestRepo, from: string, to: string, message: string): void {
  mkdirSync(dirname(join(work.dir, to)), { recursive: true });
  work.git(['mv', from, to]);
  work.git(['commit', '-q', '-m', message]);
}

/** Qwen's lib/aes.ts on the server's main (allowed there: lib is not protected); its sha. */
function qwenLibOnMain(work: TestRepo): string {
  expect(commitWith(work, `feat: aes helper\n\n${QWEN_DECLARED}\n`, { 'lib/aes.ts': AES }, { noVerify: true }).code).toBe(0);
  const qwen = work.git(['rev-parse', 'HEAD']);
  expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'main']).code).toBe(0);
  return qwen;
}

function checked(work: TestRepo, range: string): { code: number; violations: JudgedViolation[]; out: string } {
  const run = aitrail(work.dir, ['check', range, '--policy-from', 'refs/remotes/origin/main', '--format', 'json'], { timeout: 60_000 });
  const out = `${run.stdout}${run.stderr}`;
  return { code: run.code, violations: run.stdout.trim() === '' ? [] : (JSON.parse(run.stdout) as { violations: JudgedViolation[] }).violations, out };
}

/**
 * `branch` (from `base`) refused by check, with a violation naming `sha` (under `rule` when given),
 * and by the server's pre-receive; the refused push's output.
 */
function refusedNaming(work: TestRepo, base: string, branch: string, sha: string, rule?: string): { stderr: string } {
  const check = checked(work, `${base}..${branch}`);
  expect(check.code, check.out).toBe(1);
  expect(check.violations.some((violation) => violation.sha === sha && (rule === undefined || violation.rule === rule)), check.out).toBe(true);
  const pushed = tryGit(work.dir, ['push', '--no-verify', 'origin', branch]);
  expect(pushed.code, pushed.stderr).not.toBe(0);
  return pushed;
}

describe('path rules: lines a revert brings back', () => {
  it('a person deletes Qwen’s file, reverts the deletion (or reverts a revert of Qwen’s commit) and moves it into src/crypto: refused by check and pre-receive, naming Qwen’s commit', () => {
    const { remote, work } = policyServer(QWEN_NOT_IN_CRYPTO);
    const qwen = qwenLibOnMain(work);

    // The deletion and its revert, then the move, in one push.
    work.git(['checkout', '-q', '-b', 'revert-deletion', 'main']);
    work.git(['rm', '-q', 'lib/aes.ts']);
    work.git(['commit', '-q', '-m', 'chore: drop the unused aes helper']);
    work.git(['revert', '--no-edit', 'HEAD']);
    move(work, 'lib/aes.ts', 'src/crypto/aes.ts', 'refactor: aes belongs in crypto');
    expect(refusedNaming(work, 'refs/remotes/origin/main', 'revert-deletion', qwen, 'path-model-denied').stderr).toContain(qwen.slice(0, 12));

    // git revert of Qwen's commit, then a revert of that revert ("Reapply"), then the move.
    work.git(['checkout', '-q', '-b', 'reapply', 'main']);
    work.git(['revert', '--no-edit', qwen]);
    work.git(['revert', '--no-edit', 'HEAD']);
    move(work, 'lib/aes.ts', 'src/crypto/aes.ts', 'refactor: aes belongs in crypto');
    refusedNaming(work, 'refs/remotes/origin/main', 'reapply', qwen, 'path-model-denied');

    // The revert and the move in one commit (git's own revert message kept): the lines land in place.
    work.git(['checkout', '-q', '-b', 'revert-in-place', 'main']);
    work.git(['rm', '-q', 'lib/aes.ts']);
    work.git(['commit', '-q', '-m', 'chore: drop the unused aes helper']);
    work.git(['revert', '--no-commit', 'HEAD']);
    mkdirSync(join(work.dir, 'src/crypto'), { recursive: true });
    work.git(['mv', 'lib/aes.ts', 'src/crypto/aes.ts']);
    work.git(['commit', '-q', '--no-edit']);
    expect(work.git(['log', '-1', '--format=%B'])).toContain('This reverts commit');
    refusedNaming(work, 'refs/remotes/origin/main', 'revert-in-place', qwen, 'path-model-denied');

    // The same split over two pushes: the deletion and its revert first (lib: allowed), the move alone next.
    work.git(['checkout', '-q', '-b', 'two-pushes', 'main']);
    work.git(['rm', '-q', 'lib/aes.ts']);
    work.git(['commit', '-q', '-m', 'chore: drop the unused aes helper']);
    work.git(['revert', '--no-edit', 'HEAD']);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'two-pushes']).code).toBe(0);
    move(work, 'lib/aes.ts', 'src/crypto/aes.ts', 'refactor: aes belongs in crypto');
    refusedNaming(work, 'refs/remotes/origin/two-pushes', 'two-pushes', qwen);
    expect(remote.git(['rev-parse', 'refs/heads/two-pushes'])).not.toBe(work.git(['rev-parse', 'two-pushes']));
  });

  it('a person’s cherry-pick -x of a commit whose git-ai note gives its lines to Qwen (git copies no note), moved into src/crypto: refused, naming the noted commit', () => {
    const { work } = policyServer(QWEN_NOT_IN_CRYPTO);
    work.git(['checkout', '-q', '-b', 'agent', 'main']);
    expect(commitWith(work, 'feat: aes helper\n', { 'lib/aes.ts': AES }, { noVerify: true }).code).toBe(0);
    const noted = work.git(['rev-parse', 'HEAD']);
    addNote(work, noted, gitAiNote({ 'lib/aes.ts': [session(NOTE_KEYS.qwen, '1-4')] }));
    // The agent's branch and its notes on the server: allowed (lib is not protected).
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'agent', 'refs/notes/ai:refs/notes/ai']).code).toBe(0);
    work.git(['checkout', '-q', '-b', 'backport', 'main']);
    work.git(['cherry-pick', '-x', noted]);
    move(work, 'lib/aes.ts', 'src/crypto/aes.ts', 'refactor: aes belongs in crypto');
    const check = checked(work, 'refs/remotes/origin/main..backport');
    expect(check.code, check.out).toBe(1);
    expect(check.violations.some((violation) => violation.sha === noted && violation.model === 'qwen/qwen3-coder'), check.out).toBe(true);
    const pushed = tryGit(work.dir, ['push', '--no-verify', 'origin', 'backport']);
    expect(pushed.code, pushed.stderr).not.toBe(0);
  });

  it('control: a person’s own file deleted, restored by a revert and moved into src/crypto passes; so does a revert that restores nothing of Qwen’s', () => {
    const { work } = policyServer(QWEN_NOT_IN_CRYPTO);
    qwenLibOnMain(work);
    work.git(['checkout', '-q', '-b', 'own-file', 'main']);
    expect(commitWith(work, 'feat: key helper\n', { 'lib/key.ts': 'export const keyLength = 32;\nexport const blockLength = 16;\n' }).code).toBe(0);
    work.git(['rm', '-q', 'lib/key.ts']);
    work.git(['commit', '-q', '-m', 'chore: drop the key helper']);
    work.git(['revert', '--no-edit', 'HEAD']);
    move(work, 'lib/key.ts', 'src/crypto/key.ts', 'refactor: key helper belongs in crypto');
    const check = checked(work, 'refs/remotes/origin/main..own-file');
    expect(check.code, check.out).toBe(0);
    const pushed = tryGit(work.dir, ['push', '--no-verify', 'origin', 'own-file']);
    expect(pushed.code, pushed.stderr).toBe(0);
  });
});

describe('check --config: a policy file the pull request can reach through a submodule', () => {
  it('CI naming a policy kept in a submodule (--config security/policy.yml): a pull request that bumps the submodule to a loosened policy and adds a Qwen commit is refused (exit 2); the submodule left alone judges', () => {
    const policies = makeRepo();
    policies.commit('policy\n', { 'policy.yml': 'policy:\n  deny: ["qwen/*"]\n' });
    const remote = makeRepo({ bare: true });
    const work = makeRepo();
    work.git(['remote', 'add', 'origin', remote.dir]);
    work.commit('start\n', { 'README.md': 'hello\n' });
    work.git(['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', `file://${policies.dir}`, 'security']);
    work.git(['commit', '-q', '-m', 'ci: the organisation policy as a submodule']);
    work.git(['push', '-q', 'origin', 'main']);
    work.git(['fetch', '-q', 'origin']);

    // The pull request: the submodule moved to a commit whose policy allows Qwen, and Qwen's commit.
    const loose = policies.commit('loosen\n', { 'policy.yml': 'policy:\n  deny: []\n' });
    work.git(['checkout', '-q', '-b', 'pr', 'main']);
    work.git(['-C', 'security', '-c', 'protocol.file.allow=always', 'fetch', '-q', 'origin']);
    work.git(['-C', 'security', 'checkout', '-q', loose]);
    // …with `ignore = all` for it in .gitmodules, which hides a submodule's moves from git log and diff (row 131).
    work.git(['config', '-f', '.gitmodules', 'submodule.security.ignore', 'all']);
    work.git(['add', 'security', '.gitmodules']);
    work.git(['commit', '-q', '-m', 'chore: bump the policies']);
    expect(commitWith(work, `feat: parser\n\n${QWEN_DECLARED}\n`, { 'src/parser.ts': 'export const parse = 1;\n' }, { noVerify: true }).code).toBe(0);

    const run = aitrail(work.dir, ['check', 'refs/remotes/origin/main..pr', '--config', 'security/policy.yml']);
    expect(run.code, `${run.stdout}${run.stderr}`).toBe(2);
    expect(run.stderr).toContain('security/policy.yml');

    // Control: a pull request that leaves the submodule alone is judged by it (and fails on Qwen).
    work.git(['checkout', '-q', '-b', 'pr2', 'main']);
    work.git(['-c', 'protocol.file.allow=always', 'submodule', 'update', '-q']);
    expect(commitWith(work, `feat: parser\n\n${QWEN_DECLARED}\n`, { 'src/parser.ts': 'export const parse = 1;\n' }, { noVerify: true }).code).toBe(0);
    const judged = aitrail(work.dir, ['check', 'refs/remotes/origin/main..pr2', '--config', 'security/policy.yml']);
    expect(judged.code, `${judged.stdout}${judged.stderr}`).toBe(1);
  });
});

describe('path rules a glob can never hold to', () => {
  it('files written with Windows separators (src\\crypto\\**), a dot or dot-dot segment, or an empty one protect no git path: exit 2 naming the glob, never a silent pass', () => {
    for (const glob of ['src\\crypto\\**', 'src/./crypto/**', 'src/crypto/../crypto/**', 'src//crypto/**']) {
      const repo = makeRepo();
      repo.commit('chore: policy\n', { '.aitrailrc.json': JSON.stringify({ policy: { paths: [{ files: [glob], deny: ['qwen/*'] }] } }) });
      expect(commitWith(repo, `feat: aes\n\n${QWEN_DECLARED}\n`, { 'src/crypto/aes.ts': AES }, { noVerify: true }).code).toBe(0);
      const run = aitrail(repo.dir, ['check', 'main~1..main']);
      expect(run.code, `${glob}: ${run.stdout}${run.stderr}`).toBe(2);
      expect(run.stderr, glob).toContain('policy.paths[0].files[0]');
    }
    // What people write that does protect src/crypto stays accepted and refuses Qwen there.
    for (const glob of ['src/crypto/**', './src/crypto/**', '/src/crypto/', 'src/crypto', '**/crypto/*.ts', 'src/crypto/[*]weird']) {
      const repo = makeRepo();
      repo.commit('chore: policy\n', { '.aitrailrc.json': JSON.stringify({ policy: { paths: [{ files: [glob, 'src/crypto/**'], deny: ['qwen/*'] }] } }) });
      expect(commitWith(repo, `feat: aes\n\n${QWEN_DECLARED}\n`, { 'src/crypto/aes.ts': AES }, { noVerify: true }).code).toBe(0);
      const run = aitrail(repo.dir, ['check', 'main~1..main']);
      expect(run.code, `${glob}: ${run.stdout}${run.stderr}`).toBe(1);
    }
    // A backslash escaping a bracket is an escape, and protects the folder it names (Next.js' app/[locale]).
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.json': JSON.stringify({ policy: { paths: [{ files: ['app/\\[locale\\]/**'], deny: ['qwen/*'] }] } }) });
    expect(commitWith(repo, `feat: page\n\n${QWEN_DECLARED}\n`, { 'app/[locale]/page.tsx': AES }, { noVerify: true }).code).toBe(0);
    const run = aitrail(repo.dir, ['check', 'main~1..main']);
    expect(run.code, `${run.stdout}${run.stderr}`).toBe(1);
    expect(run.stdout).toContain('app/[locale]/page.tsx');
  });
});

describe('the line-level notes on the server are added to, never taken away', () => {
  /** Qwen's lib/aes.ts in a commit whose message is silent and whose git-ai note gives its lines to Qwen, pushed with its note; its sha. */
  function notedQwenOnServer(work: TestRepo): string {
    work.git(['checkout', '-q', '-b', 'agent', 'main']);
    expect(commitWith(work, 'feat: aes helper\n', { 'lib/aes.ts': AES }, { noVerify: true }).code).toBe(0);
    const noted = work.git(['rev-parse', 'HEAD']);
    addNote(work, noted, gitAiNote({ 'lib/aes.ts': [session(NOTE_KEYS.qwen, '1-4')] }));
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'agent', 'refs/notes/ai:refs/notes/ai']).code).toBe(0);
    return noted;
  }

  it('deleting refs/notes/ai, or pushing notes that drop or rewrite a note of a commit the server holds, is refused, so the noted Qwen lines cannot then move into src/crypto as a person’s', () => {
    const { remote, work } = policyServer(QWEN_NOT_IN_CRYPTO);
    const noted = notedQwenOnServer(work);
    const serverNotes = remote.git(['rev-parse', 'refs/notes/ai']);

    const deleted = tryGit(work.dir, ['push', '--no-verify', 'origin', ':refs/notes/ai']);
    expect(deleted.code, deleted.stderr).not.toBe(0);
    expect(deleted.stderr).toContain('refs/notes/ai');

    // Notes that no longer hold the commit's note (a notes history of its own, force-pushed).
    const orphan = work.git(['commit-tree', work.git(['mktree'], { input: '' }), '-m', 'Notes added by git notes add'], { input: '' });
    const dropped = tryGit(work.dir, ['push', '--no-verify', '--force', 'origin', `${orphan}:refs/notes/ai`]);
    expect(dropped.code, dropped.stderr).not.toBe(0);
    expect(dropped.stderr).toContain(noted.slice(0, 12));

    // The note rewritten to say a person (or Claude) wrote the lines.
    addNote(work, noted, gitAiNote({ 'lib/aes.ts': [`${NOTE_KEYS.human} 1-4`] }));
    const rewritten = tryGit(work.dir, ['push', '--no-verify', 'origin', 'refs/notes/ai:refs/notes/ai']);
    expect(rewritten.code, rewritten.stderr).not.toBe(0);
    addNote(work, noted, gitAiNote({ 'lib/aes.ts': [session(NOTE_KEYS.claude, '1-4')] }));
    expect(tryGit(work.dir, ['push', '--no-verify', '--force', 'origin', 'refs/notes/ai:refs/notes/ai']).code).not.toBe(0);
    expect(remote.git(['rev-parse', 'refs/notes/ai'])).toBe(serverNotes);

    // The notes kept, the move of the noted lines into src/crypto is refused.
    work.git(['checkout', '-q', '-b', 'move', 'agent']);
    move(work, 'lib/aes.ts', 'src/crypto/aes.ts', 'refactor: aes belongs in crypto');
    const moved = tryGit(work.dir, ['push', '--no-verify', 'origin', 'move']);
    expect(moved.code, moved.stderr).not.toBe(0);
    expect(moved.stderr).toContain(noted.slice(0, 12));
  });

  it('control: notes added for other commits (a fast-forward of the notes), an empty note replaced, and what the admin allows (aitrail.allowNotesRewrite) pass', () => {
    const { remote, work } = policyServer(QWEN_NOT_IN_CRYPTO);
    const noted = notedQwenOnServer(work);
    expect(commitWith(work, 'feat: more\n', { 'lib/more.ts': 'export const more = 1;\n' }, { noVerify: true }).code).toBe(0);
    const other = work.git(['rev-parse', 'HEAD']);
    addNote(work, other, gitAiNote({}));
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'agent', 'refs/notes/ai:refs/notes/ai']).code).toBe(0);
    addNote(work, other, gitAiNote({ 'lib/more.ts': [session(NOTE_KEYS.claude, '1')] }));
    const replaced = tryGit(work.dir, ['push', '--no-verify', 'origin', 'refs/notes/ai:refs/notes/ai']);
    expect(replaced.code, replaced.stderr).toBe(0);
    remote.git(['config', 'aitrail.allowNotesRewrite', 'true']);
    addNote(work, noted, gitAiNote({ 'lib/aes.ts': [`${NOTE_KEYS.human} 1-4`] }));
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'refs/notes/ai:refs/notes/ai']).code).toBe(0);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', ':refs/notes/ai']).code).toBe(0);
  });
});
