// `Agent:` / `Agent-Tool:` beside a trailer that names AI (row 574) were read as a model key's value,
// so a support desk's `Agent: Devin Smith` (the person who raised the ticket) beside Claude Code's
// co-author line added the agent Devin, `Agent: Jules Verne` Jules, and a team's lane label
// `Agent: claude-1` the model Claude 1: an allow-list or deny by agent judged an agent that never ran.
// They name a product (`Claude Code`, `GitHub Copilot`) or a script's slug (`github-copilot`), never a person.
import { describe, expect, it } from 'vitest';
import { commitSignals } from '../../src/core/commit-signals.js';
import { detectCommit } from '../../src/core/detect.js';
import type { Identity } from '../../src/core/types.js';

const human: Identity = { name: 'Jane Doe', email: 'jane@example.com' };
function detect(message: string): string[] {
  return detectCommit(commitSignals({ message, author: human, committer: human }))
    .map((a) => `${a.agent}:${a.model}`)
    .sort();
}
const claude = 'Co-authored-by: Claude <noreply@anthropic.com>';

describe('an Agent: trailer beside an AI trailer names a product, never a person', () => {
  it.each([
    [`Fix the refund export\n\nTicket: SUP-4821\nAgent: Devin Smith\n${claude}\n`],
    [`Fix the refund export\n\nAgent: Jules Verne\n${claude}\n`],
    [`Fix the refund export\n\nAgent: Amp Support\n${claude}\n`],
    [`Fix the refund export\n\nAgent: Devin\n${claude}\n`],
    [`Fix the refund export\n\nAgent-Tool: Cody Banks\n${claude}\n`],
    // A lane's label that is also a model's id.
    [`Hand off rerank stage 2\n\nWork-Item: 42\nRecord: handoff\nAgent: claude-1\nStatus: In progress\n${claude}\n`],
    [`x\n\nAgent: gpt-4o-mini-support-bot\n${claude}\n`],
    [`x\n\nAgent: Devin: tier 2\n${claude}\n`],
  ])('reads only the co-author: %j', (message) => {
    expect(detect(message)).toEqual(['claude-code:unknown']);
  });

  it.each([
    ['add retry\n\nAgent: Claude Code\nAgent-Model: claude-opus-4-6\n', ['claude-code:anthropic/claude-opus-4.6']],
    ['fix the gate\n\nAssisted-by: LLM\nAgent-model: claude-opus-5-5\nAgent-tool: Claude Code\n', ['claude-code:anthropic/claude-opus-5.5']],
    ['feat(api): add auth\n\nCo-authored-by: Github Copilot <gpt-4o@github-copilot>\nagent: github-copilot\nmodel: gpt-4o\n', ['copilot:openai/gpt-4o']],
    [`x\n\nAgent: Cursor\n${claude}\n`, ['claude-code:unknown', 'cursor:unknown']],
    [`x\n\nAgent: devin\n${claude}\n`, ['claude-code:unknown', 'devin:unknown']],
    ['x\n\nAssisted-by: Claude\nAgent: Claude Code (claude-opus-4-6)\n', ['claude-code:anthropic/claude-opus-4.6']],
    // The trailer's own AGENT:MODEL form.
    ['x\n\nAssisted-by: LLM\nAgent: codex:gpt-5\n', ['codex:openai/gpt-5']],
    ['x\n\nAssisted-by: LLM\nAgent: claude-code:anthropic/claude-opus-4.6\n', ['claude-code:anthropic/claude-opus-4.6']],
  ])('still names the agent a product name or slug names: %j', (message, expected) => {
    expect(detect(message)).toEqual(expected);
  });
});
