import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchLines } from '../../src/core/lines/match-lines.js';
import { makeRepo } from '../helpers/gitdir.js';

/** A small deterministic generator (mulberry32). */
function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

/*
 * A note names the lines of its commit by number; `blame` looks each blamed line up there. So the
 * lines the line matcher calls added must be exactly the lines git blame gives the commit, also
 * where the same text could have been added in more than one place (closing braces, blank lines,
 * repeated statements) and in files past the 1 KiB git trims off a common tail.
 */
describe('the line matcher against git blame', () => {
  it('calls added exactly the lines git blame gives a commit, on random multi-hunk edits of code-like files', () => {
    const repo = makeRepo();
    const next = random(20261203);
    const common = ['}', '', '  }', '    return x;', '{', '\t}', 'end', '  a();'];
    let unique = 0;
    const mismatches: string[] = [];
    for (let round = 0; round < 150; round += 1) {
      const share = next(10) / 10;
      const parent = Array.from({ length: 20 + next(round % 4 === 0 ? 1200 : 150) }, () => (next(100) / 100 < share ? common[next(common.length)]! : `line ${unique++} ${'x'.repeat(next(30))}`));
      const child = parent.slice();
      for (let edit = 1 + next(8); edit > 0; edit -= 1) {
        const at = next(child.length + 1);
        const count = 1 + next(6);
        const fresh = () => Array.from({ length: count }, () => (next(2) ? common[next(common.length)]! : `new ${unique++}`));
        const kind = next(3);
        if (kind === 0) child.splice(at, count);
        else if (kind === 1) child.splice(at, count, ...fresh());
        else child.splice(at, 0, ...fresh());
      }
      const text = (lines: string[]) => lines.map((line) => `${line}\n`).join('');
      writeFileSync(join(repo.dir, 'f.txt'), text(parent));
      repo.git(['add', 'f.txt']);
      repo.git(['commit', '-q', '--allow-empty', '-m', 'parent']);
      writeFileSync(join(repo.dir, 'f.txt'), text(child));
      repo.git(['commit', '-q', '--allow-empty', '-am', 'child']);
      const head = repo.git(['rev-parse', 'HEAD']);
      const byGit = repo
        .git(['blame', '--porcelain', 'HEAD', '--', 'f.txt'])
        .split('\n')
        .flatMap((line) => (line.startsWith(`${head} `) ? [Number(line.split(' ')[2]) - 1] : []));
      const ours = [...matchLines(parent, child)].flatMap((at, index) => (at === -1 ? [index] : []));
      if (JSON.stringify(ours) !== JSON.stringify(byGit)) mismatches.push(`round ${round}: git ${JSON.stringify(byGit)}, matcher ${JSON.stringify(ours)}`);
    }
    expect(mismatches).toEqual([]);
  });
});
