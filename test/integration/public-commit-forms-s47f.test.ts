// Misreadings found replaying public commit text (session 47, attribution corpus `s47f-*` entries):
// - row 821: GitHub Code Quality's Copilot Autofix suggestion, accepted as a commit, carries
//   `Co-authored-by: Copilot Autofix powered by AI <223894421+github-code-quality[bot]@…>`
//   (bytedance/deer-flow's squash merge quotes it). Only the code-scanning account
//   (`github-advanced-security[bot]`) and Copilot's own were read, so the fix read as a person's and a
//   squash merge holding it named Claude alone. The name is still required: the bot's account alone
//   posts CodeQL's findings and coverage comments, which write no code.
// - row 822: agents' co-author names a project's rules give them read as people: `Goose AI Assistant`
//   (with `<goose@block.xyz>` or no address) and `Augment AI <ai@augmentcode.com>`.
import { describe, expect, it } from 'vitest';
import { expectLog, refusedBy } from '../helpers/log-cases.js';

const AUTOFIX_QUALITY = 'Copilot Autofix powered by AI <223894421+github-code-quality[bot]@users.noreply.github.com>';

describe("GitHub Code Quality's Copilot Autofix (row 821)", () => {
  it('reads the accepted suggestion as Copilot, alone and in a squash merge beside Claude', () => {
    expectLog([
      [`Potential fix for pull request finding 'Statement has no effect'\n\nCo-authored-by: ${AUTOFIX_QUALITY}\n`, ['copilot:unknown']],
      [
        `feat(persistence): persist runs (#1851)\n\n* style: apply ruff format\n\n---------\n\nCo-authored-by: Claude Opus 4.6 (1M context) <noreply@anthropic.com>\nCo-authored-by: ${AUTOFIX_QUALITY}\nCo-authored-by: Willem Jiang <willem.jiang@gmail.com>\n`,
        ['claude-code:anthropic/claude-opus-4.6', 'copilot:unknown'],
      ],
    ]);
  });

  it("keeps the account's other names and its comments no one's", () => {
    expectLog([
      ['chore: coverage\n\nCo-authored-by: github-code-quality[bot] <223894421+github-code-quality[bot]@users.noreply.github.com>\n', []],
      ['Coverage report\n', [], { name: 'github-code-quality[bot]', email: '223894421+github-code-quality[bot]@users.noreply.github.com' }],
      ['fix: a\n\nCo-authored-by: Jane Autofix <223894421+github-code-quality[bot]@users.noreply.github.com>\n', []],
    ]);
  });

  it('refuses it under unknownModel: deny', () => {
    const { refused, shas } = refusedBy('policy:\n  unknownModel: deny\n', [`fix: a\n\nCo-authored-by: ${AUTOFIX_QUALITY}\n`, 'fix: plain\n']);
    expect(refused).toEqual([shas[0]]);
  });
});

describe("agents' names from projects' rules (row 822)", () => {
  it('reads Goose AI Assistant and Augment AI as their agents', () => {
    expectLog([
      ['docs: consolidate the demo guide\n\nCo-authored-by: Goose AI Assistant <goose@block.xyz>\n', ['goose:unknown']],
      ['docs: archive old demo guides\n\nCo-authored-by: Goose AI Assistant\n', ['goose:unknown']],
      ['feat: b\n\nCo-authored-by: Goose AI <goose@block.xyz>\n', ['goose:unknown']],
      ['perf: cache chart rendering\n\nCo-authored-by: Augment AI <ai@augmentcode.com>\n', ['augment:unknown']],
    ]);
  });

  it("keeps people of those names, and other addresses, people's", () => {
    expectLog([
      ['fix: a\n\nCo-authored-by: Anna Augment <ai@augmentcode.com>\n', []],
      // Row 882: an agent's whole name is no person's at any address (`Claude Code <bot@example.com>`).
      ['fix: b\n\nCo-authored-by: Augment AI <ai@example.com>\n', ['augment:unknown']],
      ['fix: c\n\nCo-authored-by: Goose AI Assistant <goose@example.org>\n', ['goose:unknown']],
      ['fix: d\n\nCo-authored-by: Goose\n', []],
    ]);
  });
});
