// Red team, session 17: the fast readings of values agents and aitrail write on every commit
// (src/core/detect/fixed-values.ts) against the policy's own configuration. A real bare server running
// the pre-receive hook (one push, --no-verify) and `aitrail check`. Every test here failed before its fix.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';

describe('an alias of the policy spelled otherwise than the value it reads', () => {
  it('Claude\'s dated id (or `claude-latest`) aliased to a denied model: aitrail\'s own `claude-code:anthropic/claude-opus-4.6` and Claude\'s own co-author line name it, refused by check and at pre-receive', () => {
    // A gateway serving Qwen and GLM under Claude's names (row 56's setups), told to aitrail as the gateway's config writes them.
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*", "z-ai/*"]\ndetect:\n  aliases:\n    claude-opus-4-6-20260115: qwen/qwen3-coder\n    claude-latest: z-ai/glm-4.6\n');
    work.git(['checkout', '-q', '-b', 'gateway', 'main']);
    for (const [file, message] of [
      ['src/a.ts', 'feat: a\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n'],
      ['src/b.ts', 'feat: b\n\nCo-authored-by: Claude <noreply@anthropic.com>\n'],
    ] as const) {
      const made = commitWith(work, message, { [file]: `export const v = ${JSON.stringify(file)};\n` }, { noVerify: true });
      expect(made.code, made.stderr).toBe(0);
    }
    const check = aitrail(work.dir, ['check', 'main..gateway', '--format', 'json'], { timeout: 60_000 });
    expect(check.code, check.stdout + check.stderr).toBe(1);
    const models = (JSON.parse(check.stdout) as { violations: { model: string }[] }).violations.map((violation) => violation.model);
    expect(models).toEqual(expect.arrayContaining(['qwen/qwen3-coder', 'z-ai/glm-4.6']));
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'gateway']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).not.toContain('refs/heads/gateway');
  });
});
