// Session 54 helper k (row 1149): since row 1122 the twin search asked git's path-limited walk every path of the
// range's person-read commits up to 1,000, and each path asked costs the walk about one more pass over the history
// (~0.28 s of git CPU a path on 200,000 commits): a person's merge of main bringing 500 files ran `check` and every push
// over ten minutes. Found by measuring a push on a 200,000-commit history made with git fast-import. Now every path is
// asked only while the range's person-read commits change 16 or fewer; past it one path of each, as before row 1122.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';

/** The pathspecs of the twin search's walk (`git log … --full-history … --all -- <paths>`) in a GIT_TRACE file. */
function walkPaths(trace: string): number[] {
  return trace
    .split('\n')
    .filter((line) => line.includes('--full-history') && line.includes(':(literal)'))
    .map((line) => (line.match(/:\(literal\)/g) ?? []).length);
}

describe("the twin search's walk asks few paths (row 1149)", () => {
  // Row 1167: past 16 paths no path-limited walk at all: every commit's paths listed once, matched in memory.
  it('a commit of 17 files is walked by no path (one listing of the paths); one of 16 by each', () => {
    const { work } = policyServer('policy:\n  deny: ["anthropic/*"]\n');
    expect(commitWith(work, 'chore: deny qwen\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' }, { noVerify: true }).code).toBe(0);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']).code).toBe(0);
    const files = (count: number, tag: string) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`src/${tag}${index}.ts`, `export const v = ${index};\n`]));
    for (const [count, asked] of [[17, []], [16, [16]]] as const) {
      expect(commitWith(work, `feat: ${count} files\n`, files(count, `f${count}-`), { noVerify: true }).code).toBe(0);
      const trace = join(work.dir, '.git', `trace-${count}`);
      const check = aitrail(work.dir, ['check', 'HEAD~1..HEAD'], { timeout: 120_000, env: { GIT_TRACE: trace } });
      expect(check.code, check.stdout + check.stderr).toBe(0);
      expect(walkPaths(readFileSync(trace, 'utf8'))).toEqual(asked);
      expect(readFileSync(trace, 'utf8').split('\n').filter((line) => line.includes('--full-history') && line.includes('--name-only') && !line.includes(':(literal)'))).toHaveLength(count > 16 ? 1 : 0);
    }
  });
});
