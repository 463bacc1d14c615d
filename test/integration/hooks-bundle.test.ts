import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HOOK_NAMES } from '../../src/hooks/dispatch.js';

const BUNDLE = fileURLToPath(new URL('../../dist/hooks-bundle/', import.meta.url));

/**
 * bin/aitrail.js falls back to the whole CLI when the hook bundle cannot be loaded (a package
 * without dist/hooks-bundle still works): a broken bundle would only make every commit slower,
 * silently. Each file must load on its own.
 */
describe('dist/hooks-bundle (npm run build)', () => {
  it('the dispatcher, each hook and checkpoint load on their own', () => {
    const files = ['index', ...HOOK_NAMES, 'checkpoint'];
    const script = `for (const f of ${JSON.stringify(files)}) await import(${JSON.stringify(BUNDLE)} + f + '.js');`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
