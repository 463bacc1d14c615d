// A person's indented quotation of an agent's footer read as that agent's (session 43, helper i; README row
// 649): row 640 read past up to three spaces before a footer's words, so a plain-text message quoting
// the footer its script used to add, indented two or three spaces as people quote in commit messages, read
// as Claude Code's or Gemini CLI's commit, refused under a deny of their models. One space (the robot a
// paste dropped, its space kept) is still read; two or more are a quotation.
import { describe, expect, it } from 'vitest';
import { type Case, expectLog, refusedBy } from '../helpers/log-cases.js';

const QUOTES: Case[] = [
  ['chore: drop the footer\n\nRemove the footer our old script added:\n\n  🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nIt is noise.\n', []],
  ['chore: drop the footer\n\nOur template used to end with\n\n   Generated with [Gemini CLI](https://github.com/google-gemini/gemini-cli)\n\nwhich we remove here.\n', []],
];

describe("an indented quotation of an agent's footer (s43i)", () => {
  it('log reads two or three spaces as a quotation, one as the footer a paste kept', () => {
    expectLog([
      ...QUOTES,
      ["docs: x\n\n- Introduce a new section.\n\n Generated with [Gemini CLI](https://github.com/google-gemini/gemini-cli)\n", ['gemini-cli:unknown']],
    ]);
  });

  it("check does not refuse the person's quotations under a deny of the agents", () => {
    const { refused } = refusedBy('policy:\n  deny: ["anthropic/*", "google/*"]\n  unknownModel: deny\n', QUOTES.map(([message]) => message));
    expect(refused).toEqual([]);
  });
});
