// Session 54 helper m (row 1143): Claude Code's plain footer as the documents it writes end it (a model in
// parentheses `🤖 Generated with Claude Code (claude-sonnet-4-5)`, the link after a dash `Generated with Claude Code -
// https://claude.com/claude-code`, the link without its scheme `(claude.ai/code)`, the line in emphasis `_…_`,
// `**[AI] …**`) was read as no one's: row 1127 widened the plain footer to `(https://…)` only. Found reviewing helper
// d's footers against the public forms the search index holds (stored files 7262809796, 12035065331, 67114138783,
// 29283926120, 1375646706, 39151180521, 66592862044; the corpus's s54m entries). Each is read now, with the model it
// names; a tool that is no AI, a version in parentheses of one, prose and a quoted or indented footer stay people's.
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';
import { expectLog } from '../helpers/log-cases.js';

const DASH_LINK = 'docs: multi-environment deployment strategy\n\nDescribe the three environments and their boundaries.\n\nGenerated with Claude Code - https://claude.com/claude-code\n';
const MODEL_IN_PARENS = 'docs: reorganise the repository\n\nChapter 1 is publication-ready.\n\n\u{1F916} Generated with Claude Code (claude-sonnet-4-5)\n';
const NO_SCHEME = 'docs: N8N workflow migration guide\n\nGenerated with Claude Code (claude.ai/code)\n';

describe("Claude Code's plain footer as its documents write it (row 1143)", () => {
  it('log reads the dash link, the model in parentheses, the link without scheme and the emphasised forms; people\'s lines stay people\'s', () => {
    expectLog([
      [DASH_LINK, ['claude-code:unknown']],
      [MODEL_IN_PARENS, ['claude-code:anthropic/claude-sonnet-4.5']],
      [NO_SCHEME, ['claude-code:unknown']],
      ['fix: a\n\n_Generated with Claude Code - https://claude.com/claude-code_\n', ['claude-code:unknown']],
      ['fix: b\n\n**[AI] Generated with Claude Code - https://claude.com/claude-code**\n', ['claude-code:unknown']],
      ['fix: c\n\n*Generated with Claude Code (claude-opus-4-6)*\n', ['claude-code:anthropic/claude-opus-4.6']],
      ['fix: d\n\n**Generated with Claude Code (claude-sonnet-4-5)**\n', ['claude-code:anthropic/claude-sonnet-4.5']],
      ['fix: e\n\nGenerated with Claude Code (claude.com/claude-code)\n', ['claude-code:unknown']],
      // People's: tools that are no AI with a link, a bare domain or a version; prose in parentheses; a quoted, an indented and a listed footer.
      ['docs: f\n\nGenerated with Sphinx - https://www.sphinx-doc.org\n', []],
      ['docs: g\n\nGenerated with Hugo (gohugo.io)\n', []],
      ['docs: h\n\n*Generated with Doxygen (1.9.8)*\n', []],
      ['docs: i\n\nGenerated with mkdocs-material (squidfunk.github.io/mkdocs-material)\n', []],
      ['docs: j\n\nGenerated with Claude Code (see docs)\n', []],
      ['docs: k\n\nDo not include "Generated with Claude Code" footers in commit messages.\n', []],
      ['Revert "feat: x"\n\nThis reverts commit 1234567890abcdef1234567890abcdef12345678.\n\n> Generated with Claude Code - https://claude.com/claude-code\n', []],
      ['docs: l\n\nNever add:\n\n    Generated with Claude Code (claude-sonnet-4-5)\n', []],
      ['chore: release 1.2\n\n- Generated with Claude Code - https://claude.com/claude-code footer dropped\n', []],
    ]);
  }, 120_000);

  it('check and pre-receive refuse them under a deny of Anthropic and unknownModel: deny; a tool that is no AI passes', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["anthropic/*"]\n  unknownModel: deny\n');
    expectEachRefused(remote, work, { dash: DASH_LINK, model: MODEL_IN_PARENS, scheme: NO_SCHEME }, (found, name) => {
      if (name === 'model') expect(found, name).toContain('anthropic/claude-sonnet-4.5');
    });
    expectEachPasses(work, ['docs: a\n\nGenerated with Sphinx - https://www.sphinx-doc.org\n', 'docs: b\n\nGenerated with Hugo (gohugo.io)\n']);
  }, 240_000);
});
