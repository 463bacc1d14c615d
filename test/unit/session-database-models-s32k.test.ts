// A model switched away and back before the commit, in Crush and in Kilo CLI, whose sessions are in
// SQLite only: Crush keeps every session of a project in `.crush/crush.db` (charmbracelet/crush
// `internal/db`: table `messages`, `model`, `provider`, `created_at` in seconds, WAL mode) and Kilo CLI
// in `~/.local/share/kilo/kilo.db` (OpenCode's layout under its own folder). Only the configs' model
// was read: `/models` to qwen/qwen3-coder, let it write, back to Claude, commit passed deny qwen/*.
// Databases built by real SQLite (python3's sqlite3).
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crushDatabaseModels } from '../../src/agent-settings/crush-database.js';
import { kiloCliModels } from '../../src/agent-settings/kilo-cli.js';
import { crushDb, crushTurn, type CrushRow } from '../helpers/crush-db.js';
import { opencodeDb, opencodeTurn, placeFixture, type OpencodeRow } from '../helpers/opencode-db.js';

const MINUTE = 60_000;
const CRUSH_DB = 'root/.crush/crush.db';
const KILO_DB = 'home/.local/share/kilo/kilo.db';

const fixture = () => placeFixture('aitrail-session-db-s32k-');

/** Claude 50 minutes ago, qwen on OpenRouter 20 minutes ago, Claude again 10 minutes ago. */
function crushSwitchedBack(session = 'a1b2c3d4-0000-4000-8000-000000000001'): CrushRow[] {
  const now = Date.now();
  return [
    ...crushTurn(session, 1, 'anthropic', 'claude-sonnet-4-5-20250929', now - 50 * MINUTE),
    ...crushTurn(session, 2, 'openrouter', 'qwen/qwen3-coder', now - 20 * MINUTE),
    ...crushTurn(session, 3, 'anthropic', 'claude-sonnet-4-5-20250929', now - 10 * MINUTE),
  ];
}

const models = (found: { model: string }[]) => found.map((entry) => entry.model);

describe("Crush's project session database (.crush/crush.db)", () => {
  it('every model its answers ran since the previous commit, from rows still in the WAL, with the database in evidence', () => {
    const { base, at } = fixture();
    crushDb(join(base, CRUSH_DB), crushSwitchedBack(), { filler: 1500, inWal: 3 });
    const found = crushDatabaseModels(at(Date.now() - 30 * MINUTE));
    expect(models(found)).toEqual(['anthropic/claude-sonnet-4-5-20250929', 'openrouter/qwen/qwen3-coder']);
    expect(found[0]!.evidence).toBe('session .crush/crush.db messages 6f1e2d3c-0003-4000-8000-000000000001 model="claude-sonnet-4-5-20250929" provider="anthropic"');
    expect(found[1]!.evidence).toMatch(/^session \.crush\/crush\.db messages 6f1e2d3c-0002-4000-8000-000000000001 model="qwen\/qwen3-coder" provider="openrouter" used at 20\d\d-/);
    // qwen before the window is the previous commit's; without a window, the last model only.
    expect(models(crushDatabaseModels(at(Date.now() - 15 * MINUTE)))).toEqual(['anthropic/claude-sonnet-4-5-20250929']);
    expect(models(crushDatabaseModels(at()))).toEqual(['anthropic/claude-sonnet-4-5-20250929']);
    // No HEAD: the last hour's.
    expect(models(crushDatabaseModels(at(null)))).toEqual(['anthropic/claude-sonnet-4-5-20250929', 'openrouter/qwen/qwen3-coder']);
  });

  it("every session of the project counts (a subagent's), a stale database or one dated in the future adds nothing", () => {
    const { base, at } = fixture();
    const now = Date.now();
    crushDb(join(base, CRUSH_DB), [...crushTurn('parent', 1, 'anthropic', 'claude-sonnet-4-5', now - 20 * MINUTE), ...crushTurn('child', 2, 'deepseek', 'deepseek-chat', now - 15 * MINUTE), ...crushTurn('parent', 3, 'anthropic', 'claude-sonnet-4-5', now - 5 * MINUTE)]);
    expect(models(crushDatabaseModels(at(now - 30 * MINUTE)))).toEqual(['anthropic/claude-sonnet-4-5', 'deepseek/deepseek-chat']);

    const stale = fixture();
    crushDb(join(stale.base, CRUSH_DB), crushSwitchedBack().map((row) => ({ ...row, created: row.created - 3 * 3600 })));
    expect(crushDatabaseModels(stale.at(null))).toEqual([]);

    // A committed database whose rows claim to be from tomorrow is no Crush's: never in the window.
    const future = fixture();
    crushDb(join(future.base, CRUSH_DB), [...crushTurn('s', 1, 'anthropic', 'claude-sonnet-4-5', now - 5 * MINUTE), ...crushTurn('s', 2, 'openrouter', 'qwen/qwen3-coder', now + 24 * 60 * MINUTE)]);
    expect(models(crushDatabaseModels(future.at(now - 30 * MINUTE)))).toEqual(['anthropic/claude-sonnet-4-5']);
  });

  it('an answer past 1 MiB is not read; control characters name no model', () => {
    const { base, at } = fixture();
    const now = Date.now();
    const rows = [...crushTurn('s', 1, 'openrouter', 'qwen/qwen3-coder', now - 20 * MINUTE), ...crushTurn('s', 2, 'anthropic', 'claude\u001b[2J', now - 10 * MINUTE), ...crushTurn('s', 3, 'anthropic', 'claude-sonnet-4-5', now - 5 * MINUTE)];
    rows[1] = { ...rows[1]!, partsBytes: 1_100_000 };
    crushDb(join(base, CRUSH_DB), rows, { inWal: 2 });
    expect(models(crushDatabaseModels(at(now - 30 * MINUTE)))).toEqual(['anthropic/claude-sonnet-4-5']);
  });

  it('no database, a `.crush` that is a link out of the work tree, a database that is a link, garbage: nothing, never a throw', () => {
    const { base, root, at } = fixture();
    expect(crushDatabaseModels(at(null))).toEqual([]);
    crushDb(join(base, 'home/elsewhere/crush.db'), crushSwitchedBack());
    symlinkSync(join(base, 'home/elsewhere'), join(root, '.crush'));
    expect(crushDatabaseModels(at(null))).toEqual([]);

    const linked = fixture();
    crushDb(join(linked.base, 'home/real.db'), crushSwitchedBack());
    mkdirSync(join(linked.root, '.crush'));
    symlinkSync(join(linked.base, 'home/real.db'), join(linked.base, CRUSH_DB));
    expect(crushDatabaseModels(linked.at(null))).toEqual([]);

    const garbage = fixture();
    mkdirSync(join(garbage.root, '.crush'));
    writeFileSync(join(garbage.base, CRUSH_DB), Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(5000, 0xff)]));
    expect(crushDatabaseModels(garbage.at(null))).toEqual([]);
  });
});

/** A Kilo session in `root` that ran qwen after the previous commit, then Claude again. */
function kiloSwitchedBack(root: string): OpencodeRow[] {
  const now = Date.now();
  const session = 'ses_4b1c2d3e4f5a';
  return [...opencodeTurn(session, 1, root, 'anthropic/claude-sonnet-4-5', now - 50 * MINUTE), ...opencodeTurn(session, 2, root, 'qwen/qwen3-coder', now - 20 * MINUTE), ...opencodeTurn(session, 3, root, 'anthropic/claude-sonnet-4-5', now - 10 * MINUTE)];
}

describe("Kilo CLI's session database (~/.local/share/kilo/kilo.db, OpenCode's layout)", () => {
  it("beside the config's model, every model the running session ran since the previous commit, evidence naming kilo.db", async () => {
    const { base, root, at } = fixture();
    writeFileSync(join(root, 'kilo.json'), '{"model": "anthropic/claude-sonnet-4-5"}');
    opencodeDb(join(base, KILO_DB), kiloSwitchedBack(root), { filler: 300, inWal: 2, worktree: root });
    const found = (await kiloCliModels(at(Date.now() - 30 * MINUTE)))!;
    expect(found.model).toBe('anthropic/claude-sonnet-4-5');
    expect(found.also?.map((entry) => entry.model)).toEqual(['qwen/qwen3-coder']);
    expect(found.also?.[0]!.evidence).toMatch(/^session ~\/\.local\/share\/kilo\/kilo\.db message msg_9a0b1c2d00021 model="qwen\/qwen3-coder" used at 20\d\d-/);
    expect(await kiloCliModels(at(Date.now() - 15 * MINUTE))).toEqual({ model: 'anthropic/claude-sonnet-4-5', evidence: 'settings kilo.json model="anthropic/claude-sonnet-4-5"' });
  });

  it("KILO_DB's database is read; OpenCode's own opencode.db is not Kilo's; the TUI's pick in ~/.local/state/kilo/model.json is", async () => {
    const { base, root, at } = fixture();
    opencodeDb(join(base, 'home/.local/share/opencode/opencode.db'), kiloSwitchedBack(root), { worktree: root });
    expect(await kiloCliModels(at(null))).toBeNull();
    opencodeDb(join(base, 'home/.local/share/kilo/other.db'), kiloSwitchedBack(root), { worktree: root });
    expect((await kiloCliModels(at(null, { KILO_DB: 'other.db' })))?.also?.map((entry) => entry.model)).toEqual(['anthropic/claude-sonnet-4-5', 'qwen/qwen3-coder']);
    mkdirSync(join(base, 'home/.local/state/kilo'), { recursive: true });
    writeFileSync(join(base, 'home/.local/state/kilo/model.json'), JSON.stringify({ recent: [{ providerID: 'moonshotai', modelID: 'kimi-k2' }] }));
    expect((await kiloCliModels(at(null)))?.also).toEqual([{ model: 'moonshotai/kimi-k2', evidence: 'state ~/.local/state/kilo/model.json recent[0]="moonshotai/kimi-k2"', overriddenBy: [] }]);
  });
});
