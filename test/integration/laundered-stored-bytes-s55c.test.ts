// Session 55 helper c (row 1166): under `deny: ["qwen/*"]`, Qwen's commit Q whose `Assisted-by:` trailer sits after a
// NUL byte in its stored message (a hand-written object, `git hash-object -t commit --literally`; git shows the message
// only up to the NUL), on main before the deny and reverted, is refused itself (row 90: the judges read what the stored
// bytes name), but its change picked again as a person's commit passed `check` and pre-receive: the twin search (rows
// 1056..1124) read the commits the refs hold as git shows them. Found replaying the attacker's playbook with the built
// CLI and a real bare server with pre-receive. Now the walked commits git shows otherwise than stored are read again
// as stored, as the range's are.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { tempDir } from '../helpers/gitdir.js';
import { expectLaunderRefused, PARSE } from '../helpers/laundered-twins.js';

/** A server whose main holds Q (Qwen's trailer after a NUL byte of its stored message), a person's revert of it, then the deny, pushed. */
function storedAfterRevert() {
  const server = policyServer('policy:\n  deny: ["anthropic/*"]\n');
  const { work } = server;
  work.write('src/parse.ts', PARSE);
  work.git(['add', 'src/parse.ts']);
  const tree = work.git(['write-tree']);
  const parent = work.git(['rev-parse', 'HEAD']);
  const object = join(tempDir(), 'q.commit');
  writeFileSync(object, Buffer.from(`tree ${tree}\nparent ${parent}\nauthor P <p@example.com> 1700000000 +0000\ncommitter P <p@example.com> 1700000000 +0000\n\nfeat: parse\n\0\nAssisted-by: qwen-code:qwen/qwen3-coder\n`, 'utf8'));
  const qwen = work.git(['hash-object', '-t', 'commit', '-w', '--literally', object]);
  work.git(['reset', '-q', '--hard', qwen]);
  work.git(['revert', '--no-edit', 'HEAD']);
  expect(commitWith(work, 'chore: deny qwen\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' }, { noVerify: true }).code).toBe(0);
  const pushed = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
  expect(pushed.code, pushed.stderr).toBe(0);
  return { ...server, qwen };
}

describe('a person-read commit that is the change of a commit whose stored bytes alone name Qwen (row 1166)', () => {
  it("Q's trailer after a NUL byte, reverted, picked again as a person's: refused by check and pre-receive", () => {
    const server = storedAfterRevert();
    const { work, qwen } = server;
    // git shows Q's message without its trailer; the judges read it as stored, and refuse Q itself.
    expect(tryGit(work.dir, ['log', '-1', '--format=%B', qwen]).stdout).not.toContain('Assisted-by');
    const own = aitrail(work.dir, ['check', `${qwen}~1..${qwen}`, '--policy-from', 'origin/main']);
    expect(own.code, own.stdout + own.stderr).toBe(1);
    expect(tryGit(work.dir, ['cherry-pick', '-n', qwen]).code).toBe(0);
    expect(tryGit(work.dir, ['commit', '-q', '--no-verify', '-m', 'feat: parse']).code).toBe(0);
    expectLaunderRefused(server);
  });
});
