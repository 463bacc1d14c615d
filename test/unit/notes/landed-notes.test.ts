import { describe, expect, test } from 'vitest';
import { landedViolations } from '../../../src/core/policy/landed-violations.js';
import type { LandedLines } from '../../../src/core/policy/landed-lines.js';
import { noteLines } from '../../../src/core/notes/note-lines.js';
import { parseAuthorshipLog } from '../../../src/core/notes/parse-authorship-log.js';
import { withNoteAttributions } from '../../../src/core/notes/with-note-attributions.js';
import { ai, facts, policy } from '../policy/facts.js';

const SHA = 'b'.repeat(40);
const CRYPTO = policy({ paths: [{ files: ['src/crypto/**'], allow: [] }] });
const parsed = parseAuthorshipLog(`lib/aes.ts
  s_0000000000000a::t_00000000000001 10-12
  h_00000000000001 20-29
---
{"schema_version":"authorship/3.0.0","prompts":{},"sessions":{"s_0000000000000a":{"agent_id":{"tool":"cursor","model":"composer-1"}}}}`);
if (!parsed.ok) throw new Error(parsed.error.message);
const note = noteLines(parsed.log);
const silent = facts({ sha: SHA, paths: ['lib/aes.ts'], attributions: withNoteAttributions([], note.authors(), 'refs/notes/ai', ['lib/aes.ts']) });
const moved = (start: number, lines: number): LandedLines => ({ sha: SHA, path: 'src/crypto/aes.ts', rules: [0], lines, origin: { path: 'lib/aes.ts', start } });
const judge = (landed: LandedLines[], commit = silent) =>
  landedViolations(landed, new Map([[SHA, commit]]), CRYPTO, { inRange: () => true, reported: [], noteOf: (sha) => (sha === SHA ? note : undefined) });

describe('path rules by lines, with a git-ai note', () => {
  test('AI lines of the note moved into a protected file break the rule, counted by their AI lines', () => {
    const [violation, ...rest] = judge([moved(9, 5)]);
    expect(rest).toEqual([]);
    expect(violation).toMatchObject({ rule: 'path-model-not-allowed', model: 'cursor/composer-1', path: 'src/crypto/aes.ts', lines: 3 });
  });

  test('the note’s human (or untracked) lines moved there are human', () => {
    expect(judge([moved(20, 10), moved(1, 9), moved(13, 7)])).toEqual([]);
  });

  test('a commit-level attribution covers all its moved lines, whatever the note says', () => {
    const declared = { ...silent, attributions: withNoteAttributions([ai('anthropic/claude-opus-4.6')], note.authors(), 'refs/notes/ai', ['lib/aes.ts']) };
    const violations = judge([moved(20, 4)], declared);
    expect(violations.map((violation) => [violation.model, violation.lines])).toEqual([['anthropic/claude-opus-4.6', 4]]);
  });
});
