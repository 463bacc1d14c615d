// Public commit text read wrong (session 43, helper h; README rows 638..3): a policy's or style guide's
// list quoting agents' footers and co-author lines (`NEVER include these in commit messages:` over
// `- ❌ \`Co-Authored-By: Claude <noreply@anthropic.com>\``) read as that agent's co-author; the model an
// OpenCode signature plugin names after the footer (`🤖 Generated with [OpenCode](https://opencode.ai) (Claude
// 3.5 Sonnet)`) read as unknown, so a deny of the model passed it; and Gemini CLI's footer pasted without
// its robot (` Generated with [Gemini CLI](https://github.com/google-gemini/gemini-cli)`) read as no one's.
import { describe, expect, it } from 'vitest';
import { type Case, expectLog, refusedBy } from '../helpers/log-cases.js';

const CASES: Case[] = [
  // A list quoting a footer as an item of its own quotes the signatures beside it: no one's co-author.
  ['docs: commit message guide\n\n## What NOT to Include:\n\n- `Generated with [Claude Code](https://claude.ai/code)`\n- `Co-Authored-By: Claude <noreply@anthropic.com>`\n- Any references to AI assistance\n- `Generated with [opencode](https://opencode.ai)`\n- `Co-Authored-By: opencode <noreply@opencode.ai>`\n', []],
  ['docs: commit のルールを追加\n\ncommit\n* commit は以下のようにどのボットを使ったかに関する注釈メッセージを含めないで\n  * 🤖 Generated with [Claude Code](https://claude.com/claude-code)\n  *  Co-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>\n* commit するといったら全て対象\n', []],
  ['chore: project setup rules\n\n**NEVER include these in commit messages:**\n- ❌ `🤖 Generated with [Claude Code](https://claude.ai/code)`\n- ❌ `Co-Authored-By: Claude <noreply@anthropic.com>`\n- ❌ Any Claude Code signatures or attributions\n', []],
  // Read as before: a list of co-authors with no footer among its items, a ticked tool under a disclosure, and the trailer block under a quoting list.
  ['feat: pair work\n\n- Co-authored-by: Claude <noreply@anthropic.com>\n', ['claude-code:unknown']],
  ['Add the review (#6)\n\n- [x] This PR was generated or assisted using an AI tool\n  - Assisted-by: Jules\n', ['jules:google/unknown']], // row 944
  ['docs: rules\n\n- `Generated with [Claude Code](https://claude.ai/code)`\n- `Co-Authored-By: Claude <noreply@anthropic.com>`\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', ['qwen-code:qwen/qwen3-coder']],
  // The model an OpenCode signature names after its footer; a name that is no model stays unknown.
  ['feat: add new feature\n\n🤖 Generated with [OpenCode](https://opencode.ai) (Claude 3.5 Sonnet)\n', ['opencode:anthropic/claude-3.5-sonnet']],
  ['feat(api): paginate\n\n🤖 Generated with [OpenCode](https://opencode.ai) (Kimi K2.5)\n', ['opencode:moonshotai/kimi-k2.5']],
  ['chore: bump\n\n🤖 Generated with [OpenCode](https://opencode.ai) (Unknown Model)\n', ['opencode:unknown']],
  // A footer whose robot a paste dropped, its space kept (and without the space, as before); four spaces are a code block.
  ["docs: Add 'How to Use' section to README\n\n- Introduce a new section.\n\n Generated with [Gemini CLI](https://github.com/google-gemini/gemini-cli)\n", ['gemini-cli:unknown']],
  ['docs: x\n\nGenerated with [Gemini CLI](https://github.com/google-gemini/gemini-cli)\n', ['gemini-cli:unknown']],
  ['docs: the footer\n\n    Generated with [Gemini CLI](https://github.com/google-gemini/gemini-cli)\n', []],
  ['docs: x\n\nGenerated with [Sphinx](https://github.com/sphinx-doc/sphinx)\n', []],
];

describe('public commit forms (s43h)', () => {
  it('log reads each as its text shows', () => {
    expectLog(CASES);
  });

  it("check does not refuse a person's policy lists under a deny of the agents they quote", () => {
    const { refused } = refusedBy('policy:\n  deny: ["anthropic/*", "qwen/*"]\n', CASES.slice(0, 3).map(([message]) => message));
    expect(refused).toEqual([]);
  });

  it('check refuses the model an OpenCode signature names under a deny of it', () => {
    const { refused, shas } = refusedBy('policy:\n  deny: ["anthropic/*"]\n', [CASES[6]![0]]);
    expect(refused).toEqual(shas);
  });
});
