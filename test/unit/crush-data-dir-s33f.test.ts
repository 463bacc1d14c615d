// Crush keeps `crush.db` and its workspace `crush.json` in its data directory, `.crush` of its working
// directory unless `crush -D <dir>` (`--data-dir`, charmbracelet/crush `internal/cmd/root.go`) or
// `options.data_directory` of its config moved it (`internal/config/load.go` `setDefaults`: the flag,
// then the option, then `.crush`; the workspace file is `<data directory>/crush.json`, merged last).
// Only `.crush` at the work tree's top was read: a `/models` switch to qwen/qwen3-coder under `-D`
// was seen by nothing and the commit passed deny qwen/*. Databases built by real SQLite.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandLineModel } from '../../src/agent-settings/command-line.js';
import { crushDataDir, crushModel } from '../../src/agent-settings/crush.js';
import { crushDatabaseModels } from '../../src/agent-settings/crush-database.js';
import { quote } from '../../src/core/detect/found.js';
import { crushDb, crushTurn, type CrushRow } from '../helpers/crush-db.js';
import { placeFixture } from '../helpers/opencode-db.js';

const MINUTE = 60_000;
const fixture = () => placeFixture('aitrail-crush-data-dir-s33f-');
const models = (found: { model: string }[]) => found.map((entry) => entry.model);

/** Claude 50 minutes ago, qwen on OpenRouter 20 minutes ago, Claude again 10 minutes ago. */
function switchedBack(): CrushRow[] {
  const now = Date.now();
  return [
    ...crushTurn('a1b2c3d4-0000-4000-8000-000000000001', 1, 'anthropic', 'claude-sonnet-4-5-20250929', now - 50 * MINUTE),
    ...crushTurn('a1b2c3d4-0000-4000-8000-000000000001', 2, 'openrouter', 'qwen/qwen3-coder', now - 20 * MINUTE),
    ...crushTurn('a1b2c3d4-0000-4000-8000-000000000001', 3, 'anthropic', 'claude-sonnet-4-5-20250929', now - 10 * MINUTE),
  ];
}

const cli = (...args: string[]) => commandLineModel('crush', args, quote);

describe("Crush's data directory moved by -D or options.data_directory", () => {
  it('`-D`/`--data-dir` in every form pflag reads, the last one given; before or after `run`; nothing past `--`', () => {
    expect(cli('-D', '/d/one')?.dataDir).toBe('/d/one');
    expect(cli('--data-dir', '/d/two', 'run', 'fix it')?.dataDir).toBe('/d/two');
    expect(cli('run', '--data-dir=/d/three')?.dataDir).toBe('/d/three');
    expect(cli('-D/d/four')?.dataDir).toBe('/d/four');
    expect(cli('-D=/d/five', '-m', 'openrouter/qwen/qwen3-coder')).toMatchObject({ dataDir: '/d/five', models: ['openrouter/qwen/qwen3-coder'] });
    expect(cli('-D', '/d/a', '-D', '/d/b')?.dataDir).toBe('/d/b');
    expect(cli('run', '--', '-D', '/d/x')).toBeNull();
    expect(cli('-D', '   ')).toBeNull();
    expect(cli('-D', 'a\0b')).toBeNull();
  });

  it('the database under `-D` (absolute, or relative to Crush\'s working directory) is read, not `.crush` at the top; its evidence says what moved it', () => {
    const { base, root, at } = fixture();
    crushDb(join(base, 'home/crush-data/crush.db'), switchedBack(), { inWal: 2 });
    crushDb(join(root, '.crush/crush.db'), crushTurn('s', 1, 'openai', 'gpt-5', Date.now() - 5 * MINUTE));
    const since = Date.now() - 30 * MINUTE;
    const found = crushDatabaseModels(at(since), [], cli('-D', join(base, 'home/crush-data')));
    expect(models(found)).toEqual(['anthropic/claude-sonnet-4-5-20250929', 'openrouter/qwen/qwen3-coder']);
    expect(found[1]!.evidence).toMatch(/^session ~\/crush-data\/crush\.db \(data directory from argv crush -D="[^"]+\/home\/crush-data"\) messages 6f1e2d3c-0002-4000-8000-000000000001 model="qwen\/qwen3-coder" provider="openrouter" used at /);
    // Relative: Crush's own working directory's.
    const relative = { ...cli('-D', '../home/crush-data')!, cwd: root };
    expect(models(crushDatabaseModels(at(since), [], relative))).toContain('openrouter/qwen/qwen3-coder');
    // No flag: `.crush` of the top, as before.
    expect(models(crushDatabaseModels(at(since)))).toEqual(['openai/gpt-5']);
  });

  it('`options.data_directory` of its config files (the highest naming it) moves it; the flag comes before it', () => {
    const { base, root, at } = fixture();
    crushDb(join(base, 'home/by-config/crush.db'), switchedBack());
    crushDb(join(base, 'home/by-flag/crush.db'), crushTurn('s', 1, 'deepseek', 'deepseek-chat', Date.now() - 5 * MINUTE));
    mkdirSync(join(base, 'home/.config/crush'), { recursive: true });
    writeFileSync(join(base, 'home/.config/crush/crush.json'), JSON.stringify({ options: { data_directory: join(base, 'home/nowhere') } }));
    writeFileSync(join(root, 'crush.json'), JSON.stringify({ options: { data_directory: join(base, 'home/by-config') } }));
    const since = Date.now() - 30 * MINUTE;
    const found = crushDatabaseModels(at(since));
    expect(models(found)).toEqual(['anthropic/claude-sonnet-4-5-20250929', 'openrouter/qwen/qwen3-coder']);
    expect(found[0]!.evidence).toContain('(data directory from settings crush.json options.data_directory=');
    expect(models(crushDatabaseModels(at(since), [], cli('-D', join(base, 'home/by-flag'))))).toEqual(['deepseek/deepseek-chat']);
  });

  it("the moved directory's workspace crush.json (an ACP client's pick) is merged last, as `.crush/crush.json` is by default", () => {
    const { base, root, at } = fixture();
    writeFileSync(join(root, 'crush.json'), JSON.stringify({ models: { large: { model: 'claude-sonnet-4-5-20250929', provider: 'anthropic' } } }));
    mkdirSync(join(base, 'home/crush-data'));
    writeFileSync(join(base, 'home/crush-data/crush.json'), JSON.stringify({ models: { large: { model: 'qwen/qwen3-coder', provider: 'openrouter' } } }));
    const moved = crushModel(at(), cli('-D', join(base, 'home/crush-data')));
    expect(moved?.model).toBe('openrouter/qwen/qwen3-coder');
    expect(moved?.evidence).toBe('settings ~/crush-data/crush.json models.large.model="qwen/qwen3-coder" models.large.provider="openrouter"');
    expect(crushModel(at(), null)?.model).toBe('anthropic/claude-sonnet-4-5-20250929');
  });

  it('hostile or odd: a moved directory that is missing or a file, a database that is a link, a path with control characters: nothing, never a throw', () => {
    const { base, root, at } = fixture();
    expect(crushDatabaseModels(at(null), [], cli('-D', join(base, 'missing')))).toEqual([]);
    writeFileSync(join(base, 'home/file'), 'x');
    expect(crushDataDir(at(), cli('-D', join(base, 'home/file')))).toBeNull();
    crushDb(join(base, 'home/real/crush.db'), switchedBack());
    mkdirSync(join(base, 'home/linked'));
    symlinkSync(join(base, 'home/real/crush.db'), join(base, 'home/linked/crush.db'));
    expect(crushDatabaseModels(at(null), [], cli('-D', join(base, 'home/linked')))).toEqual([]);
    writeFileSync(join(root, 'crush.json'), JSON.stringify({ options: { data_directory: `${join(base, 'home/real')}\u001b[2J` } }));
    // A data directory no Crush could have been given: the default `.crush` (none here).
    expect(crushDataDir(at())).toBeNull();
    writeFileSync(join(root, 'crush.json'), JSON.stringify({ options: { data_directory: 'x'.repeat(5000) } }));
    expect(crushDatabaseModels(at(null))).toEqual([]);
  });
});
