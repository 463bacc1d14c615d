// The Cursor editor's agent commits with CURSOR_AGENT=1 and no model variable: the model picked in its
// agent panel lives in the editor's SQLite state (`~/.config/Cursor/User/globalStorage/state.vscdb`),
// so a denied model (deepseek-v3.1) committed as `cursor` with no model and passed. Committed for real
// through the installed hooks, the databases built by real SQLite (the newest rows in the WAL).
import { realpathSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked, homeWith } from '../helpers/agent-home.js';
import { cursorUserData, type Composer } from '../helpers/cursor-state.js';
import type { TestRepo } from '../helpers/gitdir.js';
import { hookEnv } from '../helpers/hooks.js';

const MINUTE = 60_000;
const ID = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const DENY = 'policy:\n  deny: ["deepseek/*"]\n';

/** A hooked repository whose HEAD was committed 30 minutes ago. */
function withPrevious(config: string): TestRepo {
  const repo = hooked(config);
  const previous = new Date(Date.now() - 30 * MINUTE).toISOString();
  repo.commit('chore: previous\n', { 'previous.txt': 'x\n' }, { AITRAIL: '0', GIT_AUTHOR_DATE: previous, GIT_COMMITTER_DATE: previous });
  return repo;
}

/** The Cursor editor's agent terminal, its home holding `composers` of the workspace `folder` and `elsewhere` of another. */
function cursorEnv(folder: string, composers: Composer[], elsewhere: Composer[] = []): NodeJS.ProcessEnv {
  const home = homeWith({});
  cursorUserData(home, folder, composers, { filler: 400, elsewhere });
  return hookEnv({ HOME: home, XDG_CONFIG_HOME: undefined, CURSOR_AGENT: '1', CURSOR_EXTENSION_HOST_ROLE: 'agent-exec', CURSOR_INVOKED_AS: undefined, CURSOR_MODEL: undefined, CURSOR_CONFIG_DIR: undefined });
}

describe("the Cursor editor's agent: the models of its composers of this work tree (its state.vscdb)", () => {
  it('deepseek-v3.1 picked in the agent panel: refused under deny deepseek/* with the database and key as evidence, recorded otherwise', () => {
    const denied = withPrevious(DENY);
    const composer = (): Composer[] => [{ id: ID, updated: Date.now() - 2 * MINUTE, model: 'deepseek-v3.1', messages: [['b-1', 'deepseek-v3.1', Date.now() - 3 * MINUTE]] }];
    const refused = agentCommit(denied, cursorEnv(realpathSync(denied.dir), composer()));
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/deepseek.*\(via cursor\) is denied/);
    expect(refused.stderr).toContain(`.config/Cursor/User/globalStorage/state.vscdb cursorDiskKV composerData:${ID} modelConfig.modelName="deepseek-v3.1"`);

    const open = withPrevious('policy: {}\n');
    const recorded = agentCommit(open, cursorEnv(realpathSync(open.dir), composer()));
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toMatch(/^feat: parser\n\nAssisted-by: cursor:deepseek\/deepseek-v3\.1\n$/);
  });

  it("a composer of another workspace, or a message before the previous commit, adds nothing: only this work tree's recent models are recorded", () => {
    const other = withPrevious(DENY);
    const mine: Composer = { id: ID, updated: Date.now() - 2 * MINUTE, model: 'gpt-5', messages: [['b-2', 'gpt-5', Date.now() - 2 * MINUTE]] };
    const theirs: Composer = { id: '11111111-2222-4333-8444-555555555555', updated: Date.now() - MINUTE, model: 'deepseek-v3.1', messages: [['b-1', 'deepseek-v3.1', Date.now() - MINUTE]] };
    const elsewhere = agentCommit(other, cursorEnv(realpathSync(other.dir), [mine], [theirs]));
    expect(elsewhere.status, elsewhere.stderr).toBe(0);
    expect(elsewhere.message).toBe('feat: parser\n\nAssisted-by: cursor:openai/gpt-5\n');

    const stale = withPrevious(DENY);
    const before = agentCommit(stale, cursorEnv(realpathSync(stale.dir), [{ ...mine, messages: [['b-1', 'deepseek-v3.1', Date.now() - 40 * MINUTE], ['b-2', 'gpt-5', Date.now() - 2 * MINUTE]] }]));
    expect(before.status, before.stderr).toBe(0);
    expect(before.message).toBe('feat: parser\n\nAssisted-by: cursor:openai/gpt-5\n');
  });
});
