// Red team (session 22, d): what a git-ai note on refs/notes/ai can make `blame` and `trend` say
// about a commit whose own message declares AI. A note is trusted to say which lines of its
// commit are AI (that is what line-level attribution is for), so it can call them human; it can
// no longer take the commit's declared model off the lines it calls AI, and the lines it calls
// human are counted (`notedHuman`) and said in the footers (README threat-model rows 255-256).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { addNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';

const QWEN_TRAILER = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const SESSION = 's_5a5a5a5a5a5a5b';

/** A git-ai note whose one session is `tool` with `model` and one known person (an `h_` key without its record is skipped, row 325); `files` maps a path to its entry lines. */
function note(files: Record<string, string[]>, tool = 'claude', model = 'claude-opus-4-6'): string {
  const body = Object.entries(files).map(([path, entries]) => `${path}\n${entries.map((entry) => `  ${entry}`).join('\n')}`).join('\n');
  const metadata = { schema_version: 'authorship/3.0.0', git_ai_version: '1.4.5', base_commit_sha: '0'.repeat(40), prompts: {}, humans: { [NOTE_KEYS.human]: { author: 'T <t@example.com>' } }, sessions: { [SESSION]: { agent_id: { tool, id: 'x', model } } } };
  return `${body}\n---\n${JSON.stringify(metadata)}\n`;
}
const ai = (ranges: string) => session(SESSION, ranges);
const qwenLines = (ranges: string) => session(NOTE_KEYS.qwen, ranges);

function run(repo: TestRepo, args: string[]): string {
  const result = aitrail(repo.dir, args);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}
const json = (repo: TestRepo, args: string[] = []) => JSON.parse(run(repo, ['blame', '--format', 'json', '--no-cache', ...args]));

describe('a forged git-ai note against the report', () => {
  it("cannot take a commit's declared model off the lines it calls AI; the lines it calls human are counted and said", () => {
    const repo = makeRepo();
    const base = repo.commit('base', { 'a.ts': 'one\ntwo\n' });
    const qwen = repo.commit(`parser\n\n${QWEN_TRAILER}\n`, { 'q.ts': 'q1\nq2\nq3\nq4\n' });
    expect(json(repo).totals).toMatchObject({ ai: 4, byModel: { 'qwen/qwen3-coder': 4 } });

    // The note renames the model: Claude's session for half the lines (before: Qwen gone from the report).
    addNote(repo, qwen, note({ 'q.ts': [ai('1-2')] }));
    const renamed = json(repo).totals;
    expect(renamed).toMatchObject({ ai: 2, lineLevel: 4, notedHuman: 2 });
    expect({ ...renamed.byModel }).toEqual({ 'anthropic/claude-opus-4.6': 2, 'qwen/qwen3-coder': 2 });
    expect({ ...renamed.byAgent }).toEqual({ 'claude-code': 2, 'qwen-code': 2 });

    // A note that names no line of the commit's files (one human line elsewhere) calls every line human:
    // a note is trusted to say so, but the report says how many, and --no-notes counts them by the commit.
    addNote(repo, qwen, note({ 'other.txt': [`${NOTE_KEYS.human} 1`] }));
    expect(json(repo).totals).toMatchObject({ ai: 0, lineLevel: 4, notedHuman: 4 });
    expect(run(repo, ['blame', '--no-cache'])).toContain('Human by their git-ai notes: 4 lines of commits whose own message or author says AI.');
    expect(run(repo, ['blame', '--no-cache', '--format', 'markdown'])).toContain('_Human by their git-ai notes: 4 lines of commits');
    const off = json(repo, ['--no-notes']).totals;
    expect(off).toMatchObject({ ai: 4, lineLevel: 0 });
    expect(off).not.toHaveProperty('notedHuman');

    // Overlapping entries (the later wins, as in git-ai) and a claim past the file's end: lines 1 and 4 are Qwen's.
    addNote(repo, qwen, note({ 'q.ts': [qwenLines('1-4'), `${NOTE_KEYS.human} 2-3`, ai('99')] }).replace(`"sessions":{`, `"sessions":{"${NOTE_KEYS.qwen}":{"agent_id":{"tool":"opencode","id":"q","model":"qwen3-coder"}},`));
    const overlapped = json(repo).totals;
    expect(overlapped).toMatchObject({ ai: 2, notedHuman: 2 });
    expect({ ...overlapped.byModel }).toEqual({ 'qwen/qwen3-coder': 2 });

    // The count rides through the cache, shards and --merge, and trend's releases.
    expect(JSON.parse(run(repo, ['blame', '--format', 'json'])).totals).toMatchObject({ notedHuman: 2 });
    expect(JSON.parse(run(repo, ['blame', '--format', 'json'])).totals).toMatchObject({ notedHuman: 2 });
    const dir = tempDir();
    for (const part of [1, 2]) writeFileSync(join(dir, `${part}.json`), run(repo, ['blame', '--format', 'json', '--no-cache', '--shard', `${part}/2`]));
    expect(JSON.parse(run(repo, ['blame', '--format', 'json', '--merge', join(dir, '1.json'), join(dir, '2.json')])).totals).toEqual(overlapped);
    const trend = JSON.parse(run(repo, ['trend', base, qwen, '--format', 'json', '--no-cache']));
    expect(trend.releases[0].totals).toMatchObject({ ai: 2, notedHuman: 2, byModel: { 'qwen/qwen3-coder': 2 } });
  });

  it("adds no model where the note and the commit name the same one: a precise name stands for a vague one", () => {
    const repo = makeRepo();
    repo.commit('base', { 'a.ts': 'one\n' });
    // Claude Code's footer names the agent, not the model (claude-code:unknown); the note names the model.
    const footer = repo.commit('agent work\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n', { 'c.ts': 'c1\nc2\n' });
    addNote(repo, footer, note({ 'c.ts': [ai('1-2')] }));
    // The trailer names the model; the note's session says `default` (unknown).
    const trailer = repo.commit('more\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', { 'd.ts': 'd1\nd2\n' });
    addNote(repo, trailer, note({ 'd.ts': [ai('1-2')] }, 'claude', 'default'));
    const totals = json(repo).totals;
    expect(totals).toMatchObject({ ai: 4, lineLevel: 4 });
    expect(totals).not.toHaveProperty('notedHuman');
    expect({ ...totals.byModel }).toEqual({ 'anthropic/claude-opus-4.6': 4 });
    expect({ ...totals.byAgent }).toEqual({ 'claude-code': 4 });
  });
});
