// Session 51 helper f (row 985): Claude Code run on another vendor's endpoint writes the model
// it ran as its co-author's name, at its own address. Public implementation plans carry
// `Co-Authored-by: qianfan-code-latest <noreply@anthropic.com>` (Baidu Qianfan's coding model,
// attribution corpus s51f-claude-code-coauthor-qianfan-code-latest). A name the catalog cannot read
// (no version: `qianfan-code-latest`, `ernie-code`, `glm-code-latest`) was read as `unknown`,
// though its first word is that vendor's, so `check` and pre-receive passed it under a deny of that
// vendor with only the unknown-model warning, where the same name in a model variable reads
// `vendor/unknown` (row 57). This test failed before its fix (identity.ts idVendor, models.json's
// `qianfan` family). Claude Code's own word (`claude-bot`) and names with a space stay as they were.
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

describe("a model id of another vendor as Claude Code's co-author name (row 985)", () => {
  it('is refused under that vendor\'s deny by check and pre-receive; the agent\'s own word is not', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["baidu/*", "z-ai/*"]\n  unknownModel: warn\n');
    expectEachRefused(remote, work, {
      qianfan: 'feat(detectors): add TPMDetector\n\nCo-Authored-by: qianfan-code-latest <noreply@anthropic.com>\n',
      ernie: 'feat: b\n\nCo-Authored-By: ernie-code <noreply@anthropic.com>\n',
      glm: 'feat: c\n\nCo-Authored-By: glm-code-latest <noreply@anthropic.com>\n',
    }, (found, name) => expect(found, name).toEqual(expect.arrayContaining([expect.stringMatching(/^(?:baidu|z-ai)\/unknown$/)])));
    expectEachPasses(work, [
      'feat: d\n\nCo-Authored-By: claude-bot <noreply@anthropic.com>\n',
      'feat: e\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n',
      'feat: f\n\nCo-authored-by: Ernie Wise <ernie@example.com>\n',
    ]);
  }, 180_000);
});
