// row 886: picomatch reads a brace range of more than one character a side otherwise than written: `{15..19}` is the text
// `15..19` with each `.` any character (it matches `anthropic/claude-opus-15.119`, not Opus 15 to 19), `{4..16}` is `16..4`,
// `{4..6,x}` a garbled class. `deny: ["anthropic/claude-opus-{15..19}"]` denied none of Opus 15-19, without a word; it is
// now a config problem naming the glob, at commit-msg and in `check`. `{4..6}` (one character a side) is a range and passes.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitCase, policyServer } from '../helpers/enforce-repos.js';
import { agentCommit as commit, claudeHome, hooked } from '../helpers/agent-home.js';

const claude = claudeHome;

describe('a brace range picomatch misreads is a config problem (row 886)', () => {
  it('check names each misread range and exits 2; a one-character range is no problem', () => {
    const { work } = policyServer('policy:\n  deny: ["anthropic/claude-opus-{15..19}", "anthropic/claude-opus-{4..6}", "google/gemini-{4..16}*"]\n  paths:\n    - files: ["src/**"]\n      allow: ["anthropic/claude-opus-{4..6,x}*"]\n');
    work.git(['checkout', '-q', '-b', 'feature']);
    commitCase(work, 'opus', 'feat: opus\n\nAssisted-by: claude-code:anthropic/claude-opus-17\n');
    const run = aitrail(work.dir, ['check', 'main..feature']);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    for (const path of ['policy.deny[0]', 'policy.deny[2]', 'policy.paths[0].allow[0]']) expect(run.stderr).toContain(path);
    expect(run.stderr).not.toContain('policy.deny[1]');
    expect(run.stderr).toContain('"{15..19}"');
    expect(run.stderr).toContain('anthropic/claude-opus-1[5-9]');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('commit-msg refuses the commit until the range is written as a class; then Opus 17 is denied', () => {
    const misread = commit(hooked('policy:\n  deny: ["anthropic/claude-opus-{15..19}"]\n'), claude('claude-opus-17'));
    expect(misread.status, misread.stderr).not.toBe(0);
    expect(misread.stderr).toContain('{15..19}');
    const written = commit(hooked('policy:\n  deny: ["anthropic/claude-opus-1[5-9]"]\n'), claude('claude-opus-17'));
    expect(written.status, written.stderr).toBe(1);
    expect(written.stderr).toContain('anthropic/claude-opus-1[5-9]');
  });
});
