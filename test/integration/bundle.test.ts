import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HOOK_NAMES } from '../../src/hooks/dispatch.js';
import { BIN } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

const BUNDLE = fileURLToPath(new URL('../../dist/hooks-bundle/', import.meta.url));

/**
 * bin/aitrail.js falls back to the whole CLI when a hook's bundle cannot be loaded (a package
 * without dist/hooks-bundle still works): a broken bundle would only make every commit slower,
 * silently. Each file must load on its own.
 */
describe('dist/hooks-bundle (npm run build)', () => {
  it('the loader and each hook load on their own (CommonJS, runHook exported); checkpoint too', () => {
    const script = [
      `const dir = ${JSON.stringify(BUNDLE)};`,
      `if (typeof require(dir + 'loader.cjs').runBundledHook !== 'function') throw new Error('loader');`,
      `for (const hook of ${JSON.stringify(HOOK_NAMES)}) if (typeof require(dir + hook + '.cjs').runHook !== 'function') throw new Error(hook);`,
      `import(dir + 'checkpoint.js').then((m) => { if (typeof m.runCheckpointCommand !== 'function') throw new Error('checkpoint'); });`,
    ].join('\n');
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('no hook bundle holds a dynamic import (a script compiled from the code cache cannot run one in node 20)', () => {
    for (const hook of HOOK_NAMES) expect(readFileSync(`${BUNDLE}${hook}.cjs`, 'utf8'), hook).not.toMatch(/\bimport\(/);
  });

  it('a hook run writes its V8 code cache beside the bundle, and the next run reads it', () => {
    const repo = makeRepo();
    const cache = `${BUNDLE}post-rewrite.cjs.cache`;
    rmSync(cache, { force: true });
    const run = () => spawnSync(process.execPath, [BIN, 'hook', 'post-rewrite', 'amend'], { cwd: repo.dir, input: '', encoding: 'utf8' });
    expect(run().status).toBe(0);
    expect(existsSync(cache)).toBe(true);
    const written = statSync(cache).mtimeMs;
    expect(run().status).toBe(0);
    expect(statSync(cache).mtimeMs).toBe(written);
  });
});
