import { describe, expect, test } from 'vitest';
import { attributeFile, groupRows, sumReports, withDeclared } from '../../../src/core/blame/aggregate.js';
import { parseBlame } from '../../../src/core/blame/parse-blame.js';
import { noteLines } from '../../../src/core/notes/note-lines.js';
import { parseAuthorshipLog } from '../../../src/core/notes/parse-authorship-log.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);

// `git blame --porcelain`: `filename` only with a commit's first group (unless it has several paths).
const PORCELAIN = `${A} 1 1 2
author x
boundary
filename old.ts
\tline
${A} 2 2
\tline
${B} 5 3 3
author y
filename "old name.ts"
\tline
${B} 6 4
\tline
${B} 7 5
\tline
${C} 1 6 1
author z
filename new.ts
\tline
${B} 20 7 2
\tline
${B} 21 8
\tline
`;

const INCREMENTAL = `${B} 5 3 3
author y
filename src/a.ts
${C} 1 6 1
author z
filename new.ts
${B} 9 7 2
filename src/b.ts
`;

describe('blame parser: line groups of noted commits', () => {
  test('porcelain: a group without a filename line takes its commit’s last path; boundary groups are left out', () => {
    const noted = new Set([A, B]);
    const blame = parseBlame(PORCELAIN, (sha) => noted.has(sha));
    expect(blame.noted).toEqual([
      { sha: B, path: 'old name.ts', start: 5, count: 3 },
      { sha: B, path: 'old name.ts', start: 20, count: 2 },
    ]);
    expect(blame.commits).toEqual(new Map([[B, 5], [C, 1]]));
  });

  test('incremental: every group names its origin path (a commit seen under two paths)', () => {
    const blame = parseBlame(INCREMENTAL, (sha) => sha === B);
    expect(blame.noted).toEqual([
      { sha: B, path: 'src/a.ts', start: 5, count: 3 },
      { sha: B, path: 'src/b.ts', start: 9, count: 2 },
    ]);
  });

  test('without noted commits nothing extra is kept', () => {
    expect(parseBlame(INCREMENTAL).noted).toBeUndefined();
  });
});

describe('attributeFile with notes', () => {
  const note = parseAuthorshipLog(`src/a.ts
  s_0000000000000a::t_00000000000001 5-6
  h_00000000000001 7
src/b.ts
  0123456789abcdef 10
---
{"schema_version":"authorship/3.0.0","prompts":{"0123456789abcdef":{"agent_id":{"tool":"codex","model":"gpt-5.3-codex"}}},
 "sessions":{"s_0000000000000a":{"agent_id":{"tool":"claude","model":"claude-opus-4-6"}}}}`);
  if (!note.ok) throw new Error(note.error.message);
  const lines = noteLines(note.log);

  test('a noted commit is judged by its note alone; others keep their commit-level attribution', () => {
    const blame = parseBlame(INCREMENTAL, (sha) => sha === B);
    const commitLevel = new Map([
      [B, { models: ['qwen/qwen3-coder'], agents: ['qwen-code'] }],
      [C, { models: ['openai/gpt-5', 'anthropic/claude-opus-4.6'], agents: ['codex'] }],
    ]);
    const report = attributeFile('new.ts', blame, (sha) => commitLevel.get(sha), undefined, (sha) => (sha === B ? lines : undefined));
    expect(report).toEqual({
      path: 'new.ts',
      lines: 6,
      // B: src/a.ts 5-7 → 2 AI (claude), 1 human (h_); src/b.ts 9-10 → line 10 AI (codex). C: 1 line, two models.
      // B's own trailer names Qwen: the note says which of its lines are AI, never that they are not Qwen's.
      ai: 4,
      human: 2,
      byModel: { 'anthropic/claude-opus-4.6': 3, 'openai/gpt-5.3-codex': 1, 'openai/gpt-5': 1, 'qwen/qwen3-coder': 3 },
      byAgent: { 'claude-code': 2, codex: 2, 'qwen-code': 3 },
      lineLevel: 5,
      // B's lines its note calls human (h_ line 7, untracked line 9).
      notedHuman: 2,
    });
    expect(sumReports([report, report]).lineLevel).toBe(10);
  });

  test('a mixed commit whose trailers name both of its note\'s models: each line counts under its own model only (line by line)', () => {
    const blame = parseBlame(INCREMENTAL, (sha) => sha === B);
    const commitLevel = new Map([[B, { models: ['anthropic/claude-opus-4.6', 'openai/gpt-5.3-codex'], agents: ['claude-code', 'codex'] }]]);
    const report = attributeFile('new.ts', blame, (sha) => commitLevel.get(sha), undefined, (sha) => (sha === B ? lines : undefined));
    expect(report).toMatchObject({ ai: 3, human: 3, byModel: { 'anthropic/claude-opus-4.6': 2, 'openai/gpt-5.3-codex': 1 }, byAgent: { 'claude-code': 2, codex: 1 }, notedHuman: 2 });
  });

  test('withDeclared: a note moves lines between the commit\'s models, never makes one vanish', () => {
    // The note names only Claude on a Qwen commit: Qwen stays.
    expect(withDeclared('anthropic/claude-opus-4.6', ['qwen/qwen3-coder'], ['anthropic/claude-opus-4.6'])).toEqual(['anthropic/claude-opus-4.6', 'qwen/qwen3-coder']);
    // The note gives Qwen lines of its own elsewhere: this Claude line is Claude's.
    expect(withDeclared('anthropic/claude-opus-4.6', ['qwen/qwen3-coder', 'anthropic/claude-opus-4.6'], ['anthropic/claude-opus-4.6', 'qwen/qwen3-coder'])).toEqual(['anthropic/claude-opus-4.6']);
    // The note's `default` gives way to the trailer's model; a trailer's vague model to the note's precise one of its vendor.
    expect(withDeclared('unknown', ['anthropic/claude-opus-4.6'], ['unknown'])).toEqual(['anthropic/claude-opus-4.6']);
    expect(withDeclared('anthropic/claude-opus-4.6', ['anthropic/unknown'], ['anthropic/claude-opus-4.6'])).toEqual(['anthropic/claude-opus-4.6']);
    expect(withDeclared('anthropic/claude-opus-4.6', ['unknown'])).toEqual(['anthropic/claude-opus-4.6']);
    // Another vendor's vague name stays: the note cannot take the commit's vendor away.
    expect(withDeclared('openai/gpt-5', ['anthropic/unknown'], ['openai/gpt-5'])).toEqual(['openai/gpt-5', 'anthropic/unknown']);
    expect(withDeclared('openai/gpt-5', undefined)).toEqual(['openai/gpt-5']);
  });

  test('by author: a noted commit\'s lines go to its author, its AI lines judged by the note', () => {
    const blame = parseBlame(INCREMENTAL, (sha) => sha === B);
    const commitLevel = new Map([[C, { models: ['openai/gpt-5', 'anthropic/claude-opus-4.6'], agents: ['codex'] }]]);
    const authors = new Map([[B, 'Bea <b@x>'], [C, 'Cy <c@x>']]);
    const report = attributeFile('new.ts', blame, (sha) => commitLevel.get(sha), undefined, (sha) => (sha === B ? lines : undefined), (sha) => authors.get(sha) ?? 'Other <o@x>');
    expect({ ...report.byAuthor }).toEqual({
      'Bea <b@x>': { lines: 5, ai: 3, byModel: { 'anthropic/claude-opus-4.6': 2, 'openai/gpt-5.3-codex': 1 }, byAgent: { 'claude-code': 2, codex: 1 } },
      'Cy <c@x>': { lines: 1, ai: 1, byModel: { 'openai/gpt-5': 1, 'anthropic/claude-opus-4.6': 1 }, byAgent: { codex: 1 } },
    });
    const rows = groupRows([report, { ...report, path: 'other.ts' }], 'author');
    expect(rows.map((row) => [row.key, row.lines, row.ai, row.human])).toEqual([['Cy <c@x>', 2, 2, 0], ['Bea <b@x>', 10, 6, 4]]);
    expect(attributeFile('new.ts', blame, (sha) => commitLevel.get(sha))).not.toHaveProperty('byAuthor');
  });

  test('a noted commit whose note could not be read keeps its commit-level attribution', () => {
    const blame = parseBlame(INCREMENTAL, (sha) => sha === B);
    const report = attributeFile('new.ts', blame, (sha) => (sha === B ? { models: ['qwen/qwen3-coder'], agents: ['qwen-code'] } : undefined));
    expect(report).toMatchObject({ ai: 5, human: 1, lineLevel: 0, byModel: { 'qwen/qwen3-coder': 5 } });
  });
});
