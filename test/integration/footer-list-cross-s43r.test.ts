// A rule list's crossed-out lines read as the agents' own (session 43, helper r; README row 657): row
// 648 took an item of a list quoting an agent's footer for a quotation only when wrapped (code span,
// quotation marks, strikethrough) or nested under prose, so the public rule lists that mark each forbidden
// line with a cross and no code span (`### Prohibited Patterns` over `- ❌ Co-Authored-By: Claude
// <noreply@anthropic.com>` and `- ❌ Generated with Claude Code`; `- ❌ 🤖 Generated with [Claude Code]` over
// `- ❌ Co-Authored-By: Claude <…>`), quoted since row 638, read as Claude Code's commit again and a
// person's commit adding them was refused under a deny of Anthropic's models. An item after a cross is a
// quotation now; the plain and decoy lists of row 648 are read as there. And (row 658) an item's
// nesting is counted in columns as Markdown counts them, a tab to the next multiple of four: a rule list
// nested with tabs under its line of prose (`* never add the bot notes below` over `\t* 🤖 Generated with …`)
// is nested, as it renders, no longer read as Qwen Code's; items indented two spaces under `-\tfix the
// parser` (text at column four) are its siblings, as they render, and read.
import { describe, expect, it } from 'vitest';
import { type Case, expectLog, refusedBy } from '../helpers/log-cases.js';

const DENY = 'policy:\n  deny: ["anthropic/*", "qwen/*"]\n  unknownModel: deny\n';

const CROSSED: Case[] = [
  ['docs: commit rules\n\n**IMPORTANT**: Do not include AI attribution in commit messages.\n\n### Prohibited Patterns\n- ❌ Co-Authored-By: Claude <noreply@anthropic.com>\n- ❌ Generated with Claude Code\n- ❌ AI-assisted commit\n- ❌ Any AI attribution or signatures\n', []],
  ['docs: commit rules\n\n**NEVER include AI/Claude attribution in commits:**\n\n- ❌ 🤖 Generated with [Claude Code]\n- ❌ Co-Authored-By: Claude <noreply@anthropic.com>\n- ❌ Any other AI attribution or markers\n', []],
  ['docs: rules\n\n- 🚫 🤖 Generated with [Qwen Code](https://github.com/QwenLM/qwen-code)\n- 🚫 Co-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>\n', []],
  ['docs: rules\n\n* never add the bot notes below\n\t* 🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\t* Co-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>\n* that is all\n', []],
  ['docs: rules\n\n1. never add the bot notes below\n\t- Generated with [Qwen Code](https://github.com/QwenLM/qwen-code)\n\t- Assisted-by: qwen-code:qwen/qwen3-coder\n', []],
  ['docs: rules\n\n- ✗ Generated with [Claude Code](https://claude.ai/code)\n- ✗ Assisted-by: qwen-code:qwen/qwen3-coder\n', []],
];

const READ: Case[] = [
  // Row 648's decoys: a plain item beside a footer item is still read, a cross on the decoy alone changes nothing.
  ['feat: parser\n\n- ❌ Generated with [Claude Code](https://claude.ai/code)\n- Assisted-by: qwen-code:qwen/qwen3-coder\n', ['qwen-code:qwen/qwen3-coder']],
  ['feat: parser\n\n- 🤖 Generated with [Claude Code](https://claude.com/claude-code)\n- Co-Authored-By: Claude Opus 4.6 <noreply@anthropic.com>\n', ['claude-code:anthropic/claude-opus-4.6']],
  // Two spaces under an item whose text a tab puts at column four: Markdown's siblings, not nested under it.
  ['feat: parser\n\n-\tfix the parser\n  - 🤖 Generated with [Claude Code](https://claude.com/claude-code)\n  - Co-Authored-By: Claude Opus 4.6 <noreply@anthropic.com>\n', ['claude-code:anthropic/claude-opus-4.6']],
];

describe("a rule list's crossed-out lines (s43r)", () => {
  it('log reads the crossed items of a list quoting a footer as no one, the plain ones beside a decoy as before', () => {
    expectLog([...CROSSED, ...READ]);
  });

  it("check does not refuse the person's rule lists under a deny of the agents", () => {
    const { refused } = refusedBy(DENY, CROSSED.map(([message]) => message));
    expect(refused).toEqual([]);
  });
});
