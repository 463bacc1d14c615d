// Claude Code's subagents write their own transcripts, `<session id>/subagents/agent-<id>.jsonl`;
// their models are recorded beside the session's, read only for the session's exact id.
import { mkdirSync, symlinkSync, utimesSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeWith } from '../helpers/agent-home.js';
import { claudeSubagentModels } from '../../src/agent-settings/claude-subagents.js';
import { readAgentSettings } from '../../src/agent-settings/read-agent-settings.js';
import type { SettingsPlace } from '../../src/agent-settings/settings-place.js';

const SESSION = '0f8fad5b-d9cb-469f-a165-70867728950e';
const OTHER = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const SUB = `.claude/projects/-srv-app/${SESSION}/subagents`;

function line(model: string): string {
  return `${JSON.stringify({ type: 'assistant', isSidechain: true, message: { model, content: [] } })}\n`;
}

/** Settings read in `home`, Claude Code's session id set (and `env`); no command line is read. */
function place(home: string, env: Record<string, string | undefined>): SettingsPlace {
  return { root: '/nonexistent', gitDir: '/nonexistent/.git', env: { CLAUDE_CODE_SESSION_ID: SESSION, ...env }, home, system: '/nonexistent', commandLines: [] };
}

describe('claudeSubagentModels', () => {
  it("reads the last model of each of the session's subagent transcripts, once per model", () => {
    const home = homeWith({
      [`${SUB}/agent-a1b2c3.jsonl`]: line('claude-sonnet-4-5') + line('qwen3-coder'),
      [`${SUB}/agent-d4e5f6.jsonl`]: line('qwen3-coder'),
      [`${SUB}/agent-d4e5f6.meta.json`]: '{"model":"deepseek-chat"}',
      [`.claude/projects/-srv-app/${OTHER}/subagents/agent-x.jsonl`]: line('gpt-5'),
    });
    expect(claudeSubagentModels(place(home, {}))).toEqual([
      { model: 'qwen3-coder', evidence: expect.stringMatching(new RegExp(`^subagent transcript ~/${SUB}/agent-(?:a1b2c3|d4e5f6)\\.jsonl model="qwen3-coder"$`)), overriddenBy: [] },
    ]);
  });

  it('never guesses: no id, an id that is not a UUID, and a relative CLAUDE_CONFIG_DIR read none', () => {
    const home = homeWith({ [`${SUB}/agent-a.jsonl`]: line('qwen3-coder') });
    for (const id of [undefined, '', `../${SESSION}`, 'x']) expect(claudeSubagentModels(place(home, { CLAUDE_CODE_SESSION_ID: id }))).toEqual([]);
    expect(claudeSubagentModels(place(home, { CLAUDE_CONFIG_DIR: 'relative' }))).toEqual([]);
  });

  it('reads regular files named agent-<id>.jsonl only: no link, FIFO, directory or other name', () => {
    const home = homeWith({ 'elsewhere.jsonl': line('qwen3-coder'), [`${SUB}/notes.jsonl`]: line('qwen3-coder'), [`${SUB}/agent-x.jsonl.bak`]: line('qwen3-coder') });
    symlinkSync(join(home, 'elsewhere.jsonl'), join(home, SUB, 'agent-link.jsonl'));
    execFileSync('mkfifo', [join(home, SUB, 'agent-fifo.jsonl')]);
    mkdirSync(join(home, SUB, 'agent-dir.jsonl'));
    expect(claudeSubagentModels(place(home, {}))).toEqual([]);
  });

  it('reads the 32 most recently written transcripts', () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 40; index += 1) files[`${SUB}/agent-${index}.jsonl`] = line(index === 0 ? 'qwen3-coder' : 'claude-sonnet-4-5');
    const home = homeWith(files);
    for (let index = 0; index < 40; index += 1) utimesSync(join(home, SUB, `agent-${index}.jsonl`), 1_000 + index, 1_000 + index);
    expect(claudeSubagentModels(place(home, {})).map((found) => found.model)).toEqual(['claude-sonnet-4-5']);
    utimesSync(join(home, SUB, 'agent-0.jsonl'), 5_000, 5_000);
    expect(claudeSubagentModels(place(home, {})).map((found) => found.model)).toEqual(['qwen3-coder', 'claude-sonnet-4-5']);
  });

  it("are kept beside the session's own transcript model, or beside the settings' model when no transcript names one", async () => {
    const withSession = homeWith({ [`.claude/projects/-srv-app/${SESSION}.jsonl`]: line('claude-opus-4-5'), [`${SUB}/agent-a.jsonl`]: line('qwen3-coder') });
    const session = await readAgentSettings(['claude-code'], place(withSession, {}));
    expect(session['claude-code']).toMatchObject({ model: 'claude-opus-4-5', also: [{ model: 'qwen3-coder' }] });

    const settingsOnly = homeWith({ '.claude/settings.json': '{"model": "claude-sonnet-4-5"}', [`${SUB}/agent-a.jsonl`]: line('qwen3-coder') });
    const settings = await readAgentSettings(['claude-code'], place(settingsOnly, {}));
    expect(settings['claude-code']).toMatchObject({ model: 'claude-sonnet-4-5', also: [{ model: 'qwen3-coder' }] });

    const alone = await readAgentSettings(['claude-code'], place(homeWith({ [`${SUB}/agent-a.jsonl`]: line('qwen3-coder') }), {}));
    expect(alone['claude-code']).toMatchObject({ model: '', also: [{ model: 'qwen3-coder' }] });
  });
});
