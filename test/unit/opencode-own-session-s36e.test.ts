// OpenCode 1.2+ (and Kilo CLI) keep every session of a work tree in one database; each assistant
// message records the directory OpenCode was started in (`path.cwd`, `Instance.directory`). Without a
// session id, the newest assistant message of the work tree named the running session: OpenCode
// started in packages/app had its Qwen answer hidden by a newer answer of another OpenCode at the top.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { opencodeSessionModels } from '../../src/agent-settings/opencode-session.js';
import { opencodeDb, placeFixture, type OpencodeRow } from '../helpers/opencode-db.js';

const fixture = () => placeFixture('aitrail-opencode-own-s36e-');

/** An assistant message of `session` run by `model` in `cwd` of the work tree `root`, `ago` minutes ago. */
function answer(id: string, session: string, root: string, cwd: string, model: string, ago: number): OpencodeRow {
  const [providerID, ...rest] = model.split('/');
  return { id, session, data: { role: 'assistant', providerID, modelID: rest.join('/'), path: { cwd, root }, time: { created: Date.now() - ago * 60_000 } } };
}

describe("OpenCode's running session in its database, with its own directory known", () => {
  it("the newest session run in OpenCode's own directory, else the work tree's newest as before", () => {
    const { base, root, at } = fixture();
    const app = join(root, 'packages/app');
    opencodeDb(join(base, 'home/.local/share/opencode/opencode.db'), [answer('msg_a00001', 'ses_app', root, app, 'openrouter/qwen/qwen3-coder', 5), answer('msg_a00002', 'ses_top', root, root, 'anthropic/claude-sonnet-4-5', 1)], { worktree: root });
    const models = (cwd?: string) => opencodeSessionModels(at(), true, '/proc', undefined, cwd).map((found) => found.model);
    expect(models(app)).toEqual(['openrouter/qwen/qwen3-coder']);
    expect(models(root)).toEqual(['anthropic/claude-sonnet-4-5']);
    // Not found, or a directory with no session of its own within the hour: the newest, as before.
    expect(models()).toEqual(['anthropic/claude-sonnet-4-5']);
    expect(models(join(root, 'packages/web'))).toEqual(['anthropic/claude-sonnet-4-5']);
  });

  it('a session of its own directory older than the hour is not the running one', () => {
    const { base, root, at } = fixture();
    const app = join(root, 'packages/app');
    opencodeDb(join(base, 'home/.local/share/opencode/opencode.db'), [answer('msg_a00001', 'ses_app', root, app, 'openrouter/qwen/qwen3-coder', 90), answer('msg_a00002', 'ses_top', root, root, 'anthropic/claude-sonnet-4-5', 1)], { worktree: root });
    expect(opencodeSessionModels(at(), true, '/proc', undefined, app).map((found) => found.model)).toEqual(['anthropic/claude-sonnet-4-5']);
  });
});
