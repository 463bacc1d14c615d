import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo } from '../helpers/gitdir.js';

/*
 * Session 50 task h (4), no row (no fault found): a commit whose trailer says Claude Code and whose git-ai note
 * disagrees (a line a person's, a line Cursor's, lines and a file it leaves out) and, hostile, claims lines of a file
 * the commit never touched, of a file that is nowhere and past a file's end. The note wins line by line, the
 * trailer for the commit (`log`); blame's and trend's JSON totals are the sums of their files (lines, ai, human,
 * lineLevel, byModel, byAgent), and each file's ai its byModel's sum.
 */

interface Part { lines: number; ai: number; human: number; byModel: Record<string, number>; byAgent: Record<string, number>; lineLevel: number; notedHuman?: number }
interface BlameJson { totals: Part; files: (Part & { path: string })[] }

const numbered = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix} ${from + i}\n`).join('');
const claude = (ranges: string) => session(NOTE_KEYS.claude, ranges);
const cursor = (ranges: string) => session(NOTE_KEYS.cursor, ranges);

function sum(parts: Part[], key: 'byModel' | 'byAgent'): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of parts) for (const [name, n] of Object.entries(part[key])) out[name] = (out[name] ?? 0) + n;
  return out;
}

function expectSums(report: BlameJson): void {
  for (const key of ['lines', 'ai', 'human', 'lineLevel', 'notedHuman'] as const) expect(report.totals[key] ?? 0).toBe(report.files.reduce((n, f) => n + (f[key] ?? 0), 0));
  expect(report.totals.byModel).toEqual(sum(report.files, 'byModel'));
  expect(report.totals.byAgent).toEqual(sum(report.files, 'byAgent'));
  for (const f of report.files) {
    expect(Object.values(f.byModel).reduce((a, b) => a + b, 0)).toBe(f.ai);
    expect(f.ai + f.human).toBe(f.lines);
  }
}

describe('a commit whose trailer and git-ai note disagree (s50h task 4)', () => {
  it('lines follow the note, the commit its trailer; totals are the sums of files; claims outside the commit count nowhere', () => {
    const repo = makeRepo();
    repo.commit('base', { 'c.ts': numbered('c', 1, 4), 'keep.ts': numbered('k', 1, 3) });
    repo.git(['tag', 'v1']);
    const both = repo.commit('claude says\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', { 'a.ts': numbered('a', 1, 4), 'b.ts': numbered('b', 1, 2) });
    repo.git(['tag', 'v2']);
    addNote(repo, both, gitAiNote({ 'a.ts': [claude('1'), `${NOTE_KEYS.human} 2`, cursor('3,50-60')], 'c.ts': [claude('1-4')], 'ghost.ts': [claude('1-100')] }));

    const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    const report = JSON.parse(blame.stdout) as BlameJson;
    expectSums(report);
    const file = (path: string) => report.files.find((entry) => entry.path === path);
    // a.ts: line 1 Claude, 3 Cursor (the note); 2 a person's, 4 left out of the note: human, though the trailer says Claude.
    expect(file('a.ts')).toMatchObject({ lines: 4, ai: 2, lineLevel: 4, notedHuman: 2, byAgent: { 'claude-code': 1, cursor: 1 } });
    expect(file('b.ts')).toMatchObject({ lines: 2, ai: 0, lineLevel: 2, notedHuman: 2 });
    // c.ts's lines are base's: the note of another commit claims none of them.
    expect(file('c.ts')).toMatchObject({ lines: 4, ai: 0, lineLevel: 0 });
    expect(file('ghost.ts')).toBeUndefined();
    expect(report.totals).toMatchObject({ lines: 13, ai: 2, human: 11, lineLevel: 6, notedHuman: 4 });

    const trend = aitrail(repo.dir, ['trend', 'v1', 'v2', '--format', 'json', '--no-cache']);
    expect(trend.code, trend.stderr).toBe(0);
    const release = (JSON.parse(trend.stdout) as { releases: { totals: Part }[] }).releases[0]!;
    expect(release.totals).toMatchObject({ lines: 6, ai: 2, human: 4, lineLevel: 6, notedHuman: 4, byModel: { 'anthropic/claude-opus-4.6': 1, 'cursor/composer-1': 1 }, byAgent: { 'claude-code': 1, cursor: 1 } });

    // The commit: the trailer's Claude Code (and the note's Cursor) as log reads it.
    const log = aitrail(repo.dir, ['log', '--format', 'json']);
    const [head] = JSON.parse(log.stdout) as { ai: boolean; attributions: { agent: string; model: string }[] }[];
    expect(head!.ai).toBe(true);
    expect(head!.attributions.map((a) => `${a.agent}:${a.model}`)).toEqual(['claude-code:anthropic/claude-opus-4.6', 'cursor:cursor/composer-1']);
  });
});
