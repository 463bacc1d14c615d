// Row 971: Kilo CLI merges more config layers than the hooks read (Kilo-Org/kilocode `config/config.ts`,
// `config/paths.ts`, `flag/flag.ts`): the home's `~/.kilo/` and `~/.kilocode/` folders, `KILO_CONFIG_DIR`,
// `KILO_CONFIG_CONTENT` and `KILO_CONFIG` each set a `model` above `~/.config/kilo`, and `KILO_DISABLE_PROJECT_CONFIG`
// drops the work tree's files. The hooks read none of these: `~/.kilo/kilo.json` naming Qwen (Kilo runs it) was
// recorded as `~/.config/kilo/config.json`'s Claude and passed `deny: ["qwen/*"]`. Committed for real through init's
// installed hooks, Kilo named by its variables.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';

const DENY = 'policy:\n  deny: ["qwen/*"]\n';
const QWEN = '{"model": "openrouter/qwen/qwen3-coder"}';
const CLAUDE = { '.config/kilo/config.json': '{"model": "anthropic/claude-sonnet-4-5"}' };
const DENIED = /qwen\/qwen3-coder \(via kilo-code\) is denied/;

function kiloEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const unset = { XDG_CONFIG_HOME: undefined, KILO_CONFIG: undefined, KILO_CONFIG_DIR: undefined, KILO_CONFIG_CONTENT: undefined, KILO_DISABLE_PROJECT_CONFIG: undefined, OPENCODE_CONFIG: undefined, OPENCODE_CONFIG_DIR: undefined, OPENCODE_CONFIG_CONTENT: undefined };
  return { HOME: home, ...unset, KILO: '1', OPENCODE: '1', AGENT: '1', ...extra };
}

describe("Kilo CLI's config layers the hooks did not read (row 971)", () => {
  it("~/.kilo/kilo.json and ~/.kilocode/opencode.json naming Qwen over ~/.config/kilo's Claude: Qwen, denied", () => {
    const repo = hooked(DENY);
    for (const file of ['.kilo/kilo.json', '.kilocode/opencode.json']) {
      const result = agentCommit(repo, kiloEnv(homeWith({ ...CLAUDE, [file]: QWEN })));
      expect(result.status, result.stderr).toBe(1);
      expect(result.stderr).toMatch(DENIED);
      expect(result.stderr).toContain(`${file} model="openrouter/qwen/qwen3-coder"`);
    }
  });

  it('KILO_CONFIG_CONTENT, KILO_CONFIG_DIR and KILO_CONFIG naming Qwen: Qwen, denied', () => {
    const repo = hooked(DENY);
    const inline = agentCommit(repo, kiloEnv(homeWith(CLAUDE), { KILO_CONFIG_CONTENT: QWEN }));
    expect(inline.status, inline.stderr).toBe(1);
    expect(inline.stderr).toContain('env KILO_CONFIG_CONTENT model="openrouter/qwen/qwen3-coder"');
    const dirHome = homeWith({ ...CLAUDE, 'kilo-dir/kilo.jsonc': QWEN });
    const dir = agentCommit(repo, kiloEnv(dirHome, { KILO_CONFIG_DIR: join(dirHome, 'kilo-dir') }));
    expect(dir.status, dir.stderr).toBe(1);
    expect(dir.stderr).toMatch(DENIED);
    const fileHome = homeWith({ ...CLAUDE, 'custom.json': QWEN });
    const custom = agentCommit(repo, kiloEnv(fileHome, { KILO_CONFIG: join(fileHome, 'custom.json') }));
    expect(custom.status, custom.stderr).toBe(1);
    expect(custom.stderr).toMatch(DENIED);
  });

  it("KILO_DISABLE_PROJECT_CONFIG=1: the work tree's kilo.json naming Claude is not Kilo's, the global Qwen is", () => {
    const repo = hooked(DENY, { 'kilo.json': '{"model": "anthropic/claude-sonnet-4-5"}' });
    const home = homeWith({ '.config/kilo/kilo.json': QWEN });
    const disabled = agentCommit(repo, kiloEnv(home, { KILO_DISABLE_PROJECT_CONFIG: '1' }));
    expect(disabled.status, disabled.stderr).toBe(1);
    expect(disabled.stderr).toMatch(DENIED);
    // careless truth: without the variable the project's file wins, as before.
    const project = agentCommit(repo, kiloEnv(home));
    expect(project.status, project.stderr).toBe(0);
    expect(project.message).toMatch(/Assisted-by: kilo-code:anthropic\/claude-sonnet-4[.-]5/);
  });

  it("careless truth: a ~/.kilo/kilo.json naming no model leaves ~/.config/kilo's Claude; one padded past 1 MiB is kilo-code:unknown", () => {
    const repo = hooked(DENY);
    const plain = agentCommit(repo, kiloEnv(homeWith({ ...CLAUDE, '.kilo/kilo.json': '{"theme": "x"}' })));
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.message).toMatch(/Assisted-by: kilo-code:anthropic\/claude-sonnet-4[.-]5/);
    const padded = agentCommit(repo, kiloEnv(homeWith({ ...CLAUDE, '.kilo/kilo.json': `{"theme": "x"${' '.repeat(1024 * 1024)}}` })));
    expect(padded.status, padded.stderr).toBe(0);
    expect(padded.message).toMatch(/Assisted-by: kilo-code:unknown/);
  });
});
