import { describe, expect, it } from 'vitest';
import { blame } from '../../src/index.js';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

interface AuthorRow {
  key: string;
  lines: number;
  ai: number;
  human: number;
  byModel: Record<string, number>;
  byAgent: Record<string, number>;
}
interface Json {
  by?: string;
  totals: { lines: number; ai: number; human: number };
  files: { path: string; lines: number; byAuthor?: Record<string, { lines: number; ai: number; byModel: Record<string, number> }> }[];
  groups?: AuthorRow[];
}

const CLAUDE = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';
const QWEN = 'Co-authored-by: aider (qwen/qwen3-coder) <aider@aider.chat>';
const lines = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix} line ${i}\n`).join('');
const as = (name: string, email: string) => ({ GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email });
const EVIL = 'Ev\x1b[31mil \u202egnp.exe';

/** Every line's author as git blame itself names it (`--line-porcelain`: .mailmap applied), with its commit. */
function gitBlameAuthors(repo: TestRepo, path: string, revision: string): { sha: string; author: string; boundary: boolean }[] {
  const out = repo.git(['blame', '--line-porcelain', '--root', revision, '--', path], { raw: true });
  const rows: { sha: string; author: string; boundary: boolean }[] = [];
  let name = '';
  for (const line of out.split('\n')) {
    const header = /^([0-9a-f]{40}) \d+ \d+/.exec(line);
    if (header) rows.push({ sha: header[1]!, author: '', boundary: false });
    else if (line.startsWith('author ')) name = line.slice(7);
    else if (line.startsWith('author-mail ')) rows[rows.length - 1]!.author = `${name} ${line.slice(12)}`;
    else if (line === 'boundary') rows[rows.length - 1]!.boundary = true;
  }
  return rows;
}

/** Expected author rows: git blame's author of each line joined with the attribution we gave each commit. */
function expectedRows(repo: TestRepo, revision: string, models: Map<string, string[]>): AuthorRow[] {
  const paths = repo.git(['ls-tree', '-r', '--name-only', revision.replace(/^.*\.\./, '')]).split('\n');
  const rows = new Map<string, AuthorRow>();
  for (const path of paths) {
    for (const { sha, author, boundary } of gitBlameAuthors(repo, path, revision)) {
      if (boundary) continue;
      let row = rows.get(author);
      if (!row) rows.set(author, (row = { key: author, lines: 0, ai: 0, human: 0, byModel: {}, byAgent: {} }));
      row.lines++;
      const found = models.get(sha);
      if (!found) {
        row.human++;
        continue;
      }
      row.ai++;
      for (const model of found) row.byModel[model] = (row.byModel[model] ?? 0) + 1;
    }
  }
  return [...rows.values()].sort((a, b) => a.key.localeCompare(b.key));
}

function json(cwd: string, args: string[]): Json {
  const result = aitrail(cwd, ['blame', '--format', 'json', '--by', 'author', ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Json;
}

const comparable = (rows: AuthorRow[]) => rows.map(({ byAgent: _agents, ...row }) => row).sort((a, b) => a.key.localeCompare(b.key));
const expectedComparable = (repo: TestRepo, revision: string, models: Map<string, string[]>) => comparable(expectedRows(repo, revision, models));

function history(): { repo: TestRepo; models: Map<string, string[]>; shas: Record<string, string> } {
  const repo = makeRepo();
  const models = new Map<string, string[]>();
  const shas: Record<string, string> = {};
  shas.alice = repo.commit('initial\n', { 'a.txt': lines('a', 10), 'src/b.ts': lines('b', 6) }, as('Alice', 'alice@example.com'));
  shas.bobAi = repo.commit(`feat: claude\n\n${CLAUDE}\n`, { 'a.txt': lines('a', 4) + lines('claude', 3) + lines('a', 10).split('\n').slice(7).join('\n'), 'src/new.ts': lines('n', 5) }, as('Bob', 'bob@example.com'));
  models.set(shas.bobAi, ['anthropic/claude-opus-4.6']);
  // Bob again from another address: .mailmap below makes it the same person, as git blame says.
  shas.bobHome = repo.commit(`feat: qwen\n\n${QWEN}\n`, { 'src/b.ts': lines('b', 2) + lines('qwen', 4) }, as('bobby', 'bob@home.example'));
  models.set(shas.bobHome, ['qwen/qwen3-coder']);
  shas.carol = repo.commit('human fix\n', { 'a.txt': `${lines('a', 2)}carol\n${lines('a', 10).split('\n').slice(3).join('\n')}` }, as('Carol', 'carol@example.com'));
  shas.evil = repo.commit(`feat: odd author\n\n${CLAUDE}\n`, { 'evil.txt': lines('e', 2) }, as(EVIL, 'e@x'));
  models.set(shas.evil, ['anthropic/claude-opus-4.6']);
  return { repo, models, shas };
}

describe('aitrail blame --by author on real history', () => {
  const { repo, models, shas } = history();

  it('groups every line under its commit author, exactly as git blame names them, with AI lines per model', () => {
    const report = json(repo.dir, ['--no-cache']);
    expect(report.by).toBe('author');
    expect(comparable(report.groups!)).toEqual(expectedComparable(repo, 'HEAD', models));
    // The rows add up to the totals, and each file's byAuthor to its lines.
    expect(report.groups!.reduce((sum, row) => sum + row.lines, 0)).toBe(report.totals.lines);
    expect(report.groups!.reduce((sum, row) => sum + row.ai, 0)).toBe(report.totals.ai);
    for (const file of report.files) expect(Object.values(file.byAuthor!).reduce((sum, row) => sum + row.lines, 0)).toBe(file.lines);
    expect(report.groups!.find((row) => row.key === 'Bob <bob@example.com>')).toMatchObject({ lines: 5, ai: 5, human: 0, byModel: { 'anthropic/claude-opus-4.6': 5 }, byAgent: { 'claude-code': 5 } });
    expect(report.groups!.find((row) => row.key === 'Carol <carol@example.com>')).toMatchObject({ lines: 4, ai: 0, human: 4 });
    // Totals and files are those of --by file; only byAuthor and the groups are added.
    const plain = JSON.parse(aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']).stdout) as Json;
    expect(report.totals).toEqual(plain.totals);
    expect(report.files.map(({ byAuthor: _authors, ...file }) => file)).toEqual(plain.files);
    expect(plain.files.every((file) => file.byAuthor === undefined)).toBe(true);
  });

  it('applies .mailmap as git blame does (one person, two addresses)', () => {
    repo.write('.mailmap', 'Bob <bob@example.com> bobby <bob@home.example>\n');
    try {
      const report = json(repo.dir, ['--no-cache']);
      expect(comparable(report.groups!)).toEqual(expectedComparable(repo, 'HEAD', models));
      expect(report.groups!.map((row) => row.key)).not.toContain('bobby <bob@home.example>');
      expect(report.groups!.find((row) => row.key === 'Bob <bob@example.com>')).toMatchObject({ lines: 9, ai: 9, byModel: { 'anthropic/claude-opus-4.6': 5, 'qwen/qwen3-coder': 4 }, byAgent: { 'claude-code': 5, aider: 4 } });
    } finally {
      repo.git(['clean', '-fq', '.mailmap']);
    }
  });

  it('--since leaves boundary lines out of every author', () => {
    const report = json(repo.dir, ['--no-cache', '--since', shas.bobAi!]);
    expect(comparable(report.groups!)).toEqual(expectedComparable(repo, `${shas.bobAi}..HEAD`, models));
    expect(report.groups!.map((row) => row.key)).not.toContain('Alice <alice@example.com>');
  });

  it('a hostile author name is exact in JSON and inert in table, CSV and Markdown', () => {
    const report = json(repo.dir, []);
    expect(report.groups!.map((row) => row.key)).toContain(`${EVIL} <e@x>`);
    for (const format of ['table', 'csv', 'markdown']) {
      const out = aitrail(repo.dir, ['blame', '--by', 'author', '--format', format]);
      expect(out.code).toBe(0);
      expect(out.stdout).not.toMatch(/[\x1b\u202e]/);
      if (format !== 'markdown') expect(out.stdout).toContain('Ev\\x1b[31mil \\u{202e}gnp.exe');
    }
    const table = aitrail(repo.dir, ['blame', '--by', 'author']).stdout;
    expect(table).toMatch(/^\s*AI%\s+AI\s+HUMAN\s+LINES\s+AUTHOR\s+MODELS$/m);
    expect(table).toMatch(/^\s*0\.0%\s+0\s+8\s+8\s+Alice <alice@example\.com>$/m);
    expect(aitrail(repo.dir, ['blame', '--by', 'author', '--format', 'csv']).stdout.split('\r\n')[0]).toBe('author,lines,ai,human,ai_share,anthropic/claude-opus-4.6,qwen/qwen3-coder');
    // No @mention or autolink in a job summary.
    expect(aitrail(repo.dir, ['blame', '--by', 'author', '--format', 'markdown']).stdout).toContain('<code>Alice &lt;alice\\@example\\.com&gt;</code>');
  });

  it('the cache holds authors apart; the API gives the CLI JSON', async () => {
    const first = json(repo.dir, []);
    expect(json(repo.dir, [])).toEqual(first);
    const plain = JSON.parse(aitrail(repo.dir, ['blame', '--format', 'json']).stdout) as Json;
    expect(plain.files.every((file) => file.byAuthor === undefined)).toBe(true);
    expect(JSON.parse(JSON.stringify(await blame({ cwd: repo.dir, by: 'author' })))).toEqual(first);
  });
});
