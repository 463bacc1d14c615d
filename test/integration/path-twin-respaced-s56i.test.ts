// Session 56 helper i (row 1213): the path-rule twin search (twin-lines.ts, pathPatches) still compared git's own
// `git patch-id --stable` of each commit's change, which hashes each line's sign: Qwen's lib/key.ts, accepted where
// Qwen is allowed, typed again by a person with a blank line more, with carriage returns for line breaks, with Unicode
// white space or re-wrapped (rows 1203, 1205, 1206, closed for the whole-history search only; lone carriage
// returns (1204) in a protected file already stop the path rules' judgement, exit 3), then moved into
// src/crypto (`deny: ["qwen/*"]` there), passed check and pre-receive. Found reviewing helper c's change and replaying
// the rows under a path rule, with a real repository, the built CLI's `check` and a real bare server with pre-receive.
// Now the path search reads each file's change as the whole-history one does (PatchSplitter), and a twin whose added
// lines are counted otherwise gives each landed line its own at the same share of the twin's; and (row 1215) its
// `git log -p` runs where no `.gitattributes` of the content applies (attributesFree).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { committed, CRYPTO_PATH_POLICY, policyServer, QWEN_KEY, tryGit } from '../helpers/enforce-repos.js';
import type { TestRepo } from '../helpers/gitdir.js';

const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const later = (hours: number): NodeJS.ProcessEnv => {
  const at = `@${Math.floor(Date.now() / 1000) + hours * 3600} +0000`;
  return { GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at };
};

/** Qwen's lib/key.ts accepted on the server's main; `launder` a person's branch from before it writing `text` there, then moving it into src/crypto. */
function launder(text: string, attributes?: string): { work: TestRepo; remote: TestRepo; qwen: string } {
  const { work, remote } = policyServer(CRYPTO_PATH_POLICY);
  const base = work.git(['rev-parse', 'HEAD']);
  const qwen = committed(work, `feat: key derivation\n\n${QWEN_DECLARED}\n`, { 'lib/key.ts': QWEN_KEY });
  expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
  work.git(['fetch', '-q', 'origin']);
  work.git(['checkout', '-q', '-b', 'launder', base]);
  if (attributes !== undefined) committed(work, 'chore: attributes\n', { '.gitattributes': attributes });
  work.write('lib/key.ts', text);
  work.git(['add', '-A']);
  work.git(['commit', '-q', '--no-verify', '-m', 'feat: key derivation'], { env: later(1) });
  work.write('src/crypto/.keep', '');
  work.git(['mv', 'lib/key.ts', 'src/crypto/key.ts']);
  work.git(['add', '-A']);
  work.git(['commit', '-q', '--no-verify', '-m', 'refactor: key derivation is crypto'], { env: later(2) });
  return { work, remote, qwen };
}

type Found = Array<{ sha: string; rule: string; paths: string[] }>;

const VARIANTS: Record<string, string> = {
  'a blank line more between and after its lines (row 1203)': QWEN_KEY.replace('\n', '\n\n').replace(/\n$/, '\n\n  \n'),
  'no-break and ideographic spaces, a byte order mark (row 1205)': `\uFEFF${QWEN_KEY.replace(/ /g, '\u00A0').replace(/\n/g, '\n\u3000')}`,
  're-wrapped as a formatter does (row 1206)': QWEN_KEY.replace('{ return secret', '{\n  return secret').replace(/; }/g, ';\n}').replace(' + "pepper', '\n    + "pepper'),
};

/**
 * Row 1215: the path search's `git log -p --binary` read the work tree's `.gitattributes`: a person's `-diff` on
 * lib/key.ts made both sides `GIT binary patch`es of their own bytes, other ids, and check (a checkout) passed the
 * copy with a blank line more; the bare server (git 2.39 reads no attributes from HEAD) refused it.
 */
const ATTRIBUTES = 'a blank line more, behind a `.gitattributes` saying `-diff` for its path (row 1215)';

describe("Qwen's accepted file typed again re-spaced, moved into a path whose rule denies Qwen (row 1213)", () => {
  it.each([...Object.keys(VARIANTS), ATTRIBUTES])('is refused by check and pre-receive naming Qwen\'s commit: %s', (name) => {
    const { work, remote, qwen } = name === ATTRIBUTES ? launder(QWEN_KEY.replace('\n', '\n\n'), 'lib/key.ts -diff\nsrc/crypto/key.ts -diff\n') : launder(VARIANTS[name]!);
    const check = aitrail(work.dir, ['check', 'origin/main..launder', '--format', 'json'], { timeout: 120_000 });
    expect(check.code, check.stdout + check.stderr).toBe(1);
    const found = (JSON.parse(check.stdout) as { violations: Found }).violations;
    expect(found).toMatchObject([{ sha: qwen, rule: 'path-model-denied', paths: ['src/crypto/key.ts'] }]);
    const push = tryGit(work.dir, ['push', 'origin', 'launder']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain(qwen.slice(0, 12));
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).not.toContain('refs/heads/launder');
  });

  it("a person's own file of other words, spaced and wrapped alike, passes check and pre-receive", () => {
    const { work } = launder(VARIANTS['a blank line more between and after its lines (row 1203)']!.replace('pepper-and-salt', 'salt-of-the-team').replace('600000', '310000'));
    const check = aitrail(work.dir, ['check', 'origin/main..launder'], { timeout: 120_000 });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const push = tryGit(work.dir, ['push', 'origin', 'launder']);
    expect(push.code, push.stderr).toBe(0);
  });
});
