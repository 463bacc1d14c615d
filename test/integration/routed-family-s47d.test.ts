// row 830: a family's name behind a router's prefix (aider's and LiteLLM's `gemini/gemini-flash`,
// `gemini/gemini-flash-latest`, `vertex_ai/gemini-pro`) read `google/unknown`, a warning only, where
// `gemini-flash` alone is the family id (row 801) that a deny of the version it runs refuses.
// Committed for real through the installed hooks (aider's model variable), then judged by `check` and
// a server's pre-receive on the trailer.
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

const DENY = 'policy:\n  deny: ["google/gemini-2.5-flash", "google/gemini-2.5-pro"]\n';

function aider(model: string): NodeJS.ProcessEnv {
  const dir = homeWith({});
  return { HOME: dir, GIT_AUTHOR_NAME: 'Test Human (aider)', AIDER_MODEL: model, XDG_CONFIG_HOME: undefined };
}

describe('a family name behind a router prefix (row 830)', () => {
  it('aider on gemini/gemini-flash, gemini/gemini-flash-latest, vertex_ai/gemini-pro: recorded as the family, refused under a deny of the version it runs', () => {
    const repo = hooked(DENY);
    for (const [model, family] of [
      ['gemini/gemini-flash', 'google/gemini-flash'],
      ['gemini/gemini-flash-latest', 'google/gemini-flash'],
      ['vertex_ai/gemini-pro', 'google/gemini-pro'],
      ['openrouter/gemini-pro-latest', 'google/gemini-pro'],
    ] as const) {
      const refused = commit(repo, aider(model));
      expect(refused.status, `${model}: ${refused.stderr}`).toBe(1);
      expect(refused.stderr).toContain(`model ${family} (via aider) is denied`);
      const recorded = commit(repo, aider(model), 'feat: parser\n', ['--no-verify']);
      expect(recorded.message).toBe(`feat: parser\n\nAssisted-by: aider:${family}\n`);
    }
  });

  it('the trailer as written (aider:gemini/gemini-flash-latest) refused by check and pre-receive; a Flash-Lite and another vendor prefix as before', () => {
    const { remote, work } = policyServer(DENY);
    expectEachRefused(remote, work, {
      flash: 'feat: a\n\nAssisted-by: aider:gemini/gemini-flash-latest\n',
      pro: 'feat: b\n\nAssisted-by: aider:vertex_ai/gemini-pro\n',
    });
    expectEachPasses(work, ['feat: c\n\nAssisted-by: aider:gemini/gemini-flash-lite-latest\n']);
  });

  it('an allow of Google passes them (an honest team): the family is Google\'s', () => {
    const repo = hooked('policy:\n  allow: ["google/*"]\n  unknownModel: deny\n');
    const passed = commit(repo, aider('gemini/gemini-flash'));
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.message).toContain('Assisted-by: aider:google/gemini-flash');
  });
});
