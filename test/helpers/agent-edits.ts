import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parseAuthorshipLog } from '../../src/core/notes/parse-authorship-log.js';
import { claudeCode, geminiCli, type EditCase } from '../fixtures/agent-payloads.js';
import { blameJson } from './blame-json.js';
import { checkpoint } from './checkpoint.js';
import { aitrail } from './cli.js';
import { tempDir, type TestRepo } from './gitdir.js';
import { gitRun } from './hooks.js';

/**
 * The agent replaces `old` by `replacement` in `path` (staged text) as its hooks see it: pre hook,
 * the file written, post hook; each checkpoint run silent.
 */
export function agentEdit(repo: TestRepo, path: string, old: string, replacement: string, agent: 'claude-code' | 'gemini-cli' = 'claude-code'): void {
  const fixture = agent === 'claude-code' ? claudeCode : geminiCli;
  const transcript = join(tempDir('aitrail-transcript-'), 'session.jsonl');
  writeFileSync(transcript, fixture.transcript(fixture.model));
  const edit: EditCase = { file: join(repo.dir, path), relative: path, cwd: repo.dir, old, replacement, transcript };
  expect(checkpoint(repo.dir, agent, fixture.pre(edit)).stderr).toBe('');
  const text = repo.git(['show', `:${path}`], { raw: true });
  expect(text.includes(old), `${path} holds ${JSON.stringify(old)}`).toBe(true);
  repo.write(path, text.replace(old, replacement));
  expect(checkpoint(repo.dir, agent, fixture.post(edit)).stderr).toBe('');
}

/** `git commit -qam message` with the hooks; the new HEAD. */
export function commitAll(repo: TestRepo, message: string): string {
  const result = gitRun(repo.dir, ['commit', '-qam', message]);
  expect(result.status, result.stderr).toBe(0);
  return repo.git(['rev-parse', 'HEAD']);
}

/** The git-ai note of `rev` (refs/notes/ai): each file's entries as their ranges, and the tools of its sessions, sorted. */
export function noteOf(repo: TestRepo, rev: string): { files: Record<string, string[]>; sessions: string[] } {
  const parsed = parseAuthorshipLog(repo.git(['notes', '--ref=ai', 'show', rev], { raw: true }));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return {
    files: Object.fromEntries([...parsed.log.files].map(([path, entries]) => [path, entries.map((entry) => entry.ranges.join(','))])),
    sessions: [...parsed.log.sessions.values()].map((session) => session.tool).sort(),
  };
}

/** Each file of `rev`'s git-ai note with its entries' ranges. */
export const noteFiles = (repo: TestRepo, rev: string): Record<string, string[]> => noteOf(repo, rev).files;

/**
 * After `git rebase --continue` (`resumed`) committed a stop of `topic` (two commits by Test Human)
 * whose resolution holds Claude Code's third line of `path` (rows 491 and 547): the picked commits
 * kept as they were, the line noted on the stopped one, counted by blame, refused by check under a
 * path rule denying Claude at `path`.
 */
export function expectResolutionNoted(repo: TestRepo, env: NodeJS.ProcessEnv, path: string, resumed: { code: number; stderr: string }): void {
  expect(resumed.code, resumed.stderr).toBe(0);
  expect(repo.git(['log', '--format=%s|%an|%b', 'main..HEAD']).split('\n')).toEqual(['topic 2|Test Human|', 'topic|Test Human|']);
  expect(noteOf(repo, 'HEAD~1').files).toEqual({ [path]: ['3,3'] });
  expect(blameJson(repo.dir, [path]).totals).toMatchObject({ lines: 3, ai: 1, byModel: { 'anthropic/claude-opus-4.6': 1 } });
  const check = aitrail(repo.dir, ['check', 'main..HEAD'], { env });
  expect(check.code, check.stdout + check.stderr).toBe(1);
  expect(check.stdout + check.stderr).toContain(path);
}
