import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchLines } from '../../src/core/lines/match-lines.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

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
    const rounds: { parent: string[]; child: string[] }[] = [];
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
      rounds.push({ parent, child });
    }
    // Every round's parent and child commits (f.txt each time, one chain) written by one git fast-import, as
    // `git add` and two `git commit`s a round wrote them (the same trees; blame reads no author or date here):
    // its set-up, not what is compared. Round r's child is mark 2r + 2.
    const text = (lines: string[]) => lines.map((line) => `${line}\n`).join('');
    const data = (body: string) => `data ${Buffer.byteLength(body)}\n${body}\n`;
    const commit = (mark: number, message: string, lines: string[]) => `commit refs/heads/main\nmark :${mark}\ncommitter T <t@example.com> ${1_700_000_000 + mark} +0000\n${data(message)}M 100644 inline f.txt\n${data(text(lines))}`;
    const marks = join(tempDir('aitrail-marks-'), 'marks');
    repo.git(['fast-import', '--quiet', `--export-marks=${marks}`], { input: `${rounds.map(({ parent, child }, round) => commit(2 * round + 1, 'parent', parent) + commit(2 * round + 2, 'child', child)).join('')}done\n` });
    const byMark = new Map(readFileSync(marks, 'utf8').trim().split('\n').map((line) => line.split(' ') as [string, string]));
    for (const [round, { parent, child }] of rounds.entries()) {
      const head = byMark.get(`:${2 * round + 2}`)!;
      const byGit = repo
        .git(['blame', '--porcelain', head, '--', 'f.txt'])
        .split('\n')
        .flatMap((line) => (line.startsWith(`${head} `) ? [Number(line.split(' ')[2]) - 1] : []));
      const ours = [...matchLines(parent, child)].flatMap((at, index) => (at === -1 ? [index] : []));
      if (JSON.stringify(ours) !== JSON.stringify(byGit)) mismatches.push(`round ${round}: git ${JSON.stringify(byGit)}, matcher ${JSON.stringify(ours)}`);
    }
    expect(mismatches).toEqual([]);
  });
});
