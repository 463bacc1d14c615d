import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeTranscriptModel } from '../../src/agent-settings/claude-transcript.js';
import type { SettingsPlace } from '../../src/agent-settings/settings-place.js';

const SESSION = '0f8fad5b-d9cb-469f-a165-70867728950e';

function line(model: string): string {
  return `${JSON.stringify({ type: 'assistant', message: { model, content: [] } })}\n`;
}

function homeWith(files: Record<string, string>): string {
  const home = mkdtempSync(join(tmpdir(), 'aitrail-claude-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(home, path, '..'), { recursive: true });
    writeFileSync(join(home, path), text);
  }
  return home;
}

function place(home: string, env: Record<string, string | undefined>): SettingsPlace {
  return { root: '/nonexistent', gitDir: '/nonexistent/.git', env, home, system: '/nonexistent' };
}

describe('claudeTranscriptModel', () => {
  it("reads the last model of the session's own transcript, in whichever project directory it is", () => {
    const home = homeWith({ [`.claude/projects/-srv-app/${SESSION}.jsonl`]: line('claude-sonnet-4-5') + line('qwen3-coder') + line('<synthetic>') });
    expect(claudeTranscriptModel(place(home, { CLAUDE_CODE_SESSION_ID: ` ${SESSION} ` }))).toEqual({
      model: 'qwen3-coder',
      evidence: `transcript ~/.claude/projects/-srv-app/${SESSION}.jsonl model="qwen3-coder"`,
      replaces: ['ANTHROPIC_MODEL', 'CLAUDE_CODE_MODEL'],
    });
  });

  it('follows CLAUDE_CONFIG_DIR, and keeps a second transcript of the same id naming another model beside', () => {
    const home = homeWith({
      [`cfg/projects/-a/${SESSION}.jsonl`]: line('claude-opus-4-5'),
      [`cfg/projects/-b/${SESSION}.jsonl`]: line('qwen3-coder'),
      [`.claude/projects/-a/${SESSION}.jsonl`]: line('gpt-5'),
    });
    const found = claudeTranscriptModel(place(home, { CLAUDE_CODE_SESSION_ID: SESSION, CLAUDE_CONFIG_DIR: join(home, 'cfg') }));
    expect(found?.model).toBe('claude-opus-4-5');
    expect(found?.also).toEqual([{ model: 'qwen3-coder', evidence: `transcript ~/cfg/projects/-b/${SESSION}.jsonl model="qwen3-coder"`, overriddenBy: [] }]);
  });

  it('never guesses: no id, an id that is not a UUID, a path, or no transcript of it names none', () => {
    const home = homeWith({ [`.claude/projects/-a/${SESSION}.jsonl`]: line('qwen3-coder'), '.claude/projects/-a/x.jsonl': line('qwen3-coder') });
    for (const id of [undefined, '', 'x', `../-a/${SESSION}`, `${SESSION}/../${SESSION}`, '7c9e6679-7425-40de-944b-e07fc1f90ae7']) {
      expect(claudeTranscriptModel(place(home, { CLAUDE_CODE_SESSION_ID: id }))).toBeNull();
    }
    expect(claudeTranscriptModel(place(home, { CLAUDE_CODE_SESSION_ID: SESSION, CLAUDE_CONFIG_DIR: 'relative/dir' }))).toBeNull();
  });

  it('reads no FIFO, and skips a project directory whose name holds a control character', () => {
    const home = homeWith({ [`.claude/projects/-b\n/${SESSION}.jsonl`]: line('qwen3-coder') });
    mkdirSync(join(home, '.claude/projects/-a'));
    execFileSync('mkfifo', [join(home, `.claude/projects/-a/${SESSION}.jsonl`)]);
    expect(claudeTranscriptModel(place(home, { CLAUDE_CODE_SESSION_ID: SESSION }))).toBeNull();
  });
});
