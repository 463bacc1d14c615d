// Session 49 helper q (row 932): a vendor's word, or a family only one vendor makes, written beside
// an agent's name read as the agent's unknown model, a warning under a deny of that vendor:
// `AI-Agent: OpenAI Codex` (with a space; `OpenAI-Codex` was refused), `Assisted-by: Anthropic Claude`,
// `Anthropic Claude Code`, `ChatGPT Codex`, and an AI account's name whose product is a family
// (`Co-authored-by: Claude Assistant <…>`, `Gemini AI <…>`, `Assisted-by: Claude AI`, `Codex Assistant`)
// read `codex:unknown`, `claude-code:unknown`, `gemini-cli:unknown`. They now read the agent with that
// vendor's unknown model (`codex:openai/unknown`), refused by a deny of the vendor, passed by an allow
// of it. The agent's own name alone still names only the agent (`Claude`, `Claude Code`, `Codex`,
// `Gemini CLI`: run behind a router, rows 829, 866), a maker's word before an agent of no family of its
// own names the tool's maker (`Google Jules`, `Microsoft Copilot`), and a model named beside the agent
// is its model (`OpenAI Codex with qwen3-coder`, `claude-code:openai/gpt-5`). The log and refusal
// blocks failed before the fix (mentions.ts makerNamed).
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';
import { expectLog } from '../helpers/log-cases.js';
import { agentCommit, hooked } from '../helpers/agent-home.js';
import { hookEnv } from '../helpers/hooks.js';

const DENY = 'policy:\n  deny: ["openai/*", "anthropic/*", "google/*"]\n';

describe('a vendor or its family named beside an agent (row 932)', () => {
  it('log reads the agent with that vendor; the agent alone, a maker of no family and a named model as before', () => {
    expectLog([
      ['feat: a\n\nAI-Agent: OpenAI Codex\n', ['codex:openai/unknown']],
      ['feat: b\n\nAssisted-by: ChatGPT Codex\n', ['codex:openai/unknown']],
      ['feat: c\n\nAssisted-by: Anthropic Claude Code\n', ['claude-code:anthropic/unknown']],
      ['feat: d\n\nAssisted-by: Anthropic Claude\n', ['claude-code:anthropic/unknown']],
      ['feat: e\n\nCo-authored-by: Claude Assistant <claude@example.com>\n', ['claude-code:anthropic/unknown']],
      ['feat: f\n\nCo-authored-by: Gemini AI <g@example.com>\n', ['gemini-cli:google/unknown']],
      ['feat: g\n\nAssisted-by: Claude AI\n', ['claude-ai:anthropic/unknown']],
      ['feat: h\n\nAssisted-by: Gemini Agent\n', ['gemini-cli:google/unknown']],
      ['feat: i\n\nAssisted-by: Claude Code\n', ['claude-code:unknown']],
      ['feat: j\n\nAssisted-by: Claude\n', ['claude-code:unknown']],
      ['feat: k\n\nAssisted-by: Codex\n', ['codex:unknown']],
      ['feat: l\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n', ['claude-code:unknown']],
      ['feat: m\n\nAssisted-by: Google Jules\n', ['jules:google/unknown']], // Jules runs only Gemini (row 944)
      ['feat: n\n\nAssisted-by: Microsoft Copilot\n', ['copilot:unknown']],
      ['feat: o\n\nAssisted-by: Copilot AI\n', ['copilot:unknown']],
      ['feat: p\n\nAssisted-by: OpenAI Codex with qwen3-coder\n', ['codex:qwen/qwen3-coder']],
      ['feat: q\n\nAssisted-by: claude-code:openai/gpt-5\n', ['claude-code:openai/gpt-5']],
      ['feat: r\n\nCo-authored-by: Claude Dupont <claude@example.com>\n', []],
      // Another trailer's model is the agent's (row 883): the maker's vendor names none.
      ['feat: s\n\nAI-Agent: OpenAI Codex\nAI-Model: qwen3-coder\n', ['codex:qwen/qwen3-coder']],
      ['feat: t\n\nCo-authored-by: Claude Assistant <claude@example.com>\nAI-Model: qwen3-coder\n', ['claude-code:qwen/qwen3-coder']],
    ]);
  });

  it('is refused by check and pre-receive under a deny of its vendor; the agent alone and a named model pass', () => {
    const { remote, work } = policyServer(DENY);
    const models: Record<string, string> = { space: 'openai/unknown', anthropic: 'anthropic/unknown', assistant: 'anthropic/unknown', gemini: 'google/unknown', claudeAi: 'anthropic/unknown', jules: 'google/unknown' };
    expectEachRefused(remote, work, {
      space: 'feat: a\n\nAI-Agent: OpenAI Codex\n',
      anthropic: 'feat: b\n\nAssisted-by: Anthropic Claude Code\n',
      assistant: 'feat: c\n\nCo-authored-by: Claude Assistant <claude@example.com>\n',
      gemini: 'feat: d\n\nCo-authored-by: Gemini AI <g@example.com>\n',
      claudeAi: 'feat: e\n\nAssisted-by: Claude AI\n',
      jules: 'feat: h\n\nAssisted-by: Google Jules\n', // row 944
    }, (found, name) => expect(found, name).toContain(models[name]));
    expectEachPasses(work, [
      'feat: f\n\nAssisted-by: Claude Code\n',
      'feat: g\n\nAssisted-by: Codex\n',
      'feat: i\n\nAssisted-by: OpenAI Codex with qwen3-coder\n',
      'feat: j\n\nAI-Agent: OpenAI Codex\nAI-Model: qwen3-coder\n',
    ]);
  }, 120_000);

  it('passes an allow of the vendor it names', () => {
    const { work } = policyServer('policy:\n  allow: ["openai/*", "anthropic/*", "google/*"]\n');
    expectEachPasses(work, ['feat: a\n\nAI-Agent: OpenAI Codex\n', 'feat: b\n\nCo-authored-by: Claude Assistant <claude@example.com>\n']);
  }, 120_000);

  it('is refused at commit by the installed hooks', () => {
    const repo = hooked('policy:\n  deny: ["openai/*"]\n');
    const refused = agentCommit(repo, hookEnv({}), 'feat: parser\n\nAI-Agent: OpenAI Codex\n');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/model-denied[\s\S]*openai\/unknown/);
  });
});

// Row 933: an AI account's name with a version or `Helper` after it (`Claude Assistant v2`,
// `Gemini AI 2.5`, `Kimi AI Helper`) read as a person's, no AI, past a deny of its vendor; it failed
// before the fix (mentions.ts aiAccountNamed). People stay people, and a joined login (`kimi_ai`) too.
describe("an AI account's name with a version or Helper after it (row 933)", () => {
  it('log reads the vendor; people and a lone Helper stay people', () => {
    expectLog([
      ['feat: a\n\nCo-authored-by: Claude Assistant v2 <x@example.com>\n', ['claude-code:anthropic/unknown']],
      ['feat: b\n\nCo-authored-by: Gemini AI 2.5 <x@example.com>\n', ['gemini-cli:google/unknown']],
      ['feat: c\n\nCo-authored-by: Kimi AI Helper <x@example.com>\n', ['unknown:moonshotai/unknown']],
      ['feat: d\n\nAssisted-by: Kimi AI Helper <x@example.com>\n', ['unknown:moonshotai/unknown']],
      ['feat: e\n\nCo-authored-by: Kimi Helper <x@example.com>\n', []],
      ['feat: f\n\nCo-authored-by: Claude Dupont 2 <x@example.com>\n', []],
      ['feat: g\n\nCo-authored-by: Kimi Ai 2 <kimi@example.com>\n', []],
      ['feat: h\n\nCo-authored-by: kimi_ai <x@example.com>\n', []],
    ]);
  });

  it('is refused by check and pre-receive under a deny of its vendor', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["anthropic/*", "google/*", "moonshotai/*"]\n');
    const models: Record<string, string> = { v2: 'anthropic/unknown', gemini: 'google/unknown', helper: 'moonshotai/unknown' };
    expectEachRefused(remote, work, {
      v2: 'feat: a\n\nCo-authored-by: Claude Assistant v2 <x@example.com>\n',
      gemini: 'feat: b\n\nCo-authored-by: Gemini AI 2.5 <x@example.com>\n',
      helper: 'feat: c\n\nCo-authored-by: Kimi AI Helper <x@example.com>\n',
    }, (found, name) => expect(found, name).toContain(models[name]));
    expectEachPasses(work, ['feat: d\n\nCo-authored-by: Claude Dupont 2 <x@example.com>\n']);
  }, 120_000);
});
