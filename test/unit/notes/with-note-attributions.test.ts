import { describe, expect, test } from 'vitest';
import { evaluateCommit } from '../../../src/core/policy/evaluate.js';
import type { NoteAuthor } from '../../../src/core/notes/note-lines.js';
import { noteEvidence, withNoteAttributions } from '../../../src/core/notes/with-note-attributions.js';
import type { Attribution } from '../../../src/core/types.js';
import { facts, policy } from '../policy/facts.js';

const author = (agent: string, model: string, paths: string[], lines = 3): NoteAuthor => ({ agent, model, recorded: { tool: agent, model }, paths, lines });
const declared: Attribution = { agent: 'claude-code', model: 'anthropic/claude-opus-4.6', evidence: ['trailer Assisted-by: claude-code:anthropic/claude-opus-4.6'], declared: true };
const REF = 'refs/notes/ai';

describe('withNoteAttributions', () => {
  test('an author the commit names gains the note as evidence and keeps its whole-commit scope', () => {
    const merged = withNoteAttributions([declared], [author('claude-code', 'anthropic/claude-opus-4.6', ['a.ts'])], REF, ['a.ts', 'src/crypto/k.ts']);
    expect(merged).toEqual([{ ...declared, evidence: [...declared.evidence, 'note refs/notes/ai: git-ai tool "claude-code", model "anthropic/claude-opus-4.6", 3 lines in 1 file'] }]);
    expect(merged[0]!.paths).toBeUndefined();
    expect(declared.evidence).toHaveLength(1);
  });

  test('a new author is undeclared and concerns the changed paths holding its lines', () => {
    const merged = withNoteAttributions([declared], [author('opencode', 'qwen/qwen3-coder', ['b.ts', 'not-changed.ts'])], REF, ['a.ts', 'b.ts']);
    expect(merged[1]).toEqual({ agent: 'opencode', model: 'qwen/qwen3-coder', evidence: [expect.stringContaining('note refs/notes/ai')], declared: false, paths: ['b.ts'] });
    expect(withNoteAttributions([], [author('opencode', 'qwen/qwen3-coder', ['b.ts', 'x.ts'])], REF, null)[0]!.paths).toEqual(['b.ts', 'x.ts']);
  });

  test('evidence wording', () => {
    expect(noteEvidence(REF, author('codex', 'openai/gpt-5.3-codex', ['a.ts'], 1))).toBe('note refs/notes/ai: git-ai tool "codex", model "openai/gpt-5.3-codex", 1 line in 1 file');
    expect(noteEvidence(REF, { ...author('x', 'unknown', [], 0), recorded: { tool: null, model: null } })).toBe('note refs/notes/ai: git-ai tool none, model none, no line in this commit');
  });
});

describe('path rules on note attributions', () => {
  const rules = policy({ undeclared: 'allow', paths: [{ files: ['src/crypto/**'], allow: [] }, { files: ['src/billing/**'], requireTrailers: ['Reviewed-by'] }] });
  const changed = ['src/app.ts', 'src/crypto/k.ts', 'src/billing/b.ts'];
  const judge = (attributions: Attribution[]) => evaluateCommit(facts({ paths: changed, attributions }), rules).map((violation) => [violation.rule, violation.model, violation.paths]);

  test('note lines outside the protected files pass; inside they break the rule, naming only those files', () => {
    expect(judge(withNoteAttributions([], [author('claude-code', 'anthropic/claude-opus-4.6', ['src/app.ts'])], REF, changed))).toEqual([]);
    expect(judge(withNoteAttributions([], [author('cursor', 'cursor/composer-1', ['src/crypto/k.ts', 'src/app.ts'])], REF, changed))).toEqual([['path-model-not-allowed', 'cursor/composer-1', ['src/crypto/k.ts']]]);
    expect(judge(withNoteAttributions([], [author('codex', 'openai/gpt-5.3-codex', ['src/billing/b.ts'])], REF, changed))).toEqual([['path-missing-trailer', 'openai/gpt-5.3-codex', ['src/billing/b.ts']]]);
  });

  test('a commit-level attribution still covers every changed path, whatever its note says', () => {
    const merged = withNoteAttributions([declared], [author('claude-code', 'anthropic/claude-opus-4.6', ['src/app.ts'])], REF, changed);
    expect(judge(merged).map(([rule]) => rule)).toEqual(['path-model-not-allowed', 'path-missing-trailer']);
  });

  test('a note author with no line left in the commit touches no protected file', () => {
    expect(judge(withNoteAttributions([], [author('cursor', 'cursor/composer-1', [], 0)], REF, changed))).toEqual([]);
  });
});
