import { describe, expect, test } from 'vitest';
import { composeMetadata, readNoteForRewrite } from '../../../src/core/notes/compose-note.js';
import { noteLines } from '../../../src/core/notes/note-lines.js';
import { parseAuthorshipLog } from '../../../src/core/notes/parse-authorship-log.js';
import { serializeAuthorshipLog, writablePath } from '../../../src/core/notes/serialize-authorship-log.js';
import type { AuthorshipLog } from '../../../src/core/notes/types.js';
import { SPEC_EXAMPLE } from '../../fixtures/git-ai-spec-example.js';
import { SPEC_LEGACY_EXAMPLE, SPEC_MIXED_EXAMPLE } from '../../fixtures/git-ai-spec-examples-s25f.js';

function parsed(text: string): AuthorshipLog {
  const result = parseAuthorshipLog(text);
  if (!result.ok) throw new Error(`expected a log, got ${result.error.code}: ${result.error.message}`);
  return result.log;
}

/** Every AI author a note names: agent, model, lines and files, as blame and check count them. */
const authors = (text: string) =>
  noteLines(parsed(text))
    .authors()
    .map(({ agent, model, lines, paths }) => ({ agent, model, lines, paths }));

/** The AI lines of `[start, start + count)` of `path`, by `agent model`. */
function judged(text: string, path: string, start: number, count: number): Record<string, number> {
  const found: Record<string, number> = {};
  noteLines(parsed(text)).judge(path, start, count, (author, lines) => {
    found[`${author.agent} ${author.model}`] = (found[`${author.agent} ${author.model}`] ?? 0) + lines;
  });
  return found;
}

describe("git-ai's spec examples, counted line by line (specs/git_ai_standard_v3.0.0.md)", () => {
  test('§1.2.5 sessions format: two traces of one Cursor session, a known human, a Claude Code session', () => {
    expect(authors(SPEC_EXAMPLE)).toEqual([
      // 1-10,15-20 and 25,30-35: 10 + 6 + 1 + 6 lines; 42-50 are the known human's.
      { agent: 'cursor', model: 'anthropic/claude-sonnet-4.5', lines: 23, paths: ['src/main.rs'] },
      { agent: 'claude-code', model: 'anthropic/claude-sonnet-4.5', lines: 50, paths: ['src/lib.rs'] },
    ]);
    expect(judged(SPEC_EXAMPLE, 'src/main.rs', 1, 60)).toEqual({ 'cursor anthropic/claude-sonnet-4.5': 23 });
    expect(judged(SPEC_EXAMPLE, 'src/main.rs', 42, 9)).toEqual({});
    expect(judged(SPEC_EXAMPLE, 'src/main.rs', 11, 4)).toEqual({});
  });

  test('§1.2.6 legacy format: one prompt in two files, another in one', () => {
    expect(authors(SPEC_LEGACY_EXAMPLE)).toEqual([
      { agent: 'cursor', model: 'anthropic/claude-opus-4.5', lines: 16 + 50, paths: ['src/main.rs', 'src/lib.rs'] },
      { agent: 'cursor', model: 'anthropic/claude-3-sonnet', lines: 7, paths: ['src/main.rs'] },
    ]);
    expect(judged(SPEC_LEGACY_EXAMPLE, 'src/main.rs', 20, 16)).toEqual({ 'cursor anthropic/claude-opus-4.5': 1, 'cursor anthropic/claude-3-sonnet': 7 });
  });

  test('§1.2.7 mixed format: a session, a known human and a legacy prompt in one note', () => {
    expect(authors(SPEC_MIXED_EXAMPLE)).toEqual([
      { agent: 'claude-code', model: 'anthropic/claude-sonnet-4.5', lines: 10, paths: ['src/main.rs'] },
      { agent: 'cursor', model: 'openai/gpt-4', lines: 50, paths: ['src/lib.rs'] },
    ]);
    expect(judged(SPEC_MIXED_EXAMPLE, 'src/main.rs', 1, 20)).toEqual({ 'claude-code anthropic/claude-sonnet-4.5': 10 });
  });

  test('each example is carried as written: composed again, its attestations come out line for line', () => {
    for (const example of [SPEC_EXAMPLE, SPEC_LEGACY_EXAMPLE, SPEC_MIXED_EXAMPLE]) {
      const note = readNoteForRewrite(example)!;
      const text = serializeAuthorshipLog({ files: [...note.files].map(([path, entries]) => ({ path, entries })), ...composeMetadata([note.metadata], '7734793b756b3921c88db5375a8c156e9532447b') });
      expect(text.split('\n---\n')[0]).toBe(example.split('\n---\n')[0]);
      expect(JSON.parse(text.split('\n---\n')[1]!)).toEqual(JSON.parse(example.split('\n---\n')[1]!));
    }
  });
});

describe('paths git-ai writes raw, written again (row 306)', () => {
  // git-ai's serializer quotes a path holding a space, tab or newline and writes a `"` inside as is;
  // its reader (and aitrail's) takes one quote off each end of a line that starts and ends with one.
  const meta = (base: string) => `---\n${JSON.stringify({ schema_version: 'authorship/3.0.0', base_commit_sha: base, prompts: {}, sessions: { s_aaaaaaaaaaaaaa: { agent_id: { tool: 'claude', id: 'c', model: 'claude-opus-4-6' } } } }, null, 2)}\n`;

  test('a path holding a quote, or named ---, is quoted and read back as it is', () => {
    const paths = ['say "hi".md', 'a"b.ts', '"quoted"', '"', '---', 'x"', 'my file.rs'];
    const text = serializeAuthorshipLog({ files: paths.map((path) => ({ path, entries: [{ key: 's_aaaaaaaaaaaaaa::t_bbbbbbbbbbbbbb', ranges: [1, 2] }] })), baseCommitSha: 'c', sessions: {} });
    expect(text.split('\n---\n')[0]!.split('\n').filter((line) => !line.startsWith('  '))).toEqual(['"say "hi".md"', '"a"b.ts"', '""quoted""', '"""', '"---"', '"x""', '"my file.rs"']);
    expect([...parsed(text).files.keys()]).toEqual(paths);
  });

  test("git-ai's note naming `say \"hi\".md` is carried, its file line as git-ai wrote it", () => {
    const gitAi = `"say "hi".md"\n  s_aaaaaaaaaaaaaa::t_bbbbbbbbbbbbbb 1-2\n${meta('x')}`;
    const note = readNoteForRewrite(gitAi)!;
    expect([...note.files.keys()]).toEqual(['say "hi".md']);
    const text = serializeAuthorshipLog({ files: [...note.files].map(([path, entries]) => ({ path, entries })), baseCommitSha: 'x', sessions: note.metadata.sessions as Record<string, unknown> });
    expect(text).toBe(gitAi);
  });

  test('a path no note line can hold (a line feed) is left out of a carried note, not thrown on; a CR is carried', () => {
    expect(writablePath('a\nb.ts')).toBe(false);
    expect(writablePath('a\rb.ts')).toBe(true);
    const note = readNoteForRewrite(`a\rb.ts\n  s_aaaaaaaaaaaaaa::t_bbbbbbbbbbbbbb 1\n""\n  s_aaaaaaaaaaaaaa::t_bbbbbbbbbbbbbb 2\nok.ts\n  s_aaaaaaaaaaaaaa::t_bbbbbbbbbbbbbb 1\n${meta('x')}`)!;
    expect([...note.files.keys()]).toEqual(['a\rb.ts', 'ok.ts']);
  });
});
