import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeCode, codex, cursor, type EditCase } from '../fixtures/agent-payloads.js';
import { commitAll, noteOf } from '../helpers/agent-edits.js';
import { checkpoint } from '../helpers/checkpoint.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { aitrail } from '../helpers/hooks.js';

/*
 * What the agents' own hooks report, end to end with real git: an agent's edit through its real
 * payload, a person's edit to the same file, one commit; the git-ai note must claim exactly the
 * agent's lines, under the agent's model.
 */

function setup(files: Record<string, string>): TestRepo {
  const repo = makeRepo();
  repo.commit('base', files);
  expect(aitrail(repo.dir, ['init', '--mode', 'git']).status).toBe(0);
  return repo;
}

const silent = (repo: TestRepo, agent: string, payload: unknown) => expect(checkpoint(repo.dir, agent, payload).stderr).toBe('');
const rawNote = (repo: TestRepo, rev: string) => repo.git(['notes', '--ref=ai', 'show', rev], { raw: true });

describe('agent hook payloads end to end (s23h)', () => {
  it('Codex renames a person\'s file with apply_patch and adds one line: only that line is Codex\'s, not the file it moved (row 288)', () => {
    const body = Array.from({ length: 6 }, (_, i) => `person ${i + 1}\n`).join('');
    const repo = setup({ 'src/old.ts': body });
    // Codex sends apply_patch with the raw envelope in tool_input.command, relative or absolute
    // paths (openai/codex PR #18391 "emit hooks for apply_patch edits"; payload captured in
    // termaxa/termaxa PR #104); `*** Move to:` under `*** Update File:` renames the file
    // (openai/codex codex-rs/apply-patch, apply_patch_tool_instructions.md).
    const patch = `*** Begin Patch\n*** Update File: src/old.ts\n*** Move to: ${join(repo.dir, 'src/new.ts')}\n@@\n person 6\n+ai 7\n*** End Patch\n`;
    const edit: EditCase = { file: join(repo.dir, 'src/old.ts'), relative: 'src/old.ts', cwd: repo.dir, old: '', replacement: '', transcript: '' };
    const pre = { ...codex.pre(edit), tool_input: { command: patch } };
    silent(repo, 'codex', pre);
    repo.write('src/new.ts', `${body}ai 7\n`);
    rmSync(join(repo.dir, 'src/old.ts'));
    silent(repo, 'codex', { ...pre, hook_event_name: 'PostToolUse', tool_response: { output: 'Success.' } });
    repo.git(['add', '-A']);
    const head = commitAll(repo, 'move old.ts to new.ts');
    expect(noteOf(repo, head)).toEqual({ files: { 'src/new.ts': ['7,7'] }, sessions: ['codex'] });
    expect(rawNote(repo, head)).toContain('"model": "gpt-5.2-codex"');
  });

  it('Claude Code\'s edit refused (its pre hook ran, no post), the person writes lines, then Cursor edits: only Cursor\'s line is AI (row 289)', () => {
    const repo = setup({ 'a.txt': 'one\ntwo\nthree\n' });
    const file = join(repo.dir, 'a.txt');
    // Claude Code PreToolUse (https://code.claude.com/docs/en/hooks): fires before the permission
    // prompt; a refused or failed tool gets no PostToolUse.
    silent(repo, 'claude-code', claudeCode.pre({ file, relative: 'a.txt', cwd: repo.dir, old: 'two\n', replacement: 'two\nclaude\n', transcript: '' }));
    repo.write('a.txt', 'one\nmine 1\nmine 2\ntwo\nthree\n');
    repo.write('a.txt', 'one\nmine 1\nmine 2\ntwo\nthree\ncursor\n');
    // Cursor afterFileEdit (https://cursor.com/docs/agent/hooks): file_path and edits, after the edit only.
    silent(repo, 'cursor', cursor.post({ file, relative: 'a.txt', cwd: repo.dir, old: 'three\n', replacement: 'three\ncursor\n', transcript: '' }));
    const head = commitAll(repo, 'mixed');
    expect(noteOf(repo, head)).toEqual({ files: { 'a.txt': ['6,6'] }, sessions: ['cursor'] });
    expect(rawNote(repo, head)).toContain('"model": "gpt-5"');
  });

  it('the person edits after an agent\'s checkpoint, then Cursor deletes a line (nothing to undo): the person\'s lines stay theirs (row 289)', () => {
    const repo = setup({ 'a.txt': 'one\ntwo\nthree\n' });
    const file = join(repo.dir, 'a.txt');
    const cursorEdit = (old: string, replacement: string) => cursor.post({ file, relative: 'a.txt', cwd: repo.dir, old, replacement, transcript: '' });
    repo.write('a.txt', 'one\nai 1\ntwo\nthree\n');
    silent(repo, 'cursor', cursorEdit('one\n', 'one\nai 1\n'));
    repo.write('a.txt', 'one\nai 1\ntwo\nmine\nthree\n');
    repo.write('a.txt', 'one\nai 1\ntwo\nmine\n');
    silent(repo, 'cursor', cursorEdit('three\n', ''));
    const head = commitAll(repo, 'mixed');
    expect(noteOf(repo, head)).toEqual({ files: { 'a.txt': ['2,2'] }, sessions: ['cursor'] });
  });

  it('Claude Code writes a 300 KB file: its model is read from the transcript line that carries the write, not lost as unknown (row 290)', () => {
    const repo = setup({ 'README.md': 'readme\n' });
    const content = Array.from({ length: 6000 }, (_, i) => `export const value${i} = '${'x'.repeat(40)}';\n`).join('');
    // Claude Code's transcript (~/.claude/projects/<project>/<session>.jsonl): the assistant line
    // carries message.model before message.content, whose tool_use input holds the whole file the
    // Write tool writes (https://code.claude.com/docs/en/hooks: transcript_path; Write {file_path, content}).
    const transcript = join(tempDir('aitrail-transcript-'), 'session.jsonl');
    const assistant = { type: 'assistant', message: { id: 'msg_01', type: 'message', role: 'assistant', model: 'claude-opus-4-6', content: [{ type: 'tool_use', id: 'toolu_01', name: 'Write', input: { file_path: join(repo.dir, 'src/data.ts'), content } }] }, sessionId: '8c35adc1' };
    writeFileSync(transcript, `${JSON.stringify({ type: 'user', message: { role: 'user', content: 'write the table' } })}\n${JSON.stringify(assistant)}\n`);
    const edit: EditCase = { file: join(repo.dir, 'src/data.ts'), relative: 'src/data.ts', cwd: repo.dir, old: '', replacement: content, transcript };
    const write = (payload: Record<string, unknown>) => ({ ...payload, tool_name: 'Write', tool_input: { file_path: edit.file, content } });
    silent(repo, 'claude-code', write(claudeCode.pre(edit)));
    repo.write('src/data.ts', content);
    silent(repo, 'claude-code', write(claudeCode.post(edit)));
    repo.git(['add', '-A']);
    const head = commitAll(repo, 'data table');
    expect(noteOf(repo, head).files).toEqual({ 'src/data.ts': ['1,6000'] });
    expect(rawNote(repo, head)).toContain('"model": "claude-opus-4-6"');
  });
});
