import { describe } from 'vitest';
import { expectLog, type Case } from '../helpers/log-cases.js';

/**
 * Row 267: a Claude Code session's id as a trailer. Mergify's CLI stack hooks add `Claude-Session-Id:
 * <id>` to each commit made in a Claude Code session (Mergifyio/mergify-cli's stack tests: "a commit
 * gets a Claude-Session-Id when env var is set"); jjagent, a Claude Code plugin, keeps each session's
 * edits in a change described `jjagent: session <id>` with `Claude-session-id: <uuid>` (and
 * `Claude-precommit-session-id:`, schpet/jjagent src/session.rs); turbocommit commits each Claude Code
 * or Codex turn with `Turbocommit-Session: <id>` and a co-author it may leave out (searlsco/turbocommit).
 * Each read as a person's commit.
 */
const SESSIONS: Case[] = [
  ['Commit with session ID\n\nClaude-Session-Id: 5f3b2c1a-9d4e-4f6a-8b7c-1e2d3f4a5b6c\n', ['claude-code:unknown']],
  ['jjagent: session abcd1234\n\nClaude-session-id: abcd1234-5678-90ab-cdef-1234567890ab\n', ['claude-code:unknown']],
  ['jjagent: precommit abcd1234\n\nClaude-precommit-session-id: abcd1234-5678-90ab-cdef-1234567890ab\n', ['claude-code:unknown']],
  ['Add a login form\n\nPrompt:\nAdd a login form to the settings page\n\nTurbocommit-Session: 0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\n', ['unknown:unknown']],
  ['Add a login form\n\nTurbocommit-Session: 0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\n\nCo-Authored-By: gpt-5.5 <noreply@openai.com>\n', ['codex:openai/gpt-5.5']],
  // Prose about the trailer is a person's.
  ['Read the Claude-Session-Id trailer in stacks\n\nThe hook copies Claude-Session-Id: from the old message on amend.\n', []],
];

describe('row 267: a Claude Code session id as a trailer', () => {
  it('log reads Mergify\'s and jjagent\'s `Claude-Session-Id` as Claude Code and turbocommit\'s session as an agent\'s', () => {
    expectLog(SESSIONS);
  });
});
