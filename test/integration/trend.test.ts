import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

/** blame's totals; compared whole, only these fields read. */
type Totals = { lines: number; ai: number; human: number } & Record<string, unknown>;
interface Release {
  since: string;
  rev: string;
  sinceName: string;
  revName: string;
  totals: Totals;
}

const TRAILERS = ['', '', 'Assisted-by: claude-code:anthropic/claude-opus-4.6', 'Co-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>', 'Assisted-by: aider:deepseek/deepseek-chat\nAssisted-by: claude-code:anthropic/claude-sonnet-4.5'];
const FILES = ['src/a.ts', 'src/b.ts', 'src/deep/c.ts', 'docs/d.md', 'e.txt'];
// Tagged in this order; version order differs from the byte order (v1.9 < v1.10) and from creation order.
const TAGS: [number, string][] = [[4, 'v0.9'], [9, 'v1.0'], [14, 'v1.9'], [19, 'v1.10'], [24, 'v2.0-rc1']];

/** A seeded random history: each commit rewrites some lines of some files, a trailer from TRAILERS (or none). */
function history(): TestRepo {
  const repo = makeRepo();
  let seed = 11;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const content = new Map(FILES.map((path) => [path, Array.from({ length: 12 }, (_, i) => `${path} ${i}`)]));
  for (let commit = 0; commit < 28; commit++) {
    const files: Record<string, string> = {};
    for (const path of FILES) {
      if (commit > 0 && random(3) !== 0) continue;
      const lines = content.get(path)!;
      for (let edit = 0; edit < 4; edit++) lines.splice(random(lines.length + 1), random(2), `${path} c${commit} e${edit}`);
      files[path] = `${lines.join('\n')}\n`;
    }
    const trailer = TRAILERS[random(TRAILERS.length)]!;
    repo.commit(`change ${commit}${trailer ? `\n\n${trailer}\n` : '\n'}`, files);
    const tag = TAGS.find(([at]) => at === commit);
    if (tag) repo.git(['tag', tag[1]]);
  }
  return repo;
}

function json<T>(repo: TestRepo, args: string[]): T {
  const result = aitrail(repo.dir, args);
  expect(result.stderr).not.toMatch(/internal error/);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
}

describe('aitrail trend', () => {
  const repo = history();

  it.each([
    ['whole tree', []],
    ['-w -C, under src only', ['-w', '-C', '--', 'src']],
  ])('--tags v* equals blame --since A --rev B for each consecutive pair (%s)', (_, options) => {
    const { releases } = json<{ releases: Release[] }>(repo, ['trend', '--tags', 'v*', '--format', 'json', ...options]);
    expect(releases.map((release) => `${release.sinceName}..${release.revName}`)).toEqual(['v0.9..v1.0', 'v1.0..v1.9', 'v1.9..v1.10', 'v1.10..v2.0-rc1']);
    expect(releases.some((release) => release.totals.ai > 0 && release.totals.human > 0)).toBe(true);
    for (const release of releases) {
      const flags = options.filter((option) => option !== '--' && option !== 'src');
      const paths = options.includes('--') ? ['--', 'src'] : [];
      const blame = json<{ since: string; rev: string; totals: Totals }>(repo, ['blame', '--no-cache', '--since', release.sinceName, '--rev', release.revName, '--format', 'json', ...flags, ...paths]);
      expect({ since: release.since, rev: release.rev, totals: release.totals }).toEqual({ since: blame.since, rev: blame.rev, totals: blame.totals });
      expect(release.rev).toBe(repo.git(['rev-parse', `${release.revName}^{commit}`]));
    }
  });

  it('explicit revisions come after the tags, in the order given; the same pair twice is the same numbers', () => {
    const both = json<{ releases: Release[] }>(repo, ['trend', '--tags', 'v1.1*', 'HEAD~1', 'HEAD', '--format', 'json', '--no-cache']);
    expect(both.releases.map((release) => [release.sinceName, release.revName])).toEqual([['v1.10', 'HEAD~1'], ['HEAD~1', 'HEAD']]);
    const again = json<{ releases: Release[] }>(repo, ['trend', 'v1.10', 'HEAD~1', '--format', 'json']);
    expect(again.releases[0]).toEqual(both.releases[0]);
  });

  it('prints table, csv, markdown and html with the same numbers', () => {
    const { releases } = json<{ releases: Release[] }>(repo, ['trend', '--tags', 'v*', '--format', 'json']);
    const last = releases[releases.length - 1]!;
    const table = aitrail(repo.dir, ['trend', '--tags', 'v*']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('v1.10..v2.0-rc1');
    expect(table.stderr).toContain('aitrail trend: v0.9..v1.0 (1/4)');
    const csv = aitrail(repo.dir, ['trend', '--tags', 'v*', '--format', 'csv']).stdout.split('\r\n');
    expect(csv[0]).toMatch(/^since,rev,since_sha,rev_sha,lines,ai,human,ai_share,/);
    expect(csv[4]).toContain(`v1.10,v2.0-rc1,${last.since},${last.rev},${last.totals.lines},${last.totals.ai},${last.totals.human},`);
    const markdown = aitrail(repo.dir, ['trend', '--tags', 'v*', '--format', 'markdown']).stdout;
    expect(markdown).toContain(`| <code>v2\\.0\\-rc1</code> | <code>v1\\.10</code> | ${last.totals.lines} | ${last.totals.ai} | ${last.totals.human} |`);
    const html = aitrail(repo.dir, ['trend', '--tags', 'v*', '--format', 'html']).stdout;
    expect(html).toMatch(/^<!DOCTYPE html>/);
    const data = JSON.parse(/id="aitrail-data">([^]*?)<\/script>/.exec(html)![1]!) as { kind: string; releases: { revName: string; totals: Totals }[] };
    expect(data.kind).toBe('trend');
    expect(data.releases.map((release) => release.totals.ai)).toEqual(releases.map((release) => release.totals.ai));
  });

  it('hostile tag names: read with for-each-ref, resolved as refs/tags/…, shown inert', () => {
    const hostile = makeRepo();
    hostile.commit('one\n', { 'a.txt': 'a\n' });
    hostile.git(['update-ref', 'refs/tags/-x<b>"\'&;$(id)', 'HEAD']);
    hostile.commit('two\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', { 'a.txt': 'a\nb\n' });
    hostile.git(['update-ref', 'refs/tags/-y\u202e', 'HEAD']);
    hostile.git(['tag', 'ztree', 'HEAD^{tree}']);
    const result = aitrail(hostile.dir, ['trend', '--tags=-*', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const { releases } = JSON.parse(result.stdout) as { releases: Release[] };
    expect(releases).toHaveLength(1);
    expect(releases[0]).toMatchObject({ sinceName: '-x<b>"\'&;$(id)', revName: '-y\u202e', totals: { lines: 1, ai: 1, human: 0 } });
    const table = aitrail(hostile.dir, ['trend', '--tags=-*']);
    expect(table.stdout).toContain('-y\\u{202e}');
    expect(table.stdout + table.stderr).not.toContain('\u202e');
    const trees = aitrail(hostile.dir, ['trend', '--tags', 'z*', 'HEAD~1', 'HEAD', '--format', 'json']);
    expect(trees.code, trees.stderr).toBe(0);
    expect(trees.stderr).toContain("left out tag 'ztree': it does not point at a commit.");
  });

  it('usage errors exit 2 with what to do next', () => {
    const cases: [string[], RegExp][] = [
      [['trend', 'HEAD'], /needs two or more, found 1/],
      [['trend', '--tags', 'nothing*'], /matched no tag; list them with: git tag --list 'nothing\*'/],
      [['trend', 'v1.0', '--frob'], /unknown option '--frob' for 'aitrail trend'/],
      [['trend', '--tags', 'v\n*', 'HEAD'], /invalid --tags 'v\\n\*'/],
    ];
    for (const [args, message] of cases) {
      const result = aitrail(repo.dir, args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    // An unknown revision is a git error, as in every command (session 55 helper p).
    const unknown = aitrail(repo.dir, ['trend', 'v1.0', 'no-such-rev']);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toMatch(/unknown revision 'no-such-rev'/);
  });
});
