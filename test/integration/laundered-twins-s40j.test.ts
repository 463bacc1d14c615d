import { describe, expect, it } from 'vitest';
import { PATH_PATCHES_CAP, pathPatches } from '../../src/git/path-patches.js';
import { aitrail } from '../helpers/cli.js';
import { committed, CRYPTO_PATH_POLICY, policyServer, tryGit } from '../helpers/enforce-repos.js';

// Session 40, review of row 555 (history laundering twins): a twin must not have come after the
// person-read commit. A Qwen commit whose message names the person's commit by its full id (`git
// cherry-pick -x`'s `(cherry picked from commit <sha>)`) was made after it: it cannot be its original.

const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const PERSON_KEY = 'export function deriveKeyByHand(secret: string): string { return secret + "chosen-by-the-team-not-a-model"; }\n';
const at = (minutes: number): NodeJS.ProcessEnv => {
  const date = `@${Math.floor(Date.now() / 1000) + minutes * 60} +0000`;
  return { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
};

describe('history laundering twins: a Qwen pick of a person\'s commit is not its original', () => {
  it('a person\'s commit that Qwen backported with `cherry-pick -x` (its trailer added), then moved into src/crypto, passes check and pre-receive', () => {
    const { work, remote, base } = policyServer(CRYPTO_PATH_POLICY);
    work.git(['checkout', '-q', '-b', 'feature']);
    work.write('lib/key.ts', PERSON_KEY);
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'feat: key derivation by hand'], { env: at(1) });
    const person = work.git(['rev-parse', 'HEAD']);
    // Qwen Code, asked to backport it, picks it onto a release branch (-x names the person's commit) and adds its trailer.
    work.git(['checkout', '-q', '-b', 'release', base]);
    work.git(['cherry-pick', '-x', person], { env: at(2) });
    work.git(['commit', '--amend', '-q', '--no-verify', '-m', `${work.git(['log', '-1', '--format=%B'])}\n\n${QWEN_DECLARED}\n`], { env: at(2) });
    expect(work.git(['log', '-1', '--format=%B'])).toContain(`(cherry picked from commit ${person})`);
    const pushRelease = tryGit(work.dir, ['push', '-q', 'origin', 'release']);
    expect(pushRelease.code, pushRelease.stderr).toBe(0);
    work.git(['checkout', '-q', 'feature']);
    work.write('src/crypto/.keep', '');
    work.git(['mv', 'lib/key.ts', 'src/crypto/key.ts']);
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'refactor: key derivation is crypto'], { env: at(3) });
    work.git(['fetch', '-q', 'origin']);
    const check = aitrail(work.dir, ['check', 'origin/main..feature'], { timeout: 60_000 });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const push = tryGit(work.dir, ['push', 'origin', 'feature']);
    expect(push.code, push.stderr).toBe(0);
    expect(remote.git(['rev-parse', 'refs/heads/feature'])).toBe(work.git(['rev-parse', 'feature']));
  });
});

describe('history laundering twins: Qwen\'s short lines between a person\'s, laundered', () => {
  it('a rewrite of Qwen\'s commit that added one short line after each of a person\'s, moved into src/crypto, is refused by check and pre-receive', () => {
    const { work, remote } = policyServer(CRYPTO_PATH_POLICY);
    const sections = [1, 2, 3, 4, 5, 6].map((n) => `// section ${n}`);
    committed(work, 'feat: key sections\n', { 'lib/key.ts': `${sections.join('\n')}\n` });
    // Each of Qwen's lines is a run of its own in blame, under git's least copy score (40 letters and digits); together well past it.
    const qwen = committed(work, `feat: key constants\n\n${QWEN_DECLARED}\n`, { 'lib/key.ts': sections.map((line, n) => `${line}\nexport const k${n} = ${n}1;\n`).join('') });
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
    work.git(['fetch', '-q', 'origin']);
    const rewritten = work.git(['commit-tree', `${qwen}^{tree}`, '-p', `${qwen}~1`, '-m', 'feat: key constants'], { env: at(60) });
    work.git(['checkout', '-q', '-b', 'launder', rewritten]);
    work.write('src/crypto/.keep', '');
    work.git(['mv', 'lib/key.ts', 'src/crypto/key.ts']);
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'refactor: key derivation is crypto'], { env: at(61) });
    const check = aitrail(work.dir, ['check', 'origin/main..launder', '--format', 'json'], { timeout: 60_000 });
    expect(check.code, check.stdout + check.stderr).toBe(1);
    const found = (JSON.parse(check.stdout) as { violations: Array<{ sha: string; rule: string; lines?: number }> }).violations;
    expect(found).toMatchObject([{ sha: qwen, rule: 'path-model-denied', lines: 6 }]);
    const push = tryGit(work.dir, ['push', 'origin', 'launder']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).not.toContain('refs/heads/launder');
  });
});

describe('history laundering twins: a person\'s move of thousands of files', () => {
  // Row 558: the twin search read every moved path in one `git log -p` and refused past 2,000 paths (a person's
  // `git mv lib src/crypto` of 2,001 of their own files: exit 3, "split the push", which one commit cannot). The
  // search itself, over a real history, here: a check of such a move spends ~35 s in blame, not in the search.
  it('the twin search reads 2,001 paths in runs, each path once: both ends found, no cap error (row 558: a move of 2,001 files was refused)', async () => {
    const { work } = policyServer(CRYPTO_PATH_POLICY);
    const files: Record<string, string> = {};
    for (let n = 0; n <= PATH_PATCHES_CAP; n += 1) files[`lib/f${n}.ts`] = `export const value${n} = ${n};\n`;
    const sha = committed(work, 'feat: many modules\n', files);
    const paths = Object.keys(files);
    const patches = await pathPatches(work.dir, paths);
    const ofCommit = patches.filter((patch) => patch.sha === sha);
    expect(ofCommit.length).toBe(2); // one entry for each run of paths
    const seen = ofCommit.flatMap((patch) => [...patch.added.keys()]);
    expect(new Set(seen).size).toBe(paths.length);
    expect(seen.length).toBe(paths.length);
    expect(ofCommit.find((patch) => patch.added.has('lib/f0.ts'))?.added.get('lib/f0.ts')).toEqual([1]);
    expect(ofCommit.find((patch) => patch.added.has(`lib/f${PATH_PATCHES_CAP}.ts`))?.blobs.get(`lib/f${PATH_PATCHES_CAP}.ts`)).toBe(work.git(['rev-parse', `${sha}:lib/f${PATH_PATCHES_CAP}.ts`]));
  });
});
