import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';
import { qwenNote } from '../helpers/qwen-code-notes.js';

/** `aitrail <args>` with git traced (GIT_TRACE): its result, and the notes refs' `for-each-ref` runs git logged. */
function traced(dir: string, args: string[]): { code: number; stdout: string; stderr: string; notesLookups: string[] } {
  const trace = join(tempDir('aitrail-trace-'), 'trace');
  const result = aitrail(dir, args, { env: { GIT_TRACE: trace } });
  const notesLookups = readFileSync(trace, 'utf8')
    .split('\n')
    .filter((line) => line.includes(' git for-each-ref ') && line.includes('refs/notes/'))
    .map((line) => line.slice(line.indexOf('git for-each-ref')));
  return { ...result, notesLookups };
}

/** `aitrail blame --no-cache --format json <args>`, traced: its AI and total lines, and the notes lookups. */
function tracedBlame(dir: string, args: string[]): { ai: number; lines: number; notesLookups: string[] } {
  const result = traced(dir, ['blame', '--no-cache', '--format', 'json', ...args]);
  expect(result.code, result.stderr).toBe(0);
  const { totals } = JSON.parse(result.stdout) as { totals: { ai: number; lines: number } };
  return { ai: totals.ai, lines: totals.lines, notesLookups: result.notesLookups };
}

const ONE_LOOKUP = ["git for-each-ref '--format=%(refname)%00%(objectname)%00%(objecttype)' --end-of-options refs/notes/ai refs/notes/ai-attribution"];
/** blame's: the replace refs in the same process (s41b, blameEnvironment's listing). */
const BLAME_LOOKUP = ["git for-each-ref '--format=%(refname)%00%(objectname)%00%(objecttype)' --end-of-options refs/notes/ai refs/notes/ai-attribution refs/replace/"];

describe('blame reads both notes refs in one git process (s40a)', () => {
  it('refs/notes/ai and refs/notes/ai-attribution from one for-each-ref, each note still read', () => {
    const repo = makeRepo();
    const first = repo.commit('feat: a\n', { 'a.ts': 'one\ntwo\n' });
    const second = repo.commit('feat: b\n', { 'b.ts': 'three\n' });
    addNote(repo, first, gitAiNote({ 'a.ts': [session(NOTE_KEYS.claude, '1-2')] }));
    qwenNote(repo, second, 'Qwen-Coder', ['b.ts']);
    const { ai, lines, notesLookups } = tracedBlame(repo.dir, []);
    // a.ts by the git-ai note, b.ts by Qwen Code's: both refs were read.
    expect([ai, lines]).toEqual([3, 3]);
    expect(notesLookups).toEqual(BLAME_LOOKUP);
    // --no-notes: neither is looked up, and every line is its commit's own (a person's).
    expect(tracedBlame(repo.dir, ['--no-notes'])).toEqual({ ai: 0, lines: 3, notesLookups: [] });
  });

  it('a notes ref whose object is missing (for-each-ref exits 128) reads as no notes, the other ref still read', () => {
    const repo = makeRepo();
    repo.commit('feat: a\n', { 'a.ts': 'one\ntwo\n' });
    const second = repo.commit('feat: b\n', { 'b.ts': 'three\n' });
    qwenNote(repo, second, 'Qwen-Coder', ['b.ts']);
    // refs/notes/ai at an object the repository lacks (a loose ref, as a partial fetch or a hand edit leaves it).
    repo.git(['update-ref', 'refs/notes/ai', second]);
    const missing = 'f'.repeat(40);
    repo.write('.git/refs/notes/ai', `${missing}\n`);
    const { ai, lines } = tracedBlame(repo.dir, []);
    expect([ai, lines]).toEqual([1, 3]);
  });

  it('check and log look both refs up in one for-each-ref too, and still read each note', () => {
    const repo = makeRepo();
    const base = repo.commit('start\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
    const first = repo.commit('feat: a\n', { 'a.ts': 'one\n' });
    const second = repo.commit('feat: b\n', { 'b.ts': 'two\n' });
    addNote(repo, first, gitAiNote({ 'a.ts': [session(NOTE_KEYS.claude, '1')] }));
    qwenNote(repo, second, 'Qwen-Coder', ['b.ts']);
    // Qwen Code's note names a denied model: check refuses that commit.
    const check = traced(repo.dir, ['check', `${base}..HEAD`, '--format', 'json']);
    expect(check.code, check.stderr).toBe(1);
    expect((JSON.parse(check.stdout) as { violations: { sha: string; model: string }[] }).violations.filter((violation) => violation.sha === second).map((violation) => violation.model)).toContain('qwen/unknown');
    expect(check.notesLookups).toEqual(ONE_LOOKUP);
    const log = traced(repo.dir, ['log', '--format', 'json', `${base}..HEAD`]);
    expect(log.code, log.stderr).toBe(0);
    const text = log.stdout;
    expect(text).toContain('claude');
    expect(text.toLowerCase()).toContain('qwen');
    // log lists the replace refs in the same process, as blame does (it says when git reads them: s46q).
    expect(log.notesLookups).toEqual(BLAME_LOOKUP);
  });
});
