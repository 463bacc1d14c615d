// Disclosures as 2026 public histories write them (ChatGPT's picker names, Devin's Cognition address,
// FLOYD CLI's `Claude via FLOYD` line), on real commits: `aitrail log` and `aitrail check` under a policy.
import { describe, expect, it } from 'vitest';
import { type Case, expectLog, refusedBy } from '../helpers/log-cases.js';

/**
 * ChatGPT's model picker names (`GPT-5.6 Thinking`, `GPT-5 Thinking mini`, `GPT-5.2 Instant`) were
 * read as models no vendor published (`openai/gpt-5.6-thinking`, `openai/gpt-5.2-instant`), past a
 * deny of the model and refused by an allow of it. OpenAI maps them to its API ids.
 */
const PICKER: Case[] = [
  ['feat: the resolvent\n\nCo-authored-by: GPT-5.6 Thinking <noreply@openai.com>\n', ['codex:openai/gpt-5.6']],
  ['feat: the resolvent\n\nAssisted-by: GPT-5.6 Thinking\n', ['unknown:openai/gpt-5.6']],
  ['feat: the resolvent\n\nAssisted-by: ChatGPT 5.2 Thinking (Extended)\n', ['unknown:openai/gpt-5.2']],
  ['feat: the resolvent\n\nAssisted-by: GPT-5 Thinking mini\n', ['unknown:openai/gpt-5-mini']],
  ['feat: the resolvent\n\nAssisted-by: GPT-5.2 Instant\n', ['unknown:openai/gpt-5.2-chat']],
  // As before: the API's own names, and other vendors' thinking models.
  ['feat: the resolvent\n\nAssisted-by: GPT-5.2 Pro\n', ['unknown:openai/gpt-5.2-pro']],
  ['feat: the resolvent\n\nAssisted-by: GPT-5.6 Luna\n', ['unknown:openai/gpt-5.6-luna']],
  ['feat: the resolvent\n\nAssisted-by: qwen3-235b-a22b-thinking-2507\n', ['unknown:qwen/qwen3-235b-a22b-thinking-2507']],
];

/**
 * Devin's line as projects' agent rules have it sign (`Co-Authored-By: Devin AI <devin@cognition.ai>`,
 * on commits by people and by devin-ai-integration[bot]) read as a person's; and FLOYD CLI's
 * `Assisted-by: Claude via FLOYD <floyd@charmpunk.dev>` read as a person named Claude.
 */
const AGENTS: Case[] = [
  ['feat(ai): tune the retreat threshold\n\nCo-Authored-By: Devin AI <devin@cognition.ai>\n', ['devin:unknown']],
  ['fix: resolve bug\n\n\n\u{1F916} Generated with FLOYD CLI\n\n\nAssisted-by: Claude via FLOYD <floyd@charmpunk.dev>\n', ['unknown:anthropic/unknown']],
  ['fix: resolve bug\n\nAssisted-by: GPT-4o via FLOYD <floyd@charmpunk.dev>\n', ['unknown:openai/gpt-4o']],
  ['fix: resolve bug\n\nAssisted-by: Claude Opus 4.6 via Crush <crush@charm.land>\n', ['crush:anthropic/claude-opus-4.6']],
  // Kimi at Moonshot's addresses, as before: the name alone or with its model.
  ['fix: the tokenizer cache\n\nCo-authored-by: Kimi <kimi@moonshot.ai>\n', ['unknown:moonshotai/unknown']],
  ['fix: the tokenizer cache\n\nCo-authored-by: Kimi K2.6 <kimi@moonshot.ai>\n', ['unknown:moonshotai/kimi-k2.6']],
  ['fix: the tokenizer cache\n\nCo-authored-by: Kimi K3 (1M) <noreply@moonshot.ai>\n', ['unknown:moonshotai/kimi-k3']],
];

/** People: a Devin at Cognition, a Kimi at Moonshot, a Claude who helped over IRC at their own address, a person via the tool. */
const PEOPLE: Case[] = [
  ['fix: the tokenizer cache\n\nCo-authored-by: Kimi Li <kimi@moonshot.cn>\n', []],
  ['fix: the tokenizer cache\n\nCo-authored-by: Kimi R\u00e4ikk\u00f6nen <kimi@moonshot.ai>\n', []],
  ['docs: fix the link\n\nCo-authored-by: Devin Stein <devin@cognition.ai>\n', []],
  ['docs: fix the link\n\nCo-authored-by: Devin <devin@cognition.ai>\n', []],
  ['net: fix the backoff\n\nAssisted-by: Claude via IRC <claude@example.com>\n', []],
  ['net: fix the backoff\n\nAssisted-by: Claude Dupont via FLOYD <floyd@charmpunk.dev>\n', []],
  ['net: fix the backoff\n\nAssisted-by: Jane Roe via FLOYD <floyd@charmpunk.dev>\n', []],
];

/**
 * A Claude model with LMArena's thinking budget after it (`claude-opus-4-5-20251101-thinking-32k`, `-high-32k`;
 * a project's `Made with claude-sonnet-4-5-20250929-thinking-32k`): read as a model of that name, date and all.
 */
const BUDGETS: Case[] = [
  ['feat: the resolvent\n\nAssisted-by: claude-opus-4-5-20251101-thinking-32k\n', ['unknown:anthropic/claude-opus-4.5']],
  ['feat: the resolvent\n\nMade-with: claude-sonnet-4-5-20250929-thinking-32k\n', ['unknown:anthropic/claude-sonnet-4.5']],
  ['feat: the resolvent\n\nAssisted-by: Claude:claude-opus-4-6-high-32k\n', ['claude-code:anthropic/claude-opus-4.6']],
  // As before: Claude 2's context sizes are its models' own names.
  ['feat: the resolvent\n\nAssisted-by: claude-2-100k\n', ['unknown:anthropic/claude-2-100k']],
];

describe("ChatGPT's picker names", () => {
  it('log reads the API model OpenAI maps them to', () => {
    expectLog(PICKER);
  });

  it("log reads a Claude model without LMArena's thinking budget", () => {
    expectLog(BUDGETS);
  });

  it('check holds a deny and an allow of that model', () => {
    const messages = PICKER.slice(0, 3).map(([message]) => message);
    const denied = refusedBy('policy:\n  deny: ["openai/gpt-5.6", "openai/gpt-5.2"]\n', messages);
    expect(denied.refused).toEqual([...denied.shas].sort());
    expect(refusedBy('policy:\n  allow: ["openai/gpt-5.6", "openai/gpt-5.2"]\n  unknownModel: deny\n', messages).refused).toEqual([]);
  });
});

describe("agents' lines of 2026", () => {
  it('log reads Devin at its Cognition address and the model a tool ran under `via`', () => {
    expectLog(AGENTS);
  });

  it('log keeps people as people', () => {
    expectLog(PEOPLE);
  });

  it('check refuses them under a deny of the vendor or of unknown models, and passes the people', () => {
    const policy = 'policy:\n  deny: ["anthropic/*"]\n  unknownModel: deny\n';
    const denied = refusedBy(policy, AGENTS.slice(0, 2).map(([message]) => message));
    expect(denied.refused).toEqual([...denied.shas].sort());
    expect(refusedBy(policy, PEOPLE.map(([message]) => message)).refused).toEqual([]);
  });
});
