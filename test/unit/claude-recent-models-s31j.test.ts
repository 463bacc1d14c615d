// Claude Code without a session id: the newest transcript of the project written within the hour is
// read, its models (and its subagents') recorded beside the settings' as `recent transcript …`.
import { symlinkSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeWith } from '../helpers/agent-home.js';
import { claudeRecentModels } from '../../src/agent-settings/claude-recent.js';
import { readAgentSettings } from '../../src/agent-settings/read-agent-settings.js';
import type { SettingsPlace } from '../../src/agent-settings/settings-place.js';

const SESSION = '0f8fad5b-d9cb-469f-a165-70867728950e';
const OLDER = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const ROOT = '/nonexistent/srv/my_app';
const PROJECT = '.claude/projects/-nonexistent-srv-my-app';

function line(model: string, timestamp = '2026-01-01T12:30:00.000Z'): string {
  return `${JSON.stringify({ type: 'assistant', message: { model, role: 'assistant', content: [] }, timestamp })}\n`;
}

function place(home: string, env: Record<string, string | undefined> = {}, root = ROOT): SettingsPlace {
  return { root, gitDir: `${root}/.git`, env: { CLAUDECODE: '1', ...env }, home, system: '/nonexistent', commandLines: [], windowStart: () => Date.parse('2026-01-01T12:00:00Z') };
}

function age(home: string, path: string, ms: number): void {
  const when = new Date(Date.now() - ms);
  utimesSync(join(home, path), when, when);
}

describe('claudeRecentModels', () => {
  it("reads the newest recent transcript of the project: its last model, its window's and its subagents', as a guess", () => {
    const home = homeWith({
      [`${PROJECT}/${SESSION}.jsonl`]: line('qwen3-coder') + line('claude-sonnet-4-5', '2026-01-01T13:00:00.000Z'),
      [`${PROJECT}/${SESSION}/subagents/agent-a1.jsonl`]: line('deepseek-chat'),
      [`${PROJECT}/${OLDER}.jsonl`]: line('gpt-5'),
    });
    age(home, `${PROJECT}/${OLDER}.jsonl`, 60_000);
    expect(claudeRecentModels(place(home))).toEqual([
      { model: 'claude-sonnet-4-5', evidence: `recent transcript ~/${PROJECT}/${SESSION}.jsonl model="claude-sonnet-4-5"`, overriddenBy: [] },
      { model: 'qwen3-coder', evidence: `recent transcript ~/${PROJECT}/${SESSION}.jsonl model="qwen3-coder" used at 2026-01-01T12:30:00.000Z`, overriddenBy: [] },
      { model: 'deepseek-chat', evidence: `recent subagent transcript ~/${PROJECT}/${SESSION}/subagents/agent-a1.jsonl model="deepseek-chat"`, overriddenBy: [] },
    ]);
  });

  it('none past the hour, of another project, through a link, or under a relative CLAUDE_CONFIG_DIR', () => {
    const home = homeWith({ [`${PROJECT}/${SESSION}.jsonl`]: line('qwen3-coder'), [`.claude/projects/-srv-other/${OLDER}.jsonl`]: line('qwen3-coder'), 'elsewhere.jsonl': line('qwen3-coder') });
    expect(claudeRecentModels(place(home, { CLAUDE_CONFIG_DIR: 'relative' }))).toEqual([]);
    age(home, `${PROJECT}/${SESSION}.jsonl`, 2 * 60 * 60 * 1000);
    expect(claudeRecentModels(place(home))).toEqual([]);
    symlinkSync(join(home, 'elsewhere.jsonl'), join(home, PROJECT, `${OLDER}.jsonl`));
    expect(claudeRecentModels(place(home))).toEqual([]);
  });

  it("a linked guessed session's subagents directory is not followed", () => {
    const home = homeWith({ [`${PROJECT}/${SESSION}.jsonl`]: line('claude-sonnet-4-5'), [`real/subagents/agent-a1.jsonl`]: line('qwen3-coder') });
    symlinkSync(join(home, 'real'), join(home, PROJECT, SESSION));
    expect(claudeRecentModels(place(home)).map((found) => found.model)).toEqual(['claude-sonnet-4-5']);
  });

  it('the project of a directory the agent was started in below the top, and a name Claude Code cuts past 200 characters', () => {
    const home = homeWith({ [`${PROJECT}-packages-web/${SESSION}.jsonl`]: line('qwen3-coder') });
    expect(claudeRecentModels(place(home), [`${ROOT}/packages/web`]).map((found) => found.model)).toEqual(['qwen3-coder']);
    expect(claudeRecentModels(place(home), ['/elsewhere'])).toEqual([]);
    const long = `/nonexistent/${'a'.repeat(230)}`;
    const cut = `-nonexistent-${'a'.repeat(230)}`.slice(0, 200);
    const far = homeWith({ [`.claude/projects/${cut}-1x2y3z/${SESSION}.jsonl`]: line('qwen3-coder') });
    expect(claudeRecentModels(place(far, {}, long)).map((found) => found.model)).toEqual(['qwen3-coder']);
  });

  it('readAgentSettings adds it beside the settings only without a transcript of an exported session', async () => {
    const home = homeWith({ '.claude/settings.json': '{"model":"claude-sonnet-4-5"}', [`${PROJECT}/${SESSION}.jsonl`]: line('qwen3-coder') });
    const guessed = await readAgentSettings(['claude-code'], place(home));
    expect(guessed['claude-code']).toMatchObject({ model: 'claude-sonnet-4-5', also: [{ model: 'qwen3-coder', evidence: expect.stringMatching(/^recent transcript /) }] });
    // An exported session whose transcript names a model: that session only, never a guess.
    const exact = homeWith({ [`.claude/projects/-x/${OLDER}.jsonl`]: line('gpt-5'), [`${PROJECT}/${SESSION}.jsonl`]: line('qwen3-coder') });
    expect((await readAgentSettings(['claude-code'], place(exact, { CLAUDE_CODE_SESSION_ID: OLDER })))['claude-code']).toMatchObject({ model: 'gpt-5' });
    expect((await readAgentSettings(['claude-code'], place(exact, { CLAUDE_CODE_SESSION_ID: OLDER })))['claude-code']?.also).toBeUndefined();
  });
});
