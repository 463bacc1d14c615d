// Session 54 helper w1 (row 1156): Claude Code started above the work tree without a session id
// has its session guessed among its start directory's transcripts by the directory each one's last
// record ran in. That directory was read by a regex for the last `"cwd":"…"` in the transcript's
// last 64 KiB, wherever it stood: a tool input written after the line's own `cwd` (a Bash or MCP
// tool's `{"cwd":"/other/repo"}`) won. So another repository's session, whose tool input named this
// work tree, was read in place of this one's (a denied model's commit passed on the other's allowed
// model), and this repository's session, whose tool input named another, was skipped. Found by the
// lead reading src/agent-settings/claude-recent.ts after row 1150; replayed with init's hooks and a
// process named claude started above the work tree. Now each record's own top-level `cwd` is read,
// backwards by whole lines (as the model, row 1150), bounded as before.
import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hooked } from '../helpers/agent-home.js';
import { commitAbove, sanitized } from '../helpers/claude-above.js';
import { tempDir } from '../helpers/gitdir.js';

const DENY = 'policy:\n  deny: ["qwen/*"]\n';
const OWN = '0f8fad5b-d9cb-469f-a165-70867728950e';
const OTHER = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const line = (value: unknown) => `${JSON.stringify(value)}\n`;

/** Claude Code's answer on `model` run in `cwd`, its Bash and MCP tool calls naming `toolCwd`, and the tool's result naming it too. */
const hostile = (id: string, model: string, cwd: string, toolCwd: string) =>
  line({ type: 'user', cwd, sessionId: id, message: { role: 'user', content: 'run the tests there' }, timestamp: new Date().toISOString() }) +
  line({
    parentUuid: null,
    isSidechain: false,
    cwd,
    sessionId: id,
    type: 'assistant',
    message: {
      model,
      role: 'assistant',
      content: [
        { type: 'tool_use', id: 'toolu_1', name: 'mcp__shell__run', input: { cwd: toolCwd, command: 'npm test' } },
        { type: 'tool_use', id: 'toolu_2', name: 'Bash', input: { command: `cd ${toolCwd} && ls`, description: 'list' } },
      ],
    },
    toolUseResult: { cwd: toolCwd },
    timestamp: new Date().toISOString(),
  });

describe("Claude Code started above the work tree: a transcript's directory from its records' own cwd, never a tool input's", () => {
  it("another repository's newer session whose tool input names this work tree is not read; this one's, whose tool input names another, is", () => {
    const repo = hooked(DENY);
    const top = realpathSync(repo.dir);
    const above = dirname(top);
    const elsewhere = realpathSync(tempDir('aitrail-other-repo-'));
    const store = (id: string) => `.claude/projects/${sanitized(above)}/${id}.jsonl`;
    const refused = commitAbove(repo, above, [
      [store(OWN), hostile(OWN, 'qwen3-coder', top, elsewhere), 2],
      [store(OTHER), hostile(OTHER, 'claude-sonnet-4-5', elsewhere, top), 0],
    ]);
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via claude-code\) is denied/);
    expect(refused.stderr).toContain(`recent transcript ~/${store(OWN)} model="qwen3-coder"`);
    expect(refused.stderr).not.toContain(store(OTHER));
    // Another repository's Qwen session whose tool input names this work tree is not this commit's.
    const passed = commitAbove(repo, above, [[store(OTHER), hostile(OTHER, 'qwen3-coder', elsewhere, top), 0]]);
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-sonnet-4.5\n');
  });

  it('a last record still being written is not read: the last whole one says where the session ran', () => {
    const repo = hooked(DENY);
    const top = realpathSync(repo.dir);
    const above = dirname(top);
    const elsewhere = realpathSync(tempDir('aitrail-other-repo-'));
    const store = `.claude/projects/${sanitized(above)}/${OWN}.jsonl`;
    // Cut mid-record after a tool input naming another repository: not the record's own cwd.
    const cut = line({ cwd: top, sessionId: OWN, type: 'assistant', message: { model: 'qwen3-coder', role: 'assistant', content: [{ type: 'tool_use', id: 't', name: 'x', input: { cwd: elsewhere } }, { type: 'text', text: 'y'.repeat(4000) }] } });
    const refused = commitAbove(repo, above, [[store, hostile(OWN, 'qwen3-coder', top, top) + cut.slice(0, cut.indexOf(`"text"`)), 0]]);
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toContain(`recent transcript ~/${store} model="qwen3-coder"`);
  });
});
