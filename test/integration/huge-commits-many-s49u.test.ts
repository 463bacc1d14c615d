// Row 935 (review of row 925, session 49 helper u): with every huge commit of a range now found (a person's is
// judged without its files), commitsChangingTooMuch asked ChangeBound.firstTooLarge again on the rest of the range
// after each one: quadratic. A push of 20,000 tiny commits (`git fast-import`, two trees) each adding or dropping a
// 2.1-million-file folder took `check` 38 s (10,000: 8.4 s), where the first was refused at once before row 925;
// now one pass (ChangeBound.tooLarge): 3.3 s. Fails without the fix (the CPU bound: the CLI spawned, its CPU and
// its git processes' counted, never wall time, which a loaded CI machine stretched to 86 s for the fixed code).
import { describe, expect, it } from 'vitest';
import { aitrailCpu } from '../helpers/cpu-timed.js';
import { project } from '../helpers/enforce-repos.js';
import { treeBomb } from '../helpers/tree-bomb.js';

const COMMITS = 20_000;

describe('a range of thousands of huge commits (row 935)', () => {
  it('is judged in one pass over the range, not one per huge commit', () => {
    const { work, base } = project('policy:\n  deny: ["qwen/*"]\n');
    const bomb = treeBomb(work, [100, 210]);
    let stream = '';
    for (let at = 0; at < COMMITS; at += 1) {
      const message = `vendor ${at}`;
      stream += `commit refs/heads/big\ncommitter P <p@example.com> ${1_700_000_000 + at} +0000\ndata ${message.length}\n${message}\n`;
      stream += `${at === 0 ? `from ${base}\n` : ''}${at % 2 === 0 ? `M 040000 ${bomb} vendor` : 'D vendor'}\n\n`;
    }
    work.git(['fast-import', '--quiet'], { input: stream });
    const run = aitrailCpu(work.dir, ['check', `${base}..big`]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toContain(`${COMMITS} commits checked`);
    expect(run.cpu).toBeLessThan(15_000);
  }, 180_000);
});
