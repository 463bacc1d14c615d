// Cline's SDK session store (`sessions/<id>/<id>.json`, cline `sdk/packages/shared/src/storage/paths.ts`):
// the manifests of the work tree's sessions written within the hour name the model, read bounded and
// never through a link.
import { mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clineSessionModels } from '../../src/agent-settings/cline-tasks.js';
import { placeFixture } from '../helpers/opencode-db.js';

const fixture = () => placeFixture('aitrail-cline-sessions-s33f-');
const models = (found: { model: string }[]) => found.map((entry) => entry.model);

function session(dir: string, id: string, record: Record<string, unknown>, agoMinutes = 1): string {
  mkdirSync(join(dir, id), { recursive: true });
  const path = join(dir, id, `${id}.json`);
  writeFileSync(path, JSON.stringify({ version: 1, session_id: id, status: 'running', ...record }));
  const at = new Date(Date.now() - agoMinutes * 60_000);
  utimesSync(path, at, at);
  return path;
}

describe("Cline's SDK session manifests", () => {
  it("the work tree's recent sessions, newest first, as provider/model, where Cline's variables put them", () => {
    const { base, root, at } = fixture();
    const sessions = join(base, 'home/.cline/data/sessions');
    session(sessions, 'sess_1', { provider: 'openrouter', model: 'qwen/qwen3-coder', cwd: root, workspace_root: root }, 5);
    session(sessions, 'sess_2', { provider: 'anthropic', model: 'claude-sonnet-4-5', cwd: join(root, 'pkg'), workspace_root: root }, 2);
    session(sessions, 'sess_3', { provider: 'deepseek', model: 'deepseek-chat', cwd: '/elsewhere', workspace_root: '/elsewhere' }, 1);
    session(sessions, 'sess_4', { provider: 'openai', model: 'gpt-5', cwd: root }, 90);
    const found = clineSessionModels(at());
    expect(models(found)).toEqual(['anthropic/claude-sonnet-4-5', 'openrouter/qwen/qwen3-coder']);
    expect(found[1]!.evidence).toBe('recent session ~/.cline/data/sessions/sess_1/sess_1.json model="openrouter/qwen/qwen3-coder"');

    const moved = join(base, 'home/elsewhere');
    session(moved, 'sess_9', { provider: 'moonshotai', model: 'kimi-k2', cwd: root });
    expect(models(clineSessionModels(at(undefined, { CLINE_SESSION_DATA_DIR: moved })))).toEqual(['moonshotai/kimi-k2']);
    session(join(moved, 'sessions'), 'sess_8', { provider: 'xai', model: 'grok-code-fast-1', cwd: root });
    expect(models(clineSessionModels(at(undefined, { CLINE_DATA_DIR: moved })))).toEqual(['xai/grok-code-fast-1']);
  });

  it('hostile or odd: a linked session or manifest, an id not plain, a manifest that is no object or too big, a relative cwd: nothing, never a throw', () => {
    const { base, root, at } = fixture();
    expect(clineSessionModels(at())).toEqual([]);
    const sessions = join(base, 'home/.cline/data/sessions');
    const real = session(join(base, 'home/real'), 'sess_a', { provider: 'openrouter', model: 'qwen/qwen3-coder', cwd: root });
    mkdirSync(sessions, { recursive: true });
    symlinkSync(join(base, 'home/real/sess_a'), join(sessions, 'sess_a'));
    mkdirSync(join(sessions, 'sess_b'));
    symlinkSync(real, join(sessions, 'sess_b', 'sess_b.json'));
    session(sessions, 'bad id', { provider: 'openrouter', model: 'qwen/qwen3-coder', cwd: root });
    session(sessions, 'sess_c', { provider: 'openrouter', model: 'qwen/qwen3-coder', cwd: 'root' });
    mkdirSync(join(sessions, 'sess_d'));
    writeFileSync(join(sessions, 'sess_d', 'sess_d.json'), '[1,2]');
    mkdirSync(join(sessions, 'sess_e'));
    writeFileSync(join(sessions, 'sess_e', 'sess_e.json'), JSON.stringify({ provider: 'openrouter', model: 'qwen/qwen3-coder', cwd: root, pad: 'x'.repeat(1024 * 1024) }));
    session(sessions, 'sess_f', { provider: 'openrouter', model: 'qwen\u001b[2J', cwd: root });
    expect(clineSessionModels(at())).toEqual([]);
  });
});
