// Session 38 (a): agents' identities seen in public text that aitrail did not read, and the people
// whose names or addresses look like agents', who must stay people. Each commit is made in a real
// repository and read by `aitrail log --format json`. The first test failed before its fix.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

type Case = readonly [authorName: string, authorEmail: string, message: string, expected: string];

/** Each case committed in one repository, in order; what log reads for each (`agent:model`, '' for no AI). */
function readEach(cases: readonly Case[]): string[] {
  const repo = makeRepo();
  cases.forEach(([name, email, message], at) => repo.commit(message, { [`f${at}.txt`]: `${at}\n` }, { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email }));
  const log = aitrail(repo.dir, ['log', '--format', 'json', '--no-notes']);
  expect(log.code, log.stderr).toBe(0);
  const read = (JSON.parse(log.stdout) as { attributions: { agent: string; model: string }[] }[]).reverse();
  return read.map((commit) => commit.attributions.map((found) => `${found.agent}:${found.model}`).join(','));
}

const expectRead = (cases: readonly Case[]) => {
  const read = readEach(cases);
  cases.forEach(([name, email, message, expected], at) => expect(read[at], `${name} <${email}> ${JSON.stringify(message)}`).toBe(expected));
};

describe("agents' identities from public text (session 38 a)", () => {
  it('reads Cursor AI at cursor@cursor.sh, Claude Code at claude@anthropic.com and iFlow CLI at noreply@iflow.cn', () => {
    expectRead([
      // Projects' AI attribution rules and commit templates; a detector's tests (`identifyAITool("Cursor AI <cursor@cursor.sh>")`).
      ['Jane Doe', 'jane@example.com', 'a\n\nCo-authored-by: Cursor AI <cursor@cursor.sh>\n', 'cursor:unknown'],
      ['Cursor AI', 'cursor@cursor.sh', 'b\n', 'cursor:unknown'],
      ['Jane Doe', 'jane@example.com', 'c\n\nCo-authored-by: Cursor <cursor@cursor.com>\n', 'cursor:unknown'],
      // Commits authored by it, quoted from `git log` in public notes; projects' co-author rules.
      ['Claude Code', 'claude@anthropic.com', 'd\n', 'claude-code:unknown'],
      ['Jane Doe', 'jane@example.com', 'e\n\nCo-authored-by: Claude Code <claude@anthropic.com>\n', 'claude-code:unknown'],
      // The @ai-coding-workshop/commit-msg hook's Co-developed-by line under IFLOW_CLI=1.
      ['Jane Doe', 'jane@example.com', 'f\n\nCo-developed-by: iFlow <noreply@iflow.cn>\n', 'iflow-cli:unknown'],
      ['Jane Doe', 'jane@example.com', 'g\n\nAssisted-by: iFlow CLI\n', 'iflow-cli:unknown'],
    ]);
  });

  it("reads Augment at augment@augmentcode.com, the GitHub apps of Cline's cloud and JetBrains Junie, Windsurf at codeium.ai", () => {
    expectRead([
      // Projects' commit rules (`Co-authored-by: Augment <augment@augmentcode.com>`) and commit texts.
      ['Jane Doe', 'jane@example.com', 'a\n\nCo-authored-by: Augment Agent <augment@augmentcode.com>\n', 'augment:unknown'],
      ['Jane Doe', 'jane@example.com', 'b\n\nCo-authored-by: Augment <augment@augmentcode.com>\n', 'augment:unknown'],
      // Cline's cloud sandbox commits as its GitHub app (`git -c user.name=cline-cloud[bot] … commit`).
      ['cline-cloud[bot]', 'cline-cloud[bot]@users.noreply.github.com', 'c\n', 'cline:unknown'],
      ['Jane Doe', 'jane@example.com', 'd\n\nCo-authored-by: cline-cloud[bot] <276134852+cline-cloud[bot]@users.noreply.github.com>\n', 'cline:unknown'],
      // Junie's GitHub app, author of pull requests and commits in public changelogs.
      ['jetbrains-junie[bot]', '201638009+jetbrains-junie[bot]@users.noreply.github.com', 'e\n', 'junie:unknown'],
      // A project's commit rules quoting Windsurf's line at codeium.ai (stored file 5851720423).
      ['Jane Doe', 'jane@example.com', 'i\n\nCo-authored-by: Windsurf <windsurf@codeium.ai>\n', 'windsurf:unknown'],
      ['Sam Chen', 'sam@codeium.ai', 'j\n', ''],
      // A person at that mailbox, and the logins without `[bot]` (people's accounts): no AI.
      ['Anna Augment', 'augment@augmentcode.com', 'f\n', ''],
      ['cline-cloud', 'cline-cloud@users.noreply.github.com', 'g\n', ''],
      ['jetbrains-junie', '12345+jetbrains-junie@users.noreply.github.com', 'h\n', ''],
    ]);
  });

  it('leaves people alone: agent-like names, vendors\' staff, other mailboxes at the agents\' domains', () => {
    expectRead([
      ['Amp Patel', 'amp.patel@ampcode.com', 'a\n', ''],
      ['Amp', 'amp@example.com', 'b\n', ''],
      ['Devin Smith', 'devin.smith@cognition.ai', 'c\n', ''],
      ['Jules Verne', 'jules.verne@google.com', 'd\n', ''],
      ['Jules', 'jules@example.fr', 'e\n', ''],
      ['Sam Lin', 'sam@warp.dev', 'f\n', ''],
      ['Graham N', 'graham@all-hands.dev', 'g\n', ''],
      ['Junie Moon', 'junie.moon@jetbrains.com', 'h\n', ''],
      ['Zed Shaw', 'zed@zedshaw.com', 'i\n', ''],
      ['Nathan S', 'nathan@zed.dev', 'j\n', ''],
      ['Trae Young', 'trae@example.com', 'k\n', ''],
      ['Roo Smith', 'roo@roocode.com', 'l\n', ''],
      ['Cascade Wu', 'cascade.wu@windsurf.com', 'm\n', ''],
      ['Goose Hunter', 'goose@example.com', 'n\n', ''],
      ['Matan G', 'matan@factory.ai', 'o\n', ''],
      ['Droid Fan', 'droid@example.com', 'p\n', ''],
      ['Guy G', 'guy@augmentcode.com', 'q\n', ''],
      ['Michael T', 'michael@cursor.sh', 'r\n', ''],
      ['Cursor Fan', 'cursor.fan@cursor.sh', 's\n', ''],
      ['Claude Shannon', 'claude@anthropic.com', 't\n', ''],
      ['Claude Code', 'claude.code@example.com', 'u\n', ''],
      ['Binyuan H', 'binyuan@qwen.ai', 'v\n', ''],
      ['Jane Wu', 'noreply@iflow.cn', 'w\n', ''],
      ['Jane Doe', 'jane@example.com', 'x\n\nCo-authored-by: Amp Patel <amp.patel@ampcode.com>\n', ''],
      ['Jane Doe', 'jane@example.com', 'y\n\nCo-authored-by: Devin Smith <devin@cognition.ai>\n', ''],
      ['Jane Doe', 'jane@example.com', 'z\n\nCo-authored-by: Jules Verne <jules@google.com>\n', ''],
      ['Jane Doe', 'jane@example.com', 'aa\n\nCo-authored-by: Matt Pauly <mpauly@augmentcode.com>\n', ''],
      ['Jane Doe', 'jane@example.com', 'ab\n\nCo-authored-by: Matan G <matan@factory.ai>\n', ''],
      ['Jane Doe', 'jane@example.com', 'ac\n\nCo-authored-by: Michael T <michael@cursor.sh>\n', ''],
      ['Jane Doe', 'jane@example.com', 'ad\n\nCo-authored-by: Claude Shannon <claude@anthropic.com>\n', ''],
      ['Jane Doe', 'jane@example.com', 'ae\n\nCo-authored-by: Warp Lee <warp.lee@warp.dev>\n', ''],
      ['Jane Doe', 'jane@example.com', 'af\n\nCo-authored-by: iFlow <support@iflow.cn>\n', ''],
      // SAP Cloud Integration's iFlows: prose, no declaration.
      ['Jane Doe', 'jane@example.com', 'Update the order iFlow\n\nThe iFlow now maps the customer id.\n', ''],
    ]);
  });
});
