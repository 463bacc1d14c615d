// Session 40 (g): Bun's robobun account. Its Claude Code farm commits as
// `robobun <117481402+robobun@users.noreply.github.com>` (author and committer) on the branches of its
// pull requests, and GitHub's squash merge of a maintainer's branch it pushed to carries that line as a
// co-author; neither names an agent in the message (no trailer since 2026-03), so both read as a
// person's. The same account's public address, `robobun@oven.sh`, is also Bun's release automation
// (oven-sh/homebrew-bun `Release bun-v…`): it stays a person's. Google's Jules signs as
// `Jules <jules@google.com>` (projects' conventions and scripts, its own file headers), which read as a
// person's. The tests failed before the fixes.
import { describe, expect, it } from 'vitest';
import { expectLog, refusedBy } from '../helpers/log-cases.js';

const FARM = { name: 'robobun', email: '117481402+robobun@users.noreply.github.com' };
// oven-sh/bun #30328: Jarred-Sumner's pull request, its commits robobun's; GitHub's squash layout.
const MAINTAINER_SQUASH = 'Give File its own prototype that inherits from Blob.prototype (#30328)\n\n* Give File its own prototype that inherits from Blob.prototype\n\n* Address review: File identity does not propagate through Blob dupes\n\n---------\n\nCo-authored-by: robobun <117481402+robobun@users.noreply.github.com>\n';

describe("Bun's robobun account (session 40 g)", () => {
  it("reads the farm's address as Claude Code, as author and as a squash merge's co-author", () => {
    expectLog([
      ['bundler: implement dataurl and base64 loaders\n\nThe dataurl and base64 loaders were accepted by the option validator.\n', ['claude-code:unknown'], FARM],
      ['ci: retrigger\n', ['claude-code:unknown'], { name: 'Robobun', email: '117481402+RoboBun@users.noreply.github.com' }],
      [MAINTAINER_SQUASH, ['claude-code:unknown']],
    ]);
  });

  it("keeps the account's public address (release automation) and look-alikes a person's", () => {
    expectLog([
      // oven-sh/homebrew-bun's release workflow: `commit_author: robobun <robobun@oven.sh>`.
      ['Release bun-v1.3.14\n', [], { name: 'robobun', email: 'robobun@oven.sh' }],
      ['b\n\nCo-authored-by: robobun <robobun@oven.sh>\n', []],
      // Another account's login, or the farm's id under another name, is not the farm.
      ['c\n', [], { name: 'robobun', email: '12345+robobun@users.noreply.github.com' }],
      ['d\n', [], { name: 'Jane Doe', email: '117481402+robobun@users.noreply.github.com' }],
      ['e\n\nCo-authored-by: Robobunny <117481402+robobun@users.noreply.github.com>\n', []],
    ]);
  });

  it('under unknownModel: deny, check refuses the squash merge carrying the farm and not the release commit', () => {
    const { refused, shas } = refusedBy('policy:\n  unknownModel: deny\n', [MAINTAINER_SQUASH, 'Release bun-v1.3.14\n\nCo-authored-by: robobun <robobun@oven.sh>\n']);
    expect(refused).toEqual([shas[0]!]);
  });

  it("reads `Jules <jules@google.com>` as Jules, as author and co-author; a person's full name at that address stays a person's", () => {
    expectLog([
      ['feat: add rate limiting\n\nImplemented by: Google Jules AI Agent\nTask ID: 7215530381475923456\n\nCo-authored-by: Jules <jules@google.com>\n', ['jules:google/unknown']],
      ['fix(review): aplicar correções solicitadas na PR #42\n', ['jules:google/unknown'], { name: 'Jules', email: 'jules@google.com' }],
      ['chore(jules): alterações automáticas feitas no ambiente\n', ['jules:google/unknown'], { name: 'Jules Bot', email: 'jules@google.com' }],
      ['x\n\nCo-authored-by: Google Labs Jules <jules@google.com>\n', ['jules:google/unknown']],
      ['Fix the flaky resolver test\n', [], { name: 'Jules Fontaine', email: 'jules@google.com' }],
      ['y\n\nCo-authored-by: Jules Fontaine <jules@google.com>\n', []],
      ['z\n', [], { name: 'Jules', email: 'jules@example.fr' }],
    ]);
  });
});
