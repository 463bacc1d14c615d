// Row 917: the blame walk's first bound (ChangeBound, row 900) ran `git rev-list --objects` over the trees of
// the chain's first 32 commits, though the report's count (treeCounts) had read the tip's whole tree already and
// those trees share most of it: every tree walked again (a 400,000-file repository: 3.2 -> 2.2 s for one package).
// The report's bound now reads the new roots a level at a time from the run's shared cat-file, only trees not read yet.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

/** The git processes a GIT_TRACE file records (each logs its command line once as it starts). */
const gitCommands = (trace: string): string[] => readFileSync(trace, 'utf8').split('\n').flatMap((line) => /trace: (?:built-in|exec): git (.*)$/.exec(line)?.[1] ?? []);

describe('the blame walk reads no tree twice (row 917)', () => {
  it('no `git rev-list --objects` in a report run; the figures as with --no-cache', () => {
    const repo = makeRepo();
    repo.commit('start\n', { 'lib/a.ts': 'a\n', 'lib/deep/b.ts': 'b\n', 'pkg/x.ts': 'x\n' });
    for (let at = 0; at < 5; at += 1) repo.commit(`feat: ${at}\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n`, { 'pkg/x.ts': `x\n${'y\n'.repeat(at + 1)}`, [`lib/deep/c${at}.ts`]: `${at}\n` });
    const trace = join(tempDir('aitrail-trace-'), 'blame.trace');
    const cached = aitrail(repo.dir, ['blame', 'pkg', '--format', 'json'], { env: { GIT_TRACE: trace } });
    expect(cached.code, cached.stderr).toBe(0);
    const commands = gitCommands(trace);
    // the walk ran (its chain listed), its bound without a rev-list of the trees
    expect(commands.some((command) => command.startsWith("log --first-parent '--format=%H %T %P'"))).toBe(true);
    expect(commands.filter((command) => command.startsWith('rev-list'))).toEqual([]);
    const uncached = aitrail(repo.dir, ['blame', 'pkg', '--format', 'json', '--no-cache']);
    expect(JSON.parse(cached.stdout).totals).toEqual(JSON.parse(uncached.stdout).totals);
    expect(JSON.parse(cached.stdout).totals.ai).toBe(5);
  });
});
