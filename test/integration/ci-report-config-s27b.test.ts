import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { checkout, origin, prEvent, pullRequest, runAction } from '../helpers/github-action.js';

/**
 * Row 323: the GitHub Action's job summary (`aitrail blame --format markdown`) read the config of the
 * pull request's own checkout, so a pull request that adds `blame.exclude: ["src/**"]` to the config
 * emptied the report reviewers read of the lines it brings. The summary now reads the config check
 * judged by (`blame --config-from refs/remotes/origin/<default>`).
 */
const OPUS = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';
const HIDING = '{ "policy": { "deny": ["qwen/*"] }, "blame": { "exclude": ["src/**"] } }\n';

describe("the Action's report of a pull request (row 323)", () => {
  it("a pull request whose config leaves src/ out of blame: the summary still counts src/ by the default branch's config; --config-from as an option", () => {
    const world = origin();
    const { head, merge } = pullRequest(world, [{ message: `feat: opus, and tidy the report\n\n${OPUS}\n`, files: { 'src/opus.js': 'a\nb\nc\n', '.aitrailrc.json': HIDING } }]);
    const runner = checkout(world, 'pull/1/merge', merge);
    const result = runAction(runner, prEvent(head, merge));
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.summary).toMatch(/\*\*100(\.0)?%\*\* of 4 lines are AI-authored \(4 AI, 0 human\) in 2 files/);
    expect(result.summary).toContain('<code>src\\/opus\\.js</code> | 3 | 3 |');

    // By hand: the work tree's config leaves src/ out; --config-from reads the target branch's.
    const own = JSON.parse(aitrail(runner.dir, ['blame', '--rev', head, '--format', 'json']).stdout) as { totals: { lines: number } };
    expect(own.totals.lines).toBe(1);
    const target = aitrail(runner.dir, ['blame', '--rev', head, '--config-from', 'refs/remotes/origin/main', '--format', 'json']);
    expect(target.code, target.stderr).toBe(0);
    expect((JSON.parse(target.stdout) as { totals: { lines: number; ai: number } }).totals).toMatchObject({ lines: 6, ai: 4 });
    // A name anyone who can push a tag can make read as another ref: refused, as check's --policy-from.
    runner.git(['tag', 'origin/main', head]);
    const ambiguous = aitrail(runner.dir, ['blame', '--rev', head, '--config-from', 'origin/main']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/--config-from/);
    expect(aitrail(runner.dir, ['blame', '--config-from', 'refs/remotes/origin/main', '--config', '.aitrailrc.json']).code).toBe(2);
    expect(aitrail(runner.dir, ['blame', '--config-from', '']).code).toBe(2);
    expect(aitrail(runner.dir, ['blame', '--config-from', '--rev']).code).toBe(2);
  });
});
