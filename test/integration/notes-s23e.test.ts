// Line-level authorship in git-ai's notes (session 23, e): notes read as git-ai's own reader reads
// them, in real repositories through the CLI (README threat-model row 277).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { addNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

const QWEN_TRAILER = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const CLAUDE = 's_aaaaaaaaaaaaaa';

function blameTotals(repo: TestRepo): { ai: number; byModel: Record<string, number> } {
  const result = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout).totals;
}

describe('git-ai notes with overlapping entries', () => {
  it("cannot take a commit's declared model off its lines with an entry a later one covers", () => {
    const repo = makeRepo();
    repo.commit('base', { 'a.ts': 'one\n' });
    const qwen = repo.commit(`parser\n\n${QWEN_TRAILER}\n`, { 'q.ts': 'q1\nq2\nq3\nq4\n' });
    // The shape of a squash-transplanted git-ai note (git-ai-project/git-ai issue #2294): two
    // sessions over the same lines, the later (Claude) owning them. The earlier Qwen entry gives
    // Qwen no line, so the note must not count as naming Qwen for any (row 255).
    const metadata = {
      schema_version: 'authorship/3.0.0',
      git_ai_version: '1.7.0',
      base_commit_sha: qwen,
      prompts: {},
      sessions: {
        [NOTE_KEYS.qwen]: { agent_id: { tool: 'opencode', id: 'q', model: 'qwen3-coder' } },
        [CLAUDE]: { agent_id: { tool: 'claude', id: 'c', model: 'claude-opus-4-6' } },
      },
    };
    addNote(repo, qwen, `q.ts\n  ${session(NOTE_KEYS.qwen, '1-4')}\n  ${CLAUDE}::t_bbbbbbbbbbbbbb 1-4\n---\n${JSON.stringify(metadata, null, 2)}\n`);
    const totals = blameTotals(repo);
    expect(totals.ai).toBe(4);
    expect({ ...totals.byModel }).toEqual({ 'anthropic/claude-opus-4.6': 4, 'qwen/qwen3-coder': 4 });
  });
});
