// Session 54 helper o (row 1138): an edit a Claude Code subagent made was recorded in the git-ai
// note under the main session's model. Since Claude Code 2.1.64 the PreToolUse/PostToolUse input
// of a tool a subagent calls carries `agent_id` (anthropics/claude-agent-sdk-python PR #628: "session_id
// and transcript_path are both parent-level"), and the subagent's turns go to its own transcript,
// `<session id>/subagents/agent-<agent id>.jsonl` beside the session's; `aitrail checkpoint` read
// only `transcript_path`, whose last model at that moment is the parent's turn that spawned the
// subagent (its Task call, whose `input.model` alias `haiku` even came last). Found reading the
// hooks' common input fields against src/core/checkpoint/payloads/claude-code.ts; replayed with
// init's hooks, the built CLI's checkpoint and real commits. Now the subagent's own transcript names
// the model; without one, the session's as before.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeCode, type EditCase } from '../fixtures/agent-payloads.js';
import { commitAll } from '../helpers/agent-edits.js';
import { checkpoint } from '../helpers/checkpoint.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { aitrail } from '../helpers/hooks.js';

const SESSION = '8c35adc1-1f55-4c0f-9a8e-3d2b7c1e5a10';
const AGENT = 'a1b2c3d4e5f60718';

const line = (value: unknown) => `${JSON.stringify(value)}\n`;
const assistant = (model: string, content: unknown[], extra: Record<string, unknown> = {}) =>
  line({ type: 'assistant', message: { id: 'msg_01', type: 'message', role: 'assistant', model, content }, sessionId: SESSION, ...extra });

/** The session's transcript as Claude Code leaves it while a subagent runs: the parent's last turn spawns it. */
function sessionFiles(subagentModel: string | null): string {
  const project = tempDir('aitrail-claude-project-');
  const transcript = join(project, `${SESSION}.jsonl`);
  writeFileSync(
    transcript,
    line({ type: 'user', message: { role: 'user', content: 'have a helper fix the table' }, sessionId: SESSION }) +
      assistant('claude-opus-4-6', [{ type: 'tool_use', id: 'toolu_task', name: 'Task', input: { description: 'fix table', prompt: 'fix the table', subagent_type: 'general-purpose', model: 'haiku' } }]),
  );
  if (subagentModel !== null) {
    const dir = join(project, SESSION, 'subagents');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, `agent-${AGENT}.jsonl`),
      line({ type: 'user', isSidechain: true, agentId: AGENT, message: { role: 'user', content: 'fix the table' }, sessionId: SESSION }) +
        assistant(subagentModel, [{ type: 'tool_use', id: 'toolu_edit', name: 'Edit', input: { file_path: 'x', old_string: 'a', new_string: 'b' } }], { isSidechain: true, agentId: AGENT }),
    );
  }
  return transcript;
}

function setup(): TestRepo {
  const repo = makeRepo();
  repo.commit('base', { 'a.txt': 'one\ntwo\n' });
  expect(aitrail(repo.dir, ['init', '--mode', 'git']).status).toBe(0);
  return repo;
}

/** The subagent's Edit through its hooks (payloads with `agent_id`/`agent_type`), committed; the note's models. */
function subagentEdit(repo: TestRepo, transcript: string, agentId: string | null): string[] {
  const edit: EditCase = { file: join(repo.dir, 'a.txt'), relative: 'a.txt', cwd: repo.dir, old: 'two\n', replacement: 'two\nthree\n', transcript };
  const inSubagent = agentId === null ? {} : { agent_id: agentId, agent_type: 'general-purpose' };
  expect(checkpoint(repo.dir, 'claude-code', { ...claudeCode.pre(edit), ...inSubagent }).stderr).toBe('');
  repo.write('a.txt', 'one\ntwo\nthree\n');
  expect(checkpoint(repo.dir, 'claude-code', { ...claudeCode.post(edit), ...inSubagent }).stderr).toBe('');
  const head = commitAll(repo, 'table');
  const note = repo.git(['notes', '--ref=ai', 'show', head], { raw: true });
  return [...note.matchAll(/"model": "([^"]*)"/g)].map((match) => match[1]!);
}

describe('Claude Code subagent edits: the subagent transcript names the model (s54o)', () => {
  it('an edit inside a subagent is its model, not the parent turn that spawned it (row 1138)', () => {
    const repo = setup();
    expect(subagentEdit(repo, sessionFiles('claude-haiku-4-5-20251001'), AGENT)).toEqual(['claude-haiku-4-5-20251001']);
  });

  it('the main thread (no agent_id) keeps the session transcript; a subagent without a transcript of its own falls back to it', () => {
    const main = setup();
    expect(subagentEdit(main, sessionFiles('claude-haiku-4-5-20251001'), null)).not.toContain('claude-haiku-4-5-20251001');
    const missing = setup();
    expect(subagentEdit(missing, sessionFiles(null), AGENT)).not.toContain('claude-haiku-4-5-20251001');
  });

  it('a hostile agent_id (a path, dots) never reaches outside the session folder', () => {
    const repo = setup();
    const transcript = sessionFiles('claude-haiku-4-5-20251001');
    // A file the id would name if it were joined as a path: never read.
    writeFileSync(join(transcript, '..', 'agent-..jsonl'), assistant('planted-model', []));
    for (const id of ['../../x', '..', 'a/b', 'x\n', '']) expect(subagentEdit(setup(), transcript, id)).not.toContain('planted-model');
    expect(subagentEdit(repo, transcript, AGENT)).toEqual(['claude-haiku-4-5-20251001']);
  });
});
