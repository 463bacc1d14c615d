// Session 56 helper j (row 1209): row 1201 made a joined name of two vendors' words (`gpt-kimi`) name both vendors in a
// co-author's note and a git-ai note, and left as its limit the model variables (`AITRAIL_MODEL`, `ANTHROPIC_MODEL`: env-findings.ts
// modelOrUnknown gave one model) and a commit author's note (`opencode (gpt-kimi) <noreply@opencode.ai>`: commit.ts fromAuthor read
// the identity's one model). Replayed by helper j with init's hooks and a real bare server with pre-receive: all three recorded
// `openai/unknown` alone and passed `deny: ["moonshotai/*"]`. Now env-findings.ts modelsOrUnknown (model variables, sessions,
// settings) and fromAuthor (identity.ts otherNamedVendors) add the other vendor's unknown model, as `Assisted-by:` reads it.
// Row 1211 (found replaying d's cases with the built CLI's `log`): a co-author's name that is such a joined name (`Co-authored-by: gpt-kimi
// <pat@example.com>`, not its note) read OpenAI's alone; declared-value.ts joinedNameVendors adds the other vendor's.
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { expectEachPasses, expectEachRefusedNaming, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { expectLog } from '../helpers/log-cases.js';

const HOOK_ENV = envWithAitrailOnPath();
const POLICY = 'policy:\n  deny: ["moonshotai/*", "anthropic/*"]\n';

describe('a model variable or a commit author naming two vendors\' words names both (rows 1209, 1211)', () => {
  it('init\'s commit-msg refuses AITRAIL_MODEL and ANTHROPIC_MODEL of gpt-kimi or qwen-claude, naming the second vendor', () => {
    const { work } = policyServer(POLICY, '', { initEnv: HOOK_ENV });
    const cases: [NodeJS.ProcessEnv, string][] = [
      [{ AITRAIL_MODEL: 'gpt-kimi' }, 'moonshotai/unknown'],
      [{ CLAUDECODE: '1', ANTHROPIC_MODEL: 'gpt-kimi' }, 'moonshotai/unknown'],
      [{ CLAUDECODE: '1', ANTHROPIC_MODEL: 'qwen-claude' }, 'anthropic/unknown'],
      [{ AITRAIL_MODEL: 'opencode:gpt-kimi' }, 'moonshotai/unknown'],
    ];
    cases.forEach(([env, model], at) => {
      work.write(`src/v${at}.ts`, `export const v = ${at};\n`);
      work.git(['add', '-A']);
      const made = tryGit(work.dir, ['commit', '-q', '-m', `fix: v${at}`], { env: { ...HOOK_ENV, ...env } });
      expect(made.code, `${JSON.stringify(env)}\n${made.stderr}`).not.toBe(0);
      expect(made.stderr, JSON.stringify(env)).toContain(`model: ${model}`);
    });
    // One vendor's name, a listed model, or an agent's name first (row 1190) read as before.
    for (const [env, trailer] of [
      [{ AITRAIL_MODEL: 'gpt-5-fast' }, 'Assisted-by: unknown:openai/gpt-5-fast'],
      [{ AITRAIL_MODEL: 'gpt-4o' }, 'Assisted-by: unknown:openai/gpt-4o'],
      [{ AITRAIL_MODEL: 'qwen-fast' }, 'Assisted-by: unknown:qwen/unknown'],
    ] as const) {
      const made = tryGit(work.dir, ['commit', '-q', '--allow-empty', '-m', `fix: ${env.AITRAIL_MODEL}`], { env: { ...HOOK_ENV, ...env } });
      expect(made.code, made.stderr).toBe(0);
      const body = work.git(['log', '-1', '--format=%B']);
      expect(body, env.AITRAIL_MODEL).toContain(trailer);
      expect(body.match(/^Assisted-by:/gm), body).toHaveLength(1);
    }
  }, 240_000);

  it('a commit author `opencode (gpt-kimi) <noreply@opencode.ai>` is refused by check and a real pre-receive; `opencode (gpt-5-fast)` passes', () => {
    const { remote, work } = policyServer(POLICY);
    const commitAs = (branch: string, name: string): string => {
      work.git(['checkout', '-q', '-b', branch, 'main']);
      work.write(`src/${branch}.ts`, 'export const v = 1;\n');
      work.git(['add', '-A']);
      const made = tryGit(work.dir, ['commit', '-q', '--no-verify', '-m', 'fix: v'], { env: { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: 'noreply@opencode.ai' } });
      expect(made.code, made.stderr).toBe(0);
      return work.git(['rev-parse', 'HEAD']).trim();
    };
    const kimi = commitAs('kimi', 'opencode (gpt-kimi)');
    const check = aitrail(work.dir, ['check', 'main..kimi', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    const models = (JSON.parse(check.stdout) as { violations: { sha: string; model: string; severity: string }[] }).violations.filter((v) => v.sha === kimi && v.severity === 'error').map((v) => v.model);
    expect(models).toContain('moonshotai/unknown');
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'kimi']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain(`error   ${kimi.slice(0, 12)} `);
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).not.toContain('refs/heads/kimi');
    commitAs('fast', 'opencode (gpt-5-fast)');
    const passed = tryGit(work.dir, ['push', '--no-verify', 'origin', 'fast']);
    expect(passed.code, passed.stderr).toBe(0);
  }, 240_000);

  // Row 1211: a co-author's NAME of two vendors' words (not its note) read the first word's vendor alone, with or without an address.
  it('row 1211: `Co-authored-by: gpt-kimi <…>` names both vendors in log, check and a real pre-receive', () => {
    expectLog([
      ['fix: a\n\nCo-authored-by: gpt-kimi <pat@example.com>\n', ['unknown:openai/unknown', 'unknown:moonshotai/unknown']],
      ['fix: b\n\nCo-authored-by: gpt-kimi\n', ['unknown:openai/unknown', 'unknown:moonshotai/unknown']],
      // A GitHub user's own login (row 1199; last re-read z2): a person, as `kimi-max` is.
      ['fix: c\n\nCo-authored-by: qwen-claude <1+qwen-claude@users.noreply.github.com>\n', []],
      ['fix: d\n\nCo-authored-by: kimi-max <1+kimi-max@users.noreply.github.com>\n', []],
      ['fix: e\n\nCo-authored-by: gpt-5-fast <pat@example.com>\n', ['unknown:openai/gpt-5-fast']],
    ]);
    const { remote, work } = policyServer(POLICY);
    expectEachRefusedNaming(remote, work, { kimi: ['fix: k\n\nCo-authored-by: gpt-kimi <pat@example.com>\n', 'moonshotai/unknown'] });
    expectEachPasses(work, ['fix: p\n\nCo-authored-by: gpt-5-fast <pat@example.com>\n']);
  }, 240_000);
});
