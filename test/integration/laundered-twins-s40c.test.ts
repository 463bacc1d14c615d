import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { committed, copiedPair, CRYPTO_PATH_POLICY, policyServer, project, QWEN_KEY, tryGit } from '../helpers/enforce-repos.js';
import type { TestRepo } from '../helpers/gitdir.js';

// Session 40 (history laundering): Qwen's lib/key.ts, accepted where Qwen is allowed, rewritten
// without its trailer (filter-branch --msg-filter, commit-tree, a pick or squash whose message drops
// the trailers), then moved into src/crypto: the lines blamed to the rewrite, a person's commit to
// every layer, while a plain move of Qwen's commit was refused (row 6).

const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const FILTER_ENV = { FILTER_BRANCH_SQUELCH_WARNING: '1' };
/** A date well after every commit the set-up made (laterThanNow's minute, here an hour: a rewrite is made after the original). */
const later = (hours: number): NodeJS.ProcessEnv => {
  const at = `@${Math.floor(Date.now() / 1000) + hours * 3600} +0000`;
  return { GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at };
};

type Found = Array<{ sha: string; rule: string; paths: string[]; lines?: number }>;

/**
 * A server (pre-receive) with CRYPTO_PATH_POLICY, and Qwen's lib/key.ts accepted on its main: the work repo, the server, Qwen's commit.
 * Pushed (its pre-receive run) once per file; each test a copy of that pair (copiedPair).
 */
function qwenAccepted(): { work: TestRepo; remote: TestRepo; qwen: string } {
  const { work, remote } = copiedPair('laundered-twins qwenAccepted', () => {
    const made = policyServer(CRYPTO_PATH_POLICY);
    committed(made.work, `feat: key derivation\n\n${QWEN_DECLARED}\n`, { 'lib/key.ts': QWEN_KEY });
    const push = tryGit(made.work.dir, ['push', '-q', 'origin', 'main']);
    if (push.code !== 0) throw new Error(push.stderr);
    made.work.git(['fetch', '-q', 'origin']);
    return made;
  });
  // The copy's HEAD: Qwen's commit, read from .git (makeRepo's rev-parse HEAD).
  const qwen = work.git(['rev-parse', 'HEAD']);
  return { work, remote, qwen };
}

/** Each way of rewriting Qwen's commit (on main's tip, as `launder` from its parent) without its trailer. */
const REWRITES: Record<string, (work: TestRepo, qwen: string) => void> = {
  'filter-branch --msg-filter': (work, qwen) => {
    work.git(['checkout', '-q', '-b', 'launder', qwen]);
    work.git(['filter-branch', '-f', '--msg-filter', 'grep -v Assisted-by', `${qwen}~1..launder`], { env: FILTER_ENV });
  },
  'commit-tree of its tree': (work, qwen) => {
    const rewritten = work.git(['commit-tree', `${qwen}^{tree}`, '-p', `${qwen}~1`, '-m', 'feat: key derivation'], { env: later(1) });
    work.git(['checkout', '-q', '-b', 'launder', rewritten]);
  },
  'rebase -i reword': (work, qwen) => {
    work.git(['checkout', '-q', '-b', 'launder', qwen]);
    const editor = `sh -c 'grep -v Assisted-by "$1" > "$1.new"; mv "$1.new" "$1"' -`;
    work.git(['rebase', '-q', '-i', `${qwen}~1`], { env: { ...later(1), GIT_SEQUENCE_EDITOR: "sed -i '1s/^pick/reword/'", GIT_EDITOR: editor } });
  },
  'cherry-pick, then commit --amend -m': (work, qwen) => {
    work.git(['checkout', '-q', '-b', 'launder', `${qwen}~1`]);
    work.git(['cherry-pick', qwen], { env: later(1) });
    work.git(['commit', '--amend', '-q', '-m', 'feat: key derivation'], { env: later(1) });
  },
};

/** A person's `git mv lib/key.ts src/crypto/key.ts`, committed on the branch checked out. */
function moveIntoCrypto(work: TestRepo): void {
  work.write('src/crypto/.keep', '');
  work.git(['mv', 'lib/key.ts', 'src/crypto/key.ts']);
  committed(work, 'refactor: key derivation is crypto\n', {});
}

function expectRefused(work: TestRepo, remote: TestRepo, branch: string, qwen: string): void {
  const check = aitrail(work.dir, ['check', `origin/main..${branch}`, '--format', 'json'], { timeout: 60_000 });
  expect(check.code, check.stdout + check.stderr).toBe(1);
  const found = (JSON.parse(check.stdout) as { violations: Found }).violations;
  expect(found).toMatchObject([{ sha: qwen, rule: 'path-model-denied', paths: ['src/crypto/key.ts'], lines: 3 }]);
  const push = tryGit(work.dir, ['push', 'origin', branch]);
  expect(push.code, push.stderr).not.toBe(0);
  expect(push.stderr).toContain(`error   ${qwen.slice(0, 12)} `);
  expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).not.toContain(`refs/heads/${branch}`);
}

describe('history laundering: an accepted Qwen commit rewritten without its trailer, then moved into a protected path', () => {
  it.each(Object.keys(REWRITES))('is refused by check and pre-receive (both passed it): %s', (name) => {
    const { work, remote, qwen } = qwenAccepted();
    REWRITES[name]!(work, qwen);
    expect(work.git(['log', '-1', '--format=%B'])).not.toContain('Assisted-by');
    expect(work.git(['rev-parse', 'HEAD'])).not.toBe(qwen);
    moveIntoCrypto(work);
    expectRefused(work, remote, 'launder', qwen);
  });

  it('is refused when the rewrite is a squash of Qwen commits whose message drops their trailers', () => {
    const { work, remote } = policyServer(CRYPTO_PATH_POLICY);
    const [first, second] = QWEN_KEY.split('\n');
    const one = committed(work, `feat: key derivation\n\n${QWEN_DECLARED}\n`, { 'lib/key.ts': `${first}\n` });
    committed(work, `feat: rounds\n\n${QWEN_DECLARED}\n`, { 'lib/key.ts': `${first}\n${second}\n` });
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
    work.git(['fetch', '-q', 'origin']);
    work.git(['checkout', '-q', '-b', 'launder']);
    work.git(['reset', '-q', '--soft', `${one}~1`]);
    work.git(['commit', '-q', '--no-verify', '-m', 'feat: key derivation and rounds'], { env: later(1) });
    moveIntoCrypto(work);
    const check = aitrail(work.dir, ['check', 'origin/main..launder', '--format', 'json'], { timeout: 60_000 });
    expect(check.code, check.stdout + check.stderr).toBe(1);
    const found = (JSON.parse(check.stdout) as { violations: Found }).violations;
    expect(found.map((violation) => violation.rule)).toEqual(['path-model-denied', 'path-model-denied']);
    expect(tryGit(work.dir, ['push', 'origin', 'launder']).code).not.toBe(0);
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).not.toContain('refs/heads/launder');
  });

  it('is refused when Qwen\'s change is picked onto a branch where the file differs, its trailer dropped (the same patch id, another blob)', () => {
    const { work, remote } = policyServer(CRYPTO_PATH_POLICY);
    // Lines of the team's between the header a person edits and Qwen's change: outside the diff's context, as a patch id reads it.
    const body = 'export const version = 1;\nexport const a = 1;\nexport const b = 2;\nexport const c = 3;\nexport const d = 4;\n';
    committed(work, 'feat: key module\n', { 'lib/key.ts': `// keys, by the team\n${body}` });
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
    work.git(['checkout', '-q', '-b', 'qwen']);
    const qwen = committed(work, `feat: key derivation\n\n${QWEN_DECLARED}\n`, { 'lib/key.ts': `// keys, by the team\n${body}${QWEN_KEY}` });
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'qwen']).code).toBe(0);
    work.git(['checkout', '-q', 'main']);
    committed(work, 'docs: key module header\n', { 'lib/key.ts': `// keys, by the team (reviewed)\n${body}` });
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
    work.git(['fetch', '-q', 'origin']);
    work.git(['checkout', '-q', '-b', 'launder']);
    work.git(['cherry-pick', qwen], { env: later(1) });
    work.git(['commit', '--amend', '-q', '-m', 'feat: key derivation'], { env: later(1) });
    expect(work.git(['rev-parse', 'HEAD:lib/key.ts'])).not.toBe(work.git(['rev-parse', `${qwen}:lib/key.ts`]));
    moveIntoCrypto(work);
    expectRefused(work, remote, 'launder', qwen);
  });

  it('pre-push refuses it too', () => {
    const { work } = project(CRYPTO_PATH_POLICY, { hooks: ['pre-push'] });
    const qwen = committed(work, `feat: key derivation\n\n${QWEN_DECLARED}\n`, { 'lib/key.ts': QWEN_KEY });
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
    REWRITES['filter-branch --msg-filter']!(work, qwen);
    moveIntoCrypto(work);
    const push = tryGit(work.dir, ['push', 'origin', 'launder']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain(qwen.slice(0, 12));
  });
});

describe('history laundering: a person\'s own commit that matches a Qwen commit stays the person\'s', () => {
  /** `check origin/main..<branch>` passes and the server takes the branch. */
  function expectPasses(work: TestRepo, branch: string): void {
    const check = aitrail(work.dir, ['check', `origin/main..${branch}`], { timeout: 60_000 });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const push = tryGit(work.dir, ['push', 'origin', branch]);
    expect(push.code, push.stderr).toBe(0);
  }
  const PERSON_KEY = 'export function deriveKeyByHand(secret: string): string { return secret + "chosen-by-the-team-not-a-model"; }\n';

  it('a person\'s one-line fix identical to one Qwen made on another branch, moved into src/crypto, passes', () => {
    const { work } = policyServer(CRYPTO_PATH_POLICY);
    committed(work, 'feat: key derivation by hand\n', { 'lib/key.ts': `${PERSON_KEY}export const rounds = 1;\n` });
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
    work.git(['checkout', '-q', '-b', 'qwen-fix']);
    committed(work, `fix: more rounds\n\n${QWEN_DECLARED}\n`, { 'lib/key.ts': `${PERSON_KEY}export const rounds = 2;\n` });
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'qwen-fix']).code).toBe(0);
    work.git(['checkout', '-q', '-b', 'fix', 'main']);
    work.write('lib/key.ts', `${PERSON_KEY}export const rounds = 2;\n`);
    work.git(['commit', '-q', '--no-verify', '-am', 'fix: more rounds'], { env: later(1) });
    moveIntoCrypto(work);
    work.git(['fetch', '-q', 'origin']);
    expectPasses(work, 'fix');
  });

  it('a person\'s file that Qwen committed again later on its branch (the same blob, with its trailer), moved into src/crypto, passes', () => {
    const { work } = policyServer(CRYPTO_PATH_POLICY);
    const base = work.git(['rev-parse', 'HEAD']);
    committed(work, 'feat: key derivation by hand\n', { 'lib/key.ts': PERSON_KEY });
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
    work.git(['checkout', '-q', '-b', 'qwen', base]);
    work.write('lib/key.ts', PERSON_KEY);
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', `feat: key derivation\n\n${QWEN_DECLARED}`], { env: later(1) });
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'qwen']).code).toBe(0);
    work.git(['checkout', '-q', '-b', 'move', 'main']);
    work.write('src/crypto/.keep', '');
    work.git(['mv', 'lib/key.ts', 'src/crypto/key.ts']);
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'refactor: key derivation is crypto'], { env: later(2) });
    work.git(['fetch', '-q', 'origin']);
    expectPasses(work, 'move');
  });

  it('a person\'s revert of Qwen\'s edit, and a merge of Qwen\'s branch that keeps the person\'s file, moved into src/crypto, pass', () => {
    const { work } = policyServer(CRYPTO_PATH_POLICY);
    committed(work, 'feat: key derivation by hand\n', { 'lib/key.ts': PERSON_KEY });
    const qwen = committed(work, `feat: key derivation\n\n${QWEN_DECLARED}\n`, { 'lib/key.ts': `${PERSON_KEY}${QWEN_KEY}` });
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
    work.git(['checkout', '-q', '-b', 'other', 'main']);
    committed(work, `feat: other\n\n${QWEN_DECLARED}\n`, { 'lib/other.ts': QWEN_KEY });
    work.git(['checkout', '-q', '-b', 'revert', 'main']);
    work.git(['revert', '--no-edit', qwen], { env: later(1) });
    work.git(['merge', '-q', '--no-edit', 'other'], { env: later(1) });
    moveIntoCrypto(work);
    work.git(['fetch', '-q', 'origin']);
    expectPasses(work, 'revert');
  });
});
