// Row 955: Kilo CLI (OpenCode's fork) merges its config files and reads each whole, but the hooks read one past
// the 1 MiB bound as no file and took the first file naming a model: `~/.config/kilo/opencode.json` naming
// `openrouter/qwen/qwen3-coder`, padded past the bound, was skipped and `~/.config/kilo/config.json`'s
// `anthropic/claude-sonnet-4-5` recorded, passing `deny: ["qwen/*"]` and unknownModel: deny. Row 942 made OpenCode's
// padded configs `unknown`, not Kilo's. Now any Kilo config past the bound makes the model `kilo-code:unknown`.
// Committed for real through init's installed hooks.
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';
import { STRICT } from '../helpers/local-gateway.js';

const JSON_PAD = ' '.repeat(1024 * 1024);

function kiloEnv(files: Record<string, string>): NodeJS.ProcessEnv {
  return { HOME: homeWith(files), XDG_CONFIG_HOME: undefined, KILO: '1', OPENCODE: '1', AGENT: '1', OPENCODE_CONFIG: undefined, OPENCODE_CONFIG_DIR: undefined, OPENCODE_CONFIG_CONTENT: undefined };
}

const CLAUDE = { '.config/kilo/config.json': '{"model": "anthropic/claude-sonnet-4-5"}' };

describe("Kilo CLI's config files past the bound the hooks read (row 955)", () => {
  it('a padded global opencode.json naming Qwen over a config.json naming Claude: kilo-code:unknown, refused under unknownModel: deny', () => {
    const repo = hooked(STRICT);
    const result = agentCommit(repo, kiloEnv({ ...CLAUDE, '.config/kilo/opencode.json': `{"model": "openrouter/qwen/qwen3-coder"${JSON_PAD}}` }));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('opencode.json (over 1 MiB, not read');
    expect(result.stderr).not.toMatch(/model: anthropic\//);
  });

  it("a padded work tree's .kilo/kilo.json: kilo-code:unknown too", () => {
    const repo = hooked(STRICT, { '.kilo/kilo.json': `{"model": "openrouter/qwen/qwen3-coder"${JSON_PAD}}` });
    const result = agentCommit(repo, kiloEnv(CLAUDE));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('.kilo/kilo.json (over 1 MiB, not read');
  });

  it('careless truth: kilo-code:unknown where unknown models are allowed; files under the bound read as before', () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const padded = agentCommit(repo, kiloEnv({ ...CLAUDE, '.config/kilo/opencode.json': `{"theme": "x"${JSON_PAD}}` }));
    expect(padded.status, padded.stderr).toBe(0);
    expect(padded.message).toMatch(/Assisted-by: kilo-code:unknown/);
    const small = agentCommit(repo, kiloEnv({ ...CLAUDE, '.config/kilo/opencode.json': '{"theme": "x"}' }));
    expect(small.status, small.stderr).toBe(0);
    expect(small.message).toMatch(/Assisted-by: kilo-code:anthropic\/claude-sonnet-4[.-]5/);
    const qwen = agentCommit(repo, kiloEnv({ ...CLAUDE, '.config/kilo/opencode.json': '{"model": "openrouter/qwen/qwen3-coder"}' }));
    expect(qwen.status).toBe(1);
  });
});
