import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blameReport, type BlameRun } from '../../src/report/blame-report.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';

const CLAUDE = '\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n';
const QWEN = '\n\nCo-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>\n';
const lines = (tag: string, count: number) => Array.from({ length: count }, (_, index) => `${tag} line ${index} with some words to copy around`).join('\n') + '\n';

/** One report through the library the CLI runs (in process: quick): its JSON text and how it was made. */
async function report(repo: TestRepo, options: Partial<BlameRun>) {
  const warnings: string[] = [];
  const result = await blameReport({ cwd: repo.dir, ...options, onWarning: (message) => warnings.push(message) });
  // Only the ignored AI commit (the ignore-revs steps ignore one) is worth a word here.
  expect(warnings.filter((message) => !message.startsWith('git blame was told to ignore 1 commit with AI attribution'))).toEqual([]);
  return { json: JSON.stringify(result.report, null, 2), cached: result.cached, blamed: result.blamed, warnings };
}

/** One option set a step is checked under. */
type Variant = Partial<BlameRun>;

/**
 * The cached (incremental) report equals a fresh one (--no-cache), byte for byte, under every
 * variant; returns how many files git blame ran on for each (the others came from the cache).
 */
async function sameAsFresh(repo: TestRepo, variants: Variant[], keep?: Kept): Promise<number[]> {
  const blamed: number[] = [];
  for (const variant of variants) {
    const cached = await report(repo, variant);
    const fresh = await report(repo, { ...variant, cache: false });
    expect(cached.json, `blame ${JSON.stringify(variant)}`).toBe(fresh.json);
    expect(cached.warnings, `blame ${JSON.stringify(variant)}`).toEqual(fresh.warnings);
    blamed.push(cached.blamed);
    keep?.push({ json: fresh.json, warnings: fresh.warnings });
  }
  return blamed;
}

/** The reports a step's fresh runs made (sameAsFresh's `keep`), one a variant. */
type Kept = { json: string; warnings: string[] }[];

/**
 * At a state a step already had (the same commit, config and notes), the cached report equals the fresh one
 * that step made, byte for byte: a fresh run again would blame every file for the same answer.
 */
async function sameAsKept(repo: TestRepo, variants: Variant[], kept: Kept): Promise<number[]> {
  expect(kept).toHaveLength(variants.length);
  const blamed: number[] = [];
  for (const [at, variant] of variants.entries()) {
    const cached = await report(repo, variant);
    expect(cached.json, `blame ${JSON.stringify(variant)}`).toBe(kept[at]!.json);
    expect(cached.warnings, `blame ${JSON.stringify(variant)}`).toEqual(kept[at]!.warnings);
    blamed.push(cached.blamed);
  }
  return blamed;
}

/** A history of three commits (a person, Claude, Qwen copying b's lines into d) and the option sets every step is checked under. */
function start() {
  const repo = makeRepo();
  const base = repo.commit('human: start\n', { 'a.txt': lines('a', 30), 'b.txt': lines('b', 20), 'src/c.txt': lines('c', 12) });
  repo.commit(`ai: extend a${CLAUDE}`, { 'a.txt': lines('a', 30) + lines('a2', 5) });
  // b's lines copied into a new file: -C -C tells where they came from.
  const copied = repo.commit(`ai: copy b${QWEN}`, { 'd.txt': lines('b', 20).split('\n').slice(0, 10).join('\n') + '\n' + lines('d', 4) });
  const variants: Variant[] = [{}, { gitFlags: ['-C', '-C', '-w'] }, { since: base }];
  return { repo, base, copied, variants };
}

describe('blame: the per-file cache is never stale', () => {
  it('equals a fresh run after new commits, amends, a rebase, branch switches and a merge', async () => {
    const { repo, variants } = start();
    await sameAsFresh(repo, variants);

    // A commit touching one file: that file alone is blamed again; a commit touching none: no file.
    repo.commit('human: touch c\n', { 'src/c.txt': lines('c', 12) + 'one more\n' });
    expect(await sameAsFresh(repo, variants)).toEqual([1, 1, 1]);
    repo.commit('human: nothing\n');
    expect(await sameAsFresh(repo, variants)).toEqual([0, 0, 0]);

    // The source of d's copied lines changes: d's own blame is decided where d was made.
    repo.commit(`ai: rewrite b${QWEN}`, { 'b.txt': lines('B', 20) });
    await sameAsFresh(repo, variants);

    // Amend (another model), a side branch, a branch switch, a rebase over a new main commit, a merge.
    repo.git(['commit', '-q', '--amend', '-m', `ai: rewrite b${CLAUDE}`]);
    const amended: Kept = [];
    await sameAsFresh(repo, variants, amended);
    repo.git(['checkout', '-q', '-b', 'side', 'HEAD~2']);
    repo.commit(`ai: side${QWEN}`, { 'side.txt': lines('s', 6), 'a.txt': lines('a', 30) + lines('side', 3) });
    await sameAsFresh(repo, variants);
    // Back on main: the amended state, answered from the cache as the fresh runs then said.
    repo.git(['checkout', '-q', 'main']);
    expect(await sameAsKept(repo, variants, amended)).toEqual([0, 0, 0]);
    repo.commit('human: main moves\n', { 'src/c.txt': lines('c', 13) });
    repo.git(['checkout', '-q', 'side']);
    repo.git(['rebase', '-q', 'main']);
    await sameAsFresh(repo, variants);
    repo.git(['checkout', '-q', 'main']);
    repo.git(['merge', '-q', '--no-ff', '-m', 'human: merge side', 'side']);
    await sameAsFresh(repo, variants);
  });

  it('equals a fresh run after config and ignore-revs changes', async () => {
    const { repo, variants, copied } = start();
    repo.commit('human: main moves\n', { 'src/c.txt': lines('c', 13) });
    await sameAsFresh(repo, variants);
    // Config: a detection rule changes who wrote existing commits (no file blamed again); an
    // exclude changes the files; a policy change leaves the report as it was (the same entry).
    repo.write('.aitrailrc.json', JSON.stringify({ detect: { rules: [{ field: 'subject', pattern: '^human: main moves', agent: 'acme-bot', model: 'acme/coder-2' }] } }));
    expect(await sameAsFresh(repo, variants)).toEqual([0, 0, 0]);
    expect((await report(repo, {})).json).toContain('acme/coder-2');
    const excluded: Kept = [];
    repo.write('.aitrailrc.json', JSON.stringify({ blame: { exclude: ['src/**'] } }));
    await sameAsFresh(repo, variants, excluded);
    // The policy's change: the very reports the exclude alone made (no fresh run needed to say so).
    repo.write('.aitrailrc.json', JSON.stringify({ blame: { exclude: ['src/**'] }, policy: { deny: ['qwen/*'] } }));
    expect((await report(repo, {})).cached).toBe(true);
    await sameAsKept(repo, variants, excluded);

    // ignore-revs: blame.ignoreRevsFile, then its content, then --ignore-rev.
    repo.write('.git-blame-ignore-revs', `${copied}\n`);
    repo.git(['config', 'blame.ignoreRevsFile', '.git-blame-ignore-revs']);
    const ignored: Kept = [];
    await sameAsFresh(repo, variants, ignored);
    // The file emptied: nothing ignored, the reports before it; the commit named by --ignore-rev: those the file made.
    repo.write('.git-blame-ignore-revs', '');
    await sameAsKept(repo, variants, excluded);
    await sameAsKept(repo, variants.map((variant) => ({ ...variant, ignoreRevs: [copied] })), ignored);
  });

  it('equals a fresh run after git-ai notes change and under other -M/-C options and --since', async () => {
    const { repo, variants, copied, base } = start();
    // The cache filled at the first state (that it equals a fresh run there: the first test's first step).
    const before: Kept = [];
    for (const variant of variants) before.push(await report(repo, variant));
    // A note appears on a commit whose lines are cached, then changes, then goes: the file's
    // lines are judged by it each time, and no file is blamed again for it.
    addNote(repo, copied, gitAiNote({ 'd.txt': [session(NOTE_KEYS.claude, '11-13')] }));
    expect(await sameAsFresh(repo, variants)).toEqual([0, 0, 0]);
    const fileD = async () => (JSON.parse((await report(repo, {})).json) as { files: { path: string; ai: number; lineLevel: number }[] }).files.find((file) => file.path === 'd.txt');
    expect(await fileD()).toMatchObject({ ai: 3, lineLevel: 14 });
    addNote(repo, copied, gitAiNote({ 'd.txt': [session(NOTE_KEYS.cursor, '11-12')] }));
    expect(await sameAsFresh(repo, variants)).toEqual([0, 0, 0]);
    expect(await fileD()).toMatchObject({ ai: 2, lineLevel: 14 });
    // The note gone: the reports before it came.
    repo.git(['notes', '--ref', 'ai', 'remove', copied]);
    await sameAsKept(repo, variants, before);
    expect(await fileD()).toMatchObject({ ai: 14, lineLevel: 0 });

    // Another --since, -M, other -M/-C thresholds.
    await sameAsFresh(repo, [{ since: copied }, { gitFlags: ['-M'] }, { gitFlags: ['-C30', '-M5'] }, { since: base, gitFlags: ['-C', '-C', '-C'] }]);
  });

  it('a file that replaced a symbolic link with the same bytes is blamed where it became a file, on every branch', async () => {
    // git blame gives such a file's lines to the commit that changed its type (the link's target
    // text is the same blob): two branches doing so, one by a person and one by an AI, must not
    // share an entry made for the link.
    const repo = makeRepo();
    repo.commit('human: start\n', { 'keep.txt': lines('k', 3) });
    const blob = repo.git(['hash-object', '-w', '--stdin'], { input: 'target text that is also a file' });
    repo.git(['update-index', '--add', '--cacheinfo', `120000,${blob},f.txt`]);
    repo.git(['commit', '-q', '-m', 'human: a link']);
    for (const [branch, message] of [['person', 'human: a file now\n'], ['agent', `ai: a file now${CLAUDE}`]] as const) {
      repo.git(['checkout', '-q', '-f', '-b', branch, 'main']);
      repo.git(['update-index', '--cacheinfo', `100644,${blob},f.txt`]);
      repo.git(['commit', '-q', '-F', '-'], { input: message });
      await sameAsFresh(repo, [{}]);
    }
    const ai = JSON.parse((await report(repo, {})).json) as { files: { path: string; ai: number }[] };
    expect(ai.files.find((file) => file.path === 'f.txt')?.ai).toBe(1);
  });

  it('--by author follows .mailmap edits (work tree file and mailmap.file), never an earlier answer', async () => {
    const repo = makeRepo();
    repo.commit(`ai: one${CLAUDE}`, { 'a.txt': lines('a', 4) });
    repo.commit('human: two\n', { 'b.txt': lines('b', 3) }, { GIT_AUTHOR_NAME: 'Old Name', GIT_AUTHOR_EMAIL: 'old@example.com' });
    const authors = async () => {
      const cached = await report(repo, { authors: true });
      expect(cached.json).toBe((await report(repo, { authors: true, cache: false })).json);
      return Object.keys((JSON.parse(cached.json) as { files: { byAuthor: Record<string, unknown> }[] }).files.flatMap((file) => Object.keys(file.byAuthor)).reduce((all, name) => ({ ...all, [name]: 1 }), {})).sort();
    };
    expect(await authors()).toEqual(['Old Name <old@example.com>', 'Test Human <human@example.com>']);
    repo.write('.mailmap', 'New Name <new@example.com> <old@example.com>\n');
    expect(await authors()).toEqual(['New Name <new@example.com>', 'Test Human <human@example.com>']);
    repo.write('.mailmap', '');
    const elsewhere = join(tempDir(), 'mailmap');
    writeFileSync(elsewhere, 'Someone Else <else@example.com> <human@example.com>\n');
    repo.git(['config', 'mailmap.file', elsewhere]);
    expect(await authors()).toEqual(['Old Name <old@example.com>', 'Someone Else <else@example.com>']);
    writeFileSync(elsewhere, '');
    expect(await authors()).toEqual(['Old Name <old@example.com>', 'Test Human <human@example.com>']);
  });

  it('entries are content-keyed: a cache directory restored in another clone is used as is (under a shared AITRAIL_CACHE_SECRET)', async () => {
    // Without a shared secret each clone seals with its own key: blame-cache-sealed-s51p.test.ts.
    const saved = process.env.AITRAIL_CACHE_SECRET;
    process.env.AITRAIL_CACHE_SECRET = 'a CI secret';
    try {
      await restoredInAnotherClone();
    } finally {
      if (saved === undefined) delete process.env.AITRAIL_CACHE_SECRET;
      else process.env.AITRAIL_CACHE_SECRET = saved;
    }
  });
  async function restoredInAnotherClone() {
    const repo = makeRepo();
    repo.commit(`ai: one${CLAUDE}`, { 'a.txt': lines('a', 10), 'b.txt': lines('b', 10), 'c.txt': lines('c', 4) });
    repo.commit('human: two\n', { 'b.txt': lines('b', 11) });
    const first = await report(repo, {});
    expect(first.blamed).toBe(3);

    // Another clone, elsewhere, with the cache directory copied in (what actions/cache restores).
    const clone = tempDir();
    repo.git(['clone', '-q', '--no-local', repo.dir, clone]);
    const other = { ...repo, dir: clone };
    const cache = (dir: string) => join(dir, '.git', 'aitrail', 'blame-cache');
    cpSync(cache(repo.dir), cache(clone), { recursive: true });
    expect(await report(other, {})).toEqual({ ...first, cached: true, blamed: 0 });
    // Without the whole-report entries, every file is still a hit; a poisoned entry is a miss, never a number.
    for (const name of readdirSync(cache(clone))) if (name.endsWith('.json')) rmSync(join(cache(clone), name));
    const entries = readdirSync(join(cache(clone), 'files'));
    writeFileSync(join(cache(clone), 'files', entries[0]!), '{"key":"x","lines":1}');
    // (said once: task s51x's warning, on stderr and in the report)
    const said: string[] = [];
    const poisoned = await blameReport({ cwd: other.dir, onWarning: (message) => said.push(message) });
    expect([poisoned.cached, poisoned.blamed]).toEqual([false, 1]);
    expect(said).toEqual([expect.stringMatching(/^1 blame cache entry was not sealed under this clone's key /)]);
    const { warnings, ...rest } = poisoned.report as typeof poisoned.report & { warnings?: string[] };
    expect(warnings).toEqual(said);
    expect(JSON.stringify(rest, null, 2)).toBe(first.json);
    expect((await report(other, { cache: false })).json).toBe(first.json);
  }

  it('a build whose sources differ (its dist/build-id.json) never reads what another build of the same version cached', () => {
    // The package as built (npm run build wrote dist/build-id.json), copied: the copy's build id is then changed as another build's would be.
    // Its modules run in one node of their own (node's loader: ~0.2 s of CPU), not imported here (vitest transformed
    // each of its ~400 modules again: ~1.5 s); dist/bundle (11 MB, what bin/aitrail.js loads) is not what it imports.
    const root = fileURLToPath(new URL('../..', import.meta.url));
    expect((JSON.parse(readFileSync(join(root, 'dist', 'build-id.json'), 'utf8')) as { id: string }).id).toMatch(/^[0-9a-f]{32}$/);
    const pkg = tempDir('aitrail-build-');
    cpSync(join(root, 'dist'), join(pkg, 'dist'), { recursive: true, filter: (source) => source !== join(root, 'dist', 'bundle') });
    cpSync(join(root, 'package.json'), join(pkg, 'package.json'));
    symlinkSync(join(root, 'node_modules'), join(pkg, 'node_modules'));
    const repo = makeRepo();
    repo.commit(`feat: a${CLAUDE}`, { 'a.ts': lines('a', 5) });
    repo.commit('docs: b', { 'b.md': lines('b', 3) });
    // The first run, the second (the whole report cached), the build id changed, the run after it.
    const script = `
      const { writeFileSync } = await import('node:fs');
      const [pkg, cwd] = process.argv.slice(1);
      const { blameReport } = await import(new URL('dist/report/blame-report.js', 'file://' + pkg + '/').href);
      const runs = [await blameReport({ cwd }), await blameReport({ cwd })];
      writeFileSync(pkg + '/dist/build-id.json', JSON.stringify({ id: 'f'.repeat(32) }) + '\\n');
      runs.push(await blameReport({ cwd }));
      process.stdout.write(JSON.stringify(runs.map((run) => ({ cached: run.cached, blamed: run.blamed, report: JSON.stringify(run.report) }))));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, pkg, repo.dir], { encoding: 'utf8', env: process.env });
    expect(child.status, child.stderr).toBe(0);
    const [first, second, other] = JSON.parse(child.stdout) as { cached: boolean; blamed: number; report: string }[];
    expect([first!.cached, first!.blamed]).toEqual([false, 2]);
    expect(second!.cached).toBe(true);
    // Neither the whole report nor a file's attribution is read from the other build's entries.
    expect([other!.cached, other!.blamed]).toEqual([false, 2]);
    expect(other!.report).toBe(first!.report);
    expect(existsSync(join(pkg, 'dist', 'build-id.json'))).toBe(true);
  });
});
