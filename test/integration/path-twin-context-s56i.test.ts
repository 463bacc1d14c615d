// Session 56 helper i (row 1214): the path-rule twin search (pathPatches) read each change with git's three lines of
// context, which row 1102 took out of the whole-history search: Qwen's one-line change to lib/key.ts, accepted where
// Qwen is allowed, made again by a person on a branch where a line two above it had changed, then moved into src/crypto
// (`deny: ["qwen/*"]` there), had other context, another patch id, and passed check and pre-receive. Found reviewing the
// path-rule twin search after row 1213, replayed with a real repository, the built CLI's `check` and a real bare
// server with pre-receive. Now the path search's `git log -p` is `-U0`: the lines removed and added, as the other reads them.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { committed, CRYPTO_PATH_POLICY, policyServer, tryGit } from '../helpers/enforce-repos.js';

const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const later = (hours: number): NodeJS.ProcessEnv => {
  const at = `@${Math.floor(Date.now() / 1000) + hours * 3600} +0000`;
  return { GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at };
};
const lines = Array.from({ length: 20 }, (_, at) => `export const a${at} = ${at};`);
const file = (edits: Record<number, string>): string => `${lines.map((line, at) => edits[at] ?? line).join('\n')}\n`;
const QWEN_LINE = 'export const a10 = deriveTheTeamKeyWithRoundsOfHashingAndPepper(10);';

describe("Qwen's one-line change made again where a line two above it differs, moved under a path rule denying Qwen (row 1214)", () => {
  it("is refused by check and pre-receive naming Qwen's commit; the same edit of another line passes", () => {
    for (const [edit, refused] of [[QWEN_LINE, true], ['export const a10 = deriveTheTeamKeyWithRoundsOfHashingAndSalt(10);', false]] as const) {
      const { work, remote } = policyServer(CRYPTO_PATH_POLICY);
      committed(work, 'feat: constants\n', { 'lib/key.ts': file({}) });
      expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
      const base = work.git(['rev-parse', 'HEAD']);
      work.git(['checkout', '-q', '-b', 'qwen']);
      const qwen = committed(work, `feat: derived a10\n\n${QWEN_DECLARED}\n`, { 'lib/key.ts': file({ 10: QWEN_LINE }) });
      expect(tryGit(work.dir, ['push', '-q', 'origin', 'qwen']).code).toBe(0);
      work.git(['fetch', '-q', 'origin']);
      work.git(['checkout', '-q', '-b', 'launder', base]);
      work.write('lib/key.ts', file({ 8: 'export const a8 = 88;' }));
      work.git(['commit', '-q', '--no-verify', '-am', 'fix: a8'], { env: later(1) });
      work.write('lib/key.ts', file({ 8: 'export const a8 = 88;', 10: edit }));
      work.git(['commit', '-q', '--no-verify', '-am', 'feat: derived a10'], { env: later(2) });
      work.write('src/crypto/.keep', '');
      work.git(['mv', 'lib/key.ts', 'src/crypto/key.ts']);
      work.git(['commit', '-q', '--no-verify', '-am', 'refactor: key is crypto'], { env: later(3) });
      const check = aitrail(work.dir, ['check', 'origin/main..launder'], { timeout: 120_000 });
      const push = tryGit(work.dir, ['push', 'origin', 'launder']);
      if (refused) {
        expect(check.code, check.stdout + check.stderr).toBe(1);
        expect(check.stdout).toContain(qwen.slice(0, 12));
        expect(push.code, push.stderr).not.toBe(0);
        expect(push.stderr).toContain(qwen.slice(0, 12));
        expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).not.toContain('refs/heads/launder');
      } else {
        expect(check.code, check.stdout + check.stderr).toBe(0);
        expect(push.code, push.stderr).toBe(0);
      }
    }
  });
});
