// Session 54 helper f (row 1132): `log`'s merge-footer walk (a merge whose only evidence is a PR description's
// agent footer reads the commits it merges for that agent's models) had no bound across a report: each merge read
// up to 5,000 merged commits, so a history of merges each bringing in the ones before (parents [root, previous
// merge]) cost N x 5,000 commit reads (found measuring 10,000 such merges built by fast-import: `log -n 200` ran
// for minutes). Now the walks of one report read at most 10,000 merged commits (lowered by
// AITRAIL_SIZE_CAPS_DIVISOR) beyond the commits it lists; past that a footer stays the merge's own (AI, model
// unknown: fail closed) with a warning on that merge. An honest history (each commit merged once) is untouched.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';
import { SCALED_ENV, type LogJsonEntry as Entry } from '../helpers/size-caps.js';
import { stream } from '../helpers/fast-import-history.js';

const FOOTER = '🤖 Generated with [Claude Code](https://claude.com/claude-code)';

/** Root, a side commit declaring Claude's model, then `count` footer merges, each [root, previous]. */
function chainedMerges(count: number): Buffer {
  const { commit, bytes } = stream();
  const root = commit('chore: root\n', undefined, undefined, 'a.txt');
  let previous = commit('feat: side\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', root, undefined, 'b.txt');
  for (let n = 0; n < count; n += 1) previous = commit(`Merge pull request #${n}\n\n${FOOTER}\n`, root, previous);
  return bytes();
}

/** `count` footer merges, each [previous merge, its own side commit of a `size`-long message declaring Claude's model]. */
function largeSides(count: number, size: number): Buffer {
  const { commit, bytes } = stream();
  let main = commit('chore: root\n', undefined, undefined, 'a.txt');
  for (let n = 0; n < count; n += 1) {
    const side = commit(`feat: s${n}\n\n${'word '.repeat(size / 5)}\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n`, main, undefined, `s${n}.txt`);
    main = commit(`Merge pull request #${n}\n\n${FOOTER}\n`, main, side);
  }
  return bytes();
}

describe("log's merge-footer walks are bounded across the report (row 1132)", () => {
  it('the walks read 64 MiB of large messages together (here 256 KiB), not each its own: past it a footer stays, said', () => {
    const repo = makeRepo();
    repo.git(['fast-import', '--quiet'], { input: largeSides(40, 8000) });
    repo.git(['reset', '-q', '--hard', 'refs/heads/main']);
    const run = aitrail(repo.dir, ['log', '--format', 'json'], { env: SCALED_ENV });
    expect(run.code, run.stderr).toBe(0);
    const merges = (JSON.parse(run.stdout) as Entry[]).filter((entry) => entry.subject.startsWith('Merge pull request'));
    expect(merges).toHaveLength(40);
    // Newest first: the first ~32 merges' sides are read (footer dropped: the side's model), the older ones' are not.
    expect(merges[0]!.ai).toBe(false);
    const kept = merges.filter((entry) => entry.warnings?.some((warning) => warning.includes('may not have been checked against every commit it merges')));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(10);
    for (const entry of kept) expect(entry.attributions).toEqual([expect.objectContaining({ agent: 'claude-code', model: 'unknown' })]);
  });


  it('past the bound a footer stays the merge\'s own, with a warning; an honest merge is still read', () => {
    const repo = makeRepo();
    repo.git(['fast-import', '--quiet'], { input: chainedMerges(60) });
    repo.git(['reset', '-q', '--hard', 'refs/heads/main']);
    // Under the divisor of 256: 39 merged commits beyond the ones listed.
    const run = aitrail(repo.dir, ['log', '--format', 'json'], { env: SCALED_ENV });
    expect(run.code, run.stderr).toBe(0);
    const entries = JSON.parse(run.stdout) as Entry[];
    const merges = entries.filter((entry) => entry.subject.startsWith('Merge pull request'));
    expect(merges).toHaveLength(60);
    const cut = merges.filter((entry) => entry.warnings?.some((warning) => warning.includes("agent footer was not checked against the commits it merges")));
    expect(cut.length).toBeGreaterThan(0);
    for (const entry of cut) expect(entry.attributions).toEqual([expect.objectContaining({ agent: 'claude-code', model: 'unknown' })]);
    expect(run.stderr).toContain('agent footer was not checked');
    // The default bound (10,000) is far from this history: every footer is the side commit's model, dropped from the merges.
    const honest = aitrail(repo.dir, ['log', '--format', 'json']);
    expect(honest.code, honest.stderr).toBe(0);
    const read = (JSON.parse(honest.stdout) as Entry[]).filter((entry) => entry.subject.startsWith('Merge pull request'));
    expect(read.every((entry) => !entry.ai && entry.warnings === undefined)).toBe(true);
  });
});
