// Review of 801 (a model id that names no version is judged by the versions it can be). Ways
// still past it: a family's alias with `-latest` (Google's API aliases `gemini-flash-latest`,
// `gemini-pro-latest`; OpenRouter's `~anthropic/claude-sonnet-latest`) was no family id, so a deny
// of the version it runs passed it (`gemini-flash-latest` alone read as google/unknown, a warning);
// a negated glob (`allow: ["!anthropic/claude-opus-4.1"]`, `deny: ["!*-pro"]`) or an allow the
// family id's own name happens to match (`google/gemini-*pro`) was judged on the id as written, not on
// its versions; a deny of a later version written with a class or a brace list
// (`anthropic/claude-opus-[5-9]*`) was not read as one, as `anthropic/claude-opus-5*` is.
// Committed for real through the installed hooks, then judged by `check` and a server's pre-receive.
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, geminiHome, hooked, homeWith } from '../helpers/agent-home.js';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

const gemini = geminiHome;

describe('a model alias that names no version, past 801', () => {
  it("Gemini CLI on Google's gemini-flash-latest / gemini-pro-latest, under a deny of the version they run: refused at commit as the family", () => {
    const repo = hooked('policy:\n  deny: ["google/gemini-2.5-flash", "google/gemini-2.5-pro"]\n');
    for (const [model, family] of [
      ['gemini-flash-latest', 'google/gemini-flash'],
      ['gemini-pro-latest', 'google/gemini-pro'],
    ] as const) {
      const result = commit(repo, gemini(model));
      expect(result.status, `${model}: ${result.stderr}`).not.toBe(0);
      expect(result.stderr).toContain(`model ${family} (via gemini-cli) is denied`);
      expect(result.stderr).toContain('names no version');
    }
    const lite = commit(repo, gemini('gemini-flash-lite-latest'));
    expect(lite.status, lite.stderr).toBe(0);
    expect(lite.message).toContain('Assisted-by: gemini-cli:google/gemini-flash-lite\n');
  });

  it('check and pre-receive refuse a -latest family id under a deny of one of its versions, and pass the versions not denied', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["google/gemini-2.5-flash", "anthropic/claude-sonnet-4.5"]\n');
    expectEachRefused(
      remote,
      work,
      {
        flash: 'feat: a\n\nAssisted-by: gemini-cli:google/gemini-flash-latest\n',
        sonnet: 'feat: b\n\nAssisted-by: opencode:openrouter/~anthropic/claude-sonnet-latest\n',
      },
      (models, name) => expect(models, name).toContainEqual(expect.stringMatching(/^(google\/gemini-flash|anthropic\/claude-sonnet)-latest$/)),
    );
    expectEachPasses(work, ['feat: c\n\nAssisted-by: opencode:openrouter/~anthropic/claude-opus-latest\n', 'feat: d\n\nAssisted-by: gemini-cli:google/gemini-2.0-flash\n']);
  });

  it("an agent's short name under its vendor (anthropic/opus, google/flash) is that vendor's family: refused under a deny of one of its versions", () => {
    const { remote, work } = policyServer('policy:\n  deny: ["google/gemini-2.5-flash", "anthropic/claude-opus-4.6"]\n');
    expectEachRefused(remote, work, { opus: 'feat: a\n\nAssisted-by: claude-code:anthropic/opus\n', flash: 'feat: b\n\nAssisted-by: gemini-cli:google/flash\n' }, (models, name) => expect(models, name).toContainEqual(expect.stringMatching(/^(anthropic\/opus|google\/flash)$/)));
    expectEachPasses(work, ['feat: c\n\nAssisted-by: claude-code:anthropic/sonnet\n', 'feat: d\n\nAssisted-by: claude-code:acme/opus\n']);
  });

  it('a negated glob, or an allow the family id matches as written but not every version, judges the family by its versions', () => {
    const notOne = policyServer('policy:\n  allow: ["!anthropic/claude-opus-4.1"]\n');
    expectEachRefused(notOne.remote, notOne.work, { opus: 'feat: a\n\nAssisted-by: claude-code:opus\n' });
    expectEachPasses(notOne.work, ['feat: b\n\nAssisted-by: claude-code:sonnet\n', 'feat: c\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n']);
    const onlyPro = policyServer('policy:\n  deny: ["!*-pro"]\n');
    expectEachRefused(onlyPro.remote, onlyPro.work, { pro: 'feat: a\n\nAssisted-by: gemini-cli:google/gemini-pro\n' });
    expectEachPasses(onlyPro.work, ['feat: b\n\nAssisted-by: gemini-cli:google/gemini-2.5-pro\n']);
    const stable = policyServer('policy:\n  allow: ["google/gemini-*pro"]\n');
    expectEachRefused(stable.remote, stable.work, { pro: 'feat: a\n\nAssisted-by: gemini-cli:google/gemini-pro\n' });
    const path = policyServer('policy:\n  paths:\n    - files: ["src/**"]\n      allow: ["!anthropic/claude-opus-4.1"]\n');
    expectEachRefused(path.remote, path.work, { opus: 'feat: a\n\nAssisted-by: claude-code:opus\n' }, (_, name, violations) => expect(violations.map((violation) => violation.rule), name).toContain('path-model-not-allowed'));
  });

  it('a deny of a later version written with a class or a brace list refuses the family; the others pass', () => {
    const later = policyServer('policy:\n  deny: ["anthropic/claude-opus-[5-9]*", "anthropic/claude-sonnet-{5,6}*"]\n');
    expectEachRefused(later.remote, later.work, { opus: 'feat: a\n\nAssisted-by: claude-code:opus\n', sonnet: 'feat: b\n\nCo-authored-by: Claude Sonnet <noreply@anthropic.com>\n' });
    expectEachPasses(later.work, ['feat: c\n\nAssisted-by: claude-code:haiku\n', 'feat: d\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n']);
  });

  it("an honest team's allow of every Opus 4 (`anthropic/claude-opus-4*`) refuses --model opus (a later Opus 5): the refusal names the way out in the policy too", () => {
    const repo = hooked('policy:\n  allow: ["anthropic/claude-opus-4*"]\n');
    const home = homeWith();
    const result = commit(repo, { HOME: home, CLAUDECODE: '1', ANTHROPIC_MODEL: 'opus' });
    expect(result.status, result.stderr).not.toBe(0);
    expect(result.stderr).toContain('is not in policy.allow');
    expect(result.stderr).toContain('policy.allow can name it: "anthropic/claude-opus"');
    expect(result.stderr).toMatch(/name that model exactly in the agent/);
    const exact = commit(repo, { HOME: home, CLAUDECODE: '1', ANTHROPIC_MODEL: 'claude-opus-4-6' });
    expect(exact.status, exact.stderr).toBe(0);
    const named = hooked('policy:\n  allow: ["anthropic/claude-opus-4*", "anthropic/claude-opus"]\n');
    const alias = commit(named, { HOME: home, CLAUDECODE: '1', ANTHROPIC_MODEL: 'opus' });
    expect(alias.status, alias.stderr).toBe(0);
  });

  it('what held: an allow naming the id, its vendor or a negation it passes every version of, and a negated deny every version is outside', () => {
    const allowed = policyServer('policy:\n  allow: ["anthropic/claude-opus", "!qwen/*"]\n  deny: ["!{anthropic,google}/*"]\n');
    expectEachPasses(allowed.work, [
      'feat: a\n\nAssisted-by: claude-code:opus\n',
      'feat: b\n\nAssisted-by: claude-code:sonnet\n',
      'feat: c\n\nAssisted-by: gemini-cli:google/gemini-flash-latest\n',
      'feat: d\n\nAssisted-by: opencode:openrouter/~anthropic/claude-opus-latest\n',
    ]);
  });
});
