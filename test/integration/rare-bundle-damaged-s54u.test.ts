// Session 54 helper u (row 1153): a message hook whose rare file (dist/bundle/<hook>.rare.cjs, row 1139)
// was missing, truncated or of another build failed on a rare run (a cold config cache) with V8's words
// only: `aitrail: internal error: Invalid or unexpected token` and "Please report this", or a bare ENOENT.
// Found by re-reading src/io/rare-bundle.ts and replaying each damage on a private copy of the bundles.
// Now each says which file, what is wrong with it and to reinstall aitrail (commit-msg exits 3, prepare-commit-msg
// warns and goes on, as for any config it cannot load); the message is kept.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { privateBundle, RUN_BUNDLED_HOOK as RUN } from '../helpers/private-bundle.js';
import { makeRepo, TEST_GIT_ENV } from '../helpers/gitdir.js';

const BUNDLE = fileURLToPath(new URL('../../dist/bundle/', import.meta.url));
const cleanups: Array<() => void> = [];
afterAll(() => cleanups.splice(0).forEach((cleanup) => cleanup()));


describe('a damaged rare file (row 1153)', () => {
  it('missing, truncated or of another build: one clear line naming it, commit-msg exits 3, the message kept', () => {
    const dir = privateBundle(cleanups);
    const repo = makeRepo();
    repo.commit('one', { '.aitrailrc.yml': 'policy:\n  deny: ["deepseek/*"]\n' });
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(repo.dir, '.aitrailrc.yml'), past, past);
    const message = join(repo.dir, '.git', 'COMMIT_EDITMSG');
    const damages: Record<string, (file: string, whole: string) => void> = {
      missing: (file) => rmSync(file),
      truncated: (file, whole) => writeFileSync(file, whole.slice(0, Math.floor(whole.length / 2)), 'latin1'),
      'of another build': (file) => writeFileSync(file, 'module.exports = {};\n'),
    };
    for (const hook of ['prepare-commit-msg', 'commit-msg']) {
      const file = join(dir, `${hook}.rare.cjs`);
      const whole = readFileSync(`${BUNDLE}${hook}.rare.cjs`, 'latin1');
      for (const [damage, apply] of Object.entries(damages)) {
        writeFileSync(file, whole, 'latin1');
        apply(file, whole);
        // A cold config cache: the config's loader is in the rare file.
        rmSync(join(repo.dir, '.git', 'aitrail'), { recursive: true, force: true });
        writeFileSync(message, 'Add a feature\n\nwith a body\n');
        const args = hook === 'commit-msg' ? [hook, '.git/COMMIT_EDITMSG'] : [hook, '.git/COMMIT_EDITMSG', 'message'];
        const result = spawnSync(process.execPath, ['-e', RUN, dir, ...args], { cwd: repo.dir, env: { ...TEST_GIT_ENV, AITRAIL_MODEL: 'anthropic/claude-opus-4.6' }, encoding: 'utf8' });
        const what = `${hook} ${damage}`;
        // prepare-commit-msg never stops a commit (it warns, records the trailer by the built-in defaults); commit-msg refuses.
        expect(result.status, `${what}: ${result.stderr}`).toBe(hook === 'commit-msg' ? 3 : 0);
        expect(result.stderr, what).toContain(`${hook}.rare.cjs`);
        expect(result.stderr, what).toMatch(damage === 'missing' ? /no such file or directory/ : /reinstall aitrail/);
        expect(result.stderr, what).not.toMatch(/internal error|Please report|\n\s+at /);
        expect(readFileSync(message, 'utf8'), what).toMatch(/^Add a feature\n\nwith a body\n/);
      }
      // Whole again: the hook answers (the damage left nothing behind).
      writeFileSync(file, whole, 'latin1');
      rmSync(join(repo.dir, '.git', 'aitrail'), { recursive: true, force: true });
      writeFileSync(message, 'Add a feature\n');
      const args = hook === 'commit-msg' ? [hook, '.git/COMMIT_EDITMSG'] : [hook, '.git/COMMIT_EDITMSG', 'message'];
      const healed = spawnSync(process.execPath, ['-e', RUN, dir, ...args], { cwd: repo.dir, env: { ...TEST_GIT_ENV, AITRAIL_MODEL: 'anthropic/claude-opus-4.6' }, encoding: 'utf8' });
      expect(healed.status, healed.stderr).toBe(0);
    }
  });
});
