// Cline (VS Code extension, CLI) exports only `CLINE_ACTIVE=true` to the commands it runs: its model
// was read from nowhere, so Cline set to `qwen/qwen3-coder` through OpenRouter (or a DeepSeek model)
// committed as `cline:unknown` and passed `deny: ["qwen/*"]` under the default `unknownModel: warn`.
// The newest task of the work tree in Cline's history, written within the hour, is now read: the
// models its messages used since the previous commit are recorded beside. Committed for real
// through the installed hooks, with a home of the test's own holding Cline's files.
import { realpathSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked, homeWith } from '../helpers/agent-home.js';
import type { TestRepo } from '../helpers/gitdir.js';
import { hookEnv } from '../helpers/hooks.js';

const TASK = '1764892800123';
const MINUTE = 60_000;
const DENY = 'policy:\n  deny: ["qwen/*", "deepseek/*"]\n';

/** A hooked repository whose HEAD was committed `ago` ms before now. */
function withPrevious(config: string, ago = 30 * MINUTE): TestRepo {
  const repo = hooked(config);
  const date = new Date(Date.now() - ago).toISOString();
  repo.commit('chore: previous\n', { 'previous.txt': 'x\n' }, { AITRAIL: '0', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  return repo;
}

/** Cline's messages (`ui_messages.json`), each `[minutes ago, provider, model]`, as `JSON.stringify` writes them. */
function messages(...said: [number, string, string][]): string {
  const now = Date.now();
  return JSON.stringify(
    said.map(([ago, providerId, modelId], index) => ({
      ts: now - ago * MINUTE,
      type: 'say',
      say: index === 0 ? 'task' : 'tool',
      text: index === 0 ? 'write the parser' : '{"tool":"editedExistingFile","path":"src/parser.ts","content":"\\"modelInfo\\":{\\"providerId\\":\\"anthropic\\"}"}',
      modelInfo: { providerId, modelId, mode: 'act' },
      conversationHistoryIndex: index,
    })),
  );
}

interface Task {
  id?: string;
  cwd: string;
  ui: string;
  /** Minutes since its history entry was written. */
  ago?: number;
  usage?: unknown[];
}

/** Cline's files for `tasks` under `storage` (relative to home): its history and each task's directory. */
function clineFiles(storage: string, ...tasks: Task[]): Record<string, string> {
  const history = tasks.map(({ id = TASK, cwd, ago = 1 }) => ({ id, ts: Date.now() - ago * MINUTE, task: 'write the parser', tokensIn: 1, tokensOut: 1, totalCost: 0, cwdOnTaskInitialization: cwd }));
  const files: Record<string, string> = { [`${storage}/state/taskHistory.json`]: JSON.stringify(history) };
  for (const { id = TASK, ui, usage = [] } of tasks) {
    files[`${storage}/tasks/${id}/ui_messages.json`] = ui;
    files[`${storage}/tasks/${id}/task_metadata.json`] = JSON.stringify({ files_in_context: [], model_usage: usage }, null, 2);
  }
  return files;
}

/** Cline's terminal environment with a home holding `files`. */
function clineEnv(files: Record<string, string>, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const home = homeWith(files);
  return hookEnv({ HOME: home, XDG_CONFIG_HOME: `${home}/.config`, CLINE_ACTIVE: 'true', ...extra });
}

const QWEN = messages([20, 'openrouter', 'qwen/qwen3-coder'], [15, 'openrouter', 'qwen/qwen3-coder']);
const CLAUDE = messages([12, 'anthropic', 'claude-sonnet-4-5-20250929'], [8, 'anthropic', 'claude-sonnet-4-5-20250929']);

describe("Cline's recent task of the work tree", () => {
  it('a qwen model its messages used since HEAD names the model', () => {
    const repo = withPrevious('policy: {}\n');
    const committed = agentCommit(repo, clineEnv(clineFiles('.cline/data', { cwd: realpathSync(repo.dir), ui: QWEN })));
    expect(committed.status, committed.stderr).toBe(0);
    expect(committed.message).toBe('feat: parser\n\nAssisted-by: cline:qwen/qwen3-coder\n');
  });

  it('deny qwen/* refuses the commit, naming the task file', () => {
    const repo = withPrevious(DENY);
    const refused = agentCommit(repo, clineEnv(clineFiles('.cline/data', { cwd: realpathSync(repo.dir), ui: QWEN })));
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via cline\) is denied/);
    expect(refused.stderr).toContain(`.cline/data/tasks/${TASK}/ui_messages.json`);
  });

  it("the VS Code extension's task (a DeepSeek model) is read in the editor's globalStorage, its model from task_metadata.json when its messages name none", () => {
    const repo = withPrevious(DENY);
    const now = Date.now();
    const plain = JSON.stringify([{ ts: now - 10 * MINUTE, type: 'say', say: 'task', text: 'x' }, { ts: now - 5 * MINUTE, type: 'say', say: 'tool', text: 'y' }]);
    const usage = [{ ts: now - 50 * MINUTE, model_id: 'deepseek-chat', model_provider_id: 'deepseek', mode: 'act' }];
    const files = clineFiles('.config/Code/User/globalStorage/saoudrizwan.claude-dev', { cwd: repo.dir, ui: plain, usage });
    const refused = agentCommit(repo, clineEnv(files));
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/deepseek\/deepseek-chat \(via cline\) is denied/);
  });

  it('a model switched back to before the commit is recorded beside the last one', () => {
    const repo = withPrevious('policy: {}\n');
    const switched = messages([20, 'openrouter', 'qwen/qwen3-coder'], [10, 'anthropic', 'claude-sonnet-4-5-20250929']);
    const committed = agentCommit(repo, clineEnv(clineFiles('.cline/data', { cwd: realpathSync(repo.dir), ui: switched })));
    expect(committed.status, committed.stderr).toBe(0);
    expect(committed.message).toMatch(/^Assisted-by: cline:qwen\/qwen3-coder$/m);
    expect(committed.message).toMatch(/^Assisted-by: cline:anthropic\/claude-sonnet-4\.5$/m);
  });

  it("a task whose messages all came before HEAD's commit adds nothing; a newer one's model is recorded", () => {
    const repo = withPrevious(DENY);
    const old = messages([50, 'openrouter', 'qwen/qwen3-coder'], [40, 'openrouter', 'qwen/qwen3-coder']);
    const files = clineFiles('.cline/data', { id: '1', cwd: realpathSync(repo.dir), ui: old, ago: 40 }, { id: '2', cwd: realpathSync(repo.dir), ui: CLAUDE });
    const passed = agentCommit(repo, clineEnv(files));
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.message).toBe('feat: parser\n\nAssisted-by: cline:anthropic/claude-sonnet-4.5\n');
  });

  it('a task last written over an hour ago, or of another workspace, is not read', () => {
    const stale = withPrevious(DENY, 3 * 60 * MINUTE);
    const ancient = messages([150, 'openrouter', 'qwen/qwen3-coder'], [120, 'openrouter', 'qwen/qwen3-coder']);
    const files = clineFiles('.cline/data', { id: '1', cwd: realpathSync(stale.dir), ui: ancient, ago: 120 }, { id: '2', cwd: realpathSync(stale.dir), ui: CLAUDE });
    const passed = agentCommit(stale, clineEnv(files));
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.message).toBe('feat: parser\n\nAssisted-by: cline:anthropic/claude-sonnet-4.5\n');

    const other = withPrevious(DENY);
    const elsewhere = agentCommit(other, clineEnv(clineFiles('.cline/data', { id: '1', cwd: '/work/other-project', ui: QWEN }, { id: '2', cwd: realpathSync(other.dir), ui: CLAUDE, ago: 2 })));
    expect(elsewhere.status, elsewhere.stderr).toBe(0);
    expect(elsewhere.message).toBe('feat: parser\n\nAssisted-by: cline:anthropic/claude-sonnet-4.5\n');
  });
});
