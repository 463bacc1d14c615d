// Session 56 last re-read (row 1225): the twin search's kept listing (row 1202) was read from the refs' tips
// (`git rev-parse --all`, refs alone) where the whole-history walk before it, and the path-limited walk of 16 paths or
// fewer, walk `git log --all` (the refs and HEAD): Qwen's commit on a detached HEAD, held by no ref, was found as the
// twin of a person's copy of 1 path and not of the same copy beside 17 more files (`check` passed it). Found reading the
// change, replayed with the built CLI's `check`. Now HEAD's commit is one of the listing's tips (and of its key).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer } from '../helpers/enforce-repos.js';
import { PARSE } from '../helpers/laundered-twins.js';

describe("Qwen's commit held by a detached HEAD alone (row 1225)", () => {
  it('a copy of its change is its twin past 16 paths as within them', () => {
    const { work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    work.git(['checkout', '-q', '--detach']);
    expect(commitWith(work, 'feat: parse\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'src/parse.ts': PARSE }, { noVerify: true }).code).toBe(0);
    const qwen = work.git(['rev-parse', 'HEAD']);
    const wide: Record<string, string> = { 'src/parse.ts': PARSE };
    for (let index = 0; index < 17; index += 1) wide[`wide/f${index}.ts`] = `export const f${index} = ${index};\n`;
    for (const [branch, files] of [['narrow', { 'src/parse.ts': PARSE }], ['widef', wide]] as const) {
      work.git(['checkout', '-q', '-b', branch, 'main']);
      expect(commitWith(work, `feat: ${branch}\n`, files, { noVerify: true }).code).toBe(0);
    }
    work.git(['checkout', '-q', '--detach', qwen]);
    for (const branch of ['narrow', 'widef', 'widef']) {
      const check = aitrail(work.dir, ['check', `main..${branch}`], { timeout: 120_000 });
      expect(check.code, `${branch}: ${check.stdout}${check.stderr}`).toBe(1);
      expect(check.stdout).toContain(`the same change (git patch-id) as ${qwen.slice(0, 12)}`);
    }
  });
});
