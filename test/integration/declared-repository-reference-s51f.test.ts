// Session 51 helper f (row 987): a repository named as the rules an agent followed. Apache
// projects' agents write `Generated-by: Claude Code (Claude Opus 4.7) following the apache/security
// AGENTS.md conventions` (attribution corpus s51f-apache-security-generated-by-claude-code-model-note):
// `apache/security` was read as a model id of an unknown vendor beside Opus 4.7, so `check` and the
// pre-receive hook refused the honest commit under `allow: ["anthropic/*"]`. This test failed before
// its fix (declared-value.ts withoutRepositories). An id written as the model (`using the
// acme/coder-2 model`) is still a model and still refused.
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';
import { expectLog } from '../helpers/log-cases.js';

const APACHE = 'docs(skills): describe the triage hand-off\n\nGenerated-by: Claude Code (Claude Opus 4.7) following the apache/security AGENTS.md conventions\n';

describe('a repository named as the rules followed, in a declared value (row 987)', () => {
  it('log reads the agent and its model, not the repository', () => {
    expectLog([
      [APACHE, ['claude-code:anthropic/claude-opus-4.7']],
      ['feat: b\n\nGenerated-by: Claude Code per acme/widgets CONTRIBUTING.md\n', ['claude-code:unknown']],
      ['feat: c\n\nAssisted-by: Claude Code using the acme/coder-2 model\n', ['claude-code:acme/coder-2']],
      ['feat: d\n\nAssisted-by: acme/coder-2\n', ['unknown:acme/coder-2']],
    ]);
  }, 120_000);

  it('check and pre-receive pass the honest commit under allow anthropic/*; a model id is still judged', () => {
    const { remote, work } = policyServer('policy:\n  allow: ["anthropic/*"]\n');
    expectEachPasses(work, [APACHE]);
    expectEachRefused(remote, work, {
      coder: 'feat: c\n\nAssisted-by: Claude Code using the acme/coder-2 model\n',
    }, (found, name) => expect(found, name).toContain('acme/coder-2'));
  }, 180_000);
});
