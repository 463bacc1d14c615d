import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, BIN } from '../helpers/cli.js';
import { makeRepo, TEST_GIT_ENV, type TestRepo } from '../helpers/gitdir.js';

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
  rev: string;
  since: string | null;
  totals: { lines: number; ai: number; human: number; byModel: Record<string, number>; byAgent: Record<string, number> };
  files: FileJson[];
}

const CLAUDE = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';
const QWEN = 'Co-authored-by: aider (qwen/qwen3-coder) <aider@aider.chat>';
const lines = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix} line ${i}\n`).join('');

/**
 * The blamed commit of every line, straight from git (`--line-porcelain`: full header per line).
 * `--root`: git marks root commits as boundaries unless blame.showRoot; their lines are real lines.
 */
function gitBlame(repo: TestRepo, path: string, revision: string, flags: string[] = []): { sha: string; boundary: boolean }[] {
  const out = repo.git(['blame', '--line-porcelain', '--root', ...flags, revision, '--', path], { raw: true });
  const result: { sha: string; boundary: boolean }[] = [];
  for (const line of out.split('\n')) {
    const header = /^([0-9a-f]{40}) \d+ \d+/.exec(line);
    if (header) result.push({ sha: header[1]!, boundary: false });
    else if (line === 'boundary') result[result.length - 1]!.boundary = true;
  }
  return result;
}

/** Expected report rows: git's own blame joined with the attribution we know each commit has. */
function expected(repo: TestRepo, paths: string[], models: Map<string, { models: string[]; agents: string[] }>, revision: string, flags: string[] = []): FileJson[] {
  return paths
    .map((path) => {
      const row: FileJson = { path, lines: 0, ai: 0, human: 0, byModel: {}, byAgent: {}, lineLevel: 0 };
      for (const { sha, boundary } of gitBlame(repo, path, revision, flags)) {
        if (boundary) continue;
        row.lines++;
        const found = models.get(sha);
        if (!found) continue;
        row.ai++;
        for (const model of found.models) row.byModel[model] = (row.byModel[model] ?? 0) + 1;
        for (const agent of found.agents) row.byAgent[agent] = (row.byAgent[agent] ?? 0) + 1;
      }
      row.human = row.lines - row.ai;
      return row;
    })
    .filter((row) => row.lines > 0)
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}

function json(cwd: string, args: string[]): BlameJson {
  const result = aitrail(cwd, ['blame', '--format', 'json', ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as BlameJson;
}

/**
 * `make` once per key: in a describe whose repository stays as it was made, the same `--no-cache` run (or git's own
 * blame) with the same options answers the same, so a test asking again reads the first answer (a CLI run, or a git
 * blame of every file, less each time). The runs a test makes after changing the repository are never read this way.
 */
function once<T>(make: (flags: string[]) => T): (flags: string[]) => T {
  const answers = new Map<string, T>();
  return (flags) => {
    const key = JSON.stringify(flags);
    if (!answers.has(key)) answers.set(key, make(flags));
    return answers.get(key)!;
  };
}

const HOSTILE = ['-rf x.txt', 'sp ace.txt', 'new\nline.txt', `quo"te'.txt`, 'ünï©ødé ✓.txt', '=HYPERLINK("x").txt', '--dash', 'esc\x1b[31mred.txt', 'pipe|back`tick<b>.md', '@team.txt'];

function history(): { repo: TestRepo; models: Map<string, { models: string[]; agents: string[] }>; shas: Record<string, string> } {
  const repo = makeRepo();
  const models = new Map<string, { models: string[]; agents: string[] }>();
  const shas: Record<string, string> = {};
  shas.base = repo.commit('initial human commit\n', { 'a.txt': lines('a', 10), 'dir/b.js': lines('b', 6), 'bin.dat': 'x\0y\0z\n', 'dir/sub/c.txt': lines('c', 3), 'empty.txt': '' });
  shas.claude = repo.commit(`feat: claude edits\n\n${CLAUDE}\n`, { 'a.txt': lines('a', 4) + lines('claude', 3) + lines('a', 10).split('\n').slice(7).join('\n'), 'dir/new.ts': lines('n', 5) });
  models.set(shas.claude, { models: ['anthropic/claude-opus-4.6'], agents: ['claude-code'] });
  shas.qwen = repo.commit(`feat: qwen edits\n\n${QWEN}\n`, { 'dir/b.js': lines('b', 2) + lines('qwen', 4), 'bin.dat': 'x\0changed\n' });
  models.set(shas.qwen, { models: ['qwen/qwen3-coder'], agents: ['aider'] });
  shas.both = repo.commit(`feat: two models\n\n${CLAUDE}\nAssisted-by: aider:deepseek/deepseek-chat\n`, { 'dir/sub/c.txt': lines('c', 3) + lines('both', 2) });
  models.set(shas.both, { models: ['anthropic/claude-opus-4.6', 'deepseek/deepseek-chat'].sort(), agents: ['aider', 'claude-code'] });
  shas.human = repo.commit('human touch-up\n', { 'a.txt': `${lines('a', 2)}human\n${lines('a', 10).split('\n').slice(3).join('\n')}` });
  const hostile = Object.fromEntries(HOSTILE.map((name, i) => [name, lines(`h${i}`, i + 1)]));
  shas.hostile = repo.commit(`feat: odd names\n\n${CLAUDE}\n`, hostile);
  models.set(shas.hostile, { models: ['anthropic/claude-opus-4.6'], agents: ['claude-code'] });
  return { repo, models, shas };
}

function textFiles(repo: TestRepo, rev = 'HEAD'): string[] {
  const all = repo.git(['ls-tree', '-r', '-z', '--name-only', rev], { raw: true }).split('\0').filter(Boolean);
  return all.filter((path) => path !== 'bin.dat' && path !== 'empty.txt');
}

describe('aitrail blame on real history', () => {
  const { repo, models, shas } = history();

  it('agrees exactly with git blame plus each commit attribution, per file and per model', () => {
    const report = json(repo.dir, ['--no-cache']);
    const want = expected(repo, textFiles(repo), models, 'HEAD');
    expect(report.rev).toBe(repo.git(['rev-parse', 'HEAD']));
    expect(report.since).toBeNull();
    expect(report.files).toEqual(want);
    expect(report.files.map((f) => f.path)).not.toContain('bin.dat');
    const totals = want.reduce((sum, f) => ({ lines: sum.lines + f.lines, ai: sum.ai + f.ai }), { lines: 0, ai: 0 });
    expect(report.totals).toMatchObject({ ...totals, human: totals.lines - totals.ai });
    // A two-model commit counts once in ai and once under each model.
    const c = report.files.find((f) => f.path === 'dir/sub/c.txt')!;
    expect(c).toMatchObject({ lines: 5, ai: 2, byModel: { 'anthropic/claude-opus-4.6': 2, 'deepseek/deepseek-chat': 2 }, byAgent: { aider: 2, 'claude-code': 2 } });
    expect(report.totals.byModel['qwen/qwen3-coder']).toBe(4);
    // The root commit's lines count (git would show them as boundary without blame.showRoot).
    expect(report.files.find((f) => f.path === 'a.txt')).toMatchObject({ lines: 10, ai: 0 });
  });

  it('--since counts only lines after that revision, like git blame <since>..<rev>', () => {
    const report = json(repo.dir, ['--no-cache', '--since', shas.claude!]);
    expect(report.since).toBe(shas.claude);
    expect(report.files).toEqual(expected(repo, textFiles(repo), models, `${shas.claude}..HEAD`));
    // The human touch-up rewrote the lines claude added: only its own lines are newer than claude's commit.
    expect(report.files.find((f) => f.path === 'a.txt')).toMatchObject({ lines: 4, ai: 0, human: 4 });
    expect(report.totals.byModel['qwen/qwen3-coder']).toBe(4);
  });

  it('--rev blames an older tree; paths and directories are relative to the current directory', () => {
    const old = json(repo.dir, ['--no-cache', '--rev', shas.qwen!]);
    expect(old.files).toEqual(expected(repo, textFiles(repo, shas.qwen), models, shas.qwen!));
    const sub = json(join(repo.dir, 'dir'), ['--no-cache', 'sub', 'b.js']);
    expect(sub.files.map((f) => f.path)).toEqual(['dir/b.js', 'dir/sub/c.txt']);
    const dashed = json(repo.dir, ['--no-cache', '--', '-rf x.txt', '--dash']);
    expect(dashed.files.map((f) => f.path)).toEqual(['--dash', '-rf x.txt']);
  });

  it('--include/--exclude and config blame.exclude narrow the files', () => {
    const all = json(repo.dir, []).files.map((f) => f.path);
    expect(json(repo.dir, ['--include', 'dir/**']).files.map((f) => f.path)).toEqual(all.filter((p) => p.startsWith('dir/')));
    expect(json(repo.dir, ['--exclude', '**/*.txt']).files.map((f) => f.path)).toEqual(all.filter((p) => !p.endsWith('.txt')));
    // As in .gitignore: no slash = any depth; a directory covers what is under it.
    expect(json(repo.dir, ['--exclude', '*.txt']).files.map((f) => f.path)).toEqual(all.filter((p) => !p.endsWith('.txt')));
    expect(json(repo.dir, ['--exclude', 'dir']).files.map((f) => f.path)).toEqual(all.filter((p) => !p.startsWith('dir/')));
    const config = join(repo.dir, '.git', 'test-config.json');
    repo.write('.git/test-config.json', JSON.stringify({ blame: { exclude: ['dir/**'] } }));
    expect(json(repo.dir, ['--config', config]).files.map((f) => f.path)).toEqual(all.filter((p) => !p.startsWith('dir/')));
  });

  it('refuses options and paths with exit 2, unknown revisions with exit 3 (as every command)', () => {
    expect(aitrail(repo.dir, ['blame', '--rev', 'nope']).code).toBe(3);
    expect(aitrail(repo.dir, ['blame', '--rev', '--output=x']).code).toBe(2);
    expect(aitrail(repo.dir, ['blame', '-X']).code).toBe(2);
    expect(aitrail(repo.dir, ['blame', 'missing.txt']).code).toBe(2);
    expect(aitrail(repo.dir, ['blame', '../outside']).code).toBe(2);
    expect(aitrail(repo.dir, ['blame', '--format', 'xml']).code).toBe(2);
    // A missing ignore-revs file is the user's mistake, named as such (not a git failure).
    const missing = aitrail(repo.dir, ['blame', '--ignore-revs-file', 'no-such-revs']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--ignore-revs-file 'no-such-revs': no such file/);
  });

  it('groups by dir, model and agent', () => {
    const byModel = JSON.parse(aitrail(repo.dir, ['blame', '--by', 'model', '--format', 'json']).stdout) as { groups: { key: string; lines: number }[] };
    const report = json(repo.dir, []);
    expect(Object.fromEntries(byModel.groups.map((g) => [g.key, g.lines]))).toEqual(report.totals.byModel);
    const byDir = JSON.parse(aitrail(repo.dir, ['blame', '--by', 'dir', '--format', 'json']).stdout) as { groups: { key: string; lines: number }[] };
    expect(byDir.groups.find((g) => g.key === 'dir')?.lines).toBe(report.files.filter((f) => /^dir\/[^/]+$/.test(f.path)).reduce((n, f) => n + f.lines, 0));
    const agents = aitrail(repo.dir, ['blame', '--by', 'agent']);
    expect(agents.code).toBe(0);
    expect(agents.stdout).toMatch(/claude-code/);
  });

  it('renders every format safely on hostile file names', () => {
    const report = json(repo.dir, []);
    for (const name of HOSTILE) expect(report.files.map((f) => f.path)).toContain(name);
    const rawJson = aitrail(repo.dir, ['blame', '--format', 'json']).stdout;
    expect(rawJson).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);

    const table = aitrail(repo.dir, ['blame']).stdout;
    expect(table).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    expect(table).toContain('new\\nline.txt');
    expect(table).toContain('esc\\x1b[31mred.txt');
    expect(table).toContain('ünï©ødé ✓.txt');

    const csv = aitrail(repo.dir, ['blame', '--format', 'csv']).stdout;
    const rows = csv.split('\r\n').filter(Boolean);
    expect(rows).toHaveLength(report.files.length + 1);
    expect(rows[0]).toMatch(/^path,lines,ai,human,ai_share,/);
    expect(csv).not.toMatch(/[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f]/);
    expect(rows).toContain(`"'=HYPERLINK(""x"").txt",6,6,0,1,6,0,0`.replace(/,6,0,0$/, rows.find((r) => r.startsWith(`"'=HYPERLINK`))!.slice(`"'=HYPERLINK(""x"").txt",6,6,0,1`.length)));
    expect(rows.some((r) => r.startsWith("'-rf x.txt,"))).toBe(true);
    expect(rows.some((r) => r.startsWith("'--dash,"))).toBe(true);
    expect(rows.some((r) => r.startsWith("'@team.txt,"))).toBe(true);
    for (const r of rows) expect(r).not.toMatch(/^[=+\-@]/);

    const md = aitrail(repo.dir, ['blame', '--format', 'markdown']).stdout;
    expect(md).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    expect(md).toContain('<code>pipe\\|back\\`tick&lt;b&gt;\\.md</code>');
    expect(md).toContain('<code>\\@team\\.txt</code>');
    const tableRows = md.split('\n').filter((l) => l.startsWith('| <code>'));
    // Every row has exactly the header's 6 cells: no unescaped pipe splits one.
    for (const row of tableRows.slice(0, report.files.length)) expect(row.split(/(?<!\\)\|/).length - 2).toBe(6);
  });
});

describe('aitrail blame with -M/-C, -w and ignored revisions', () => {
  const repo = makeRepo();
  const models = new Map<string, { models: string[]; agents: string[] }>();
  const block = lines('moved code that is long enough to be detected as a copy', 6);
  repo.commit('human: two files\n', { 'one.c': `${lines('one', 3)}${block}`, 'two.c': lines('two', 3) });
  const ai = repo.commit(`ai: reorder\n\n${QWEN}\n`, { 'one.c': `${block}${lines('one', 3)}` });
  models.set(ai, { models: ['qwen/qwen3-coder'], agents: ['aider'] });
  const move = repo.commit('human: move block to two.c, reindent\n', { 'one.c': lines('one', 3), 'two.c': `${lines('two', 3)}${block.replace(/^(?=.)/gm, '  ')}` });
  const ws = repo.commit(`ai: whitespace only\n\n${CLAUDE}\n`, { 'two.c': `${lines('two', 3)}${block.replace(/^(?=.)/gm, '    ')}` });
  models.set(ws, { models: ['anthropic/claude-opus-4.6'], agents: ['claude-code'] });
  const files = ['one.c', 'two.c'];
  const run = once((flags) => json(repo.dir, ['--no-cache', ...flags]));
  const git = once((flags) => expected(repo, files, models, 'HEAD', flags));

  for (const flags of [[], ['-M'], ['-C'], ['-C', '-C'], ['-CC'], ['-C50'], ['-w'], ['-w', '-C', '-C', '-C'], ['-M', '-C', '-C']]) {
    it(`matches git blame ${flags.join(' ') || '(no options)'}`, () => {
      expect(run(flags).files).toEqual(git(flags));
    });
  }

  it('the fixture is one where -w, -M and -C change what git answers', () => {
    const plain = JSON.stringify(git([]));
    expect(JSON.stringify(git(['-w', '-C']))).not.toBe(plain);
    expect(JSON.stringify(git(['-w', '-C', '-C']))).not.toBe(JSON.stringify(git(['-w'])));
    // Clustered forms mean what git means by them (git itself is the oracle, given the same token).
    expect(run(['-wC']).files).toEqual(git(['-wC']));
    expect(run(['-wC']).files).toEqual(git(['-w', '-C']));
    expect(run(['-wCC']).files).toEqual(git(['-wCC']));
    expect(run(['-wCC']).files).not.toEqual(run(['-w']).files);
  });

  it('-w changes the answer the way git does', () => {
    const plain = run([]);
    const w = run(['-w']);
    expect(plain.totals.byModel['anthropic/claude-opus-4.6']).toBe(6);
    expect(w.totals.byModel['anthropic/claude-opus-4.6'] ?? 0).toBe(0);
  });

  it('--ignore-rev and blame.ignoreRevsFile match git', () => {
    // The ignored commit has AI attribution: every run says so (ignoredAi).
    const warned = (args: string[]): BlameJson => {
      const result = aitrail(repo.dir, ['blame', '--format', 'json', ...args]);
      expect(result.stderr).toContain(`git blame was told to ignore 1 commit with AI attribution (${ws.slice(0, 12)})`);
      return JSON.parse(result.stdout) as BlameJson;
    };
    const ignored = warned(['--no-cache', '--ignore-rev', ws]);
    expect(ignored.files).toEqual(expected(repo, files, models, 'HEAD', ['--ignore-rev', ws]));
    repo.write('.git-blame-ignore-revs', `# formatting\n${ws}\n`);
    const viaFile = warned(['--no-cache', '--ignore-revs-file', '.git-blame-ignore-revs']);
    expect(viaFile.files).toEqual(ignored.files);
    repo.git(['config', 'blame.ignoreRevsFile', '.git-blame-ignore-revs']);
    const viaConfig = warned([]);
    expect(viaConfig.files).toEqual(ignored.files);
    // The file's content is part of the cache key: emptying it changes the answer at once.
    repo.write('.git-blame-ignore-revs', '# nothing\n');
    expect(json(repo.dir, []).files).toEqual(expected(repo, files, models, 'HEAD'));
    repo.git(['config', '--unset', 'blame.ignoreRevsFile']);
  });
});

describe('aitrail blame: -C levels and clusters exactly as git reads them', () => {
  const repo = makeRepo();
  const models = new Map<string, { models: string[]; agents: string[] }>();
  const block = lines('copied code that is long enough to be detected as a copy by git blame', 6);
  const ai = repo.commit(`ai: one.c\n\n${CLAUDE}\n`, { 'one.c': block, 'four.c': lines('four', 3) });
  models.set(ai, { models: ['anthropic/claude-opus-4.6'], agents: ['claude-code'] });
  repo.commit('human: unrelated\n', { 'two.c': lines('two', 3) });
  // -C -C looks at every file of the parent when blaming a file created in the commit.
  repo.commit('human: new file copying one.c\n', { 'three.c': `${lines('three', 2)}${block}` });
  // -C -C -C looks at every file even for a file that already existed.
  repo.commit('human: four.c copies one.c\n', { 'four.c': `${lines('four', 3)}${block}` });
  const files = ['four.c', 'one.c', 'three.c', 'two.c'];
  const run = once((flags) => json(repo.dir, ['--no-cache', ...flags]));
  const aiLines = (flags: string[]) => run(flags).totals.ai;

  it('the fixture tells -C, -C -C and -C -C -C apart', () => {
    expect([aiLines(['-C']), aiLines(['-C', '-C']), aiLines(['-C', '-C', '-C'])]).toEqual([9, 15, 21]);
  });

  for (const flags of [['-C', '-C'], ['-C', '-C', '-C'], ['-CC'], ['-CCC'], ['-wCC'], ['-CC50'], ['-Cw'], ['-MC'], ['-C', '-CC']]) {
    it(`${flags.join(' ')} matches git blame ${flags.join(' ')}`, () => {
      expect(run(flags).files).toEqual(expected(repo, files, models, 'HEAD', flags));
    });
  }

  it('-CC is one -C, as git reads it (repeat with -C -C)', () => {
    expect(aiLines(['-CC'])).toBe(aiLines(['-C']));
    expect(aiLines(['-CCC'])).toBe(aiLines(['-C']));
  });
});

describe('aitrail blame cache', () => {
  it('a warm run equals the cold one and is invalidated by history, options and config', () => {
    const repo = makeRepo();
    const models = new Map<string, { models: string[]; agents: string[] }>();
    repo.commit('human\n', { 'a.txt': lines('a', 5) });
    const ai = repo.commit(`ai\n\n${CLAUDE}\n`, { 'b.txt': lines('b', 4) });
    models.set(ai, { models: ['anthropic/claude-opus-4.6'], agents: ['claude-code'] });
    const cold = aitrail(repo.dir, ['blame', '--format', 'json']).stdout;
    const dir = join(repo.dir, '.git', 'aitrail', 'blame-cache');
    expect(readdirSync(dir).filter((n) => n.endsWith('.json'))).toHaveLength(1);
    expect(aitrail(repo.dir, ['blame', '--format', 'json']).stdout).toBe(cold);
    expect(aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']).stdout).toBe(cold);

    // New commit.
    const next = repo.commit(`more ai\n\n${QWEN}\n`, { 'a.txt': lines('qwen', 2) });
    models.set(next, { models: ['qwen/qwen3-coder'], agents: ['aider'] });
    const afterCommit = JSON.parse(aitrail(repo.dir, ['blame', '--format', 'json']).stdout) as BlameJson;
    expect(afterCommit.files).toEqual(expected(repo, ['a.txt', 'b.txt'], models, 'HEAD'));

    // Amend to a human commit: same tree shape, different history.
    repo.git(['commit', '-q', '--amend', '-m', 'now human']);
    models.delete(next);
    const afterAmend = JSON.parse(aitrail(repo.dir, ['blame', '--format', 'json']).stdout) as BlameJson;
    expect(afterAmend.files).toEqual(expected(repo, ['a.txt', 'b.txt'], models, 'HEAD'));
    expect(afterAmend.totals.byModel['qwen/qwen3-coder']).toBeUndefined();

    // Different options.
    const since = JSON.parse(aitrail(repo.dir, ['blame', '--format', 'json', '--since', ai]).stdout) as BlameJson;
    expect(since.totals.lines).toBe(2);

    // Config change: a detect rule that makes the human author an AI agent.
    repo.write('.aitrailrc.json', JSON.stringify({ detect: { rules: [{ field: 'authorName', pattern: '^Test Human$', agent: 'acme-bot', model: 'acme/coder-2' }] } }));
    const withRule = JSON.parse(aitrail(repo.dir, ['blame', '--format', 'json']).stdout) as BlameJson;
    expect(withRule.totals.ai).toBe(withRule.totals.lines);
    expect(withRule.totals.byModel['acme/coder-2']).toBe(withRule.totals.lines);
    expect(existsSync(dir)).toBe(true);
  });
});

describe("aitrail blame under the user's git config", () => {
  it('color.ui=always and color.grep=always change nothing (no file is lost to color codes)', () => {
    const repo = makeRepo();
    const models = new Map<string, { models: string[]; agents: string[] }>();
    repo.commit('human\n', { 'a.txt': lines('a', 3), 'dir/b.txt': lines('b', 2) });
    const ai = repo.commit(`ai\n\n${CLAUDE}\n`, { 'dir/b.txt': lines('claude', 4) });
    models.set(ai, { models: ['anthropic/claude-opus-4.6'], agents: ['claude-code'] });
    const want = expected(repo, ['a.txt', 'dir/b.txt'], models, 'HEAD');
    expect(want).toHaveLength(2);
    repo.git(['config', 'color.ui', 'always']);
    repo.git(['config', 'color.grep', 'always']);
    repo.git(['config', 'color.blame.highlightRecent', 'red']);
    expect(json(repo.dir, ['--no-cache']).files).toEqual(want);
  });
});

const hasScript = spawnSync('script', ['--version']).status === 0;

describe('aitrail blame on a terminal', () => {
  it.skipIf(!hasScript)('finishes on a pty that reports 0 columns (no endless spinner), with the same report', () => {
    const repo = makeRepo();
    repo.commit('human\n', { 'a.txt': lines('a', 3) });
    repo.commit(`ai\n\n${CLAUDE}\n`, { 'b.txt': lines('b', 2) });
    const out = join(repo.dir, '.git', 'tty-out.json');
    const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
    // util-linux script: stdin/stderr on a fresh pty; `stty cols 0` as when no window size is known.
    const command = `stty cols 0 rows 0 2>/dev/null; exec ${quote(process.execPath)} ${quote(BIN)} blame --no-cache --format json > ${quote(out)}`;
    const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, TERM: 'xterm' }, timeout: 30_000, stdio: ['ignore', 'ignore', 'pipe'] });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(json(repo.dir, ['--no-cache']));
  });
});

describe('aitrail blame on names that are not UTF-8', () => {
  it('leaves them out with a warning instead of failing', () => {
    const repo = makeRepo();
    writeFileSync(Buffer.concat([Buffer.from(`${repo.dir}/bad-`), Buffer.from([0xff, 0xfe]), Buffer.from('.txt')]), 'x\n');
    repo.commit('human\n', { 'good.txt': 'a\nb\n' });
    const result = aitrail(repo.dir, ['blame', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/left out 1 file whose name is not valid UTF-8/);
    expect((JSON.parse(result.stdout) as BlameJson).files.map((f) => f.path)).toEqual(['good.txt']);
    // The cached answer says it again: the file is still left out.
    const cached = aitrail(repo.dir, ['blame', '--format', 'json']);
    expect(cached.stdout).toBe(result.stdout);
    expect(cached.stderr).toMatch(/left out 1 file whose name is not valid UTF-8/);
  });
});
