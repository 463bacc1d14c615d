import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, reportOf } from '../helpers/cli.js';
import { makeRepo, tempDir, TEST_GIT_ENV, type TestRepo } from '../helpers/gitdir.js';
import { execFileSync } from 'node:child_process';

// `aitrail blame` must never print a confident, wrong number: shallow clones, lockfiles,
// generated files, symlinks/submodules named on the command line, and empty repositories.

interface Totals {
  lines: number;
  ai: number;
  human: number;
  byModel: Record<string, number>;
  shallowBoundary?: number;
}
interface BlameJson {
  rev: string | null;
  since: string | null;
  totals: Totals;
  files: { path: string; lines: number; ai: number; human: number; shallowBoundary?: number }[];
  excluded: { lockfiles: number; generated: number; vendored?: number; binary?: number; binarySource?: number; generatedLines?: { lines: number; ai: number } };
  shallowCut?: string[];
}

const CLAUDE = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';
/** No line of a left-out file (row 362): an empty report's, or a run that leaves none out. */
const NO_LINES = { lines: 0, ai: 0, human: 0, byModel: {}, byAgent: {} };
const lines = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix} ${i}\n`).join('');

function json(dir: string, args: string[] = []): BlameJson {
  const result = aitrail(dir, ['blame', '--format', 'json', ...args]);
  expect(result.stderr).not.toContain('internal error');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as BlameJson;
}

function clone(source: TestRepo, args: string[]): string {
  const dir = join(tempDir(), 'clone');
  execFileSync('git', ['clone', '-q', ...args, `file://${source.dir}`, dir], { env: TEST_GIT_ENV });
  return dir;
}

const git = (dir: string, args: string[]) => execFileSync('git', args, { cwd: dir, env: TEST_GIT_ENV, encoding: 'utf8' }).trim();

describe('blame in a shallow clone', () => {
  function history() {
    const repo = makeRepo();
    repo.commit('human: start\n', { 'a.txt': lines('human', 8) });
    repo.commit('human: more\n', { 'a.txt': lines('human', 10) });
    const ai = repo.commit(`ai: one line\n\n${CLAUDE}\n`, { 'a.txt': `${lines('human', 10)}by claude\n` });
    return { repo, ai };
  }

  it('refuses a --depth 1 clone (every line would be the tip AI commit\'s) with exit 3 and the fetch command', () => {
    const { repo, ai } = history();
    const dir = clone(repo, ['--depth', '1']);
    for (const format of ['json', 'table']) {
      const result = aitrail(dir, ['blame', '--format', format]);
      expect(result.code).toBe(3);
      expect(reportOf(result.stdout)).toBe('');
      expect(result.stderr).toContain(`history is cut at ${ai.slice(0, 12)}`);
      expect(result.stderr).toContain('git fetch --unshallow');
      expect(result.stderr).toContain('--allow-shallow');
    }
  });

  it('with --allow-shallow counts the cut commit\'s lines apart, never as its attribution; after --unshallow the real numbers (cache key follows)', () => {
    const { repo, ai } = history();
    const dir = clone(repo, ['--depth', '1']);
    const shallow = json(dir, ['--allow-shallow']);
    expect(shallow.totals).toMatchObject({ lines: 0, ai: 0, human: 0, byModel: {}, shallowBoundary: 11 });
    expect(shallow.shallowCut).toEqual([ai]);
    expect(shallow.files).toEqual([expect.objectContaining({ path: 'a.txt', lines: 0, ai: 0, shallowBoundary: 11 })]);
    const table = aitrail(dir, ['blame', '--allow-shallow']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(`Not counted: 11 lines of unknown history: this shallow clone's history is cut at ${ai.slice(0, 12)}`);
    const markdown = aitrail(dir, ['blame', '--allow-shallow', '--format', 'markdown']);
    expect(markdown.stdout).toContain('11 lines of unknown history');

    git(dir, ['fetch', '-q', '--unshallow']);
    const full = json(dir, ['--allow-shallow']);
    expect(full.totals).toMatchObject({ lines: 11, ai: 1, human: 10, shallowBoundary: 0 });
    expect(full.shallowCut).toEqual([]);
    const plain = json(dir);
    expect(plain.totals).toEqual({ lines: 11, ai: 1, human: 10, byModel: { 'anthropic/claude-opus-4.6': 1 }, byAgent: { 'claude-code': 1 }, lineLevel: 0 });
    expect(plain).not.toHaveProperty('shallowCut');
  });

  it('--since inside the fetched history is exact; a --since the clone lacks exits 3 with the fetch command', () => {
    const { repo } = history();
    const dir = clone(repo, ['--depth', '2']);
    const since = json(dir, ['--since', 'HEAD~1']);
    expect(since.totals).toMatchObject({ lines: 1, ai: 1, human: 0 });
    const root = repo.git(['rev-list', '--max-parents=0', 'HEAD']);
    const missing = aitrail(dir, ['blame', '--since', root]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('shallow clone and it lacks');
    expect(missing.stderr).toContain('git fetch --unshallow');
  });

  it('a shallow graft inside the --since range (a merged side branch cut deeper) is refused, or set apart with --allow-shallow', () => {
    const repo = makeRepo();
    repo.commit('human: base\n', { 'main.txt': lines('main', 3), 'side.txt': lines('side', 5) });
    repo.git(['checkout', '-q', '-b', 'side']);
    repo.commit('human: side work\n', { 'side.txt': lines('side', 6) });
    const sideTip = repo.commit(`ai: side tip\n\n${CLAUDE}\n`, { 'side.txt': `${lines('side', 6)}claude\n` });
    repo.git(['checkout', '-q', 'main']);
    const mainTip = repo.commit('human: main work\n', { 'main.txt': lines('main', 4) });
    repo.git(['merge', '-q', '--no-ff', '--no-edit', 'side']);
    const dir = clone(repo, ['--depth', '2', '--branch', 'main']);
    expect(git(dir, ['rev-parse', '--is-shallow-repository'])).toBe('true');
    const refused = aitrail(dir, ['blame', '--since', mainTip]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(`cut at ${sideTip.slice(0, 12)}`);
    const allowed = json(dir, ['--since', mainTip, '--allow-shallow']);
    // side.txt's 7 lines all land on the cut side tip: only its own line is knowable, and even that is not: all set apart.
    expect(allowed.totals).toMatchObject({ lines: 0, ai: 0, shallowBoundary: 7 });
    expect(allowed.shallowCut).toEqual([sideTip]);
  });
});

describe('lockfiles and generated files are not authorship', () => {
  function project() {
    const repo = makeRepo();
    repo.commit('human: code\n', { 'src/a.ts': lines('code', 4), '.gitattributes': '*.pb.go linguist-generated\ngen/** linguist-generated=true\ngen/keep.ts -linguist-generated\n' });
    repo.commit(`ai: deps and generated code\n\n${CLAUDE}\n`, {
      'package-lock.json': lines('"lock"', 300),
      'deep/nested/Cargo.lock': lines('lock', 100),
      'go.sum': lines('sum', 50),
      'api/service.pb.go': lines('gen', 200),
      'gen/client.ts': lines('gen', 100),
      'gen/keep.ts': lines('kept', 2),
      'src/b.ts': lines('claude', 2),
    });
    return repo;
  }

  it('leaves them out by default, says how many and why (JSON, table, markdown)', () => {
    const repo = project();
    const report = json(repo.dir);
    expect(report.files.map((file) => file.path)).toEqual(['.gitattributes', 'gen/keep.ts', 'src/a.ts', 'src/b.ts']);
    expect(report.excluded).toMatchObject({ lockfiles: 3, generated: 2, vendored: 0, binary: 0, binarySource: 0, lfs: 0 });
    // The generated files' lines are said beside the count (row 362), never in the totals.
    expect(report.excluded.generatedLines).toMatchObject({ lines: 300, ai: 300, byModel: { 'anthropic/claude-opus-4.6': 300 } });
    expect(report.totals).toMatchObject({ lines: 11, ai: 4 });
    const table = aitrail(repo.dir, ['blame']);
    expect(table.stdout).toContain('Left out as not authored: 3 lockfiles and 2 generated files (linguist-generated in .gitattributes, or a generator\'s header). Name them with --include or blame.include to count them.');
    const markdown = aitrail(repo.dir, ['blame', '--format', 'markdown']);
    expect(markdown.stdout).toContain('3 lockfiles and 2 generated files');
  });

  it('--include / blame.include naming a file brings it back; globs that only select (**/*, *.json, gen/**) do not', () => {
    const repo = project();
    const named = json(repo.dir, ['--include', 'package-lock.json', '--include', 'src/**']);
    expect(named.files.map((file) => file.path)).toEqual(['package-lock.json', 'src/a.ts', 'src/b.ts']);
    expect(named.excluded).toMatchObject({ lockfiles: 0, generated: 0, vendored: 0, binary: 0, binarySource: 0, lfs: 0 });
    const selecting = json(repo.dir, ['--include', '**/*', '--include', '*.json', '--include', 'gen/**']);
    expect(selecting.excluded).toMatchObject({ lockfiles: 3, generated: 2, vendored: 0, binary: 0, binarySource: 0, lfs: 0 });
    repo.write('.aitrailrc.json', JSON.stringify({ blame: { include: ['**/*', '**/Cargo.lock', '*.pb.go'] } }));
    const config = json(repo.dir);
    expect(config.files.map((file) => file.path)).toEqual(expect.arrayContaining(['deep/nested/Cargo.lock', 'api/service.pb.go']));
    expect(config.excluded).toMatchObject({ lockfiles: 2, generated: 1, vendored: 0, binary: 0, binarySource: 0, lfs: 0 });
    // A file named exactly on the command line is counted.
    expect(json(repo.dir, ['go.sum']).files.map((file) => file.path)).toEqual(['go.sum']);
  });

  it('reads linguist-generated at the blamed revision, never from the work tree', () => {
    const repo = project();
    const before = repo.git(['rev-parse', 'HEAD']);
    repo.commit('human: nothing generated any more\n', { '.gitattributes': '# nothing\n' });
    // The work tree says everything is generated, uncommitted: ignored for HEAD and for --rev.
    repo.write('.gitattributes', '* linguist-generated\n');
    expect(json(repo.dir).excluded).toMatchObject({ lockfiles: 3, generated: 0, vendored: 0, binary: 0, binarySource: 0, lfs: 0 });
    expect(json(repo.dir, ['--rev', before]).excluded).toMatchObject({ lockfiles: 3, generated: 2, vendored: 0, binary: 0, binarySource: 0, lfs: 0 });
    // Same in a bare clone (no work tree, no index).
    const bare = clone(repo, ['--bare']);
    expect(json(bare, ['--rev', before]).excluded).toMatchObject({ lockfiles: 3, generated: 2, vendored: 0, binary: 0, binarySource: 0, lfs: 0 });
  });

  it('info/attributes counts, and changing it changes the cache key (no stale cached report)', () => {
    const repo = project();
    expect(json(repo.dir).excluded).toMatchObject({ lockfiles: 3, generated: 2, vendored: 0, binary: 0, binarySource: 0, lfs: 0 });
    repo.write('.git/info/attributes', 'src/b.ts linguist-generated\n');
    const after = json(repo.dir);
    expect(after.excluded).toMatchObject({ lockfiles: 3, generated: 3, vendored: 0, binary: 0, binarySource: 0, lfs: 0 });
    expect(after.files.map((file) => file.path)).not.toContain('src/b.ts');
  });

  it('a hostile .gitattributes (tens of thousands of lines) cannot stall blame: not read, and it says so', () => {
    const repo = makeRepo();
    const hostile = Array.from({ length: 30_000 }, (_, i) => `**/**/**/**/*x${i}*x*x*x*x*x*x* linguist-generated\n`).join('');
    repo.commit('human: x\n', { 'a.txt': lines('a', 3), '.gitattributes': hostile });
    const result = aitrail(repo.dir, ['blame', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('linguist-generated not read');
    expect((JSON.parse(result.stdout) as BlameJson).files.map((file) => file.path)).toContain('a.txt');
    // A cached run gives the same answer, so it says the same (generated files would count silently otherwise).
    const cached = aitrail(repo.dir, ['blame', '--format', 'json']);
    expect(cached.stdout).toBe(result.stdout);
    expect(cached.stderr).toContain('linguist-generated not read');
  });
});

describe('paths named on the command line', () => {
  it('a symlink or a submodule is skipped with a note (exit 0), the other paths are reported', () => {
    const inner = makeRepo();
    inner.commit('human: inner\n', { 'x.txt': 'x\n' });
    const repo = makeRepo();
    repo.commit('human: files\n', { 'real/a.txt': lines('a', 3), 'b.txt': lines('b', 2) });
    symlinkSync('real', join(repo.dir, 'link'));
    symlinkSync('b.txt', join(repo.dir, 'b-link.txt'));
    repo.git(['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', `file://${inner.dir}`, 'mod']);
    repo.commit('human: links and a submodule\n');

    const both = aitrail(repo.dir, ['blame', '--format', 'json', 'b-link.txt', 'mod', 'b.txt', 'link/a.txt', 'mod/x.txt', join(repo.dir, 'link')]);
    expect(both.code).toBe(0);
    expect((JSON.parse(both.stdout) as BlameJson).files.map((file) => file.path)).toEqual(['b.txt']);
    expect(both.stderr).toContain("aitrail: note: skipped 'b-link.txt': a symbolic link");
    expect(both.stderr).toContain("aitrail: note: skipped 'mod': a submodule");
    expect(both.stderr).toContain("aitrail: note: skipped 'link/a.txt': it is under 'link', a symbolic link");
    expect(both.stderr).toContain("aitrail: note: skipped 'mod/x.txt': it is inside the submodule 'mod'");
    expect(both.stderr).toContain("aitrail: note: skipped 'link': a symbolic link");

    // Only a symlink named: an empty report, not the whole tree, not an error.
    const only = aitrail(repo.dir, ['blame', '--format', 'json', 'link']);
    expect(only.code).toBe(0);
    expect((JSON.parse(only.stdout) as BlameJson).totals.lines).toBe(0);
    // A path that is nothing at all is still a usage error.
    expect(aitrail(repo.dir, ['blame', 'nothing-here']).code).toBe(2);
  });
});

describe('an empty repository', () => {
  it('is an empty report with exit 0 in every format', () => {
    const repo = makeRepo();
    writeFileSync(join(repo.dir, 'untracked.txt'), 'x\n');
    const report = json(repo.dir);
    expect(report).toEqual({ rev: null, since: null, totals: { lines: 0, ai: 0, human: 0, byModel: {}, byAgent: {}, lineLevel: 0 }, files: [], excluded: { lockfiles: 0, generated: 0, vendored: 0, binary: 0, binarySource: 0, lfs: 0, generatedLines: NO_LINES, vendoredLines: NO_LINES, submodules: 0, leftOutUnblamed: 0 } });
    const table = aitrail(repo.dir, ['blame']);
    expect(table).toMatchObject({ code: 0, stdout: 'No lines to report: the repository has no commit yet.\n' });
    const csv = aitrail(repo.dir, ['blame', '--format', 'csv']);
    expect(csv).toMatchObject({ code: 0, stdout: 'path,lines,ai,human,ai_share\r\n' });
    const markdown = aitrail(repo.dir, ['blame', '--format', 'markdown']);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain('the repository has no commit yet');
    expect(json(repo.dir, ['--rev', 'HEAD', '--since', 'HEAD']).rev).toBeNull();
    expect(aitrail(repo.dir, ['blame', '--rev', 'main~1']).code).toBe(3); // an unknown revision: exit 3 as in every command
    const bare = makeRepo({ bare: true });
    expect(aitrail(bare.dir, ['blame', '--format', 'json', '--by', 'model']).code).toBe(0);
  });
});

describe('source files git reads as binary', () => {
  it('a NUL byte that hides an AI-written source file from the counts is said on stderr; images and empty files are not', () => {
    const repo = makeRepo();
    repo.commit('human: start\n', { 'README.md': lines('human', 3), 'empty.ts': '', 'logo.png': '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR' });
    repo.commit(`ai: parser\n\n${CLAUDE}\n`, { 'src/parser.ts': `// \u0000\n${lines('by claude', 40)}` });
    const result = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as BlameJson).totals).toMatchObject({ lines: 3, ai: 0 });
    const warnings = result.stderr.split('\n').filter((line) => line.includes('binary'));
    expect(warnings).toEqual([expect.stringContaining("left out 1 file git reads as binary (a NUL byte in its first 8,000 bytes) though its name says source code ('src/parser.ts')")]);
  });
});

describe('binary files in the report', () => {
  function project() {
    const repo = makeRepo();
    repo.commit('human: start\n', { 'README.md': lines('human', 3), 'empty.ts': '', 'logo.png': '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', 'vendor/blob.js': '\u0000x\n' });
    repo.commit(`ai: parser\n\n${CLAUDE}\n`, { 'src/parser.ts': `// \u0000\n${lines('by claude', 40)}`, 'src/ok.ts': lines('by claude', 2) });
    return repo;
  }

  it('excluded.binary counts every non-empty binary file the globs select, excluded.binarySource those named like source; a cached run says it too', () => {
    const repo = project();
    // The real git state: git grep -I reads the three files as binary, the empty one has no line.
    expect(git(repo.dir, ['grep', '-I', '--name-only', '-e', '', 'HEAD']).split('\n').sort()).toEqual(['HEAD:README.md', 'HEAD:src/ok.ts']);
    for (const run of ['fresh', 'cached']) {
      const result = aitrail(repo.dir, ['blame', '--format', 'json']);
      expect(result.code, run).toBe(0);
      const report = JSON.parse(result.stdout) as BlameJson;
      expect(report.excluded, run).toMatchObject({ lockfiles: 0, generated: 0, vendored: 0, binary: 3, binarySource: 2, lfs: 0 });
      expect(report.totals, run).toMatchObject({ lines: 5, ai: 2 });
      expect(result.stderr, run).toContain('left out 2 files git reads as binary');
    }
    const table = aitrail(repo.dir, ['blame']);
    expect(table.stdout).toContain('Not counted: 2 files named like source code that git reads as binary (a NUL byte in the first 8,000 bytes); their lines are in no total (and 1 other binary file: images, archives…).');
    expect(aitrail(repo.dir, ['blame', '--format', 'markdown']).stdout).toContain('2 files named like source code that git reads as binary');
    // The globs decide which binary files count, as they do for text files.
    const narrowed = aitrail(repo.dir, ['blame', '--format', 'json', '--exclude', 'vendor/**', '--exclude', '*.png']);
    expect((JSON.parse(narrowed.stdout) as BlameJson).excluded).toMatchObject({ lockfiles: 0, generated: 0, vendored: 0, binary: 1, binarySource: 1, lfs: 0 });
    // Images alone: counted in JSON, silent on stderr and in the footer.
    const images = aitrail(repo.dir, ['blame', '--format', 'table', '--exclude', 'src/**', '--exclude', 'vendor/**']);
    expect(images.stderr).not.toContain('binary');
    expect(images.stdout).not.toContain('binary');
  });

  it('--shard/--merge: the binary counts ride with part 1 and merge to the whole', () => {
    const repo = project();
    const out = tempDir();
    const parts = [1, 2].map((index) => {
      const part = aitrail(repo.dir, ['blame', '--format', 'json', '--shard', `${index}/2`]);
      expect(part.code).toBe(0);
      writeFileSync(join(out, `part-${index}.json`), part.stdout);
      return join(out, `part-${index}.json`);
    });
    expect((JSON.parse(readFileSync(parts[1]!, 'utf8')) as BlameJson).excluded).toMatchObject({ lockfiles: 0, generated: 0, vendored: 0, binary: 0, binarySource: 0, lfs: 0 });
    const merged = aitrail(repo.dir, ['blame', '--merge', ...parts, '--format', 'json']);
    expect(merged.stdout).toBe(aitrail(repo.dir, ['blame', '--format', 'json']).stdout);
    expect((JSON.parse(merged.stdout) as BlameJson).excluded).toMatchObject({ lockfiles: 0, generated: 0, vendored: 0, binary: 3, binarySource: 2, lfs: 0 });
    // A shard an older aitrail wrote (no binary, vendored or LFS counts): merged, the counts are left out (unknown), not 0.
    const old = parts.map((path, index) => {
      const data = JSON.parse(readFileSync(path, 'utf8')) as { excluded: Record<string, number> };
      delete data.excluded.binary;
      delete data.excluded.binarySource;
      delete data.excluded.vendored;
      delete data.excluded.lfs;
      delete data.excluded.generatedLines;
      delete data.excluded.vendoredLines;
      delete data.excluded.submodules;
      delete data.excluded.leftOutUnblamed;
      writeFileSync(join(out, `old-${index}.json`), JSON.stringify(data));
      return join(out, `old-${index}.json`);
    });
    const oldMerged = aitrail(repo.dir, ['blame', '--merge', ...old, '--format', 'json']);
    expect(oldMerged.code).toBe(0);
    expect((JSON.parse(oldMerged.stdout) as BlameJson).excluded).toEqual({ lockfiles: 0, generated: 0 });
    // Half a pair, or a source count above the whole, is not a shard's JSON.
    const bad = JSON.parse(readFileSync(parts[0]!, 'utf8')) as { excluded: Record<string, number> };
    bad.excluded.binarySource = 9;
    writeFileSync(join(out, 'bad.json'), JSON.stringify(bad));
    expect(aitrail(repo.dir, ['blame', '--merge', join(out, 'bad.json'), parts[1]!]).code).toBe(2);
  });
});
