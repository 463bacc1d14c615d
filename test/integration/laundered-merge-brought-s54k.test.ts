// Session 54 helper k (row 1148): since rows 1122..1124 (a person-read commit holding every file change of a refused
// commit is its twin), a person's plain `git merge main` into a feature branch was refused by check and pre-receive when
// main held a Qwen commit accepted before the deny (the merge's change against its first parent holds Qwen's change as it
// is), and when an agent had merged main into its own branch under a refused model (that merge's change is main's person
// commits, which the person's merge of main holds too). Found by replaying ordinary work on a real history under a new
// deny. Now a merge's file changes that its other parents made (each one's change since its merge base with the first)
// are not compared: only what the merge changes of its own is (row 1080's merge restoring a reverted Qwen file is still
// refused: test/integration/laundered-twin-declared-s53e.test.ts).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { PARSE } from '../helpers/laundered-twins.js';

const QWEN = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const DENY = { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' };

/** The deny committed on main and pushed; on `feature`, a person's commit and a plain merge of main: `check origin/main..HEAD` and its push both pass. */
function expectMergeOfMainPasses(work: Parameters<typeof commitWith>[0]): void {
  work.git(['checkout', '-q', 'main']);
  expect(commitWith(work, 'chore: deny qwen\n', DENY, { noVerify: true }).code).toBe(0);
  expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']).code).toBe(0);
  work.git(['checkout', '-q', 'feature']);
  expect(commitWith(work, 'feat: other\n', { 'src/other.ts': 'export const other = 1;\n' }, { noVerify: true }).code).toBe(0);
  expect(tryGit(work.dir, ['merge', '-q', '--no-ff', '--no-edit', 'main']).code).toBe(0);
  const check = aitrail(work.dir, ['check', 'origin/main..HEAD'], { timeout: 120_000 });
  expect(check.code, check.stdout + check.stderr).toBe(0);
  const pushed = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:feature']);
  expect(pushed.code, pushed.stderr).toBe(0);
}

describe('a merge bringing commits the server holds is no twin of them (row 1148)', () => {
  it("a person's merge of main, which holds a Qwen commit accepted before the deny, passes check and pre-receive", () => {
    const { work } = policyServer('policy:\n  deny: ["anthropic/*"]\n');
    work.git(['branch', 'feature']);
    expect(commitWith(work, `feat: parse\n\n${QWEN}\n`, { 'src/parse.ts': PARSE }, { noVerify: true }).code).toBe(0);
    expect(commitWith(work, 'docs: readme\n', { 'README.md': 'hello\n' }, { noVerify: true }).code).toBe(0);
    expectMergeOfMainPasses(work);
  });

  it("a person's merge of main passes when an agent under the now refused model merged main into its own branch", () => {
    const { work } = policyServer('policy:\n  deny: ["anthropic/*"]\n');
    work.git(['branch', 'feature']);
    work.git(['branch', 'agent']);
    expect(commitWith(work, 'docs: readme\n', { 'README.md': 'hello\n' }, { noVerify: true }).code).toBe(0);
    work.git(['checkout', '-q', 'agent']);
    expect(commitWith(work, `feat: parse\n\n${QWEN}\n`, { 'src/parse.ts': PARSE }, { noVerify: true }).code).toBe(0);
    expect(tryGit(work.dir, ['merge', '-q', '--no-ff', '--no-verify', '-m', `Merge branch 'main' into agent\n\n${QWEN}`, 'main']).code).toBe(0);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'agent', 'main']).code).toBe(0);
    expectMergeOfMainPasses(work);
  });
});
