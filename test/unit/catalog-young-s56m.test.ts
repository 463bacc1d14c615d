// Session 56 helper m (row 1223): every warm run of an AI commit's hook paid one young-generation
// garbage collection that `node -e 0` does not (issue 12 item 2). Found with `node --trace-gc` on the
// built hook and a per-module count of young bytes made by each bundled module's top level: the model
// catalog's tables (src/core/model-data.ts: ~79 KB, mostly the short-lived arrays of flatMap/spread/
// Object.entries chains) and the normalised-name Map (src/core/catalog.ts: ~31 KB, built for every
// process though a hook looks up one or two names) were the largest set-ups that are not data. Now:
// the tables are built with plain loops, and the Map only on a process's 17th look-up (or first walk);
// the answers are the same. The collection itself still happens (what is left is listed in the report).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { canonicalModel, knownModels } from '../../src/core/catalog.js';

describe('the model catalog at load (row 1223)', () => {
  it('the catalog module and what it imports make under 185 KB of young objects at load (were ~220 KB)', () => {
    // Bundled as a hook's bundle holds it (esbuild, one CommonJS file, its data files inlined), compiled first,
    // then its top level run in a young generation large enough that no collection hides what it made.
    const file = join(mkdtempSync(join(tmpdir(), 'aitrail-s56m-')), 'catalog.cjs');
    const entry = fileURLToPath(new URL('../../src/core/catalog.ts', import.meta.url));
    writeFileSync(file, buildSync({ entryPoints: [entry], bundle: true, format: 'cjs', platform: 'node', write: false, logLevel: 'silent' }).outputFiles[0]!.text);
    const child = [
      "const { getHeapSpaceStatistics } = require('node:v8');",
      "const young = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_used_size;",
      "const run = new (require('node:vm').Script)(`(function (module, exports, require) {${require('node:fs').readFileSync(process.argv[1], 'latin1')}\\n})`).runInThisContext();",
      'const loaded = { exports: {} };',
      'const before = young();',
      'run(loaded, loaded.exports, require);',
      'const made = young() - before;',
      "process.stdout.write(JSON.stringify({ made, id: loaded.exports.canonicalModel('claude-opus-4.6') }));",
    ].join('\n');
    const result = spawnSync(process.execPath, ['--min-semi-space-size=64', '-e', child, file], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(result.status, result.stderr).toBe(0);
    const { made, id } = JSON.parse(result.stdout) as { made: number; id: string };
    expect(id).toBe('anthropic/claude-opus-4.6');
    expect(made).toBeLessThan(185_000);
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
