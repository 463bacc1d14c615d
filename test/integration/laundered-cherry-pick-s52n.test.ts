import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { gitCommands, traceFile } from '../helpers/git-trace.js';
import { deniedAfterRevert, expectLaunderRefused, PARSE } from '../helpers/laundered-twins.js';

// row 1056: under a global deny, Qwen's commit Q (on main before the deny, reverted by a person) picked
// again without its trailer (`git cherry-pick -n Q && git commit --no-verify -m 'feat: parse'`) read as a
// person's commit: check, pre-push and pre-receive passed it (row 555's twin search covers path rules only).

describe("a person-read commit that is a refused commit's very change (row 1056)", () => {
  it("Qwen's reverted commit cherry-picked without its trailer is refused by check and pre-receive, naming Qwen's commit; a person's own different change passes", () => {
    const server = deniedAfterRevert();
    const { work, qwen } = server;
    // The laundering: Qwen's change, its trailer dropped.
    expect(tryGit(work.dir, ['cherry-pick', '-n', qwen]).code).toBe(0);
    expect(tryGit(work.dir, ['commit', '-q', '--no-verify', '-m', 'feat: parse']).code).toBe(0);
    expectLaunderRefused(server);
    // A person's own parse (another change to the same file) passes.
    work.git(['reset', '-q', '--hard', 'origin/main']);
    expect(commitWith(work, 'feat: parse by hand\n', { 'src/parse.ts': PARSE.replace('part.length > 0', 'part !== ""') }, { noVerify: true }).code).toBe(0);
    const own = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
    expect(own.code, own.stderr).toBe(0);
  });

  it('a laundered change of 1,001 files is still refused, and the history is read by one path of each person-read commit, never whole (session 52 re-read)', () => {
    const { work } = policyServer('policy:\n  deny: ["anthropic/*"]\n');
    const files = Object.fromEntries(Array.from({ length: 1001 }, (_, index) => [`gen/f${index}.ts`, `export const v${index} = ${index};\n`]));
    expect(commitWith(work, 'feat: generated\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', files, { noVerify: true }).code).toBe(0);
    const qwen = work.git(['rev-parse', 'HEAD']);
    work.git(['revert', '--no-edit', 'HEAD']);
    expect(commitWith(work, 'chore: deny qwen\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' }, { noVerify: true }).code).toBe(0);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']).code).toBe(0);
    expect(tryGit(work.dir, ['cherry-pick', '-n', qwen]).code).toBe(0);
    expect(tryGit(work.dir, ['commit', '-q', '--no-verify', '-m', 'feat: generated']).code).toBe(0);
    const trace = traceFile('check.trace');
    const check = aitrail(work.dir, ['check', 'origin/main..HEAD'], { env: { GIT_TRACE: trace }, timeout: 120_000 });
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(check.stdout).toContain(`the same change (git patch-id) as ${qwen.slice(0, 12)}`);
    // The walk over the refs' history: one listing of every commit's paths, matched in memory (row 1167; 1,001 paths
    // asked git's path-limited walk would cost a pass over the history each), and only the commits changing the range's
    // paths read whole (Qwen's and its revert), never every commit.
    const commands = gitCommands(trace);
    // Row 1202: the refs' tips (rev-parse --all) handed to that one listing on its stdin, kept in the git dir.
    const walks = commands.filter((command) => /^log --stdin /.test(command) && command.includes('--full-history'));
    expect(walks).toHaveLength(1);
    expect(walks[0]).toContain('--name-only');
    expect(walks[0]!.match(/:\(literal\)/g)).toBeNull();
    const read = commands.filter((command) => command.includes('--no-walk=unsorted') && command.includes('--name-only'));
    expect(read).toHaveLength(1);
    expect(read[0]!.match(/\b[0-9a-f]{40}\b/g)).toHaveLength(2);
  });
});
