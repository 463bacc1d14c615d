import { describe, expect, it } from 'vitest';
import { readNotes } from '../../src/notes/read-notes.js';
import { listNotes, notesTip } from '../../src/git/notes.js';
import { aitrail } from '../helpers/cli.js';
import { addNote, forCommit, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

interface FileJson {
  path: string;
  lines: number;
  ai: number;
  human: number;
  byModel: Record<string, number>;
  byAgent: Record<string, number>;
  lineLevel: number;
}
interface BlameJson {
  totals: Omit<FileJson, 'path'>;
  files: FileJson[];
}

const numbered = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix} ${from + i}\n`).join('');
/** Lines long enough for git's -M/-C (40 alphanumerics by default). */
const long = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix} line ${from + i} with enough alphanumeric characters to be found when moved\n`).join('');

const SESSION_CLAUDE = NOTE_KEYS.claude;
const PROMPT_CODEX = NOTE_KEYS.codex;
const HUMAN = NOTE_KEYS.human;
const note = gitAiNote;
const claude = (ranges: string) => session(NOTE_KEYS.claude, ranges);
const cursor = (ranges: string) => session(NOTE_KEYS.cursor, ranges);

function blame(repo: TestRepo, args: string[] = []): BlameJson {
  const result = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache', ...args]);
  if (result.code !== 0) throw new Error(`blame exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as BlameJson;
}

const file = (report: BlameJson, path: string) => report.files.find((entry) => entry.path === path);

/** A mixed history: notes with every key kind, a trailer-only commit, a commit with both. */
function mixedRepo(): { repo: TestRepo; shas: Record<string, string> } {
  const repo = makeRepo();
  const base = repo.commit('base', { 'a.ts': numbered('base', 1, 10) });
  // Note only (message silent): a.ts gets 5 lines after line 3 (its lines 4-8); b.ts 6 lines.
  const base3 = numbered('base', 1, 3);
  const mixed = repo.commit('mixed work', { 'a.ts': base3 + numbered('new', 4, 8) + numbered('base', 4, 10), 'b.ts': numbered('b', 1, 6) });
  addNote(repo, mixed, note({ 'a.ts': [claude('4-6'), `${HUMAN} 7`], 'b.ts': [`${PROMPT_CODEX} 1-2`, cursor('5-6')] }));
  // Trailer only: two lines at the end of a.ts.
  const a = repo.git(['show', 'HEAD:a.ts'], { raw: true });
  const qwen = repo.commit('qwen work\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'a.ts': a + numbered('qwen', 1, 2) });
  // Trailer and note: the note says its one changed line is a known human's.
  const b = repo.git(['show', 'HEAD:b.ts'], { raw: true }).split('\n');
  b[2] = 'b 3 rewritten';
  const both = repo.commit('claude says\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', { 'b.ts': b.join('\n') });
  addNote(repo, both, note({ 'b.ts': [`${HUMAN} 3`] }));
  return { repo, shas: { base, mixed, qwen, both } };
}

describe('blame with git-ai notes', () => {
  it('counts noted commits line by line, against a hand count', () => {
    const { repo } = mixedRepo();
    const report = blame(repo);
    // a.ts: 17 lines; AI: new 4-6 (claude, from the note) + 2 qwen lines (trailer). Line-level: the 5 lines of the noted commit.
    expect(file(report, 'a.ts')).toEqual({
      path: 'a.ts',
      lines: 17,
      ai: 5,
      human: 12,
      byModel: { 'anthropic/claude-opus-4.6': 3, 'qwen/qwen3-coder': 2 },
      byAgent: { 'claude-code': 3, 'qwen-code': 2 },
      lineLevel: 5,
    });
    // b.ts: 1-2 codex (legacy key), 5-6 cursor composer-1 (session), 4 untracked → human, 3 from the
    // commit with a trailer AND a note: judged by its note alone (a known human).
    expect(file(report, 'b.ts')).toEqual({
      path: 'b.ts',
      lines: 6,
      ai: 4,
      human: 2,
      byModel: { 'openai/gpt-5.3-codex': 2, 'cursor/composer-1': 2 },
      byAgent: { codex: 2, cursor: 2 },
      lineLevel: 6,
      // Line 3: its commit's trailer says Claude, its note a person (said in notedHuman).
      notedHuman: 1,
    });
    expect(report.totals).toMatchObject({ lines: 23, ai: 9, human: 14, lineLevel: 11 });
  });

  it('--no-notes counts commit by commit; the table says how many lines came from notes', () => {
    const { repo } = mixedRepo();
    const off = blame(repo, ['--no-notes']);
    expect(file(off, 'a.ts')).toMatchObject({ ai: 2, lineLevel: 0, byModel: { 'qwen/qwen3-coder': 2 } });
    expect(file(off, 'b.ts')).toMatchObject({ ai: 1, lineLevel: 0, byModel: { 'anthropic/claude-opus-4.6': 1 } });
    const table = aitrail(repo.dir, ['blame', '--no-cache']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Line by line from git-ai notes: 11 lines');
    expect(aitrail(repo.dir, ['blame', '--no-cache', '--no-notes']).stdout).not.toContain('git-ai notes');
  });

  it('the cache key covers the notes ref tip and --no-notes', () => {
    const { repo, shas } = mixedRepo();
    const first = aitrail(repo.dir, ['blame', '--format', 'json']);
    expect(JSON.parse(first.stdout).totals.ai).toBe(9);
    // The trailer commit's two lines noted as a person's.
    addNote(repo, shas.qwen!, note({ 'a.ts': [`${HUMAN} 1-100`] }));
    const second = JSON.parse(aitrail(repo.dir, ['blame', '--format', 'json']).stdout) as BlameJson;
    expect(second.totals).toMatchObject({ ai: 7, lineLevel: 13 });
    expect(JSON.parse(aitrail(repo.dir, ['blame', '--format', 'json', '--no-notes']).stdout).totals.ai).toBe(3);
    repo.git(['update-ref', '-d', 'refs/notes/ai']);
    expect(JSON.parse(aitrail(repo.dir, ['blame', '--format', 'json']).stdout).totals).toMatchObject({ ai: 3, lineLevel: 0 });
  });

  it('--notes-ref reads another ref; anything but a notes ref is refused with exit 2', () => {
    const { repo, shas } = mixedRepo();
    addNote(repo, shas.qwen!, note({ 'a.ts': [cursor('17')] }), 'refs/notes/other');
    const other = blame(repo, ['--notes-ref', 'refs/notes/other']);
    // Only the qwen commit has a note there: its 2 lines (16-17) are now judged by it.
    expect(file(other, 'a.ts')).toMatchObject({ ai: 1, lineLevel: 2, byModel: { 'cursor/composer-1': 1 } });
    expect(blame(repo, ['--notes-ref', 'other']).totals).toEqual(other.totals);
    expect(blame(repo, ['--notes-ref', 'refs/notes/absent']).totals).toMatchObject({ ai: 3, lineLevel: 0 });
    for (const bad of ['refs/heads/main', '--upload-pack=touch /tmp/x', 'a..b', 'x y', 'refs/notes/a\u0001']) {
      const result = aitrail(repo.dir, ['blame', `--notes-ref=${bad}`]);
      expect(result.code, bad).toBe(2);
      expect(result.stderr).toContain('invalid --notes-ref');
    }
  });

  it('only the notes ref itself is read: a tag or branch named refs/notes/ai is not taken for the notes', () => {
    // git's short-name rules try refs/tags/<name>, refs/heads/<name>… when <name> is missing: a tag
    // pushed as refs/notes/ai (CI fetches tags, never notes) would stand in for the project's notes.
    const { repo, shas } = mixedRepo();
    const honest = blame(repo);
    const log = (args: string[] = []) => JSON.parse(aitrail(repo.dir, ['log', '--format', 'json', ...args]).stdout) as unknown;
    const honestLog = log();
    // Fake notes: every line of the trailer-only qwen commit "a known human's".
    addNote(repo, shas.qwen!, note({ 'a.ts': [`${HUMAN} 16-17`] }), 'refs/notes/fake');
    const fake = repo.git(['rev-parse', 'refs/notes/fake']);
    repo.git(['update-ref', '-d', 'refs/notes/fake']);
    const stored = repo.git(['rev-parse', 'refs/notes/ai']);
    repo.git(['update-ref', '-d', 'refs/notes/ai']);
    const noNotes = blame(repo);
    expect(noNotes.totals).toMatchObject({ ai: 3, lineLevel: 0 });
    for (const name of ['refs/tags/refs/notes/ai', 'refs/heads/refs/notes/ai', 'refs/remotes/refs/notes/ai']) {
      repo.git(['update-ref', name, fake]);
      expect(repo.git(['rev-parse', 'refs/notes/ai'])).toBe(fake);
      expect(blame(repo).totals, name).toEqual(noNotes.totals);
      repo.git(['update-ref', '-d', name]);
    }
    // With the real ref there again, its notes are read, whatever else is named like it.
    repo.git(['update-ref', 'refs/notes/ai', stored]);
    repo.git(['update-ref', 'refs/tags/refs/notes/ai', fake]);
    expect(blame(repo).totals).toEqual(honest.totals);
    expect(log()).toEqual(honestLog);
  });

  it('a line moved to another file is judged by its original path and line', () => {
    const repo = makeRepo();
    repo.commit('base', { 'old.ts': long('base', 1, 6) });
    const ai = repo.commit('noted', { 'old.ts': long('base', 1, 6) + long('ai', 7, 10) });
    // Decoys: entries for the paths the lines end up in would count all four lines.
    addNote(repo, ai, note({ 'old.ts': [claude('7-8')], 'new.ts': [claude('1-20')], 'other.ts': [claude('1-20')] }));
    repo.git(['mv', 'old.ts', 'new.ts']);
    repo.commit('rename');
    repo.commit('move the block', { 'new.ts': long('base', 1, 6), 'other.ts': long('ai', 7, 10) });
    const renamed = blame(repo);
    expect(file(renamed, 'new.ts')).toMatchObject({ lines: 6, ai: 0 });
    // Without -C the moved block is the moving commit's (human).
    expect(file(renamed, 'other.ts')).toMatchObject({ lines: 4, ai: 0, lineLevel: 0 });
    const followed = blame(repo, ['-C']);
    expect(file(followed, 'other.ts')).toMatchObject({ lines: 4, ai: 2, human: 2, lineLevel: 4, byModel: { 'anthropic/claude-opus-4.6': 2 } });
    // A rename alone (git follows it by default): the note's old.ts lines still decide.
    const renameOnly = makeRepo();
    renameOnly.commit('base', { 'old.ts': long('base', 1, 6) });
    const noted = renameOnly.commit('noted', { 'old.ts': long('base', 1, 6) + long('ai', 7, 10) });
    addNote(renameOnly, noted, note({ 'old.ts': [claude('7-8')], 'new.ts': [claude('1-20')] }));
    renameOnly.git(['mv', 'old.ts', 'new.ts']);
    renameOnly.commit('rename');
    expect(file(blame(renameOnly), 'new.ts')).toMatchObject({ lines: 10, ai: 2, lineLevel: 4 });
  });

  it('a rebased commit whose note git copied (notes.rewriteRef, no hook remapping it) counts every line it wrote under the note’s model (687)', () => {
    const repo = makeRepo();
    repo.commit('base', { 'x.ts': numbered('x', 1, 5) });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const feature = repo.commit('feature work', { 'x.ts': numbered('x', 1, 5) + numbered('ai', 6, 8) });
    addNote(repo, feature, note({ 'x.ts': [claude('6-7')] }));
    repo.git(['branch', 'feature-plain']);
    repo.git(['checkout', '-q', 'main']);
    repo.commit('main moves on', { 'y.ts': numbered('y', 1, 3) });
    repo.git(['-c', 'notes.rewriteRef=refs/notes/ai', 'rebase', '-q', 'main', 'feature']);
    const rebased = repo.git(['rev-parse', 'feature']);
    expect(rebased).not.toBe(feature);
    expect(repo.git(['notes', '--ref', 'ai', 'show', rebased])).toContain(SESSION_CLAUDE);
    // The copy still names the commit before the rebase: its line numbers may name other lines, so none is read as a person's.
    expect(file(blame(repo, ['--rev', 'feature']), 'x.ts')).toMatchObject({ lines: 8, ai: 3, lineLevel: 0, byModel: { 'anthropic/claude-opus-4.6': 3 } });
    // Rebased without copying notes: the new commit has none, so it is judged commit by commit.
    // (Another committer date: a rebase in the same second would make the very commit above.)
    repo.git(['rebase', '-q', 'main', 'feature-plain'], { env: { GIT_COMMITTER_DATE: '2001-02-03T04:05:06Z' } });
    expect(repo.git(['rev-parse', 'feature-plain'])).not.toBe(rebased);
    expect(file(blame(repo, ['--rev', 'feature-plain']), 'x.ts')).toMatchObject({ lines: 8, ai: 0, lineLevel: 0 });
  });

  it('a malformed note is left out with one warning naming its commit; the commit keeps its trailer', () => {
    const { repo, shas } = mixedRepo();
    addNote(repo, shas.both!, 'b.ts\n  h_31dce776f88375 3\n---\n{"schema_version":"authorship/3.0.0","prompts":');
    const result = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(result.code).toBe(0);
    const warnings = result.stderr.split('\n').filter((line) => line.includes('malformed'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(shas.both!.slice(0, 12));
    const report = JSON.parse(result.stdout) as BlameJson;
    expect(file(report, 'b.ts')).toMatchObject({ ai: 5, lineLevel: 5, byModel: { 'anthropic/claude-opus-4.6': 1 } });
  });

  it('hostile notes trees: fanout paths are read, a gitlink or tree instead of a note is left out with a warning', () => {
    const { repo, shas } = mixedRepo();
    repo.git(['update-ref', '-d', 'refs/notes/ai']);
    const mixed = shas.mixed!;
    const blob = repo.git(['hash-object', '-w', '--stdin'], { input: forCommit(note({ 'a.ts': [claude('4-8')] }), mixed) });
    const inner = repo.git(['mktree'], { input: `100644 blob ${blob}\t${mixed.slice(4)}\n` });
    const fanout = repo.git(['mktree'], { input: `040000 tree ${inner}\t${mixed.slice(2, 4)}\n` });
    const root = repo.git(['mktree'], {
      input: [`040000 tree ${fanout}\t${mixed.slice(0, 2)}`, `160000 commit ${shas.base}\t${shas.both}`, `100644 blob ${blob}\tREADME`].join('\n') + '\n',
    });
    const commit = repo.git(['commit-tree', root, '-m', 'notes'], {});
    repo.git(['update-ref', 'refs/notes/ai', commit]);
    const result = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`instead of a note for commit ${shas.both!.slice(0, 12)}`);
    const report = JSON.parse(result.stdout) as BlameJson;
    expect(file(report, 'a.ts')).toMatchObject({ ai: 7, lineLevel: 5, byModel: { 'anthropic/claude-opus-4.6': 5, 'qwen/qwen3-coder': 2 } });
    // The commit with the gitlink keeps its trailer (claude, 1 line of b.ts); mixed has no b.ts entry now.
    expect(file(report, 'b.ts')).toMatchObject({ ai: 1, lineLevel: 5 });
  });

  it('a note missing from the object database is a warning; a 6 MB note (old transcript metadata) is read whole', () => {
    const { repo, shas } = mixedRepo();
    const transcript = Array.from({ length: 60_000 }, (_, index) => ({ type: 'assistant', text: `message ${index} with some text` }));
    const big = note({ 'a.ts': [claude('4-8')] }).replace('"prompts": {', `"messages_of_old": ${JSON.stringify(transcript)},\n  "prompts": {`);
    expect(big.length).toBeGreaterThan(2_500_000);
    addNote(repo, shas.mixed!, big);
    const missing = '0123456789abcdef0123456789abcdef01234567';
    const tree = repo.git(['ls-tree', 'refs/notes/ai']).split('\n').filter((line) => !line.endsWith(shas.both!));
    const root = repo.git(['mktree', '--missing'], { input: `${[...tree, `100644 blob ${missing}\t${shas.both}`].join('\n')}\n` });
    repo.git(['update-ref', 'refs/notes/ai', repo.git(['commit-tree', root, '-m', 'notes'])]);
    const result = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`the git-ai note of commit ${shas.both!.slice(0, 12)} is missing from the object database`);
    const report = JSON.parse(result.stdout) as BlameJson;
    expect(file(report, 'a.ts')).toMatchObject({ ai: 7, lineLevel: 5, byModel: { 'anthropic/claude-opus-4.6': 5, 'qwen/qwen3-coder': 2 } });
  });

  it('a note over the size limit is not read: one warning, commit-level attribution', async () => {
    const { repo, shas } = mixedRepo();
    const tip = (await notesTip(repo.dir, 'refs/notes/ai'))!;
    const entries = await listNotes(repo.dir, tip);
    expect([...entries.keys()].sort()).toEqual([shas.both!, shas.mixed!].sort());
    const warnings: string[] = [];
    const limit = entries.get(shas.both!)!.size;
    expect(entries.get(shas.mixed!)!.size).toBeGreaterThan(limit);
    const small = await readNotes(repo.dir, entries, [shas.mixed!, shas.both!, shas.base!], { limit, onWarning: (message) => warnings.push(message) });
    expect([...small.keys()]).toEqual([shas.both!]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`${shas.mixed!.slice(0, 12)} is \\d+\\.\\d MB, over the 0\\.0 MB limit`));
    expect((await readNotes(repo.dir, entries, [shas.mixed!, shas.both!])).size).toBe(2);
  });
});
