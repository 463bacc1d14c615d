// Review of 787's `fromDirectory` (s46v): OpenCode loads `{agent,agents}/**/*.md` (anomalyco/opencode
// `config/agent.ts`, a glob of files whose `**` walks every directory, one named `team.md` too), but the
// hooks took every name ending `.md` for a file and never walked into it: `.opencode/agents/team.md/coder.md`
// on Qwen passed `deny: ["qwen/*"]`. Committed for real through the installed hooks with OpenCode's environment.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';

const DENIED = 'policy:\n  deny: ["qwen/*"]\n';
const opencode = (files: Record<string, string> = {}): NodeJS.ProcessEnv => ({ HOME: homeWith(files), XDG_CONFIG_HOME: undefined, OPENCODE_CONFIG: undefined, OPENCODE_CONFIG_CONTENT: undefined, OPENCODE_CONFIG_DIR: undefined, OPENCODE: '1' });
const QWEN = '---\ndescription: coder\nmodel: qwen/qwen3-coder\n---\n\nYou write code.\n';

describe('an OpenCode agent file under a directory whose name ends in .md', () => {
  it("the project's .opencode/agents/team.md/coder.md, or the user's: refused as denied", () => {
    for (const [repo, env] of [
      [hooked(DENIED, { 'opencode.json': '{"model": "anthropic/claude-sonnet-4-5"}', '.opencode/agents/team.md/coder.md': QWEN }), opencode()],
      [hooked(DENIED, { 'opencode.json': '{"model": "anthropic/claude-sonnet-4-5"}' }), opencode({ '.config/opencode/agent/x.md/y.md/coder.md': QWEN })],
    ] as const) {
      const result = commit(repo, env);
      expect(result.status, result.message).not.toBe(0);
      expect(result.stderr).toMatch(/model qwen\/qwen3-coder \(via opencode\) is denied/);
    }
  });

  it('what held: agent files linked one by one, four levels down, and a link loop named .md: read, the commit passes', () => {
    const env = opencode({ 'mine/coder.md': '---\ndescription: coder\nmodel: anthropic/claude-opus-4-1\n---\n', '.config/opencode/agents/1/2/3/4/.keep': '' });
    const home = env.HOME!;
    symlinkSync(join(home, 'mine/coder.md'), join(home, '.config/opencode/agents/1/2/3/4/coder.md'));
    symlinkSync('loop.md', join(home, '.config/opencode/agents/loop.md'));
    const result = commit(hooked(DENIED, { 'opencode.json': '{"model": "anthropic/claude-sonnet-4-5"}' }), env);
    expect(result.status, result.stderr).toBe(0);
    expect(result.message).toBe('feat: parser\n\nAssisted-by: opencode:anthropic/claude-sonnet-4.5\nAssisted-by: opencode:anthropic/claude-opus-4.1\n');
  });
});
