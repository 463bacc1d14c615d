// A git-ai note whose metadata gives a JSON key twice (session 34, g; README threat-model row 415).
// git-ai reads the metadata with serde, whose structs refuse a duplicated field (`duplicate field`),
// so its blame reads none of such a note, while a map (`sessions`, `prompts`, `humans`) keeps the
// last record of an id, as JSON.parse keeps the last value of any key. aitrail read every such note
// with JSON.parse: Qwen's record given first and hidden by a second `sessions`, `agent_id` or
// `model` passed `check` and pre-receive under `deny: ["qwen/*"]`, though a reviewer reading the
// note (or a reader keeping the first value) sees Qwen; and `blame` counted a note git-ai's blame
// leaves out. Real repositories, notes written with `git notes --ref=ai add`.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo } from '../helpers/gitdir.js';

const DENY_QWEN = 'policy: {allow: ["*"], deny: ["qwen/*"], undeclared: allow}\n';
const QWEN_AGENT = '{"tool": "opencode", "id": "c3", "model": "qwen3-coder"}';
const CLAUDE_AGENT = '{"tool": "claude", "id": "c1", "model": "claude-opus-4-6"}';

/** A note whose attestations are `files` (as gitAiNote writes them) and whose metadata ends with `records` (JSON members, as written). */
function noteWith(files: Record<string, string[]>, records: string): string {
  const attestations = gitAiNote(files).split('---\n')[0];
  return `${attestations}---\n{\n  "schema_version": "authorship/3.0.0",\n  "git_ai_version": "1.4.5",\n  "base_commit_sha": "${'0'.repeat(40)}",\n  "prompts": {},\n  ${records}\n}\n`;
}

const Q = NOTE_KEYS.qwen;
/** Metadata members where a duplicated key hides Qwen's record from JSON.parse (which keeps the last value). */
const HIDING: Array<[string, string]> = [
  ['`sessions` given twice, Qwen in the first', `"sessions": {"${Q}": {"agent_id": ${QWEN_AGENT}}},\n  "sessions": {}`],
  ['`model` given twice, qwen then claude', `"sessions": {"${Q}": {"agent_id": {"tool": "opencode", "id": "c3", "model": "qwen3-coder", "model": "claude-opus-4-6"}}}`],
  ['`model` given twice, the second spelled with an escape', `"sessions": {"${Q}": {"agent_id": {"tool": "opencode", "id": "c3", "model": "qwen3-coder", "\\u006dodel": "claude-opus-4-6"}}}`],
  ['`agent_id` given twice', `"sessions": {"${Q}": {"agent_id": ${QWEN_AGENT}, "agent_id": ${CLAUDE_AGENT}}}`],
  ['the record id given twice in `sessions`', `"sessions": {"${Q}": {"agent_id": ${QWEN_AGENT}}, "${Q}": {"agent_id": ${CLAUDE_AGENT}}}`],
];

describe('a git-ai note with a duplicated JSON key (s34g)', () => {
  it.each(HIDING)('%s: check refuses the silent commit’s Qwen lines and log shows them', (_name, records) => {
    const repo = makeRepo();
    repo.commit('policy', { '.aitrailrc.yml': DENY_QWEN, 'app.ts': 'app\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const sha = repo.commit('x', { 'src/x.ts': 'a\nb\nc\nd\ne\n' });
    const note = noteWith({ 'src/x.ts': [session(Q, '1-4')] }, records);
    expect(() => JSON.parse(note.split('---\n')[1]!)).not.toThrow();
    addNote(repo, sha, note);

    const check = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    const violations = JSON.parse(check.stdout).violations as Array<{ severity: string; model: string; sha: string }>;
    expect(violations.filter((each) => each.severity === 'error')).toEqual([expect.objectContaining({ sha, model: 'qwen/qwen3-coder' })]);

    const log = aitrail(repo.dir, ['log', 'main..feature', '--format', 'json']);
    expect(log.code, log.stderr).toBe(0);
    expect(log.stdout).toContain('qwen/qwen3-coder');
  });

  it('pre-receive refuses a silent commit whose pushed note gives `model` twice, qwen then claude', () => {
    const { work } = policyServer(DENY_QWEN);
    expect(commitWith(work, 'feat: silent\n', { 'src/x.ts': 'a\nb\nc\nd\n' }, { noVerify: true }).code).toBe(0);
    addNote(work, work.git(['rev-parse', 'HEAD']), noteWith({ 'src/x.ts': [session(Q, '1-4')] }, HIDING[1]![1]));
    const notesPush = tryGit(work.dir, ['push', '--no-verify', 'origin', 'refs/notes/ai']);
    expect(notesPush.code, notesPush.stderr).toBe(0);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:refs/heads/side']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain('qwen/qwen3-coder');
  });

  it('blame and trend leave out a note whose struct field is given twice, as git-ai’s blame does (a declared commit keeps its lines by its message)', () => {
    const repo = makeRepo();
    repo.commit('policy', { 'app.ts': 'app\n' });
    repo.git(['tag', 'v1']);
    // A silent commit whose note names Qwen, and a declared Qwen commit whose note calls its lines a person's.
    const silent = repo.commit('x', { 'src/x.ts': 'a\nb\nc\nd\ne\n' });
    addNote(repo, silent, noteWith({ 'src/x.ts': [session(Q, '1-4')] }, HIDING[1]![1]));
    const declared = repo.commit('y\n\nAssisted-by: opencode:qwen/qwen3-coder\n', { 'src/y.ts': 'a\nb\nc\n' });
    addNote(repo, declared, noteWith({ 'src/y.ts': [`${NOTE_KEYS.human} 1-3`] }, `"humans": {"${NOTE_KEYS.human}": {"author": "Test Human <human@example.com>", "author": "x"}},\n  "sessions": {}`));
    repo.git(['tag', 'v2']);

    const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    expect(blame.stderr).toContain('is given twice');
    expect(blame.stderr).toContain("so git-ai's blame reads none of it");
    const files = JSON.parse(blame.stdout).files as Array<{ path: string }>;
    expect(files.find((each) => each.path === 'src/x.ts')).toMatchObject({ lines: 5, ai: 0 });
    expect(files.find((each) => each.path === 'src/y.ts')).toMatchObject({ lines: 3, ai: 3, byModel: { 'qwen/qwen3-coder': 3 } });

    const trend = aitrail(repo.dir, ['trend', 'v1', 'v2', '--format', 'json', '--no-cache']);
    expect(trend.code, trend.stderr).toBe(0);
    expect(trend.stderr).toContain('is given twice');
    expect(trend.stdout).toContain('qwen/qwen3-coder');
  });

  it('blame reads a record id given twice in `sessions` as git-ai does: the last record (serde’s map keeps it), no warning', () => {
    const repo = makeRepo();
    repo.commit('policy', { 'app.ts': 'app\n' });
    const sha = repo.commit('x', { 'src/x.ts': 'a\nb\nc\nd\ne\n' });
    addNote(repo, sha, noteWith({ 'src/x.ts': [session(Q, '1-4')] }, HIDING[4]![1]));
    const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    expect(blame.stderr).not.toContain('given twice');
    const file = JSON.parse(blame.stdout).files.find((each: { path: string }) => each.path === 'src/x.ts');
    expect(file).toMatchObject({ lines: 5, ai: 4, byModel: { 'anthropic/claude-opus-4.6': 4 } });
  });
});
