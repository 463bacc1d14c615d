import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo } from '../helpers/gitdir.js';

/*
 * Session 50 task h (3), no row (reproduced): the figure git-ai prints and projects paste into pull requests
 * (`git-ai stats <commit>`, src/authorship/stats.rs): per commit, its added lines (`git diff` from the first parent,
 * files matching git-ai's default ignore patterns left out) intersected with the note's entries; AI = lines an AI
 * entry claims, known human = `h_` entries, untracked = the rest; "ai N%" = AI / (human + untracked + AI).
 * The same figure from `aitrail trend <parent> <commit>` with git-ai's ignore patterns given as --exclude (aitrail
 * leaves lockfiles out already): the commit's lines that a note leaves out are human for both, whatever its trailer says.
 */

const numbered = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix} ${from + i}\n`).join('');
const claude = (ranges: string) => session(NOTE_KEYS.claude, ranges);

/** git-ai's DEFAULT_IGNORE_PATTERNS that are no lockfile, as aitrail --exclude globs. */
const GIT_AI_IGNORED = ['**/*.generated.*', '**/*.min.js', '**/*.min.css', '**/*.map', '**/vendor/**', '**/node_modules/**', '**/__snapshots__/**', '**/*.snap', '**/*.snap.new', '**/drizzle/meta/**', '**/*.pb.go', '**/*_pb2.py'];

describe("git-ai's published per-commit share (git-ai stats), reproduced by trend", () => {
  it('AI / (known human + untracked + AI) over the added lines git-ai does not ignore', () => {
    const repo = makeRepo();
    const base = repo.commit('base', { 'src/a.ts': numbered('old', 1, 2) });
    const work = repo.commit('feature\n\nCo-authored-by: Claude <noreply@anthropic.com>\n', {
      'src/a.ts': numbered('old', 1, 2) + numbered('a', 1, 5),
      'web/app.min.js': numbered('m', 1, 2),
      'tests/__snapshots__/a.snap': numbered('s', 1, 2),
      'package-lock.json': numbered('l', 1, 3),
    });
    // a.ts lines 3-5 Claude's, 6 a known person's, 7 untracked; the ignored files all Claude's.
    addNote(repo, work, gitAiNote({ 'src/a.ts': [claude('3-5'), `${NOTE_KEYS.human} 6`], 'web/app.min.js': [claude('1-2')], 'tests/__snapshots__/a.snap': [claude('1-2')], 'package-lock.json': [claude('1-3')] }));

    // git-ai's method with plain git: added lines per file, not ignored, intersected with the note.
    const added = repo.git(['diff', '--numstat', base, work]).split('\n').map((line) => line.split('\t')).filter(([, , path]) => path === 'src/a.ts');
    expect(added).toEqual([['5', '0', 'src/a.ts']]);
    const [ai, human, untracked] = [3, 1, 5 - 3 - 1];
    expect(Math.round((ai / (human + untracked + ai)) * 100)).toBe(60);

    const trend = aitrail(repo.dir, ['trend', base, work, '--format', 'json', '--no-cache', ...GIT_AI_IGNORED.flatMap((glob) => ['--exclude', glob])]);
    expect(trend.code, trend.stderr).toBe(0);
    const totals = (JSON.parse(trend.stdout) as { releases: { totals: { lines: number; ai: number; human: number } }[] }).releases[0]!.totals;
    expect(totals).toMatchObject({ lines: human + untracked + ai, ai, human: human + untracked });

    // Without git-ai's patterns the minified and snapshot files count (the lockfile stays out): 9 lines, 7 AI.
    const all = aitrail(repo.dir, ['trend', base, work, '--format', 'json', '--no-cache']);
    expect((JSON.parse(all.stdout) as { releases: { totals: { lines: number; ai: number } }[] }).releases[0]!.totals).toMatchObject({ lines: 9, ai: 7 });
  });

  it("a commit with a trailer and no note: git-ai's 0 % (all untracked) is trend's ai where lineLevel covers the lines, else 0", () => {
    const repo = makeRepo();
    const base = repo.commit('base', { 'src/a.ts': numbered('old', 1, 2) });
    const work = repo.commit('feature\n\nCo-authored-by: Claude <noreply@anthropic.com>\n', { 'src/a.ts': numbered('old', 1, 2) + numbered('a', 1, 4) });
    const trend = aitrail(repo.dir, ['trend', base, work, '--format', 'json', '--no-cache']);
    const totals = (JSON.parse(trend.stdout) as { releases: { totals: { lines: number; ai: number; lineLevel: number } }[] }).releases[0]!.totals;
    // aitrail reads the trailer (4 AI lines); git-ai, with no note, calls the 4 lines untracked: 0 % AI.
    expect(totals).toMatchObject({ lines: 4, ai: 4, lineLevel: 0 });
    const gitAiShare = totals.lineLevel === totals.lines ? totals.ai / totals.lines : 0;
    expect(gitAiShare).toBe(0);
  });
});
