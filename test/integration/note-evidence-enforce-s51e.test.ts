import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, tempDir, TEST_GIT_ENV } from '../helpers/gitdir.js';
import { SCALED_ENV } from '../helpers/size-caps.js';

/*
 * Row 990: row 964 made `log` count a git-ai note's evidence from git's diff, but `check`, pre-push and
 * pre-receive still printed the note's own numbers: a note claiming lines 1-1000000 of src/crypto/k.ts (the
 * commit adds 3) and 1-100 of ghost.ts (nowhere) read `1000100 lines in 2 files` in the refusal. Now the
 * evidence counts the lines the commit adds that the note gives each author (as `log` and `blame` count them),
 * while the note's paths still feed the path rules as written.
 */

const POLICY = 'policy:\n  deny: ["qwen/*"]\n  undeclared: warn\n  paths:\n    - files: ["src/crypto/**"]\n      allow: ["anthropic/*"]\n';
const qwen = (ranges: string) => session(NOTE_KEYS.qwen, ranges);
const claude = (ranges: string) => session(NOTE_KEYS.claude, ranges);
const QWEN_COUNTED = 'note refs/notes/ai: git-ai tool "opencode", model "qwen3-coder", 3 lines in 1 file';
const CLAUDE_COUNTED = 'note refs/notes/ai: git-ai tool "claude", model "claude-opus-4-6", 2 lines in 1 file';

interface Violation { sha: string; rule: string; model: string; message: string; paths: string[] }

describe('check, pre-receive: a git-ai note\'s evidence counts what the commit adds (row 990)', () => {
  it('check: a note claiming a million lines and a file that is nowhere says the 3 lines the commit adds; the refusal stands', () => {
    const repo = makeRepo();
    repo.commit('policy', { '.aitrailrc.yml': POLICY, 'README.md': 'hi\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const sha = repo.commit('feat: keys', { 'src/crypto/k.ts': 'a\nb\nc\n', 'src/o.ts': 'x\ny\n' });
    addNote(repo, sha, gitAiNote({ 'src/crypto/k.ts': [qwen('1-1000000')], 'ghost.ts': [qwen('1-100')], 'src/o.ts': [claude('1-2')] }));
    const run = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
    expect(run.code, run.stderr).toBe(1);
    const violations = (JSON.parse(run.stdout) as { violations: Violation[] }).violations;
    expect(violations).toContainEqual(expect.objectContaining({ sha, rule: 'model-denied', model: 'qwen/qwen3-coder' }));
    const said = violations.filter((violation) => violation.rule === 'undeclared').map((violation) => violation.message);
    expect(said.join('\n')).not.toContain('1000100');
    expect(said).toEqual(expect.arrayContaining([expect.stringContaining(QWEN_COUNTED), expect.stringContaining(CLAUDE_COUNTED)]));
  });

  it('check: a note whose claims miss every added line still puts its author on the path it names (path rule)', () => {
    const repo = makeRepo();
    repo.commit('policy', { '.aitrailrc.yml': POLICY.replace('deny: ["qwen/*"]', 'deny: []'), 'src/crypto/k.ts': 'a\nb\nc\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const sha = repo.commit('feat: keys', { 'src/crypto/k.ts': 'a\nb\nc\nd\n' });
    // The commit adds line 4; the note claims 50-60 (past the end): no line counted, the path still judged.
    addNote(repo, sha, gitAiNote({ 'src/crypto/k.ts': [qwen('50-60')] }));
    const run = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
    expect(run.code, run.stderr).toBe(1);
    const violations = (JSON.parse(run.stdout) as { violations: Violation[] }).violations;
    expect(violations).toContainEqual(expect.objectContaining({ sha, rule: 'path-model-not-allowed', model: 'qwen/qwen3-coder' }));
    expect(violations.find((violation) => violation.rule === 'undeclared')?.message).toContain('model "qwen3-coder", no line in this commit');
  });

  it('pre-receive: the refusal of a pushed noted commit says the lines it adds, not the note\'s claim', () => {
    const { work, remote } = policyServer(POLICY);
    expect(commitWith(work, 'feat: keys\n', { 'src/crypto/k.ts': 'a\nb\nc\n', 'src/o.ts': 'x\ny\n' }, { noVerify: true }).code).toBe(0);
    const sha = work.git(['rev-parse', 'HEAD']);
    addNote(work, sha, gitAiNote({ 'src/crypto/k.ts': [qwen('1-1000000')], 'ghost.ts': [qwen('1-100')], 'src/o.ts': [claude('1-2')] }));
    const notesPush = tryGit(work.dir, ['push', '--no-verify', 'origin', 'refs/notes/ai']);
    expect(notesPush.code, notesPush.stderr).toBe(0);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:refs/heads/side']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('qwen/qwen3-coder');
    expect(push.stderr).not.toContain('1000100');
    expect(tryGit(remote.dir, ['rev-parse', '--verify', '-q', 'refs/heads/side']).code).not.toBe(0);
  });

  it('careless truth: a partial clone that cannot fetch the commit\'s files still judges it, the note\'s own count said', () => {
    const { clone, sha } = partialClone();
    const run = aitrail(clone, ['check', 'origin/main..origin/side', '--format', 'json']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stderr).toContain(`cannot diff commit ${sha} to count the lines its note in refs/notes/ai claims`);
  });

  // Row 992: row 964's counting made `log` exit 3 there (`git diff-tree failed: fatal: ... does not appear to be a git repository`).
  it('log in the same clone: the commit listed, its note\'s own count said with a warning, no failure (row 992)', () => {
    const { clone, sha } = partialClone();
    const log = aitrail(clone, ['log', '--format', 'json', 'origin/main..origin/side']);
    expect(log.code, log.stderr).toBe(0);
    const [entry] = JSON.parse(log.stdout) as Array<{ sha: string; attributions: Array<{ evidence: string[] }> }>;
    expect(entry!.sha).toBe(sha);
    expect(entry!.attributions.flatMap((attribution) => attribution.evidence)).toContain('note refs/notes/ai: git-ai tool "claude", model "claude-opus-4-6", 2 lines in 1 file as the note claims (not counted: git could not diff the commit)');
    expect(log.stderr).toContain(`cannot diff commit ${sha} to count the lines its note in refs/notes/ai claims`);
  });

  // Row 993: counting a note's lines diffs the commit; git's diff of a file of 20 MB of short lines (a pack of
  // kilobytes) holds gigabytes (200 MB: 4.3 GB, 7 s). Now a file over 16 MiB is diffed as binary, never loaded, and
  // the count given up, said; the diff's text is read up to 16 MiB.
  // Row 1099: replayed with the cap divided by 256 (AITRAIL_SIZE_CAPS_DIVISOR: 64 KiB, a file of 80 KiB); row 1001's
  // test (note-count-fallback-s51o: lockfiles of 18 MB) keeps the real 16 MiB default.
  it('a noted commit adding a file past the cap: the count is given up and said, at log and check (row 993)', () => {
    const repo = makeRepo();
    repo.commit('policy', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n', 'README.md': 'hi\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const sha = repo.commit('feat: table', { 'table.ts': 'a\n'.repeat(40 * 1024) });
    addNote(repo, sha, gitAiNote({ 'table.ts': [claude('1-10')] }));
    const said = `cannot diff commit ${sha} to count the lines its note in refs/notes/ai claims`;
    const log = aitrail(repo.dir, ['log', '--format', 'json', 'main..feature'], { env: SCALED_ENV });
    expect(log.code, log.stderr).toBe(0);
    expect(log.stderr).toContain(said);
    expect(log.stderr).toContain('more than 65,536 bytes');
    const check = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json'], { env: SCALED_ENV });
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toContain(said);
    expect(check.stdout).toContain('model \\"claude-opus-4-6\\", 10 lines in 1 file');
  });
});

/**
 * CI's partial clone (`--filter=blob:none`, no checkout) of a side branch whose commit carries Claude's git-ai note,
 * the note's and the policy's blobs fetched, the commit's file left behind, then the remote out of reach.
 */
function partialClone(): { clone: string; sha: string } {
  const remote = makeRepo();
  remote.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
  remote.git(['config', 'uploadpack.allowFilter', 'true']);
  remote.git(['config', 'uploadpack.allowAnySHA1InWant', 'true']);
  remote.git(['checkout', '-q', '-b', 'side']);
  const sha = remote.commit('feat: parser\n', { 'src/parser.ts': 'a\nb\n' });
  addNote(remote, sha, gitAiNote({ 'src/parser.ts': [claude('1-2')] }));
  remote.git(['checkout', '-q', 'main']);
  const git = (cwd: string, args: string[]) => execFileSync('git', args, { cwd, env: TEST_GIT_ENV, encoding: 'utf8' });
  const clone = join(tempDir(), 'ci');
  git(tempDir(), ['clone', '-q', '--no-checkout', '--filter=blob:none', '-b', 'side', `file://${remote.dir}`, clone]);
  git(clone, ['fetch', '-q', 'origin', 'main:refs/remotes/origin/main', 'refs/notes/ai:refs/notes/ai']);
  git(clone, ['notes', '--ref', 'ai', 'show', sha]);
  git(clone, ['cat-file', '-p', 'origin/main:.aitrailrc.yml']);
  git(clone, ['remote', 'set-url', 'origin', join(tempDir(), 'gone')]);
  return { clone, sha };
}
