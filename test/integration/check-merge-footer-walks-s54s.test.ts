// Session 54 helper s (row 1154): `check`, pre-push and pre-receive read the commits a merge brings in when its only
// AI evidence is a pull request description's agent footer (merge-footers), up to 5,000 a merge, with no bound across
// the run (helper n found it; `log` got one in rows 1132, 1145). Chained merges (each [root, previous merge]: every
// merge brings in all the ones before) made the walks quadratic: `check` cost 12.6 s of CPU at 500 merges and more than
// 120 s at 2,000, so anyone who can push could stall pre-receive. Replayed with the built CLI's `check` and a real bare
// server with pre-receive, GIT_TRACE counting the walks. Now the walks of one run read at most 10,000 merged commits
// (lowered by AITRAIL_SIZE_CAPS_DIVISOR) beyond the commits judged; past that the range is refused unjudged (exit 3,
// naming the bound): a footer left `unknown` could pass under `unknownModel: warn` where its merged commits' models are
// refused. An honest history (each commit merged once) is judged as before.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { gitCommands, traceFile } from '../helpers/git-trace.js';
import { SCALED_ENV } from '../helpers/size-caps.js';
import { footerMergedBranches, stream } from '../helpers/fast-import-history.js';

const FOOTER = '🤖 Generated with [Claude Code](https://claude.com/claude-code)';
const POLICY = 'policy:\n  deny: ["openai/*"]\n';

/** A side commit declaring Claude's model, then `count` footer merges, each [root, previous], on `base`. */
function chained(base: string, count: number): Buffer {
  const { commit, bytes } = stream(base);
  const root = commit('chore: root\n', undefined, undefined, 'a.txt');
  let previous = commit('feat: side\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', root, undefined, 'b.txt');
  for (let n = 0; n < count; n += 1) previous = commit(`Merge pull request #${n}\n\n${FOOTER}\n`, root, previous);
  return bytes();
}

/** The merge-footer walks a GIT_TRACE recorded: `git log` of a merge's other parents `--not` its first. */
const walks = (trace: string) => gitCommands(trace).filter((command) => /^log .* --not [0-9a-f]{40} --$/.test(command)).length;

describe('the merge-footer walks of check, pre-push and pre-receive are bounded across the run (row 1154)', () => {
  it('chained footer merges: `check` and pre-receive stop at the bound and refuse the range (exit 3, naming it), not walk every merge', () => {
    const { remote, work, base } = policyServer(POLICY);
    // Under the divisor of 256: 39 merged commits beyond the 62 judged; the 60 merges would read 1,830.
    work.git(['fast-import', '--quiet'], { input: chained(base, 60) });
    work.git(['reset', '-q', '--hard', 'refs/heads/main']);
    const trace = traceFile('check.trace');
    const check = aitrail(work.dir, ['check', 'origin/main..main'], { env: { ...SCALED_ENV, GIT_TRACE: trace } });
    expect(check.code, check.stdout + check.stderr).toBe(3);
    expect(check.stderr).toContain('agent footer names the models of the commits it merges');
    expect(check.stderr).toContain('(the most it reads: 39 more than the commits judged)');
    expect(check.stderr).not.toMatch(/\n\s+at /);
    // The walks stop where the bound is reached (the 9th merge reads the 45 before it: 101 in all), not at the 60th.
    expect(walks(trace)).toBeGreaterThan(0);
    expect(walks(trace)).toBeLessThanOrEqual(12);
    const pushed = tryGit(work.dir, ['push', 'origin', 'main'], { env: SCALED_ENV });
    expect(pushed.code, pushed.stderr).not.toBe(0);
    expect(pushed.stderr).toContain('agent footer names the models of the commits it merges');
    expect(remote.git(['rev-parse', 'refs/heads/main'])).toBe(base);
  });

  it('an honest history (each branch merged once by a footer merge) is judged in full and passes, as before', () => {
    const { work } = policyServer(POLICY);
    // 48 merged commits read, under the bound of 39 beyond the 52 judged.
    work.git(['fast-import', '--quiet'], { input: footerMergedBranches(3, 16, work.git(['rev-parse', 'HEAD'])) });
    work.git(['reset', '-q', '--hard', 'refs/heads/main']);
    const check = aitrail(work.dir, ['check', 'origin/main..main', '--format', 'json'], { env: SCALED_ENV });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stderr).not.toContain('agent footer');
    const pushed = tryGit(work.dir, ['push', 'origin', 'main'], { env: SCALED_ENV });
    expect(pushed.code, pushed.stderr).toBe(0);
  });
});
