// Session 54 helper r (row 1151): the fix of a commit refused as a refused commit Q's twin said "This commit's whole
// change is Q's" and "commit it within the work it belongs to (a commit whose whole change is not Q's is judged by
// itself)" for every twin: also for a commit holding Q's change beside a person's file (row 1122: its whole change is
// not Q's) and for one of several commits holding Q's files between them (row 1124), and the advice it gave is what
// rows 1122 and 1124 refuse. Found re-reading `twinFix` against the superset and split twins; replayed with the built
// CLI's `check` on real repositories. Now the message and the fix say how the commit holds Q's change, and the way out
// is one the search does not refuse.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { deniedAfterRevert, PARSE } from '../helpers/laundered-twins.js';

interface Refusal { sha: string; message: string; fix: string }

function refusals(dir: string): Refusal[] {
  const check = aitrail(dir, ['check', 'origin/main..HEAD', '--format', 'json'], { timeout: 120_000 });
  expect(check.code, check.stdout + check.stderr).toBe(1);
  return (JSON.parse(check.stdout) as { violations: Refusal[] }).violations;
}

const OUT = "file changes out of the range's commits";

describe("a twin's message and fix say how it holds the refused change (row 1151)", () => {
  it('an exact twin: its whole change is Q\'s', () => {
    const { work, qwen } = deniedAfterRevert();
    expect(tryGit(work.dir, ['cherry-pick', '-n', qwen]).code).toBe(0);
    expect(tryGit(work.dir, ['commit', '-q', '--no-verify', '-m', 'feat: parse again']).code).toBe(0);
    const [refusal] = refusals(work.dir);
    const short = qwen.slice(0, 12);
    expect(refusal?.message).toContain(`the same change (git patch-id) as ${short}, which the repository holds:`);
    expect(refusal?.fix).toContain(`This commit's whole change is ${short}'s`);
    expect(refusal?.fix).toContain(`Take ${short}'s ${OUT}`);
    expect(refusal?.fix).not.toContain('commit it within the work it belongs to');
  });

  it("a superset twin (row 1122): it holds all of Q's change beside its own, not 'its whole change is Q's'", () => {
    const { work, qwen } = deniedAfterRevert();
    expect(tryGit(work.dir, ['cherry-pick', '-n', qwen]).code).toBe(0);
    work.write('a.ts', 'export const a = 1;\n');
    work.git(['add', 'a.ts']);
    expect(tryGit(work.dir, ['commit', '-q', '--no-verify', '-m', 'feat: parse and a']).code).toBe(0);
    const [refusal] = refusals(work.dir);
    const short = qwen.slice(0, 12);
    expect(refusal?.message).toContain(`all of the same change (git patch-id) as ${short}, which the repository holds, beside changes of its own`);
    expect(refusal?.fix).toContain(`This commit holds all of ${short}'s change`);
    expect(refusal?.fix).toContain('beside changes of its own');
    expect(refusal?.fix).not.toContain('whole change is');
    expect(refusal?.fix).not.toContain('commit it within the work it belongs to');
  });

  it("split twins (row 1124): each holds part of Q's change, the rest in the range's other commits", () => {
    const server = policyServer('policy:\n  deny: ["anthropic/*"]\n');
    const { work } = server;
    const words = 'export const words = (input: string): string[] => input.split(/\\s+/);\n';
    expect(commitWith(work, 'feat: parse\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'src/parse.ts': PARSE, 'src/words.ts': words }, { noVerify: true }).code).toBe(0);
    const qwen = work.git(['rev-parse', 'HEAD']);
    work.git(['revert', '--no-edit', 'HEAD']);
    expect(commitWith(work, 'chore: deny qwen\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' }, { noVerify: true }).code).toBe(0);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']).code).toBe(0);
    expect(commitWith(work, 'feat: parse\n', { 'src/parse.ts': PARSE }, { noVerify: true }).code).toBe(0);
    expect(commitWith(work, 'feat: words\n', { 'src/words.ts': words }, { noVerify: true }).code).toBe(0);
    const found = refusals(work.dir);
    const short = qwen.slice(0, 12);
    expect(found).toHaveLength(2);
    for (const refusal of found) {
      expect(refusal.message).toContain(`part of the same change (git patch-id) as ${short}`);
      expect(refusal.fix).toContain(`This commit holds part of ${short}'s change`);
      expect(refusal.fix).toContain('other commits of the range hold the rest');
      expect(refusal.fix).not.toContain('whole change is');
      expect(refusal.fix).toContain(`Take ${short}'s ${OUT}`);
    }
  });
});
