// Session 29 (rows 346 and 347): real agents' commit footprints read as a person's, or with the
// wrong model. Each case is a footprint seen in public repositories in 2026; each failed before its fix.
import { describe, expect, it } from 'vitest';
import { detectCommit } from '../../src/core/detect/commit.js';
import type { CommitSignals, Identity } from '../../src/core/types.js';
import { CURSOR_FOOTER_2026 as CURSOR_FOOTER } from '../helpers/agent-footers.js';

const JANE: Identity = { name: 'Jane Doe', email: 'jane@example.com' };

/** What detection reads from a message (trailers as git would parse the last paragraph). */
function read(message: string): string[] {
  const paragraphs = message.trimEnd().split(/\n\s*\n/);
  const last = paragraphs.length > 1 ? (paragraphs.at(-1) ?? '') : '';
  const lines = last.split('\n');
  const trailers = lines.every((line) => /^[A-Za-z0-9-]+: /.test(line))
    ? lines.map((line) => ({ key: line.slice(0, line.indexOf(':')), value: line.slice(line.indexOf(':') + 2) }))
    : [];
  const signals: CommitSignals = { subject: message.split('\n')[0] ?? '', message, author: JANE, committer: JANE, trailers };
  return detectCommit(signals).map((a) => `${a.agent}:${a.model}`).sort();
}

describe('an `Agent-Model:` trailer (row 346)', () => {
  it('is the model of the agent another line names, and AI on its own', () => {
    expect(read('fix\n\nCo-authored-by: pi <noreply@pi.dev>\nAgent-Model: openai-codex/gpt-5.1-codex\n')).toEqual(['pi:openai/gpt-5.1-codex']);
    expect(read('fixture: x\n\nAgent: Vera\nAgent-Runtime: OpenAI Codex\nAgent-Model: gpt-5.2-codex\nCo-Authored-By: Codex <noreply@openai.com>\n')).toEqual(['codex:openai/gpt-5.2-codex']);
    expect(read('fix: tighten web UI focus states\n\nAgent-Model: claude-sonnet-4.5\nAgent-Family: anthropic\nAgent-Session: s1\n')).toEqual(['unknown:anthropic/claude-sonnet-4.5']);
    expect(read('feat: x\n\nAgent-Model: qwen3-coder\n')).toEqual(['unknown:qwen/qwen3-coder']);
  });

  it("is no AI where it says none, and a person's `agent-model:` subject stays theirs", () => {
    expect(read('fix\n\nAgent-Model: none\n')).toEqual([]);
    expect(read('agent-model: add gpt-5 to the list\n')).toEqual([]);
  });
});

describe("Cursor's and Devin's pull request footers as they write them now (row 347)", () => {
  it("Cursor's Open in Web / Open in Cursor links with their tracking query are Cursor's", () => {
    expect(read(`Fix the login redirect (#48)\n\nFixes the redirect.\n\n${CURSOR_FOOTER}\n`)).toEqual(['cursor:unknown']);
  });

  it("Devin's `Link to Devin session:` line is Devin's, as `Link to Devin run:` was", () => {
    expect(read('Fix the title (#281)\n\n- x\n\nLink to Devin session: https://app.devin.ai/sessions/42313eb582eb45e2b9dfcfdb001da682\nRequested by: @jane\n')).toEqual(['devin:unknown']);
    expect(read('Fix the title (#281)\n\n---\n\nLink to Devin Session: https://app.devin.ai/sessions/7fbd6c1a5c2744548c4cb1988ee36808  \nRequested by: @jane\n')).toEqual(['devin:unknown']);
  });

  it('a link to a run in prose, or a query that leaves the link, is no footer', () => {
    expect(read('docs: note\n\nSee https://app.devin.ai/sessions/42313eb582eb45e2b9dfcfdb001da682 for the session.\n')).toEqual([]);
    expect(read('docs: note\n\n<a href="https://cursor.com/agents/bc-0cf04834-c057-41c6-abc9-853f23aceb21?x=1 "><picture>\n')).toEqual([]);
  });
});
