// Line-level authorship in git-ai's notes (session 27, c), in real repositories through the CLI:
// an entry whose key names a record the note does not hold (a person's `h_` key a cherry-pick
// left without its `humans` record) is skipped by git-ai's blame, so the session under it keeps
// its lines; aitrail gave them to the dangling key (README threat-model row 325).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { addNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo } from '../helpers/gitdir.js';

const POLICY = `policy:
  allow: ["*"]
  undeclared: allow
  paths:
    - files: ["src/crypto/**"]
      deny: ["qwen/*"]
`;

const AES = 'export const rounds = 14;\nexport function expand() {}\nexport function encrypt() {}\nexport function decrypt() {}\n';

describe('a git-ai note whose later entry names no record it holds', () => {
  it('row 325: Qwen’s lines under a dangling h_ key count in blame, fail the crypto path rule in check, and survive notes squash', () => {
    const repo = makeRepo();
    const base = repo.commit('policy', { '.aitrailrc.yml': POLICY, 'src/app.ts': 'app\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const sha = repo.commit('aes', { 'src/crypto/aes.ts': AES });
    // As git-ai carries a note through a cherry-pick from another clone: the person's key kept,
    // their record not. git-ai's blame skips that entry: lines 1-4 are Qwen's.
    const metadata = {
      schema_version: 'authorship/3.0.0',
      git_ai_version: '1.7.0',
      base_commit_sha: sha,
      prompts: {},
      sessions: { [NOTE_KEYS.qwen]: { agent_id: { tool: 'opencode', id: 'q', model: 'qwen3-coder' } } },
    };
    addNote(repo, sha, `src/crypto/aes.ts\n  ${session(NOTE_KEYS.qwen, '1-4')}\n  h_ffffffffffffff 1-4\n---\n${JSON.stringify(metadata, null, 2)}\n`);

    const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    expect(JSON.parse(blame.stdout).totals).toMatchObject({ ai: 4, lineLevel: 4, byModel: { 'qwen/qwen3-coder': 4 } });

    const check = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
    expect(check.code, check.stdout).toBe(1);
    expect(JSON.parse(check.stdout).violations).toEqual([expect.objectContaining({ sha, model: 'qwen/qwen3-coder', path: 'src/crypto/aes.ts' })]);

    // A squash merge's note composed from the branch's: the lines stay Qwen's (git-ai reads them so).
    repo.git(['checkout', '-q', 'main']);
    repo.git(['merge', '-q', '--squash', 'feature']);
    const squash = repo.commit('aes (#1)');
    const composed = aitrail(repo.dir, ['notes', 'squash', `${base}..${sha}`, '--onto', squash]);
    expect(composed.code, composed.stderr).toBe(0);
    expect(repo.git(['notes', '--ref=ai', 'show', squash]).split('\n').slice(0, 3)).toEqual(['src/crypto/aes.ts', `  ${session(NOTE_KEYS.qwen, '1-4')}`, '---']);
  });
});
