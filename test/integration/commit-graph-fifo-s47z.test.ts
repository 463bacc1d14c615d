import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { QWEN } from '../helpers/enforce-repos.js';
import { makeRepo, removeTempDirs, TEST_GIT_ENV } from '../helpers/gitdir.js';

afterAll(removeTempDirs);

// Row 853 (review of 837): a graph file that is no regular file is neither verified nor read.
// A FIFO at objects/info/commit-graph held `git commit-graph verify` (and so `aitrail blame`) forever.

const FILLER = Object.fromEntries(Array.from({ length: 16 }, (_, index) => [`docs/page-${index}.md`, `page ${index}\n`]));

function blame(dir: string): { status: number | null; stdout: string; stderr: string } {
  // A hang is the fault: 60 s is far past what this 3-commit report needs even on a loaded machine.
  return spawnSync(process.execPath, [BIN, 'blame', '--no-cache', '--format', 'json'], { cwd: dir, env: TEST_GIT_ENV, encoding: 'utf8', timeout: 60_000 });
}

describe('853: a FIFO or a device where git keeps its commit-graph', () => {
  it('a FIFO at objects/info/commit-graph, or at a chain layer: the report ends, counts Qwen\'s lines, reads no graph', () => {
    const repo = makeRepo();
    repo.commit('chore: pages\n', { ...FILLER, 'src/a.ts': 'a\n' });
    repo.commit(`feat: b\n\n${QWEN}\n`, { 'src/a.ts': 'a\nb\nc\n' });
    const info = join(repo.dir, '.git', 'objects', 'info');
    expect(spawnSync('mkfifo', [join(info, 'commit-graph')]).status).toBe(0);
    const fifo = blame(repo.dir);
    expect(fifo.error, 'blame hung on the FIFO').toBeUndefined();
    expect(fifo.status, fifo.stderr).toBe(0);
    expect(JSON.parse(fifo.stdout).totals).toMatchObject({ lines: 19, ai: 2 });

    rmSync(join(info, 'commit-graph'));
    const hash = '0'.repeat(40);
    mkdirSync(join(info, 'commit-graphs'));
    writeFileSync(join(info, 'commit-graphs', 'commit-graph-chain'), `${hash}\n`);
    expect(spawnSync('mkfifo', [join(info, 'commit-graphs', `graph-${hash}.graph`)]).status).toBe(0);
    const layer = blame(repo.dir);
    expect(layer.error, 'blame hung on the chain layer FIFO').toBeUndefined();
    expect(layer.status, layer.stderr).toBe(0);
    expect(JSON.parse(layer.stdout).totals).toMatchObject({ lines: 19, ai: 2 });
  });
});
