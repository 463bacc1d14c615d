// Session 54 helper t (row 1155): `Assisted-by: opencode:q-wen3-coder` read as `opencode:unknown` while the same
// model in opencode's co-author note (`opencode (q-wen3-coder) <noreply@opencode.ai>`) read as Qwen3-Coder: the
// trailer passed a deny of Qwen the co-author line was refused by. Found on the final re-read of session 54's
// detection changes (the lead's list of leftovers). Now the right of a known agent's pair that names nothing word
// by word is read whole as a model, as the co-author note is (mentions.ts wholeRight); words that name no model stay unknown.
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';
import { expectLog } from '../helpers/log-cases.js';

const SPLIT_QWEN = 'fix: a\n\nAssisted-by: opencode:q-wen3-coder\n';

describe('a known agent\'s pair whose model is written split (row 1155)', () => {
  it('log reads the pair as the co-author form reads it; a model name it cannot read stays unknown; people stay people', () => {
    expectLog([
      [SPLIT_QWEN, ['opencode:qwen/qwen3-coder']],
      ['fix: b\n\nCo-authored-by: opencode (q-wen3-coder) <noreply@opencode.ai>\n', ['opencode:qwen/qwen3-coder']],
      ['fix: c\n\nAssisted-by: aider:g-pt-5\n', ['aider:openai/gpt-5']],
      ['fix: d\n\nAssisted-by: opencode:big-pickle\n', ['opencode:unknown']],
      ['fix: e\n\nAssisted-by: claude:please review\n', ['claude-code:unknown']],
      ['fix: f\n\nCo-authored-by: Kimi Räikkönen <kimi@example.fi>\n', []],
    ]);
  }, 120_000);

  it('check and pre-receive refuse it under a deny of Qwen; another vendor\'s pair passes', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    expectEachRefused(remote, work, { split: SPLIT_QWEN }, (found) => {
      expect(found).toContain('qwen/qwen3-coder');
    });
    expectEachPasses(work, ['fix: g\n\nAssisted-by: opencode:c-laude-sonnet-4\n']);
  }, 240_000);
});
