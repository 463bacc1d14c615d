// Row 842: goose on Databricks. goose's Databricks provider names Databricks' pay-per-token
// serving endpoints as its models (block/goose `crates/goose/src/providers/databricks.rs`:
// DATABRICKS_DEFAULT_MODEL `databricks-claude-sonnet-4`, known `databricks-claude-sonnet-4-5`,
// `databricks-meta-llama-3-3-70b-instruct`); Databricks serves Qwen, GPT-OSS and Gemini the same way
// (`databricks-qwen3-next-80b-a3b-instruct`). The hooks read the `databricks-` label as part of the
// name, so every such model was `goose:unknown`: a deny of Qwen passed with a warning, and an honest
// team allowing Claude was refused under `unknownModel: deny`. Every case here failed before the fix
// (replayed with init's hooks, `GOOSE_TERMINAL=1`, goose's config.yaml as `goose configure` writes it).
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';

/** goose's environment in a home of the test's own, `~/.config/goose/config.yaml` naming `model` on Databricks. */
function goose(model: string, env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const dir = homeWith({ '.config/goose/config.yaml': `GOOSE_PROVIDER: databricks\nGOOSE_MODEL: ${model}\nDATABRICKS_HOST: https://dbc-1234.cloud.databricks.com\n` });
  return { HOME: dir, XDG_CONFIG_HOME: undefined, GOOSE_MODEL: undefined, GOOSE_PROVIDER: undefined, GOOSE_TERMINAL: '1', ...env };
}

describe('goose on Databricks (row 842)', () => {
  it("goose's Databricks default, `databricks-claude-sonnet-4`, is Claude Sonnet 4: refused by a deny of Anthropic's models", () => {
    const repo = hooked('policy:\n  deny: ["anthropic/*"]\n');
    const refused = commit(repo, goose('databricks-claude-sonnet-4'));
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/model anthropic\/claude-sonnet-4 \(via goose\) is denied/);
    const recorded = commit(repo, goose('databricks-claude-sonnet-4'), 'feat: parser\n', ['--no-verify']);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: goose:anthropic/claude-sonnet-4\n');
  });

  it("Databricks' Qwen endpoint named by GOOSE_MODEL: refused by a deny of Qwen", () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const refused = commit(repo, goose('databricks-claude-sonnet-4', { GOOSE_MODEL: 'databricks-qwen3-next-80b-a3b-instruct' }));
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/model qwen\/qwen3-next-80b-a3b-instruct \(via goose\) is denied/);
  });

  it('an honest team that allows Claude commits with goose on Databricks under unknownModel: deny', () => {
    const repo = hooked('policy:\n  allow: ["anthropic/*"]\n  unknownModel: deny\n');
    const made = commit(repo, goose('databricks-claude-sonnet-4-5'));
    expect(made.status, made.stderr).toBe(0);
    expect(made.message).toBe('feat: parser\n\nAssisted-by: goose:anthropic/claude-sonnet-4.5\n');
  });

  it("what held: an endpoint of the person's own naming stays unknown (refused only by unknownModel: deny)", () => {
    const repo = hooked('policy:\n  unknownModel: deny\n');
    const refused = commit(repo, goose('databricks-team-endpoint'));
    expect(refused.status, refused.stderr).toBe(1);
  });
});
