// Misreadings found replaying public commit text (session 46, attribution corpus `s46h-*` entries):
// - semantic-release's release commit (`chore(release): <version> [skip ci]` by semantic-release-bot)
//   carries the release notes, which quote the released commits' `Co-authored-by:` lines; a breaking
//   change's last line is then the release commit's own trailer block. It was read as Copilot's and
//   Junie's work, so `blame` counted the changelog as AI. Its notes before their last item are no one's
//   declaration now; the configured trailer key (what the hooks write) is still read in it, the last
//   item, the last paragraph and git's trailer block are read whole (s46r: an agent's own lines end a
//   message), and the bot's name on another subject is read whole.
// - Agents' co-author forms read as nobody's, past `unknownModel: deny`: `Droid AI` and `Kiro AI
//   Assistant` without an address, `Kiro <kiro@amazon.com>`, Kirodex's `274876363+kirodex@…` account,
//   v0's `v0 <it+v0agent@vercel.com>`, Manus's `Manus <noreply@manus.im>`.
import { describe, expect, it } from 'vitest';
import { expectLog, refusedBy } from '../helpers/log-cases.js';

const RELEASE_BOT = { name: 'semantic-release-bot', email: 'semantic-release-bot@martynus.net' };

// DIGITALLNature/DigitallRegistrationPower's 3.0.0-beta.1 notes, shortened, as @semantic-release/git's default message.
const NOTES =
  '# [3.0.0-beta.1](https://github.com/DIGITALLNature/DigitallRegistrationPower/compare/v2.0.0...v3.0.0-beta.1) (2026-10-06)\n\n\n' +
  '### BREAKING CHANGES\n\n* PluginRegistrationAttribute no longer has a\nConfiguration property.\n\n' +
  'Co-authored-by: Junie <junie@jetbrains.com>\n* package ID, assembly name, and root namespace changed\nfrom dgt.registration to Digitall.Plugins.Registration.\n\n' +
  'Co-authored-by: Copilot <223556219+Copilot@users.noreply.github.com>\n';
const RELEASE = `chore(release): 3.0.0-beta.1 [skip ci]\n\n${NOTES}`;

describe("semantic-release's release commit quoting the released commits' trailers", () => {
  it('reads no one in the notes before their last item, and reads the same notes under another subject or another author', () => {
    expectLog([
      // Junie's line quoted in the first breaking change is no one's; Copilot's, in the last, is read (s46r: fail closed).
      [RELEASE, ['copilot:unknown'], RELEASE_BOT],
      ['chore(release): v1.4.0 [skip ci]\n\n## [1.4.0](https://example.com) (2026-01-02)\n\n* fix: x\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n', ['claude-code:unknown'], RELEASE_BOT],
      [`feat: the exporter\n\n${NOTES}`, ['copilot:unknown', 'junie:unknown'], RELEASE_BOT],
      [RELEASE, ['copilot:unknown', 'junie:unknown']],
    ]);
  });

  it('still refuses a denied model in the configured trailer key on a release commit, and passes the quoted notes', () => {
    const policy = 'policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n';
    // refusedBy commits as a person; the bot's own commits are checked through the log above.
    const { refused, shas } = refusedBy(policy, [`${RELEASE}Assisted-by: qwen-code:qwen/qwen3-coder\n`, 'fix: plain\n']);
    expect(refused).toEqual([shas[0]]);
    expectLog([
      [`${RELEASE}Assisted-by: qwen-code:qwen/qwen3-coder\n`, ['copilot:unknown', 'qwen-code:qwen/qwen3-coder'], RELEASE_BOT],
      // The configured key is read before the notes' last item too.
      [RELEASE.replace('* package ID', 'Assisted-by: qwen-code:qwen/qwen3-coder\n* package ID'), ['copilot:unknown', 'qwen-code:qwen/qwen3-coder'], RELEASE_BOT],
    ]);
  });
});

describe("agents' co-author forms seen in public histories", () => {
  it('reads each as its agent', () => {
    expectLog([
      ['docs: migrate to V2\n\nCo-authored-by: Droid AI\n', ['factory-droid:unknown']],
      ['feat: HLS playback\n\nCo-authored-by: Kiro AI Assistant', ['kiro:unknown']],
      ['feat(manager): add the query cache\n\nCo-authored-by: Kiro <kiro@amazon.com>\n', ['kiro:unknown']],
      ['feat(acp): resume the task\n\nCo-authored-by: Kirodex <274876363+kirodex@users.noreply.github.com>\n', ['kiro:unknown']],
      ['chore(infra): initial scaffold\n\nCo-authored-by: v0 <it+v0agent@vercel.com>\n', ['vercel-v0:unknown']],
      ['feat(hud): drop the radar\n\nCo-authored-by: Manus <noreply@manus.im>\n', ['manus:unknown']],
    ]);
  });

  it("keeps people of those names people's", () => {
    expectLog([
      ['fix: a\n\nCo-authored-by: Kiro Tanaka <kiro@amazon.com>\n', []],
      ['fix: b\n\nCo-authored-by: Kiro <kiro@example.jp>\n', []],
      ['fix: c\n\nCo-authored-by: Manus Lehmann <manus@example.de>\n', []],
      ['fix: d\n\nCo-authored-by: Droid\n', []],
    ]);
  });

  it('refuses them under unknownModel: deny', () => {
    const { refused, shas } = refusedBy('policy:\n  unknownModel: deny\n', [
      'feat: a\n\nCo-authored-by: Kiro <kiro@amazon.com>\n',
      'feat: b\n\nCo-authored-by: Droid AI\n',
      'feat: c\n\nCo-authored-by: v0 <it+v0agent@vercel.com>\n',
      'fix: plain\n',
    ]);
    expect(refused).toEqual(shas.slice(0, 3).sort());
  });
});
