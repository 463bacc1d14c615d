// An agent named beside an agent-less model trailer (`Agent: Claude Code` over `Agent-Model:
// claude-opus-4-6`, a dotfiles commit skill's trailers; `Agent-tool: Claude Code` under
// `Agent-model: claude-opus-5-5`, a pre-ready gate's) was read as no agent's model: a policy's deny
// of a model for one agent did not see it, and `log` named no agent. Read like `Model:` beside an
// agent's line: only when another trailer already names AI, and only for the agent or model it names.
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

describe('an agent trailer beside an agent-less model trailer', () => {
  it.each([
    ['add retry to the http client\n\nAgent: Claude Code\nAgent-Model: claude-opus-4-6\nAgent-Session-Id: 4f1c2d3e-5a6b-7c8d-9e0f-112233445566\n', ['claude-code:anthropic/claude-opus-4.6']],
    ['fix the gate\n\nAssisted-by: LLM\nAgent-model: claude-opus-5-5\nAgent-tool: Claude Code\n', ['claude-code:anthropic/claude-opus-5.5']],
    ['fix the gate\n\nAgent-Model: gpt-5.4\nAgent: Codex\n', ['codex:openai/gpt-5.4']],
  ])('names the agent: %j', (message, expected) => {
    expect(detect(message)).toEqual(expected);
  });

  it.each([
    // A label or a person's name beside the model names no agent.
    ['x\n\nAgent: shadow\nAgent-Model: claude-opus-5\n', ['unknown:anthropic/claude-opus-5']],
    ['x\n\nAgent: Jane Doe\nAgent-Model: claude-opus-5\n', ['unknown:anthropic/claude-opus-5']],
    // Alone, with no AI trailer beside it, `Agent:` declares nothing (a ticketing or support trailer).
    ['Escalate the ticket\n\nAgent: Claude Code\n', []],
    ['Escalate the ticket\n\nAgent: Jane Doe\nAgent-Tool: Zendesk\n', []],
  ])('names nothing more: %j', (message, expected) => {
    expect(detect(message)).toEqual(expected);
  });
});
