// Session 55 helper c (row 1164): under `unknownModel: deny`, an agent's commit whose model is not identified
// (Cursor's own co-author line, `cursor:unknown`) is refused, but the same change picked again as a person's commit
// (`git cherry-pick -n Q && git commit --no-verify`) passed `check` and pre-receive: the twin search (rows 1056,
// 1079..1124) looked only for commits refused by `deny`/`allow`, and did not run at all under `unknownModel: deny`
// alone. Found replaying the attacker's playbook against the twin search with the built CLI and a real bare server
// with pre-receive. Now a commit refused by `unknownModel: deny` is a refused commit to the twin search, which runs
// under that setting too.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, tryGit } from '../helpers/enforce-repos.js';
import { deniedAfterRevert, expectLaunderRefused, PARSE } from '../helpers/laundered-twins.js';

const CURSOR = 'Co-authored-by: Cursor <cursoragent@cursor.com>';

/** A server whose main holds Cursor's commit (model unknown, made before `policy`), a person's revert of it, then `policy`, pushed. */
const unknownAfterRevert = (policy: string) => deniedAfterRevert(policy, 'src/parse.ts', { message: `feat: parse\n\n${CURSOR}\n` });

describe('a person-read commit that is the change of a commit refused by unknownModel: deny (row 1164)', () => {
  for (const policy of ['policy:\n  unknownModel: deny\n', 'policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n']) {
    it(`Cursor's reverted commit picked again without its co-author line is refused by check and pre-receive (${JSON.stringify(policy)})`, () => {
      const server = unknownAfterRevert(policy);
      const { work, qwen } = server;
      // The commit itself is refused by the policy now on main.
      const own = aitrail(work.dir, ['check', `${qwen}~1..${qwen}`, '--policy-from', 'origin/main']);
      expect(own.code, own.stdout + own.stderr).toBe(1);
      expect(own.stdout).toContain('unknown-model');
      // The laundering: its change, the co-author line dropped.
      expect(tryGit(work.dir, ['cherry-pick', '-n', qwen]).code).toBe(0);
      expect(tryGit(work.dir, ['commit', '-q', '--no-verify', '-m', 'feat: parse']).code).toBe(0);
      expectLaunderRefused(server, 'unknown-model');
    });
  }

  it("under unknownModel: warn the same pick passes (the commit itself is not refused), and so does a person's own different change under deny", () => {
    const server = unknownAfterRevert('policy:\n  unknownModel: warn\n');
    const { work, qwen } = server;
    expect(tryGit(work.dir, ['cherry-pick', '-n', qwen]).code).toBe(0);
    expect(tryGit(work.dir, ['commit', '-q', '--no-verify', '-m', 'feat: parse']).code).toBe(0);
    const pushed = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
    expect(pushed.code, pushed.stderr).toBe(0);
    const denied = unknownAfterRevert('policy:\n  unknownModel: deny\n');
    expect(commitWith(denied.work, 'feat: parse by hand\n', { 'src/parse.ts': PARSE.replace('part.length > 0', 'part !== ""') }, { noVerify: true }).code).toBe(0);
    const own = tryGit(denied.work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
    expect(own.code, own.stderr).toBe(0);
  });
});
