// Agents whose session or settings aitrail looked for by the wrong directory, committed for real
// through the installed hooks by a process named as the agent (its process's directory as the hook
// finds it among its ancestors):
// - Copilot CLI's `/cwd` moves a session after it started (`session.context_changed`): aitrail
//   placed the session where it started, so a session moved into the work tree was never read and a
//   session moved out of it was read in place of the one working here;
// - Codex started above the work tree reads its start directory's `.codex/config.toml`, never the
//   repository's.
import { mkdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeWith, hooked, writeAged } from '../helpers/agent-home.js';
import { agentAt } from '../helpers/fake-agent.js';
import { tempDir, type TestRepo } from '../helpers/gitdir.js';
import { hookEnv } from '../helpers/hooks.js';

const DENY = 'policy:\n  deny: ["qwen/*"]\n';
const MOVED = '0f8fad5b-d9cb-469f-a165-70867728950e';
const STAYED = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

/** A repository at `dir` with the hooks installed, `files` committed with the policy. */
const hookedAt = (dir: string, files: Record<string, string> = {}): TestRepo => hooked(DENY, files, dir);

describe("Copilot CLI's /cwd", () => {
  const event = (type: string, data: object) => `${JSON.stringify({ type, data, id: type, timestamp: new Date().toISOString(), parentId: null })}\n`;
  const started = (cwd: string, model: string) => event('session.start', { sessionId: 'x', version: 1, selectedModel: model, context: { cwd, gitRoot: cwd } });
  const moved = (cwd: string) => event('session.context_changed', { cwd, gitRoot: cwd, branch: 'main' });
  const switched = (from: string, to: string) => event('session.model_change', { previousModel: from, newModel: to });

  it('a session moved into the work tree is read where it runs now, one moved out of it is not', () => {
    const repo = hookedAt(join(tempDir('aitrail-copilot-'), 'repo'));
    const top = realpathSync(repo.dir);
    const elsewhere = realpathSync(tempDir('aitrail-other-'));
    const env = (home: string) => hookEnv({ HOME: home, COPILOT_CLI: '1' });

    // Started in another directory, `/cwd` into this work tree, `/model qwen3-coder`; an older session of the top ran gpt-5.
    const into = homeWith({ '.copilot/settings.json': '{ "model": "gpt-5" }\n' });
    writeAged(into, [
      [`.copilot/session-state/${MOVED}/events.jsonl`, started(elsewhere, 'gpt-5') + moved(top) + switched('gpt-5', 'qwen3-coder'), 1],
      [`.copilot/session-state/${STAYED}/events.jsonl`, started(top, 'gpt-5'), 3],
    ]);
    const refused = agentAt(repo, 'copilot', repo.dir, env(into));
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via copilot\) is denied/);
    expect(refused.stderr).toContain(`recent session ~/.copilot/session-state/${MOVED}/events.jsonl model="qwen3-coder"`);

    // Started here, `/cwd` out to another repository, `/model qwen3-coder` there: not this work tree's session.
    const out = homeWith({ '.copilot/settings.json': '{ "model": "gpt-5" }\n' });
    writeAged(out, [
      [`.copilot/session-state/${MOVED}/events.jsonl`, started(top, 'gpt-5') + moved(elsewhere) + switched('gpt-5', 'qwen3-coder'), 1],
      [`.copilot/session-state/${STAYED}/events.jsonl`, started(top, 'gpt-5'), 3],
    ]);
    const honest = agentAt(repo, 'copilot', repo.dir, env(out));
    expect(honest.status, honest.stderr).toBe(0);
    expect(honest.message).toBe('feat: parser\n\nAssisted-by: copilot:openai/gpt-5\n');

    // Moved back by a later resume in the work tree: read again.
    const back = homeWith({ '.copilot/settings.json': '{ "model": "gpt-5" }\n' });
    const resumed = event('session.resume', { selectedModel: 'qwen3-coder', context: { cwd: top, gitRoot: top } });
    writeAged(back, [[`.copilot/session-state/${MOVED}/events.jsonl`, started(top, 'gpt-5') + moved(elsewhere) + switched('gpt-5', 'qwen3-coder') + resumed, 1]]);
    expect(agentAt(repo, 'copilot', repo.dir, env(back)).status).toBe(1);
  });
});

describe('Codex started above the work tree', () => {
  it("reads its start directory's .codex/config.toml and the user's, never the repository's", () => {
    const folder = join(tempDir('aitrail-src-'), 'src');
    mkdirSync(folder);
    const src = realpathSync(folder);
    // The repository commits an allowed model in its .codex/config.toml; the person once trusted it.
    const repo = hookedAt(join(src, 'repo'), { '.codex/config.toml': 'model = "gpt-5.2-codex"\n' });
    const trusted = (dir: string) => `[projects."${dir}"]\ntrust_level = "trusted"\n`;
    const env = (home: string) => hookEnv({ HOME: home, CODEX_SANDBOX: 'seatbelt' });

    // The person's own model: started in ~/src, Codex never read the repository's file.
    const home = homeWith({ '.codex/config.toml': `model = "qwen/qwen3-coder"\nmodel_provider = "openrouter"\n\n${trusted(realpathSync(repo.dir))}` });
    const refused = agentAt(repo, 'codex', src, env(home));
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via codex\) is denied/);
    expect(refused.stderr).toContain('settings ~/.codex/config.toml model="qwen/qwen3-coder"');
    expect(refused.stderr).not.toContain('gpt-5.2-codex');
    // Started in the work tree: the trusted repository's file, as before.
    const inTree = agentAt(repo, 'codex', repo.dir, env(home));
    expect(inTree.status, inTree.stderr).toBe(0);
    expect(inTree.message).toBe('feat: parser\n\nAssisted-by: codex:openai/gpt-5.2-codex\n');

    // ~/src's own .codex/config.toml, trusted: over the user's.
    mkdirSync(join(src, '.codex'));
    writeAged(src, [['.codex/config.toml', 'model = "qwen/qwen3-coder"\n', 0]]);
    const folderHome = homeWith({ '.codex/config.toml': `model = "gpt-5.2-codex"\n\n${trusted(src)}` });
    const fromFolder = agentAt(repo, 'codex', src, env(folderHome));
    expect(fromFolder.status, fromFolder.stderr).toBe(1);
    expect(fromFolder.stderr).toContain(`settings ${join(src, '.codex/config.toml')} model="qwen/qwen3-coder"`);
    // Untrusted, not read: the user's.
    const untrusted = agentAt(repo, 'codex', src, env(homeWith({ '.codex/config.toml': 'model = "gpt-5.2-codex"\n' })));
    expect(untrusted.status, untrusted.stderr).toBe(0);
    expect(untrusted.message).toBe('feat: parser\n\nAssisted-by: codex:openai/gpt-5.2-codex\n');
  });

  it("without a thread id, the newest rollout of its start directory is read beside", () => {
    const folder = join(tempDir('aitrail-src-'), 'src');
    mkdirSync(folder);
    const src = realpathSync(folder);
    const repo = hookedAt(join(src, 'repo'));
    const line = (type: string, payload: object) => `${JSON.stringify({ timestamp: new Date().toISOString(), type, payload })}\n`;
    const rollout = (cwd: string, model: string) => line('session_meta', { id: MOVED, cwd, originator: 'codex_cli_rs' }) + line('turn_context', { cwd, approval_policy: 'on-request', model, summary: 'auto' });
    const home = homeWith({ '.codex/config.toml': 'model = "gpt-5.2-codex"\n' });
    writeAged(home, [[`.codex/sessions/2026/12/05/rollout-2026-12-05T10-00-00-${MOVED}.jsonl`, rollout(src, 'qwen/qwen3-coder'), 1]]);
    const refused = agentAt(repo, 'codex', src, hookEnv({ HOME: home, CODEX_SANDBOX: 'seatbelt' }));
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toContain(`recent rollout ~/.codex/sessions/2026/12/05/rollout-2026-12-05T10-00-00-${MOVED}.jsonl turn_context.model="qwen/qwen3-coder"`);
  });
});

describe("Kilo's legacy .kilocodemodes", () => {
  it("names no model Kilo runs: its migrated modes carry none, so the person's own config is read", () => {
    // Kilo CLI migrates `.kilocodemodes` into primary agents without a model (Kilo-Org/kilocode
    // `kilocode/modes-migrator.ts` `convertMode`): a committed file naming one is never in force.
    const modes = 'customModes:\n  - slug: reviewer\n    name: Reviewer\n    model: anthropic/claude-sonnet-4-5\n    roleDefinition: Review.\n    groups: [read]\n';
    const repo = hookedAt(join(tempDir('aitrail-kilo-'), 'repo'), { '.kilocodemodes': modes });
    const home = homeWith({ '.config/kilo/kilo.json': '{"model": "openrouter/qwen/qwen3-coder"}\n' });
    const refused = agentAt(repo, 'kilo', repo.dir, hookEnv({ HOME: home, XDG_CONFIG_HOME: undefined, KILO: '1', OPENCODE: '1', AGENT: '1' }));
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toContain('settings ~/.config/kilo/kilo.json model="openrouter/qwen/qwen3-coder"');
    expect(refused.stderr).not.toContain('claude-sonnet');
  });
});
