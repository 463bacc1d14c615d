// Two misreadings of the kernel's `Assisted-by: AGENT:MODEL [TOOL]...` found in public commit text (session 45):
// - AMD's `Assisted-by: Copilot:claude-opus-4.6 Mythos` was read as one model no vendor published,
//   `anthropic/claude-opus-4.6-mythos`, past `deny: ["anthropic/claude-mythos"]`: a second Claude tier
//   word (opus, sonnet, haiku, fable, mythos) after a name that holds one starts the next model.
// - `Assisted-by: Kimi Code:K2.5` (a commit guide's `Kimi Code:"K2.7 Code"`) read no model at all,
//   past `deny: ["moonshotai/kimi-k2.5"]` and `["moonshotai/*"]` (only an unknown-model warning):
//   after Moonshot's agents, family or vendor, `K<version>` is read with the family word put back.
import { describe, expect, it } from 'vitest';
import { checkJson } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';
import { expectLog } from '../helpers/log-cases.js';

function repoWith(deny: string, message: string) {
  const repo = makeRepo();
  repo.commit('init', { '.aitrailrc.yml': `policy:\n  deny: ["${deny}"]\n` });
  repo.git(['checkout', '-q', '-b', 'feature']);
  repo.commit(message, { 'a.txt': 'a\n' });
  return repo;
}

const denied = (deny: string, message: string) => {
  const { code, json } = checkJson(repoWith(deny, message).dir, 'main..feature');
  return { code, models: json.violations.filter((v) => v.rule === 'model-denied').map((v) => v.model) };
};

const MYTHOS = 'drm/amd/display: Bound the number of BIOS object records\n\nAssisted-by: Copilot:claude-opus-4.6 Mythos\n\nReviewed-by: Alex Hung <alex.hung@amd.com>\nSigned-off-by: Harry Wentland <harry.wentland@amd.com>\n';

describe('a second Claude tier word after a model starts the next model', () => {
  it('refuses Mythos named after Opus 4.6 in a kernel pair under deny anthropic/claude-mythos', () => {
    const { code, models } = denied('anthropic/claude-mythos', MYTHOS);
    expect(models).toEqual(['anthropic/claude-mythos']);
    expect(code).not.toBe(0);
  });

  it('still refuses the Opus 4.6 beside it', () => {
    expect(denied('anthropic/claude-opus-4.6', MYTHOS).models).toEqual(['anthropic/claude-opus-4.6']);
  });

  it('reads both models in the log, Opus after Sonnet 4.5 written out as two, and keeps the names that hold one tier', () => {
    expectLog([
      [MYTHOS, ['copilot:anthropic/claude-opus-4.6', 'copilot:anthropic/claude-mythos']],
      ['feat: two tiers\n\nAssisted-by: Claude Sonnet 4.5 Opus\n', ['unknown:anthropic/claude-sonnet-4.5', 'unknown:anthropic/claude-opus']],
      ['feat: a\n\nAssisted-by: Claude Mythos\n', ['unknown:anthropic/claude-mythos']],
      ['feat: b\n\nAssisted-by: Codex:gpt-5.4 mini\n', ['codex:openai/gpt-5.4-mini']],
      ['feat: c\n\nAssisted-by: Claude:claude-3-opus coccinelle sparse\n', ['claude-code:anthropic/claude-3-opus']],
    ]);
  });
});

describe("Kimi Code's model without its family word", () => {
  it('refuses Kimi Code:K2.5 under deny moonshotai/kimi-k2.5 and moonshotai/*', () => {
    const message = 'feat: add the exporter\n\nAssisted-by: Kimi Code:K2.5\n';
    expect(denied('moonshotai/kimi-k2.5', message)).toEqual({ code: 1, models: ['moonshotai/kimi-k2.5'] });
    expect(denied('moonshotai/*', message).models).toEqual(['moonshotai/kimi-k2.5']);
  });

  it('reads a quoted K2.7 Code beside another pair, and leaves K2.5 after another agent unread', () => {
    expectLog([
      ['feat: add the exporter\n\nAssisted-by: Kimi Code:"K2.7 Code", OpenCode:GLM-5.1 clang-tidy\n', ['kimi-code:moonshotai/kimi-k2.7-code', 'opencode:z-ai/glm-5.1']],
      ['feat: b\n\nAssisted-by: Claude:K2.5\n', ['claude-code:unknown']],
      ['feat: c\n\nAssisted-by: Kimi:K2.5\n', ['unknown:moonshotai/kimi-k2.5']],
    ]);
  });
});

// Bedrock's newer model ids drop the `:0` (`us.anthropic.claude-opus-4-6-v1`, as opencode's
// `amazon-bedrock/…` provider names Opus 4.6): the `-v1` was kept, `anthropic/claude-opus-4.6-v1`,
// past `deny: ["anthropic/claude-opus-4.6"]`.
describe("a Bedrock id without its ':0'", () => {
  it('refuses opencode:amazon-bedrock/us.anthropic.claude-opus-4-6-v1 under deny anthropic/claude-opus-4.6', () => {
    const { code, models } = denied('anthropic/claude-opus-4.6', 'feat: add the exporter\n\nAssisted-by: opencode:amazon-bedrock/us.anthropic.claude-opus-4-6-v1\n');
    expect(models).toEqual(['anthropic/claude-opus-4.6']);
    expect(code).not.toBe(0);
  });

  it('reads a dated id and its 1M suffix the same, and keeps a -vN that follows a letter', () => {
    expectLog([
      ['feat: a\n\nAssisted-by: anthropic.claude-sonnet-4-5-20250929-v1\n', ['unknown:anthropic/claude-sonnet-4.5']],
      ['feat: b\n\nAssisted-by: Claude Code:us.anthropic.claude-opus-4-6-v1[1m]\n', ['claude-code:anthropic/claude-opus-4.6']],
      ['feat: c\n\nAssisted-by: anthropic.claude-v2\n', ['unknown:anthropic/claude-2']],
    ]);
  });
});
