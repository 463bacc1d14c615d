// A model named as a co-author at a person's own address tagged with the agent that ran it
// (renovatebot/renovate b62fe59: `Claude Sonnet 5 <jamie.tanna+claude-code@mend.io>` beside Copilot
// Autofix's line) was read as no agent's model, and the merge then gave Copilot Claude's model.
import { describe, expect, it } from 'vitest';
import { commitSignals } from '../../src/core/commit-signals.js';
import { detectCommit } from '../../src/core/detect.js';
import type { Identity } from '../../src/core/types.js';

const human: Identity = { name: 'Jamie Tanna', email: 'jamie.tanna@mend.io' };
function detect(message: string): string[] {
  return detectCommit(commitSignals({ message, author: human, committer: human }))
    .map((a) => `${a.agent}:${a.model}`)
    .sort();
}
const coAuthor = (...lines: string[]) => detect(`fix: remove references to "bot"\n\n${lines.map((line) => `Co-authored-by: ${line}`).join('\n')}\n`);

describe("a model at a person's address tagged with an agent", () => {
  it("is that agent's model, and the other agent on the commit keeps its own (renovate b62fe59)", () => {
    expect(coAuthor('Claude Sonnet 5 <jamie.tanna+claude-code@mend.io>', 'Copilot Autofix powered by AI <175728472+Copilot@users.noreply.github.com>')).toEqual([
      'claude-code:anthropic/claude-sonnet-5',
      'copilot:unknown',
    ]);
  });

  it.each([
    ['Claude Opus 4.6 <jane+claude-code@example.com>', 'claude-code:anthropic/claude-opus-4.6'],
    ['GPT-5.4 <jane+codex@example.com>', 'codex:openai/gpt-5.4'],
    ['Claude Sonnet 4.5 <jane+cursor.agent@example.com>', 'cursor:anthropic/claude-sonnet-4.5'],
  ])('%s → %s', (line, expected) => {
    expect(coAuthor(line)).toEqual([expected]);
  });

  it.each([
    // A tag that names no agent, or no tag: the model, no agent.
    ['Claude Sonnet 5 <jamie.tanna+ai@mend.io>', ['unknown:anthropic/claude-sonnet-5']],
    ['Claude Sonnet 5 <jamie.tanna@mend.io>', ['unknown:anthropic/claude-sonnet-5']],
    // GitHub's `<id>+<login>`: the login `cursor` is an account, no tag.
    ['Claude Sonnet 5 <12345+cursor@users.noreply.github.com>', ['unknown:anthropic/claude-sonnet-5']],
    // A person's name stays a person's whatever the tag.
    ['Jane Doe <jane+claude-code@example.com>', []],
    ['Claude Monet <claude+cursor@example.com>', []],
  ])('%s → %j', (line, expected) => {
    expect(coAuthor(line)).toEqual(expected);
  });
});
