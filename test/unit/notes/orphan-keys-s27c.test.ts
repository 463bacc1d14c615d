// Line-level authorship in git-ai's notes (session 27, c): an entry whose key names a record the
// note does not hold is skipped by git-ai's blame (`get_line_attribution`: "h_ hash not found
// locally (foreign cherry-pick) — skip this entry", the same for a session), so an earlier entry
// that has one keeps the line (README threat-model row 325).
import { describe, expect, test } from 'vitest';
import { noteLines } from '../../../src/core/notes/note-lines.js';
import { parseAuthorshipLog } from '../../../src/core/notes/parse-authorship-log.js';

function lines(text: string) {
  const parsed = parseAuthorshipLog(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return noteLines(parsed.log);
}
const owned = (text: string) => lines(text).authors().map((author) => [author.agent, author.model, author.lines, author.paths]);
const judged = (text: string, path: string, start: number, count: number) => {
  const out: Array<[string, number]> = [];
  lines(text).judge(path, start, count, (author, n) => out.push([author.model, n]));
  return out;
};

const QWEN = 's_5a5a5a5a5a5a5a';
const CLAUDE = 's_0c9883b05a2487';
const HUMAN = 'h_31dce776f88375';
const metadata = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    schema_version: 'authorship/3.0.0',
    git_ai_version: '1.7.0',
    base_commit_sha: '0'.repeat(40),
    prompts: {},
    sessions: { [QWEN]: { agent_id: { tool: 'opencode', id: 'q', model: 'qwen3-coder' } } },
    ...extra,
  });

describe('an entry whose record the note lacks gives way to an earlier entry that has one', () => {
  test('an h_ key without its humans record (a cherry-picked note) does not take a session’s lines', () => {
    const note = `src/crypto/aes.ts\n  ${QWEN}::t_aaaaaaaaaaaaaa 1-6\n  h_ffffffffffffff 1-6\n---\n${metadata()}`;
    expect(owned(note)).toEqual([['opencode', 'qwen/qwen3-coder', 6, ['src/crypto/aes.ts']]]);
    expect(judged(note, 'src/crypto/aes.ts', 1, 6)).toEqual([['qwen/qwen3-coder', 6]]);
  });

  test('a session no note describes does not take a known person’s lines, nor a session’s', () => {
    const note = `a.ts\n  ${HUMAN} 1-3\n  ${QWEN}::t_aaaaaaaaaaaaaa 4-6\n  ${CLAUDE}::t_bbbbbbbbbbbbbb 1-6\n---\n${metadata({ humans: { [HUMAN]: { author: 'D <d@x>' } } })}`;
    // git-ai: lines 1-3 the person's, 4-6 Qwen's; the dangling Claude key is named (unknown) but owns nothing.
    expect(judged(note, 'a.ts', 1, 6)).toEqual([['qwen/qwen3-coder', 3]]);
    expect(owned(note)).toEqual([
      ['opencode', 'qwen/qwen3-coder', 3, ['a.ts']],
      ['unknown', 'unknown', 0, []],
    ]);
  });

  test('the legacy `human` sentinel (no record ever) does not take a session’s lines', () => {
    const note = `a.ts\n  ${QWEN}::t_aaaaaaaaaaaaaa 2-3\n  human 1-4\n---\n${metadata()}`;
    expect(judged(note, 'a.ts', 1, 4)).toEqual([['qwen/qwen3-coder', 2]]);
  });

  test('where no entry with a record claims a line, the later entry still owns it (unknown agent, or a person)', () => {
    const note = `a.ts\n  h_ffffffffffffff 1-2\n  ${CLAUDE}::t_bbbbbbbbbbbbbb 2-3\n  h_eeeeeeeeeeeeee 3\n---\n${metadata()}`;
    // Line 2: the dangling session over the dangling person (as before); line 3: the later dangling person.
    expect(judged(note, 'a.ts', 1, 4)).toEqual([['unknown', 1]]);
  });

  test('among entries that hold their record, the later still wins (rows 256, 277 unchanged)', () => {
    const note = `a.ts\n  ${QWEN}::t_aaaaaaaaaaaaaa 1-4\n  ${HUMAN} 1-2\n---\n${metadata({ humans: { [HUMAN]: { author: 'D <d@x>' } } })}`;
    expect(judged(note, 'a.ts', 1, 4)).toEqual([['qwen/qwen3-coder', 2]]);
  });
});
