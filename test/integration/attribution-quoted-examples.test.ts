import { describe, expect, it } from 'vitest';
import { expectLog, type Case } from '../helpers/log-cases.js';

/**
 * A person's commit that shows a trailer as an example: the commits that teach checkpatch the
 * kernel's `Assisted-by:` tag quote it ("an "Agent:Model" notation ..., for example:" above
 * `Assisted-by: GitHub Copilot:claude-sonnet-4.6`: lkml 2603.0/05068, patchew 20260302143659), a
 * project's commit documenting its rule ("add a tag like:"), a commit-lint rule's commit ("Commits
 * must carry one of:"), a line inside a sentence ("The fixture messages end with / Co-Authored-By:
 * Claude <…> / and are parsed"). Written flush left (not indented, not fenced), outside git's
 * trailer block, each read as the agent's evidence: `log` counted the documenting commit as AI.
 */
const EXAMPLES: Case[] = [
  ['checkpatch: accept the Assisted-by: tag\n\nThe tag uses an "Agent:Model" notation rather than a name and address,\nfor example:\nAssisted-by: GitHub Copilot:claude-sonnet-4.6\n\ncheckpatch.pl currently warns about it.\n\nSigned-off-by: Jane Doe <jane@example.com>\n', []],
  ['Documentation: AI coding assistants\n\nContributors who use AI tools should add a tag like:\nAssisted-by: Claude:claude-3-opus coccinelle sparse\nto the changelog of the patch.\n\nSigned-off-by: Jane Doe <jane@example.com>\n', []],
  ['docs: the attribution trailer\n\nThe format is, e.g.:\n\nCo-authored-by: Cursor <cursoragent@cursor.com>\n\nwhen Cursor wrote part of the change.\n', []],
  ['test: fixtures for the trailer parser\n\nThe fixture messages end with\nCo-Authored-By: Claude <noreply@anthropic.com>\nand are parsed by the new code.\n', []],
  // An agent's footer shown the same way (commits adding "no attribution" rules to CLAUDE.md and AGENTS.md, hooks that strip it).
  ['docs(CLAUDE.md): no attribution footers\n\nDo not add footers such as:\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nThe maintainers asked for none.\n', []],
  ['docs(AGENTS.md): no attribution\n\nNever end a commit with lines like:\nGenerated with Claude Code\nCo-Authored-By: Claude <noreply@anthropic.com>\n\nThey are stripped by the hook.\n', []],
  ['docs: commit conventions\n\nExamples of accepted footers:\nMade-with: Cursor\nAssisted-by: qwen-code:qwen3-coder\n\nSee CONTRIBUTING.md.\n', []],
];

/** A declaration after a lead line, a squash merge's co-authors, and the trailer block are read as before. */
const DECLARED: Case[] = [
  ['feat: the cache (#12)\n\n* feat: the cache\n* test: the cache\n\nAI disclosure:\nAssisted-by: qwen-code:qwen3-coder\n\nReviewed the output by hand.\n', ['qwen-code:qwen/qwen3-coder']],
  ['feat: the cache (#13)\n\n* feat: the cache\nCo-authored-by: Claude <noreply@anthropic.com>\n* test: the cache\n\nThanks all.\n', ['claude-code:unknown']],
  ['feat: the cache\n\nFor example:\nAssisted-by: qwen-code:qwen3-coder\nSigned-off-by: Jane Doe <jane@example.com>\n', ['qwen-code:qwen/qwen3-coder']],
  ['feat: the cache (#14)\n\nAdds a cache.\n\nAI tools used (e.g. Copilot, Claude):\nAssisted-by: qwen-code:qwen3-coder\n\nTested by hand.\n', ['qwen-code:qwen/qwen3-coder']],
  ['feat: the cache\n\nCo-authored-by: Claude <noreply@anthropic.com>\nfixed the tests.\n', ['claude-code:unknown']],
  ['feat: the cache\n\nChanges, for example:\n- the cache\n- its tests\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n', ['claude-code:unknown']],
  ['feat: the cache\n\nSummary\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n', ['claude-code:unknown']],
];

describe('a trailer shown as an example in a person\'s prose', () => {
  it('is no declaration; a lead line that asks for none, a squash merge\'s co-authors and the trailer block are read as before', () => {
    expectLog([...EXAMPLES, ...DECLARED]);
  });
});
