import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { TEST_GIT_ENV } from '../helpers/gitdir.js';
import { evilTarball, home, lock, lockedRepo, npm, run, serve, type Served } from '../helpers/lock-resolved.js';
import { npmFound, PNPM_PATH } from '../helpers/pnpm.js';

/**
 * Row 1044: `status` in a repository that takes pushes into its checked-out branch (push-to-deploy,
 * receive.denyCurrentBranch=updateInstead) asked hookBinary twice, the work tree's hooks' binary, then the server
 * hook's (bare: PATH only); the second call cleared the lock hookBinary had just found refusing node_modules/.bin/aitrail
 * (row 833's lockCause), so status's note told the person to run `npm i -D aitrail` (which installs from the lock's
 * server again) instead of naming package-lock.json. Real npm, a real HTTP server, the real init and status.
 */

let evil: Served | undefined;
let evilTgz = '';

beforeAll(async () => {
  if (!npmFound) return;
  evilTgz = evilTarball().tgz;
  evil = await serve(evilTgz);
});

afterAll(() => evil?.stop());

describe.skipIf(!npmFound)('status of a push-to-deploy repository whose node_modules/.bin/aitrail a lock named (row 1044)', () => {
  it('names the lock as init does, whatever the pre-receive check asked after', () => {
    const repo = lockedRepo('9.9.9', 'package-lock.json', lock('9.9.9', `${evil!.url}/aitrail/-/aitrail-9.9.9.tgz`, evilTgz));
    const homeDir = home('');
    npm(repo, homeDir, ['ci']);
    const env = { ...TEST_GIT_ENV, PATH: PNPM_PATH, HOME: homeDir };
    const said = "Warning: the hooks will not run node_modules/.bin/aitrail: it was installed from a source the project's package-lock.json names";
    const before = run(repo, env, [process.execPath, BIN, 'status']);
    expect(before.stdout, before.stderr).toContain(said);
    repo.git(['config', 'receive.denyCurrentBranch', 'updateInstead']);
    const after = run(repo, env, [process.execPath, BIN, 'status']);
    expect(after.stdout, after.stderr).toContain('Takes pushes into its checked-out branch (receive.denyCurrentBranch=updateInstead)');
    expect(after.stdout, after.stderr).toContain(said);
    expect(after.stdout).not.toContain('npm i -D aitrail');
  });
});
