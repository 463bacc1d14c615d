import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo } from '../helpers/gitdir.js';

const POLICY = 'policy:\n  deny: ["qwen/*"]\n  undeclared: warn\n  paths:\n    - files: ["src/crypto/**"]\n      allow: ["anthropic/*"]\n';
const UNCOUNTED = 'as the note claims (not counted: git could not diff the commit)';

describe('a git-ai note\'s count given up is said so, and is given up only for the note\'s own paths (rows 1000, 1001)', () => {
  /*
   * Row 1000: row 992 falls back to the note's own count when git cannot diff the commit, with a warning; pre-receive
   * and pre-push show no warning, and an attacker forces the fallback by naming a binary file of the commit in the note:
   * the refusal read `1000005 lines in 2 files` again (row 990's lie), unmarked. Now the evidence says it is the note's claim.
   */
  it('pre-receive: a note naming a binary file beside its million-line claim: the refusal marks the note\'s own count', () => {
    const { work, remote } = policyServer(POLICY);
    writeFileSync(join(work.dir, 'x.bin'), Buffer.from([0, 1, 2, 10, 0, 10]));
    work.git(['add', 'x.bin']);
    expect(commitWith(work, 'feat: keys\n', { 'src/crypto/k.ts': 'a\nb\nc\n' }, { noVerify: true }).code).toBe(0);
    const sha = work.git(['rev-parse', 'HEAD']);
    addNote(work, sha, gitAiNote({ 'src/crypto/k.ts': [session(NOTE_KEYS.qwen, '1-1000000')], 'x.bin': [session(NOTE_KEYS.qwen, '1-5')] }));
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'refs/notes/ai']).code).toBe(0);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:refs/heads/side']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('model-denied');
    expect(push.stderr).toContain(`1000005 lines in 2 files ${UNCOUNTED}`);
    expect(push.stderr).not.toMatch(/1000005 lines in 2 files points/);
    expect(tryGit(remote.dir, ['rev-parse', '--verify', '-q', 'refs/heads/side']).code).not.toBe(0);
  });

  /*
   * Row 1001: row 993's 16 MiB cap counted the whole commit's diff: an honest noted commit beside a regenerated
   * lockfile (two of 9 MB here) gave up the count (the note's 200 lines, a warning). Now the cap is the note's paths':
   * the other files passing it make git diff the note's paths alone.
   */
  it('check and log: an honest noted commit beside lockfiles of 18 MB in all counts the 2 lines it adds, no warning', () => {
    const repo = makeRepo();
    repo.commit('policy', { '.aitrailrc.yml': POLICY, 'README.md': 'hi\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const lock = (key: string) => Array.from({ length: 270_000 }, (_, i) => `"dep-${i}": "${key}-${i}-aaaaaaaa",`).join('\n') + '\n';
    const sha = repo.commit('feat: o', { 'src/o.ts': 'x\ny\n', 'package-lock.json': lock('1'), 'yarn.lock': lock('2') });
    addNote(repo, sha, gitAiNote({ 'src/o.ts': [session(NOTE_KEYS.claude, '1-200')] }));
    const check = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).not.toContain('cannot diff commit');
    expect(check.stdout).toContain('model \\"claude-opus-4-6\\", 2 lines in 1 file points');
    const log = aitrail(repo.dir, ['log', '--format', 'json', 'main..feature']);
    expect(log.code, log.stderr).toBe(0);
    expect(log.stderr).not.toContain('cannot diff commit');
    expect(log.stdout).toContain('model \\"claude-opus-4-6\\", 2 lines in 1 file');
  });
});
