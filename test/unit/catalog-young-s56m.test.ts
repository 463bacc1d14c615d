// Session 56 helper m (row s56m-1): every warm run of an AI commit's hook paid one young-generation
// garbage collection that `node -e 0` does not (issue 12 item 2). Found with `node --trace-gc` on the
// built hook and a per-module count of young bytes made by each bundled module's top level: the model
// catalog's tables (src/core/model-data.ts: ~79 KB, mostly the short-lived arrays of flatMap/spread/
// Object.entries chains) and the normalised-name Map (src/core/catalog.ts: ~31 KB, built for every
// process though a hook looks up one or two names) were the largest set-ups that are not data. Now:
// the tables are built with plain loops, and the Map only on a process's 17th look-up (or first walk);
// the answers are the same. The collection itself still happens (what is left is listed in the report).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonicalModel, knownModels } from '../../src/core/catalog.js';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

describe('the model catalog at load (row s56m-1)', () => {
  it('loading the built catalog makes under 600 KB of young objects (was ~720 KB; with its data files already loaded)', () => {
    // A young generation large enough that no collection runs and hides what was made.
    const script = join(tmpdir(), `aitrail-s56m-young-${process.pid}.mjs`);
    writeFileSync(
      script,
      [
        "import { getHeapSpaceStatistics } from 'node:v8';",
        "const young = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_used_size;",
        'const dir = process.argv[2];',
        "await import(`${dir}core/data/models.json`, { with: { type: 'json' } });",
        "await import(`${dir}core/data/model-table.generated.json`, { with: { type: 'json' } });",
        'const before = young();',
        'const catalog = await import(`${dir}core/catalog.js`);',
        'const made = young() - before;',
        "process.stdout.write(JSON.stringify({ made, id: catalog.canonicalModel('claude-opus-4.6') }));",
      ].join('\n'),
    );
    const run = spawnSync(process.execPath, ['--min-semi-space-size=64', script, dist], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(run.status, run.stderr).toBe(0);
    const { made, id } = JSON.parse(run.stdout) as { made: number; id: string };
    expect(id).toBe('anthropic/claude-opus-4.6');
    expect(made).toBeLessThan(600_000);
  });

  it('gives the same answers before and after its name table is built (the 17th look-up)', () => {
    const names = ['claude-opus-4.6', 'Claude Opus 4.6', 'gpt-5', 'qwen3-coder', 'kimi-k2', 'gemini-2.5-pro', 'deepseek-r1', 'not a model', 'opus', 'o3'];
    const first = names.map((name) => canonicalModel(name));
    for (let round = 0; round < 5; round += 1) expect(names.map((name) => canonicalModel(name))).toEqual(first);
    expect(first[0]).toBe('anthropic/claude-opus-4.6');
    expect(first[7]).toBeNull();
    for (const id of knownModels().slice(0, 50)) expect(canonicalModel(id), id).toBe(id);
  });
});
