import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { CLAUDE_DECLARED, commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

interface CheckJson {
  ok: boolean;
  commits: number;
  violations: { sha: string; rule: string; model: string; path: string | null; agent: string }[];
}

const POLICY = `policy:
  deny: ["qwen/*"]
  undeclared: allow
  paths:
    - files: ["src/crypto/**"]
      allow: []
    - files: ["src/billing/**"]
      requireTrailers: ["Reviewed-by"]
`;

/** A repository whose main holds the policy, and a feature branch to fill. */
function repoWithPolicy(): TestRepo {
  const repo = makeRepo();
  repo.commit('policy', { '.aitrailrc.yml': POLICY, 'src/crypto/k.ts': 'key 1\nkey 2\n', 'src/app.ts': 'app 1\n', 'src/billing/b.ts': 'bill 1\n' });
  repo.git(['checkout', '-q', '-b', 'feature']);
  return repo;
}

function check(repo: TestRepo, args: string[] = []): { code: number; json: CheckJson; stderr: string } {
  const result = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json', ...args]);
  return { code: result.code, json: JSON.parse(result.stdout) as CheckJson, stderr: result.stderr };
}

describe('check with git-ai notes', () => {
  it('a record the note keeps without a line (after a rebase) is still judged', () => {
    const repo = repoWithPolicy();
    const sha = repo.commit('refactor app', { 'src/app.ts': 'app 1\napp 2\n' });
    addNote(repo, sha, gitAiNote({ 'src/app.ts': [session(NOTE_KEYS.claude, '2')] }, [NOTE_KEYS.qwen]));
    const { code, json } = check(repo);
    expect(code).toBe(1);
    expect(json.violations).toEqual([expect.objectContaining({ sha, rule: 'model-denied', model: 'qwen/qwen3-coder' })]);
  });

  it('a denied model named only by a note is a violation, though the message is silent', () => {
    const repo = repoWithPolicy();
    const sha = repo.commit('refactor app', { 'src/app.ts': 'app 1\napp 2\napp 3\n' });
    expect(check(repo).code).toBe(0);
    addNote(repo, sha, gitAiNote({ 'src/app.ts': [session(NOTE_KEYS.qwen, '2-3')] }));
    const { code, json } = check(repo);
    expect(code).toBe(1);
    expect(json.violations).toEqual([expect.objectContaining({ sha, rule: 'model-denied', model: 'qwen/qwen3-coder', agent: 'opencode' })]);
  });

  it('a tag or branch named refs/notes/ai is not read as the notes (git\'s short-name rules are not followed)', () => {
    const repo = repoWithPolicy();
    const sha = repo.commit('refactor app', { 'src/app.ts': 'app 1\napp 2\napp 3\n' });
    addNote(repo, sha, gitAiNote({ 'src/app.ts': [session(NOTE_KEYS.qwen, '2-3')] }), 'refs/notes/fake');
    const fake = repo.git(['rev-parse', 'refs/notes/fake']);
    repo.git(['update-ref', '-d', 'refs/notes/fake']);
    for (const name of ['refs/tags/refs/notes/ai', 'refs/heads/refs/notes/ai']) {
      repo.git(['update-ref', name, fake]);
      expect(check(repo).json, name).toMatchObject({ ok: true, violations: [] });
      repo.git(['update-ref', '-d', name]);
    }
    repo.git(['update-ref', 'refs/notes/ai', fake]);
    expect(check(repo).json.violations).toEqual([expect.objectContaining({ sha, rule: 'model-denied', model: 'qwen/qwen3-coder' })]);
  });

  it('path rules judge the note’s lines: AI lines outside src/crypto pass, AI lines inside do not', () => {
    const repo = repoWithPolicy();
    // Mixed commit: crypto changed by hand (a known human), app by Claude.
    const mixed = repo.commit('mixed', { 'src/crypto/k.ts': 'key 1\nkey 2\nkey 3\n', 'src/app.ts': 'app 1\nai 2\n' });
    addNote(repo, mixed, gitAiNote({ 'src/crypto/k.ts': [`${NOTE_KEYS.human} 3`], 'src/app.ts': [session(NOTE_KEYS.claude, '2')] }));
    expect(check(repo)).toMatchObject({ code: 0, json: { ok: true, violations: [] } });
    // The next commit's note puts Cursor lines in crypto: that breaks `allow: []`.
    const inside = repo.commit('crypto', { 'src/crypto/k.ts': 'key 1\nkey 2\nkey 3\nai 4\n', 'src/app.ts': 'app 1\nai 2\napp 3\n' });
    addNote(repo, inside, gitAiNote({ 'src/crypto/k.ts': [session(NOTE_KEYS.cursor, '4')] }));
    const { code, json } = check(repo);
    expect(code).toBe(1);
    expect(json.violations).toEqual([expect.objectContaining({ sha: inside, rule: 'path-model-not-allowed', model: 'cursor/composer-1', path: 'src/crypto/k.ts' })]);
  });

  it('AI lines of a note moved into a protected file later are judged there; its human lines are not', () => {
    const long = (name: string) => `export const ${name} = 'a line long enough for git blame -C to follow it when it moves';\n`;
    const repo = repoWithPolicy();
    const util = long('one') + long('aiTwo') + long('aiThree') + long('humanFour');
    const written = repo.commit('util', { 'src/util.ts': util });
    addNote(repo, written, gitAiNote({ 'src/util.ts': [session(NOTE_KEYS.cursor, '2-3'), `${NOTE_KEYS.human} 4`] }));
    repo.git(['branch', 'human-only']);
    // A human moves the human line into crypto: nothing AI landed there.
    repo.commit('move by hand', { 'src/util.ts': long('one') + long('aiTwo') + long('aiThree'), 'src/crypto/k.ts': `key 1\nkey 2\n${long('humanFour')}` });
    expect(check(repo)).toMatchObject({ code: 0, json: { violations: [] } });
    // Then the two AI lines: the note's commit is judged by the crypto rule, for 2 lines.
    repo.commit('move more', { 'src/util.ts': long('one'), 'src/crypto/k.ts': `key 1\nkey 2\n${long('humanFour')}${long('aiTwo')}${long('aiThree')}` });
    const { code, json } = check(repo);
    expect(code).toBe(1);
    expect(json.violations).toEqual([expect.objectContaining({ sha: written, rule: 'path-model-not-allowed', model: 'cursor/composer-1', path: 'src/crypto/k.ts', lines: 2 })]);
  });

  it('requireTrailers applies to files holding the note’s AI lines only', () => {
    const repo = repoWithPolicy();
    const outside = repo.commit('billing by hand', { 'src/billing/b.ts': 'bill 1\nbill 2\n', 'src/app.ts': 'app 1\nai 2\n' });
    addNote(repo, outside, gitAiNote({ 'src/app.ts': [`${NOTE_KEYS.codex} 2`] }));
    expect(check(repo).code).toBe(0);
    const inside = repo.commit('billing by codex', { 'src/billing/b.ts': 'bill 1\nbill 2\nai 3\n' });
    addNote(repo, inside, gitAiNote({ 'src/billing/b.ts': [`${NOTE_KEYS.codex} 3`] }));
    const { json } = check(repo);
    expect(json.violations).toEqual([expect.objectContaining({ sha: inside, rule: 'path-missing-trailer', model: 'openai/gpt-5.3-codex', path: 'src/billing/b.ts' })]);
  });

  it('a note never removes an attribution: a declared commit whose note calls its crypto lines human still breaks the rule', () => {
    const repo = repoWithPolicy();
    const sha = repo.commit(`crypto\n\n${CLAUDE_DECLARED}\n`, { 'src/crypto/k.ts': 'key 1\nkey 2\nkey 3\n' });
    const before = check(repo);
    expect(before.code).toBe(1);
    addNote(repo, sha, gitAiNote({ 'src/crypto/k.ts': [`${NOTE_KEYS.human} 3`] }));
    const after = check(repo);
    expect(after.code).toBe(1);
    expect(after.json.violations).toEqual(before.json.violations);
  });

  it('a malformed note warns naming its commit and judges the commit by itself; replace refs cannot swap the notes', () => {
    const repo = repoWithPolicy();
    const sha = repo.commit('silent', { 'src/app.ts': 'app 1\napp 2\n' });
    // Metadata that is no JSON (enforcement reads a `{}` of no schema_version, as a note of any version).
    addNote(repo, sha, 'src/app.ts\n  s_5a5a5a5a5a5a5a 0-1\n---\n{"prompts": ');
    const malformed = check(repo);
    expect(malformed.code).toBe(0);
    expect(malformed.stderr).toContain(`git-ai note of commit ${sha.slice(0, 12)} is malformed`);
    // A replace ref pointing the notes blob at a harmless one: enforcement reads notes as stored.
    addNote(repo, sha, gitAiNote({ 'src/app.ts': [session(NOTE_KEYS.qwen, '2')] }));
    const stored = repo.git(['notes', '--ref', 'ai', 'list', sha]);
    const harmless = repo.git(['hash-object', '-w', '--stdin'], { input: gitAiNote({}) });
    repo.git(['replace', stored, harmless]);
    expect(check(repo).code).toBe(1);
  });

  it('log adds the note’s models with their evidence; --no-notes leaves them out', () => {
    const repo = repoWithPolicy();
    const sha = repo.commit('silent', { 'src/app.ts': 'app 1\napp 2\n' });
    addNote(repo, sha, gitAiNote({ 'src/app.ts': [session(NOTE_KEYS.claude, '2')] }));
    const log = JSON.parse(aitrail(repo.dir, ['log', 'main..feature', '--format', 'json']).stdout) as { sha: string; ai: boolean; attributions: { agent: string; model: string; evidence: string[] }[] }[];
    expect(log).toHaveLength(1);
    expect(log[0]!.ai).toBe(true);
    expect(log[0]!.attributions).toEqual([{
      agent: 'claude-code',
      model: 'anthropic/claude-opus-4.6',
      evidence: ['note refs/notes/ai: git-ai tool "claude", model "claude-opus-4-6", 1 line in 1 file'],
    }]);
    const plain = JSON.parse(aitrail(repo.dir, ['log', 'main..feature', '--format', 'json', '--no-notes']).stdout) as { ai: boolean }[];
    expect(plain[0]!.ai).toBe(false);
    const text = aitrail(repo.dir, ['log', 'main..feature']);
    expect(text.stdout).toContain('claude-code:anthropic/claude-opus-4.6');
    expect(text.stdout).toContain('- note refs/notes/ai: git-ai tool "claude"');
    expect(aitrail(repo.dir, ['log', '--notes-ref', 'refs/heads/main']).code).toBe(2);
  });

  it('status counts the notes and says how to fetch them', () => {
    const repo = repoWithPolicy();
    expect(aitrail(repo.dir, ['status']).stdout).toContain("Line-level data: none (no git-ai notes in refs/notes/ai). Notes are not fetched by default: git fetch origin '+refs/notes/ai*:refs/notes/ai*'");
    const sha = repo.commit('silent', { 'src/app.ts': 'app 1\napp 2\n' });
    addNote(repo, sha, gitAiNote({ 'src/app.ts': [session(NOTE_KEYS.claude, '2')] }));
    addNote(repo, repo.git(['rev-parse', 'main']), gitAiNote({}));
    expect(aitrail(repo.dir, ['status']).stdout).toContain('Line-level data: 2 git-ai notes in refs/notes/ai');
    expect(JSON.parse(aitrail(repo.dir, ['status', '--format', 'json']).stdout).notes).toEqual({ ref: 'refs/notes/ai', count: 2 });
  });

  it('pre-receive reads the notes stored on the server: a silent commit whose pushed note names a denied model is refused', () => {
    const { work } = policyServer('policy:\n  deny: ["qwen/*"]\n  undeclared: allow\n');
    const clean = commitWith(work, 'feat: silent\n', { 'a.txt': 'a\n' }, { noVerify: true });
    expect(clean.code).toBe(0);
    const sha = work.git(['rev-parse', 'HEAD']);
    addNote(work, sha, gitAiNote({ 'a.txt': [session(NOTE_KEYS.qwen, '1')] }));
    const notesPush = tryGit(work.dir, ['push', '--no-verify', 'origin', 'refs/notes/ai']);
    expect(notesPush.code, notesPush.stderr).toBe(0);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:refs/heads/side']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('qwen/qwen3-coder');
  });
});
