// A decoy footer item hid a list's declarations (session 43, helper i; README row 648): row 638 read
// a list holding an agent's footer as an item as a quotation, and every key line of it as quoted; so an
// agent's real co-author line or aitrail's own declaration written as a plain list item beside one footer
// item (`- 🤖 Generated with [Claude Code](…)` over `- Co-Authored-By: Claude <noreply@anthropic.com>`) named
// no one, and check and the server's pre-receive passed it under a deny of the agent's models. Only an item
// shown as a quotation (wrapped in a code span, quotation marks or a strikethrough, or nested under an item
// of prose) is taken for one now; the public policy lists row 638 quotes stay no one's.
import { describe, expect, it } from 'vitest';
import { expectEachRefused, policyServer } from '../helpers/enforce-repos.js';
import { type Case, expectLog, refusedBy } from '../helpers/log-cases.js';

const DENY = 'policy:\n  deny: ["anthropic/*", "qwen/*"]\n';
const CLAUDE_FOOTER = '🤖 Generated with [Claude Code](https://claude.com/claude-code)';

const DECOYS: Case[] = [
  // The agent's own footer and co-author line, written as a list.
  [`feat: parser\n\n- ${CLAUDE_FOOTER}\n- Co-Authored-By: Claude Opus 4.6 <noreply@anthropic.com>\n`, ['claude-code:anthropic/claude-opus-4.6']],
  // One quoted decoy item in a change list that holds the real co-author line.
  ['feat: parser\n\nChanges:\n- fix the parser\n- `Generated with [Claude Code](https://claude.ai/code)`\n- Co-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>\n', ['qwen-code:qwen/unknown']],
  // aitrail's own declaration beside a decoy footer.
  ['feat: parser\n\n- Generated with [Claude Code](https://claude.ai/code)\n- Assisted-by: qwen-code:qwen/qwen3-coder\n', ['qwen-code:qwen/qwen3-coder']],
  // Indented one space under an item of prose: Markdown's sibling, not an item nested under it.
  [`feat: parser\n\n- fix the parser\n - ${CLAUDE_FOOTER}\n - Co-Authored-By: Claude Opus 4.6 <noreply@anthropic.com>\n`, ['claude-code:anthropic/claude-opus-4.6']],
  // Qwen Code's footer and co-author line as a list, then git's trailer block.
  ['feat: parser\n\n* 🤖 Generated with [Qwen Code](https://github.com/QwenLM/qwen-code)\n* Co-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>\n\nSigned-off-by: Jane Doe <jane@example.com>\n', ['qwen-code:qwen/unknown']],
];

const QUOTED: Case[] = [
  // Still quotations: wrapped items, and items nested under a rule of prose.
  ['docs: rules\n\n- `Generated with [Claude Code](https://claude.ai/code)`\n- `Co-Authored-By: Claude <noreply@anthropic.com>`\n', []],
  ['docs: rules\n\n- ❌ "🤖 Generated with [Claude Code](https://claude.ai/code)"\n- ❌ ~~Co-Authored-By: Claude <noreply@anthropic.com>~~\n', []],
  ['docs: rules\n\n* never add the bot notes below\n  * 🤖 Generated with [Claude Code](https://claude.com/claude-code)\n  *  Co-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>\n* that is all\n', []],
];

describe('a decoy footer item in a list (s43i)', () => {
  it('log reads the declarations beside it, and the quoting lists as no one', () => {
    expectLog([...DECOYS, ...QUOTED]);
  });

  it('check and pre-receive refuse each decoy under a deny of the agents, and pass the quoting lists', () => {
    const { remote, work } = policyServer(DENY);
    expectEachRefused(remote, work, Object.fromEntries(DECOYS.map(([message], at) => [`decoy-${at}`, message])));
    const { refused } = refusedBy(DENY, QUOTED.map(([message]) => message));
    expect(refused).toEqual([]);
  });
});
