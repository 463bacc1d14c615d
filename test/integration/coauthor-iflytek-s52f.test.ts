// Session 52 helper f (row 1029): Claude Code run on iFlytek's endpoint writes the model it ran
// as its co-author's name at its own address: `Co-Authored-By: astron-code-latest
// <noreply@anthropic.com>` (attribution corpus s51f-claude-code-coauthor-astron-code-latest,
// from a public implementation plan). The catalog had no iFlytek vendor, so the name read as
// `claude-code:unknown` and `check` and pre-receive passed it under `deny: ["iflytek/*"]` with
// only the unknown-model warning (row 985 reads such a name as its vendor's unknown model only
// when the vendor is known). This test failed before its fix (models.json's `iflytek` vendor).
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

describe("iFlytek's model id as Claude Code's co-author name (row 1029)", () => {
  it('is refused under deny iflytek/* by check and pre-receive; Claude and a person named Astron are not', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["iflytek/*"]\n  unknownModel: warn\n');
    expectEachRefused(remote, work, {
      astron: 'feat(detectors): add the cache\n\nCo-Authored-By: astron-code-latest <noreply@anthropic.com>\n',
      declared: 'feat: b\n\nAssisted-by: Claude Code:astron-code-latest\n',
    }, (found, name) => expect(found, name).toEqual(expect.arrayContaining(['iflytek/unknown'])));
    expectEachPasses(work, [
      'feat: d\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n',
      'feat: e\n\nCo-authored-by: Astron Smith <astron@example.com>\n',
    ]);
  }, 180_000);
});
