// Session 52 helper f (row 1030): an agent's own product name at an address of no agent's.
// Public agent rules write Codex's co-author as `Co-Authored-By: Codex CLI <codex@openai.local>`
// (a workflow's ready commit message) or `Co-authored-by: Codex CLI
// <codex-cli@users.noreply.github.com>` (an AGENTS.md convention), corpus entries
// s52f-codex-cli-openai-local and s52f-codex-cli-users-noreply. A product name whose first word is
// no person's name (`Codex`, `Factory`) was read only at a no-reply address, while `Gemini CLI`,
// `Claude Code`, `Kiro AI` (first words that are also people's) were read at any address: the
// commits were a person's, and `check` and pre-receive passed them under `deny: ["openai/*"]`
// with `unknownModel: deny`. This test failed before its fix (declared-value.ts productName).
// A lone agent word (`Codex <dev@example.com>`, `OpenCode`, an account's name), a name holding no
// agent's word (`All Hands <team@example.com>`) and people stay people.
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

describe("an agent's product name at an address of no agent's (row 1030)", () => {
  it('is refused by check and pre-receive; a lone word, a team alias and people are not', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["openai/*"]\n  unknownModel: deny\n');
    expectEachRefused(remote, work, {
      local: 'Apply B-type uniform practice score rendering.\n\nCo-Authored-By: Codex CLI <codex@openai.local>\n',
      login: 'docs: add the Dockerfile examples\n\nCo-authored-by: Codex CLI <codex-cli@users.noreply.github.com>\n',
      droid: 'feat: b\n\nCo-authored-by: Factory Droid <droid@example.com>\n',
    }, (found, name) => expect(found, name).not.toEqual([]));
    expectEachPasses(work, [
      'feat: c\n\nCo-authored-by: Codex <dev@example.com>\n',
      'feat: d\n\nCo-authored-by: OpenCode <dev@example.com>\n',
      'feat: e\n\nCo-authored-by: All Hands <team@example.com>\n',
      'feat: f\n\nCo-authored-by: Jane Doe <jane@example.com>\n',
    ]);
  }, 180_000);
});
