import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

// Differential check (task g, item 3; no fault found): blame's totals per model and per agent equal a count made
// from plain `git blame --porcelain` and the commits' own trailers, on a history with a rename, a merge, a commit
// of two models, a line copied across files; with and without -M / -C / -C -C; the JSON's files add up to its totals.
const QWEN = '\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n';
const CLAUDE = '\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n';
const TWO = '\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\nAssisted-by: aider:deepseek/deepseek-chat\n';
const lines = (count: number, text: string) => Array.from({ length: count }, (_, at) => `${text} ${at + 1}\n`).join('');

function history(): TestRepo {
  const repo = makeRepo();
  repo.commit('human a\n', { 'src/a.ts': lines(20, 'human line') });
  repo.commit(`qwen b${QWEN}`, { 'src/b.ts': lines(15, 'qwen wrote') });
  repo.commit(`claude c${CLAUDE}`, { 'lib/c.ts': lines(10, 'claude wrote'), 'src/a.ts': lines(20, 'human line').replace('human line 3\n', 'claude changed 3\n') });
  repo.git(['mv', 'src/b.ts', 'lib/b-renamed.ts']);
  repo.commit('rename b\n', { 'lib/b-renamed.ts': lines(15, 'qwen wrote').replace('qwen wrote 5\n', 'person fixed 5\n') });
  repo.git(['checkout', '-q', '-b', 'side']);
  repo.commit(`two models${TWO}`, { 'src/d.ts': lines(8, 'mixed') });
  repo.git(['checkout', '-q', '-']);
  repo.commit(`qwen tweak${QWEN}`, { 'src/e.ts': lines(5, 'person e'), 'lib/c.ts': lines(10, 'claude wrote').replace('claude wrote 2\n', 'qwen 2\n') });
  repo.git(['merge', '-q', '--no-ff', 'side', '-m', 'merge side']);
  repo.commit('person copies\n', { 'src/copied.ts': `${lines(15, 'qwen wrote').split('\n').slice(0, 5).join('\n')}\nperson tail\n` });
  return repo;
}

interface Figures {
  lines: number;
  ai: number;
  byModel: Record<string, number>;
  byAgent: Record<string, number>;
}

/** The figures from plain git blame and each commit's Assisted-by lines (a line of a two-model commit once in `ai`, once per model). */
function plainCount(repo: TestRepo, flags: string[]): Figures {
  const said = new Map<string, string[]>();
  for (const record of repo.git(['log', '--format=%H%x00%(trailers:key=Assisted-by,valueonly,unfold)%x01']).split('\x01')) {
    const [sha, values] = record.trim().split('\0');
    if (sha) said.set(sha, (values ?? '').split('\n').filter(Boolean));
  }
  const out: Figures = { lines: 0, ai: 0, byModel: {}, byAgent: {} };
  for (const path of repo.git(['ls-files']).split('\n')) {
    for (const line of repo.git(['blame', '--porcelain', ...flags, '--', path]).split('\n')) {
      const sha = /^([0-9a-f]{40}) \d+ \d+/.exec(line)?.[1];
      if (!sha) continue;
      out.lines += 1;
      const values = said.get(sha) ?? [];
      if (values.length > 0) out.ai += 1;
      for (const value of values) {
        const [agent, model] = value.split(':') as [string, string];
        out.byModel[model] = (out.byModel[model] ?? 0) + 1;
        out.byAgent[agent] = (out.byAgent[agent] ?? 0) + 1;
      }
    }
  }
  return out;
}

const sorted = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));

describe('blame figures equal plain git blame (s47g)', () => {
  it('per model and per agent, with -M, -C, -C -C; the JSON adds up', () => {
    const repo = history();
    for (const flags of [[], ['-M'], ['-C'], ['-C', '-C']]) {
      const result = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache', '-q', ...flags]);
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout) as { totals: Figures & { human: number }; files: (Figures & { human: number })[] };
      const plain = plainCount(repo, flags);
      const { totals, files } = report;
      expect({ lines: totals.lines, ai: totals.ai, byModel: sorted(totals.byModel), byAgent: sorted(totals.byAgent) }, flags.join(' ')).toEqual({ ...plain, byModel: sorted(plain.byModel), byAgent: sorted(plain.byAgent) });
      expect(totals.ai + totals.human).toBe(totals.lines);
      expect(files.reduce((sum, file) => sum + file.lines, 0)).toBe(totals.lines);
      expect(files.reduce((sum, file) => sum + file.ai, 0)).toBe(totals.ai);
      const perModel: Record<string, number> = {};
      for (const file of files) for (const [model, count] of Object.entries(file.byModel)) perModel[model] = (perModel[model] ?? 0) + count;
      expect(sorted(perModel)).toEqual(sorted(totals.byModel));
    }
    // -C -C finds the copied Qwen lines: the copy counts as Qwen's, as git blame says.
    expect(plainCount(repo, ['-C', '-C']).byModel['qwen/qwen3-coder']).toBeGreaterThan(plainCount(repo, []).byModel['qwen/qwen3-coder']!);
  });
});
