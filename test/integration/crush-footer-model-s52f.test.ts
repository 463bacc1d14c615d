// Session 52 helper f (row 1031): Crush's footer with the session's model in parentheses.
// A public change note ends `💘 Generated with Crush (GLM-5.3-flash)` with no trailer (corpus entry
// s52f-crush-footer-model-in-parens): Crush's own footer is the bare `💘 Generated with Crush`
// (charmbracelet/crush internal/agent/tools/bash.tpl), which was read, but with the model after it
// the line matched no signature and the commit was a person's: `check` and pre-receive passed it
// under `deny: ["z-ai/*"]`. This test failed before its fix (signatures.json Crush body line).
// Prose that names Crush in a sentence stays prose.
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

describe("Crush's footer naming its model (row 1031)", () => {
  it('is refused under deny z-ai/* by check and pre-receive, reading the model', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["z-ai/*"]\n  unknownModel: warn\n');
    expectEachRefused(remote, work, {
      parens: 'fix: keep the probe inside the guard\n\n💘 Generated with Crush (GLM-5.3-flash)\n',
      bare: 'fix: b\n\nGenerated with Crush (glm-4.7)\n',
    }, (found, name) => expect(found, name).toEqual(expect.arrayContaining([expect.stringMatching(/^z-ai\//)])));
    expectEachPasses(work, [
      'docs: c\n\nThe demo was generated with Crush (our candy clone) last year.\n',
    ]);
  }, 180_000);
});
