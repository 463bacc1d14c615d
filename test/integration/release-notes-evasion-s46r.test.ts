// Review of 779 (session 46): a commit by semantic-release's default identity with its release
// subject was read by its subject and the configured trailer key's lines alone. The name and the
// subject are anyone's to give a commit (`git commit --author`, GIT_AUTHOR_*, hooks skipped), so a
// Qwen commit made without the hooks under them read as a person's: its own `Co-authored-by:
// Qwen-Coder` line, `Generated with [Qwen Code]` footer, aider's co-author line, a yes/no key and
// its model, Claude Code's footer after notes-like text all went unread, and `check` and pre-receive
// passed what they refused under any other subject. Now the notes' last item, last paragraph and
// git's trailer block are read whole, and only the notes' breaking-changes sections (the only text
// they quote beyond the released commits' subjects) are read for the trailer key alone.
import { describe, expect, it } from 'vitest';
import { checkJson } from '../helpers/cli.js';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { expectLog } from '../helpers/log-cases.js';

const BOT = { name: 'semantic-release-bot', email: 'semantic-release-bot@martynus.net' };
const BOT_ENV = { GIT_AUTHOR_NAME: BOT.name, GIT_AUTHOR_EMAIL: BOT.email, GIT_COMMITTER_NAME: BOT.name, GIT_COMMITTER_EMAIL: BOT.email };
const HEAD = '## [1.2.3](https://github.com/example/pkg/compare/v1.2.2...v1.2.3) (2026-12-06)\n\n### Features\n\n* add the exporter ([abc1234](https://github.com/example/pkg/commit/abc1234))\n\n';

/** Each under the release subject and the bot's identity: what the commit carries at its end, and what it reads as. */
const CASES: [string, string, string[]][] = [
  ['qwen-coauthor', `${HEAD}Co-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>\n`, ['qwen-code:qwen/unknown']],
  ['qwen-footer', `${HEAD}Generated with [Qwen Code](https://github.com/QwenLM/qwen-code)\n`, ['qwen-code:qwen/unknown']],
  ['aider-coauthor', `${HEAD}Co-authored-by: aider (qwen/qwen3-coder) <aider@aider.chat>\n`, ['aider:qwen/qwen3-coder']],
  ['yes-no-key', `${HEAD}AI-Assisted: yes\nModel: qwen3-coder\n`, ['unknown:qwen/qwen3-coder']],
  ['claude-footer', `${HEAD}🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n`, ['claude-code:unknown']],
  // Before a later item, outside a breaking-changes section: the notes quote only subjects there.
  ['qwen-mid-notes', `${HEAD}Co-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>\n\n### Bug Fixes\n\n* a fix ([def5678](https://github.com/example/pkg/commit/def5678))\n`, ['qwen-code:qwen/unknown']],
  ['no-notes', 'add the exporter\n\nCo-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>\n', ['qwen-code:qwen/unknown']],
];

describe("an agent's own lines under semantic-release's identity and release subject", () => {
  it('reads each as its agent, as under any other subject', () => {
    expectLog(CASES.map(([, body, expected], index) => [`chore(release): 1.2.${index + 3} [skip ci]\n\n${body}`, expected, BOT]));
  });

  it('is refused by check and by pre-receive under deny: ["qwen/*"]', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    work.git(['checkout', '-q', '-b', 'release', 'main']);
    const qwen = CASES.filter(([, , expected]) => expected.some((read) => read.includes('qwen/')));
    const shas = qwen.map(([name, body], index) => work.commit(`chore(release): 1.3.${index} [skip ci]\n\n${body}`, { [`${name}.txt`]: `${name}\n` }, BOT_ENV));
    const { code, json } = checkJson(work.dir, 'main..release');
    expect(code).toBe(1);
    const refused = new Set(json.violations.filter((violation) => violation.severity === 'error').map((violation) => violation.sha));
    expect(shas.filter((sha) => !refused.has(sha))).toEqual([]);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'release']);
    expect(push.code, push.stderr).not.toBe(0);
    for (const sha of shas) expect(push.stderr).toContain(`error   ${sha.slice(0, 12)} `);
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).not.toContain('refs/heads/release');
  });

  it("still reads no one in the notes' earlier items, and reads the last paragraph whole", () => {
    const earlier = `${HEAD}\n### BREAKING CHANGES\n\n* the exporter's config moved\n\nCo-authored-by: Junie <junie@jetbrains.com>\n* the CLI lost --fast\n`;
    expectLog([
      [`chore(release): 2.0.0 [skip ci]\n\n${earlier}\nUse --quick.\n`, [], BOT],
      // A bullet after an agent's line in the last paragraph hides nothing.
      [`chore(release): 2.0.1 [skip ci]\n\n${earlier}`, ['junie:unknown'], BOT],
    ]);
  });
});
