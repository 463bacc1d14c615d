// Row 1011, the final review of rows 987 and 997: an unknown vendor's `owner/name` is dropped as the
// repository of an agent's rules only when every place it is written is such a reference (row 997), yet a place
// glued to a mark (the kernel's `Claude:acme/coder-2`, `model=acme/coder-2`) was skipped as if it were another word,
// so `Assisted-by: Claude:acme/coder-2 following the acme/coder-2 rules` read `claude-code:unknown` and passed
// `deny: ["acme/*"]` under `unknownModel: warn`. And a license is no rules an agent follows: a model's license is
// named by its id (`under the acme/coder-2 license`), which hid it. This test failed before its fix
// (declared-value.ts referencedRepository). The honest rules references still read as no model, a quoted one too
// (it read as the model `acme/widgets`: the quote made it no place at all).
import { describe, expect, it } from 'vitest';
import { detectCommit } from '../../src/core/detect/commit.js';
import { parseTrailers } from '../../src/core/trailers/parse.js';

function read(trailer: string): string[] {
  const message = `feat: x\n\n${trailer}\n`;
  const who = { name: 'Ann', email: 'ann@example.com' };
  return detectCommit({ subject: 'feat: x', message, trailers: parseTrailers(message), author: who, committer: who }).map((a) => `${a.agent}:${a.model}`);
}

describe('an unknown vendor id glued to a mark, or before `license`, is the model (row 1011)', () => {
  it.each([
    ['Assisted-by: Claude:acme/coder-2 following the acme/coder-2 rules', 'claude-code:acme/coder-2'],
    ['Generated-by: Claude Code, model=acme/coder-2, per the acme/coder-2 guidelines', 'claude-code:acme/coder-2'],
    ['Generated-by: Claude Code under the acme/coder-2 license', 'claude-code:acme/coder-2'],
  ])('%s', (trailer, expected) => {
    expect(read(trailer)).toContain(expected);
  });

  it.each([
    ['Generated-by: Claude Code (Claude Opus 4.7) following the apache/security AGENTS.md conventions', 'claude-code:anthropic/claude-opus-4.7'],
    ['Generated-by: Claude Code according to the acme/widgets guidelines', 'claude-code:unknown'],
    ['Generated-by: Claude Code following the "acme/widgets" AGENTS.md conventions', 'claude-code:unknown'],
    ['Generated-by: Claude Code per `acme/widgets` guidelines', 'claude-code:unknown'],
  ])('careless truth: %s', (trailer, expected) => {
    expect(read(trailer)).toEqual([expected]);
  });
});
