// Issue 8, red team: ways around the model policy found after the eleven listed attacks were
// closed, each replayed the way an insider or a hostile repository would — real bare servers
// running the pre-receive hook, real pushes with --no-verify, real CI-style clones. Every test
// here failed before its fix.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, BIN } from '../helpers/cli.js';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { tempDir, type TestRepo } from '../helpers/gitdir.js';

const POLICY = 'policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n  undeclared: deny\n';
const DENIED = 'feat: parser\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n';

const tip = (repo: TestRepo, ref = 'main'): string => repo.git(['rev-parse', ref]);

/** A directory holding an `aitrail` command that runs the built CLI (what `npm i -g aitrail` gives a server). */
function aitrailOnPath(): string {
  const dir = tempDir('aitrail-path-');
  writeFileSync(join(dir, 'aitrail'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(dir, 'aitrail'), 0o755);
  return dir;
}

describe('the pusher cannot switch the server hook off', () => {
  it('AITRAIL=0 in the environment of a push does not skip pre-receive (the shim aitrail init installs, and the hook command itself)', () => {
    const { remote, work, base } = policyServer(POLICY);
    commitWith(work, DENIED, { 'src/parser.ts': 'x\n' }, { noVerify: true });
    // The helper's hook: `aitrail hook pre-receive` itself.
    const direct = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main'], { env: { AITRAIL: '0' } });
    expect(direct.code).not.toBe(0);
    expect(direct.stderr).toMatch(/remote: .*qwen\/qwen3-coder/);
    expect(tip(remote)).toBe(base);
    // The shim `aitrail init` writes into a bare repository (aitrail found on the server's PATH).
    const path = `${aitrailOnPath()}:${process.env.PATH ?? ''}`;
    const init = aitrail(remote.dir, ['init', '--force'], { env: { PATH: path } });
    expect(init.code, init.stderr).toBe(0);
    const viaShim = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main'], { env: { AITRAIL: '0', PATH: path } });
    expect(viaShim.code).not.toBe(0);
    expect(viaShim.stderr).toMatch(/remote: .*qwen\/qwen3-coder/);
    expect(tip(remote)).toBe(base);
  });
});
