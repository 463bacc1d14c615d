import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { aitrailCpu } from '../helpers/cpu-timed.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo } from '../helpers/gitdir.js';

/*
 * Row 964: `log`'s evidence for a git-ai note repeated the note's own claim. A hostile note on a commit adding
 * 6 lines (a.ts 4, b.ts 2) claimed lines of c.ts (a file the commit never touched), of ghost.ts (nowhere) and
 * a.ts 50-60 (past its end): `log --format json` said "105 lines in 3 files" for Claude and "12 lines in 1 file"
 * for Cursor. Now the evidence counts the lines the commit adds that the note gives each author, as `blame`
 * counts them (test/integration/notes-trailer-totals-s50h.test.ts builds the same history): Claude 1, Cursor 1.
 */

const numbered = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix} ${from + i}\n`).join('');
const claude = (ranges: string) => session(NOTE_KEYS.claude, ranges);
const cursor = (ranges: string) => session(NOTE_KEYS.cursor, ranges);

interface Entry { sha: string; attributions: { agent: string; model: string; evidence: string[] }[] }

function evidence(dir: string, range?: string): Map<string, string[]> {
  const log = aitrail(dir, ['log', '--format', 'json', ...(range ? [range] : [])]);
  expect(log.code, log.stderr).toBe(0);
  return evidenceOf(log.stdout);
}

/** The note evidence of the newest commit of `log --format json`'s output, by agent:model. */
function evidenceOf(stdout: string): Map<string, string[]> {
  const [head] = JSON.parse(stdout) as Entry[];
  return new Map(head!.attributions.map((a) => [`${a.agent}:${a.model}`, a.evidence.filter((line) => line.startsWith('note '))]));
}

describe('log: a git-ai note\'s evidence counts only what the commit adds (row 964)', () => {
  it('claims on untouched files, files that are nowhere and lines past the end count nowhere', () => {
    const repo = makeRepo();
    repo.commit('base', { 'c.ts': numbered('c', 1, 4), 'keep.ts': numbered('k', 1, 3) });
    const both = repo.commit('claude says\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', { 'a.ts': numbered('a', 1, 4), 'b.ts': numbered('b', 1, 2) });
    addNote(repo, both, gitAiNote({ 'a.ts': [claude('1'), `${NOTE_KEYS.human} 2`, cursor('3,50-60')], 'c.ts': [claude('1-4')], 'ghost.ts': [claude('1-100')] }));
    const found = evidence(repo.dir);
    expect(found.get('claude-code:anthropic/claude-opus-4.6')).toEqual(['note refs/notes/ai: git-ai tool "claude", model "claude-opus-4-6", 1 line in 1 file']);
    expect(found.get('cursor:cursor/composer-1')).toEqual(['note refs/notes/ai: git-ai tool "cursor", model "composer-1", 1 line in 1 file']);
    // blame counts the same lines.
    const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect((JSON.parse(blame.stdout) as { totals: { byAgent: Record<string, number> } }).totals.byAgent).toEqual({ 'claude-code': 1, cursor: 1 });
  });

  it('a commit changing an existing file: only the lines it adds are the note\'s; an honest note reads as before', () => {
    const repo = makeRepo();
    repo.commit('base', { 'c.ts': numbered('c', 1, 10) });
    const edit = repo.commit('edit', { 'c.ts': `${numbered('c', 1, 4)}new 5\nnew 6\n${numbered('c', 7, 10)}`, 'dir/naïve d.ts': numbered('d', 1, 3) });
    // Lines 1-10 of c.ts claimed: the commit wrote 5 and 6 only; the new file's 1-3 (a name git quotes) as written.
    addNote(repo, edit, gitAiNote({ 'c.ts': [claude('1-10')], 'dir/naïve d.ts': [cursor('1-3')] }));
    const found = evidence(repo.dir);
    expect(found.get('claude-code:anthropic/claude-opus-4.6')).toEqual(['note refs/notes/ai: git-ai tool "claude", model "claude-opus-4-6", 2 lines in 1 file']);
    expect(found.get('cursor:cursor/composer-1')).toEqual(['note refs/notes/ai: git-ai tool "cursor", model "composer-1", 3 lines in 1 file']);
  });

  it('a huge note (200,000 files claimed, lines to a billion) on a small commit: counted by the commit, fast', () => {
    const repo = makeRepo();
    repo.commit('base', { 'keep.ts': 'k\n' });
    const small = repo.commit('small', { 'a.ts': numbered('a', 1, 3) });
    const files: Record<string, string[]> = { 'a.ts': [claude('1-1000000000')] };
    for (let i = 0; i < 200_000; i += 1) files[`ghost/${i}.ts`] = [claude('1-1000000000')];
    addNote(repo, small, gitAiNote(files));
    // The CLI spawned, its CPU and its git processes' bounded (never wall time, which a loaded machine stretches).
    const log = aitrailCpu(repo.dir, ['log', '--format', 'json']);
    expect(log.status, log.stderr).toBe(0);
    expect(evidenceOf(log.stdout).get('claude-code:anthropic/claude-opus-4.6')).toEqual(['note refs/notes/ai: git-ai tool "claude", model "claude-opus-4-6", 3 lines in 1 file']);
    expect(log.cpu).toBeLessThan(15_000);
  });
});
