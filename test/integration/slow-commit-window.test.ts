// A new commit whose commit-msg hook runs more than 2 s after git took its author date (a message
// edited in an editor, `git commit -e`; slow hooks on a loaded machine) carries a date git did not
// take "now", the one sign of an amend a hook has. commit-msg took it for an amend on that sign
// alone, so the session window (row 375) opened at HEAD's parent: models an agent's session used
// before HEAD, already HEAD's, were recorded on the new commit too, and an honest commit was refused
// under a deny. An amend is now told by HEAD's author kept exactly (name, email and date), as the
// carried trailers (row 330) already were. Committed for real through the installed hooks.
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked, homeWith } from '../helpers/agent-home.js';
import { hookEnv } from '../helpers/hooks.js';

const SESSION = '5b2e8c41-7d3a-4e9f-8a1b-0c6d2f4e7a95';
const EVENTS = `.copilot/session-state/${SESSION}/events.jsonl`;

function event(type: string, data: object, timestamp: string): string {
  return `${JSON.stringify({ type, data, id: `${type}-${timestamp}`, timestamp, parentId: null })}\n`;
}

/** Copilot CLI's session: gpt-5, a turn on Claude between the parent and HEAD, gpt-5 again. */
const SWITCHED_BEFORE_HEAD =
  event('session.start', { sessionId: SESSION, selectedModel: 'gpt-5', context: {} }, '2026-01-01T09:00:00.000Z') +
  event('session.model_change', { previousModel: 'gpt-5', newModel: 'claude-sonnet-4.5' }, '2026-01-01T11:00:00.000Z') +
  event('session.model_change', { previousModel: 'claude-sonnet-4.5', newModel: 'gpt-5' }, '2026-01-01T11:10:00.000Z');

/** A hooked repository whose HEAD (12:00) and its parent (10:00) were made by hand on 2026-01-01, under `deny: ["anthropic/*"]`. */
function repoWithHead() {
  const repo = hooked('policy:\n  deny: ["anthropic/*"]\n');
  for (const [name, at] of [['parent', '2026-01-01T10:00:00Z'], ['head', '2026-01-01T12:00:00Z']] as const) {
    repo.commit(`chore: ${name}\n`, { [`${name}.txt`]: `${name}\n` }, { AITRAIL: '0', GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at });
  }
  return repo;
}

describe('a new commit whose commit-msg runs late is no amend', () => {
  it('a message edited for 3 s: the window opens at HEAD, not its parent; a real amend still opens at the parent', () => {
    const repo = repoWithHead();
    const env = hookEnv({ HOME: homeWith({ [EVENTS]: SWITCHED_BEFORE_HEAD }), COPILOT_CLI: '1', COPILOT_AGENT_SESSION_ID: SESSION, GIT_EDITOR: 'sleep 3; :' });
    const edited = agentCommit(repo, env, 'feat: parser\n', ['-e']);
    expect(edited.stderr).not.toContain('claude');
    expect(edited.status, edited.stderr).toBe(0);
    expect(edited.message).toBe('feat: parser\n\nAssisted-by: copilot:openai/gpt-5\n');

    // The amend of a commit made at 12:00, amended now: git keeps its author date, the window
    // reaches back to its parent (10:00), and the Claude turn of 11:00 is the amended work's.
    const amendRepo = repoWithHead();
    const amended = agentCommit(amendRepo, { ...env, GIT_EDITOR: ':' }, 'feat: parser\n', ['--amend']);
    expect(amended.status).not.toBe(0);
    expect(amended.stderr).toContain('claude-sonnet-4.5');
  });
});
