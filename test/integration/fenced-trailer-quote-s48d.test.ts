import { describe, expect, it } from 'vitest';
import { expectLog, refusedBy } from '../helpers/log-cases.js';

// row 863: a docs commit (a contributing guide's section pasted as the body, corpus entry
// s48d-warp-policy-docs-fenced) ending with a closed code fence of example trailers was read as
// Claude's and Copilot's: the closing fence line is a comment to a reader whose core.commentChar is
// the backtick, so row 493's reading found a trailer block there, though row 25 holds every line
// inside a closed fence to be a person's quote at every layer.
const GUIDE =
  'docs: commit conventions\n\nWhen AI agents or tools contribute to a commit, include co-author attribution:\n\n```\nfeat: implement new validation rule\n\nCo-Authored-By: Warp <agent@warp.dev>\n```\n\nOr for other tools:\n```\nfix: update import paths\n\nCo-Authored-By: Claude <claude@anthropic.com>\nCo-Authored-By: GitHub Copilot <copilot@github.com>\n```\n';
const ONE_FENCE = 'docs: how we credit agents\n\nThe last paragraph of every agent commit:\n\n```\nAssisted-by: qwen-code:qwen/qwen3-coder\n```\n';

describe('who-helped lines inside a closed code fence at the end of a message (row 863)', () => {
  it('a guide quoting trailers in fenced blocks is a person\'s commit in log, and check refuses none of them', () => {
    expectLog([
      [GUIDE, []],
      [ONE_FENCE, []],
    ]);
    expect(refusedBy('policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n', [GUIDE, ONE_FENCE]).refused).toEqual([]);
  });

  it('limits: a trailer above a fence that never closes, or a block below a fenced quote, is still read', () => {
    expectLog([
      ['feat: x\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n```\n', ['qwen-code:qwen/qwen3-coder']],
      ['feat: y\n\n```\nCo-Authored-By: Warp <agent@warp.dev>\n```\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', ['qwen-code:qwen/qwen3-coder']],
    ]);
    const { refused, shas } = refusedBy('policy:\n  deny: ["qwen/*"]\n', ['feat: z\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n```\n']);
    expect(refused).toEqual(shas);
  });
});
