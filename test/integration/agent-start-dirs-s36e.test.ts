// Agents whose settings and sessions aitrail looked for in the wrong place, committed for real
// through the installed hooks by a process named as the agent, started in one directory (its
// process's, as the hook finds it among its ancestors) and committing from another:
// - Qwen Code and Gemini CLI started above the work tree (in a folder of repositories) read their
//   start directory's `.qwen`/`.gemini` settings and keep their sessions in its store, not the work
//   tree's: aitrail read the top's settings, a file of the repository naming an allowed model;
// - Qwen Code keeps its sessions under `advanced.runtimeOutputDir` when its settings set one;
// - OpenCode and Copilot CLI started in a subdirectory: a newer session of another directory of the
//   work tree was read in place of the agent's own;
// - Mistral Vibe's `--trust`/`--add-dir` trust its project config for the run;
// - Kilo CLI's agent files (`.kilo/agent/code.md`) give its agents a model.
import { createHash } from 'node:crypto';
import { mkdirSync, realpathSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeWith, hooked, writeAged } from '../helpers/agent-home.js';
import { agentAt } from '../helpers/fake-agent.js';
import { tempDir, type TestRepo } from '../helpers/gitdir.js';
import { hookEnv } from '../helpers/hooks.js';

const DENY = 'policy:\n  deny: ["qwen/*"]\n';
const OWN = '0f8fad5b-d9cb-469f-a165-70867728950e';
const OTHER = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

/** A repository at `dir` with the hooks installed, `files` committed with the policy. */
const hookedAt = (dir: string, files: Record<string, string> = {}): TestRepo => hooked(DENY, files, dir);

/** A repository in `src/repo` of a folder of repositories: the folder and the repository. */
function inFolder(files: Record<string, string> = {}): { folder: string; repo: TestRepo } {
  const folder = join(tempDir('aitrail-src-'), 'src');
  return { folder, repo: hookedAt(join(folder, 'repo'), files) };
}

/** Sets a directory's times `minutes` ago. */
function age(path: string, minutes: number): void {
  const at = new Date(Date.now() - minutes * 60_000);
  utimesSync(path, at, at);
}

const sanitized = (path: string) => path.replace(/[^a-zA-Z0-9]/g, '-');
const qwenLine = (model: string) => `${JSON.stringify({ type: 'assistant', model, timestamp: new Date().toISOString(), message: { role: 'model', parts: [{ text: 'ok' }] } })}\n`;
const geminiLine = (model: string) => `${JSON.stringify({ type: 'gemini', content: 'ok', timestamp: new Date().toISOString(), model })}\n`;

describe('Qwen Code and Gemini CLI started above the work tree', () => {
  it("read their start directory's settings and the user's, not the work tree's top's", () => {
    // The repository's own .qwen/.gemini settings name allowed models: aitrail read them, the agents do not.
    const { folder, repo } = inFolder({ '.qwen/settings.json': '{"model": {"name": "gpt-4.1"}}\n', '.gemini/settings.json': '{"model": {"name": "gemini-2.5-pro"}}\n' });
    const qwenHome = homeWith({ '.qwen/settings.json': '{"model": {"name": "qwen3-coder-plus"}}\n' });
    const qwen = agentAt(repo, 'qwen', folder, hookEnv({ HOME: qwenHome, QWEN_CODE: '1' }));
    expect(qwen.status, qwen.stderr).toBe(1);
    expect(qwen.stderr).toMatch(/qwen\/qwen3-coder-plus \(via qwen-code\) is denied/);
    expect(qwen.stderr).toContain('settings ~/.qwen/settings.json model.name="qwen3-coder-plus"');

    mkdirSync(join(folder, '.gemini'));
    writeFileSync(join(folder, '.gemini/settings.json'), '{"model": {"name": "qwen3-coder-plus"}}\n');
    const gemini = agentAt(repo, 'gemini', folder, hookEnv({ HOME: homeWith(), GEMINI_CLI: '1' }));
    expect(gemini.status, gemini.stderr).toBe(1);
    expect(gemini.stderr).toMatch(/qwen\/qwen3-coder-plus \(via gemini-cli\) is denied/);
    expect(gemini.stderr).toContain(`settings ${join(realpathSync(folder), '.gemini/settings.json')} model.name="qwen3-coder-plus"`);

    // Started in the work tree, the top's files as before.
    const top = agentAt(repo, 'gemini', repo.dir, hookEnv({ HOME: homeWith(), GEMINI_CLI: '1' }));
    expect(top.status, top.stderr).toBe(0);
    expect(top.message).toBe('feat: parser\n\nAssisted-by: gemini-cli:google/gemini-2.5-pro\n');
  });

  it("read the session store of the directory they were started in, where their /model switch is", () => {
    const { folder, repo } = inFolder({ '.gemini/settings.json': '{"model": {"name": "gemini-2.5-pro"}}\n' });
    const start = realpathSync(folder);
    const geminiHome = homeWith();
    writeAged(geminiHome, [[`.gemini/tmp/${createHash('sha256').update(start).digest('hex')}/chats/session-own.jsonl`, geminiLine('qwen3-coder-plus'), 2]]);
    const gemini = agentAt(repo, 'gemini', folder, hookEnv({ HOME: geminiHome, GEMINI_CLI: '1' }));
    expect(gemini.status, gemini.stderr).toBe(1);
    expect(gemini.stderr).toMatch(/qwen\/qwen3-coder-plus \(via gemini-cli\) is denied/);

    const qwenHome = homeWith({ '.qwen/settings.json': '{"model": {"name": "gpt-4.1"}}\n' });
    writeAged(qwenHome, [[`.qwen/projects/${sanitized(start)}/chats/${OWN}.jsonl`, qwenLine('qwen3-coder-plus'), 2]]);
    const qwen = agentAt(repo, 'qwen', folder, hookEnv({ HOME: qwenHome, QWEN_CODE: '1' }));
    expect(qwen.status, qwen.stderr).toBe(1);
    expect(qwen.stderr).toMatch(/qwen\/qwen3-coder-plus \(via qwen-code\) is denied/);
  });
});

describe("Qwen Code's advanced.runtimeOutputDir", () => {
  it("its sessions are read where the setting keeps them: ~ its home, a relative path from its directory", () => {
    const repo = hookedAt(join(tempDir('aitrail-qwen-'), 'repo'), { '.gitignore': '.qwen-out/\n' });
    const top = realpathSync(repo.dir);
    const home = homeWith({ '.qwen/settings.json': '{"model": {"name": "gpt-4.1"}, "advanced": {"runtimeOutputDir": "~/qwen-runtime"}}\n' });
    writeAged(home, [
      [`qwen-runtime/projects/${sanitized(top)}/chats/${OWN}.jsonl`, qwenLine('qwen3-coder-plus'), 2],
      [`.qwen/projects/${sanitized(top)}/chats/${OTHER}.jsonl`, qwenLine('gpt-4.1'), 0],
    ]);
    const moved = agentAt(repo, 'qwen', repo.dir, hookEnv({ HOME: home, QWEN_CODE: '1' }));
    expect(moved.status, moved.stderr).toBe(1);
    expect(moved.stderr).toMatch(/qwen\/qwen3-coder-plus \(via qwen-code\) is denied/);
    expect(moved.stderr).toContain(`newest chat recording ~/qwen-runtime/projects/${sanitized(top)}/chats/${OWN}.jsonl model="qwen3-coder-plus"`);

    // The workspace's own setting, relative: under the directory Qwen Code was started in.
    repo.commit('chore: runtime dir\n', { '.qwen/settings.json': '{"advanced": {"runtimeOutputDir": ".qwen-out"}}\n' }, { AITRAIL: '0' });
    const plain = homeWith({ '.qwen/settings.json': '{"model": {"name": "gpt-4.1"}}\n' });
    writeAged(top, [[`.qwen-out/projects/${sanitized(top)}/chats/${OWN}.jsonl`, qwenLine('qwen3-coder-plus'), 2]]);
    const relative = agentAt(repo, 'qwen', repo.dir, hookEnv({ HOME: plain, QWEN_CODE: '1' }));
    expect(relative.status, relative.stderr).toBe(1);
    expect(relative.stderr).toContain(`newest chat recording .qwen-out/projects/${sanitized(top)}/chats/${OWN}.jsonl model="qwen3-coder-plus"`);
  });
});

describe('OpenCode and Copilot CLI started in a subdirectory: their own session first', () => {
  it("OpenCode: the session whose directory is its own, not a newer one of the top", () => {
    const repo = hookedAt(join(tempDir('aitrail-oc-'), 'repo'), { 'opencode.json': '{"model": "anthropic/claude-sonnet-4-5"}\n', 'packages/app/index.ts': 'export {};\n' });
    const top = realpathSync(repo.dir);
    const home = homeWith();
    const storage = '.local/share/opencode/storage';
    const message = (model: string) => JSON.stringify({ role: 'assistant', providerID: model.split('/')[0], modelID: model.split('/').slice(1).join('/'), time: { created: Date.now() - 60_000 } });
    writeAged(home, [
      [`${storage}/project/4f1e0c.json`, JSON.stringify({ id: '4f1e0c', worktree: top }), 5],
      [`${storage}/session/4f1e0c/ses_own1.json`, JSON.stringify({ id: 'ses_own1', directory: join(top, 'packages/app') }), 2],
      [`${storage}/message/ses_own1/msg_a1.json`, message('openrouter/qwen/qwen3-coder'), 2],
      [`${storage}/session/4f1e0c/ses_top1.json`, JSON.stringify({ id: 'ses_top1', directory: top }), 0],
      [`${storage}/message/ses_top1/msg_b1.json`, message('anthropic/claude-sonnet-4-5'), 0],
    ]);
    age(join(home, storage, 'message/ses_own1'), 2);
    const env = hookEnv({ HOME: home, OPENCODE: '1' });
    const app = agentAt(repo, 'opencode', join(repo.dir, 'packages/app'), env);
    expect(app.status, app.stderr).toBe(1);
    expect(app.stderr).toMatch(/qwen\/qwen3-coder \(via opencode\) is denied/);
    expect(app.stderr).toContain(`session ~/${storage}/message/ses_own1/msg_a1.json model="openrouter/qwen/qwen3-coder"`);
    // Started at the top: its own session, the top's.
    const atTop = agentAt(repo, 'opencode', repo.dir, env);
    expect(atTop.status, atTop.stderr).toBe(0);
  });

  it("Copilot CLI: the recent session started in its own directory, not a newer one of the top", () => {
    const repo = hookedAt(join(tempDir('aitrail-copilot-'), 'repo'), { 'packages/app/index.ts': 'export {};\n' });
    const top = realpathSync(repo.dir);
    const event = (type: string, data: object) => `${JSON.stringify({ type, data, id: type, timestamp: new Date().toISOString(), parentId: null })}\n`;
    const session = (cwd: string, model: string) =>
      event('session.start', { sessionId: 'x', version: 1, selectedModel: 'gpt-5', context: { cwd, gitRoot: top } }) + event('session.model_change', { previousModel: 'gpt-5', newModel: model });
    const home = homeWith({ '.copilot/settings.json': '{ "model": "gpt-5" }\n' });
    writeAged(home, [
      [`.copilot/session-state/${OWN}/events.jsonl`, session(join(top, 'packages/app'), 'qwen3-coder'), 2],
      [`.copilot/session-state/${OTHER}/events.jsonl`, session(top, 'gpt-5'), 0],
    ]);
    const app = agentAt(repo, 'copilot', join(repo.dir, 'packages/app'), hookEnv({ HOME: home, COPILOT_CLI: '1' }));
    expect(app.status, app.stderr).toBe(1);
    expect(app.stderr).toMatch(/qwen\/qwen3-coder \(via copilot\) is denied/);
    expect(app.stderr).toContain(`recent session ~/.copilot/session-state/${OWN}/events.jsonl model="qwen3-coder"`);
    const atTop = agentAt(repo, 'copilot', repo.dir, hookEnv({ HOME: home, COPILOT_CLI: '1' }));
    expect(atTop.status, atTop.stderr).toBe(0);
    // Copilot CLI at the top: its own session, not a newer one of packages/app (whose git root is the top too).
    const topHome = homeWith({ '.copilot/settings.json': '{ "model": "gpt-5" }\n' });
    writeAged(topHome, [
      [`.copilot/session-state/${OTHER}/events.jsonl`, session(top, 'gpt-5'), 2],
      [`.copilot/session-state/${OWN}/events.jsonl`, session(join(top, 'packages/app'), 'qwen3-coder'), 0],
    ]);
    const honest = agentAt(repo, 'copilot', repo.dir, hookEnv({ HOME: topHome, COPILOT_CLI: '1' }));
    expect(honest.status, honest.stderr).toBe(0);
    expect(honest.message).toBe('feat: parser\n\nAssisted-by: copilot:openai/gpt-5\n');
  });
});

describe("Mistral Vibe's --trust and --add-dir", () => {
  const PERSON = 'active_model = "devstral"\n\n[[models]]\nname = "devstral-2512"\nprovider = "mistral"\nalias = "devstral"\n';
  const PROJECT = 'active_model = "coder"\n\n[[models]]\nname = "qwen/qwen3-coder"\nprovider = "openrouter"\nalias = "coder"\n';
  const vibeEnv = () => hookEnv({ HOME: homeWith({ '.vibe/config.toml': PERSON, '.vibe/trusted_folders.toml': 'trusted = []\nuntrusted = []\n' }), AI_AGENT: 'mistral-vibe' });

  it('trust the project config of its directory for the run, as trusted_folders.toml would', () => {
    const repo = hookedAt(join(tempDir('aitrail-vibe-'), 'repo'), { 'packages/app/.vibe/config.toml': PROJECT, 'packages/app/src/index.ts': 'export {};\n' });
    const app = join(repo.dir, 'packages/app');
    const plain = agentAt(repo, 'vibe', app, vibeEnv());
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.message).toBe('feat: parser\n\nAssisted-by: mistral-vibe:mistralai/devstral-2512\n');
    for (const args of [['--trust'], ['-p', '--tru', 'fix it']]) {
      const trusted = agentAt(repo, 'vibe', app, vibeEnv(), args);
      expect(trusted.status, trusted.stderr).toBe(1);
      expect(trusted.stderr).toMatch(/qwen\/qwen3-coder \(via mistral-vibe\) is denied/);
      expect(trusted.stderr).toContain('settings packages/app/.vibe/config.toml active_model="coder" name="qwen/qwen3-coder"');
    }
    // `--add-dir ..` from packages/app/src trusts packages/app, where the nearest .vibe is.
    const added = agentAt(repo, 'vibe', join(app, 'src'), vibeEnv(), ['--add-dir', '..']);
    expect(added.status, added.stderr).toBe(1);
    // After `--`, a prompt: no flag.
    expect(agentAt(repo, 'vibe', app, vibeEnv(), ['--', '--trust']).status).toBe(0);
  });
});

describe("Kilo CLI's agent files", () => {
  it(".kilo/agent/code.md gives its default agent a model; -m comes before the primary agents' models", () => {
    const repo = hookedAt(join(tempDir('aitrail-kilo-'), 'repo'), {
      'kilo.json': '{"model": "anthropic/claude-sonnet-4-5"}\n',
      '.kilo/agent/code.md': '---\ndescription: the default agent\nmodel: openrouter/qwen/qwen3-coder\n---\nCode.\n',
    });
    const env = hookEnv({ HOME: homeWith(), KILO: '1', OPENCODE: '1', AGENT: '1' });
    const refused = agentAt(repo, 'kilo', repo.dir, env);
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via kilo-code\) is denied/);
    expect(refused.stderr).toContain('settings .kilo/agent/code.md model="openrouter/qwen/qwen3-coder"');
    const flagged = agentAt(repo, 'kilo', repo.dir, env, ['-m', 'anthropic/claude-sonnet-4-5']);
    expect(flagged.status, flagged.stderr).toBe(0);

    // A subagent's model counts whatever the command line says.
    repo.commit('chore: reviewer\n', { '.kilocode/agents/review.md': '---\nmode: subagent\nmodel: openrouter/qwen/qwen3-coder\n---\nReview.\n' }, { AITRAIL: '0' });
    expect(agentAt(repo, 'kilo', repo.dir, env, ['-m', 'anthropic/claude-sonnet-4-5']).status).toBe(1);
  });
});
