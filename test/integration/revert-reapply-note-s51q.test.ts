// Row 1015: `git revert --no-edit A; git revert --no-edit HEAD` of an agent commit A whose only AI
// signal is its git-ai note. git commits a revert with `This reverts commit <sha>.` in MERGE_MSG (no
// CHERRY_PICK_HEAD); git-ai (rewrite_revert.rs) writes the reapply commit a note from the reverted
// commit's parent's, clipped to the lines the revert adds. Without it the reapply carried no note:
// `check HEAD~1..HEAD` and a push whose range holds only the two reverts passed Qwen's lines.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { hookedRepo, hookedWithOrigin } from '../helpers/hooked-repo.js';
import { makeRepo } from '../helpers/gitdir.js';

const KEY = 'const key1 = computeTheSecretKeyMaterial(1);\nconst key2 = computeTheSecretKeyMaterial(2);\n';

describe('a revert of a revert of a noted agent commit (row 1015)', () => {
  it('the reapply commit gets the agent commit\'s note on the lines it brings back; check and pre-push refuse it, the server holding A', () => {
    const { repo, env, setUp } = hookedWithOrigin();
    const agent = repo.commit('Add key', { 'k.ts': KEY }, setUp);
    addNote(repo, agent, gitAiNote({ 'k.ts': [session(NOTE_KEYS.qwen, '1-2')] }));
    // A is already on the server (pushed before the deny, or to a branch of its own): the push holds only the reverts.
    expect(tryGit(repo.dir, ['push', '-q', '--no-verify', 'origin', 'main', 'refs/notes/ai'], { env: setUp }).code).toBe(0);
    for (const rev of ['HEAD', 'HEAD']) expect(tryGit(repo.dir, ['revert', '--no-edit', rev], { env }).code).toBe(0);
    const note = tryGit(repo.dir, ['notes', '--ref=ai', 'show', 'HEAD']);
    expect(note.code, note.stderr).toBe(0);
    expect(note.stdout).toContain(`k.ts\n  ${session(NOTE_KEYS.qwen, '1-2')}\n`);
    const reapply = repo.git(['rev-parse', 'HEAD']);
    const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect((JSON.parse(check.stdout).violations as Array<{ severity: string }>).filter((each) => each.severity === 'error')).toEqual([expect.objectContaining({ sha: reapply, rule: 'model-denied', model: 'qwen/qwen3-coder' })]);
    const push = tryGit(repo.dir, ['push', 'origin', 'main', 'refs/notes/ai'], { env });
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain('qwen/qwen3-coder');
    // blame counted them right before (row 64) and still does: 2 of Qwen's lines, not 4.
    const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(JSON.parse(blame.stdout).files.find((each: { path: string }) => each.path === 'k.ts')).toMatchObject({ lines: 2, ai: 2 });
  });

  it('pre-receive: A and its note accepted on main before the deny, the reapply pushed on a branch from A is refused', () => {
    const server = makeRepo({ bare: true });
    const work = makeRepo();
    const env = envWithAitrailOnPath();
    const quiet = { ...env, AITRAIL: '0' };
    work.git(['remote', 'add', 'origin', server.dir]);
    work.commit('policy', { '.aitrailrc.yml': 'policy:\n  undeclared: allow\n' }, quiet);
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'HEAD:main'], { env: quiet }).code).toBe(0);
    expect(aitrail(server.dir, ['init'], { env }).code).toBe(0);
    expect(aitrail(work.dir, ['init', '--mode', 'git'], { env }).code).toBe(0);
    const agent = work.commit('Add key', { 'k.ts': KEY }, quiet);
    addNote(work, agent, gitAiNote({ 'k.ts': [session(NOTE_KEYS.qwen, '1-2')] }));
    expect(tryGit(work.dir, ['push', '-q', '--no-verify', 'origin', 'HEAD:main', 'refs/notes/ai'], { env: quiet }).code).toBe(0);
    work.commit('deny', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n  undeclared: allow\n' }, quiet);
    expect(tryGit(work.dir, ['push', '-q', '--no-verify', 'origin', 'HEAD:main'], { env: quiet }).code).toBe(0);
    work.git(['checkout', '-q', '-b', 'reapply', agent]);
    for (const rev of ['HEAD', 'HEAD']) expect(tryGit(work.dir, ['revert', '--no-edit', rev], { env }).code).toBe(0);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'reapply', 'refs/notes/ai'], { env });
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toMatch(/Revert .*Revert .*Add key[\s\S]*model-denied/);
  });

  it('only the lines the revert adds: a revert of a person\'s change whose parent is noted gets no note (no false refusal)', () => {
    const { repo, env, setUp } = hookedWithOrigin();
    const agent = repo.commit('Add key', { 'k.ts': KEY }, setUp);
    addNote(repo, agent, gitAiNote({ 'k.ts': [session(NOTE_KEYS.qwen, '1-2')] }));
    repo.git(['rm', '-q', 'a.txt']);
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'Drop a'], { env: setUp }).code).toBe(0);
    expect(tryGit(repo.dir, ['revert', '--no-edit', 'HEAD'], { env }).code).toBe(0);
    // The revert restores the person's a.txt only: Qwen's k.ts lines, unchanged, are not its own.
    expect(tryGit(repo.dir, ['notes', '--ref=ai', 'show', 'HEAD']).code).not.toBe(0);
    const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });

  it('a person\'s revert with no notes ref starts no node', () => {
    const { repo, env, started } = hookedRepo();
    repo.commit('Add b', { 'b.txt': 'b\n' }, { ...env, AITRAIL: '0' });
    const before = readFileSync(started, 'utf8');
    for (const rev of ['HEAD', 'HEAD']) expect(tryGit(repo.dir, ['revert', '--no-edit', rev], { env }).code).toBe(0);
    expect(readFileSync(started, 'utf8')).toBe(before);
  });
});
