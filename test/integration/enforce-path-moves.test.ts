import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { CLAUDE_DECLARED, commitWith, installHooks, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

// Issue 8, item 6: path rules judge the lines a range brings into protected paths, however they
// got there (moves, renames, copies, merges), not only each commit's own list of changed paths.

const NO_AI_IN_CRYPTO = 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      allow: []\n';
const REVIEWED_CRYPTO = 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      requireTrailers: ["Reviewed-by"]\n';

const AES = 'export function aes(block: Uint8Array, key: Uint8Array) {\n  return encryptTheBlockWithTheKeyAndTheInitialVector(block, key);\n}\n';
const AI_LINE = '  const leaked = aiWroteThisLineInsideTheAesModuleOnPurpose(key, block);\n';
const AI_BLOCK = 'export function helperWrittenByTheModel(input: string): string {\n  return input.split("").reverse().join("") + computeTheChecksumOfTheInput(input);\n}\n';
const AI = `feat: faster aes\n\n${CLAUDE_DECLARED}\n`;

/** A bare server running pre-receive, and a work repo whose main (policy + src/crypto/aes.ts) the server holds. */
function server(config: string): { remote: TestRepo; work: TestRepo; base: string } {
  const remote = makeRepo({ bare: true });
  const work = makeRepo();
  work.git(['remote', 'add', 'origin', remote.dir]);
  const base = work.commit('chore: policy and aes\n', { '.aitrailrc.yml': config, 'src/crypto/aes.ts': AES, 'lib/util.ts': 'export const util = 1;\n' });
  installHooks(join(remote.dir, 'hooks'), ['pre-receive']);
  expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
  return { remote, work, base };
}

/** Human moves src/crypto/aes.ts out, an AI commit edits it there, a human moves it back; returns the AI commit. */
function moveOutEditMoveBack(work: TestRepo): string {
  move(work, 'src/crypto/aes.ts', 'lib/aes.ts');
  work.git(['commit', '-q', '-m', 'refactor: move aes to lib']);
  const ai = editedBy(work, AI, { 'lib/aes.ts': AES + AI_LINE });
  move(work, 'lib/aes.ts', 'src/crypto/aes.ts');
  work.git(['commit', '-q', '-m', 'refactor: aes back to crypto']);
  return ai;
}

/** `git mv`, creating the destination directory (a checkout removes emptied directories). */
function move(work: TestRepo, from: string, to: string): void {
  mkdirSync(dirname(join(work.dir, to)), { recursive: true });
  work.git(['mv', from, to]);
}

function editedBy(work: TestRepo, message: string, files: Record<string, string>): string {
  expect(commitWith(work, message, files, { noVerify: true }).code).toBe(0);
  return work.git(['rev-parse', 'HEAD']);
}

const push = (work: TestRepo, ...refspecs: string[]) => tryGit(work.dir, ['push', '--no-verify', 'origin', ...refspecs]);

describe('path rules judge the lines that land in protected paths', () => {
  it('move out, AI edit, move back: refused by pre-receive, check and pre-push, naming the path and the AI commit', () => {
    const { remote, work, base } = server(NO_AI_IN_CRYPTO);
    const ai = moveOutEditMoveBack(work);
    expect(aitrail(work.dir, ['blame', 'src/crypto', '--format', 'json']).stdout).toContain('anthropic/claude-opus-4.6');

    const refused = push(work, 'main');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('src/crypto/aes.ts');
    expect(refused.stderr).toContain(ai.slice(0, 12));
    expect(refused.stderr).toContain('policy.paths[0].allow');
    expect(remote.git(['rev-parse', 'main'])).toBe(base);
    expect(push(work, 'main:refs/heads/sneaky').code).not.toBe(0);

    const check = aitrail(work.dir, ['check', `${base}..HEAD`, '--format', 'json']);
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout).violations).toContainEqual(
      expect.objectContaining({ sha: ai, rule: 'path-model-not-allowed', path: 'src/crypto/aes.ts', model: 'anthropic/claude-opus-4.6', lines: 1 }),
    );

    installHooks(join(work.dir, '.git', 'hooks'), ['pre-push']);
    const prePush = tryGit(work.dir, ['push', 'origin', 'main']);
    expect(prePush.code).not.toBe(0);
    expect(prePush.stderr).toContain('push to origin refused');
  });

  it('the same attack split over two pushes: the move back alone is refused', () => {
    const { remote, work } = server(NO_AI_IN_CRYPTO);
    const ai = moveOutEditMoveBack(work);
    expect(push(work, 'HEAD~1:main').code).toBe(0); // the AI edit sits in lib/: allowed there
    const refused = push(work, 'main');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(ai.slice(0, 12));
    expect(remote.git(['rev-parse', 'main'])).toBe(work.git(['rev-parse', 'HEAD~1']));
  });

  it('a merge whose second parent brings AI lines into a protected path: refused on an existing ref and as a new ref', () => {
    const { remote, work, base } = server(NO_AI_IN_CRYPTO);
    work.git(['checkout', '-q', '-b', 'feature']);
    move(work, 'src/crypto/aes.ts', 'lib/aes.ts');
    work.git(['commit', '-q', '-m', 'refactor: move aes to lib']);
    const ai = editedBy(work, AI, { 'lib/aes.ts': AES + AI_LINE });
    expect(push(work, 'feature').code).toBe(0); // AI lines outside protected paths: fine
    work.git(['checkout', '-q', 'main']);
    editedBy(work, 'docs: readme\n', { 'README.md': 'hello\n' });
    work.git(['merge', '-q', '--no-ff', '--no-edit', 'feature']);
    move(work, 'lib/aes.ts', 'src/crypto/aes.ts');
    work.git(['commit', '-q', '--amend', '--no-edit']); // the merge puts the file back where it was
    expect(work.git(['rev-list', '--parents', '-1', 'HEAD']).split(' ')).toHaveLength(3);

    const existing = push(work, 'main');
    expect(existing.code).not.toBe(0);
    expect(existing.stderr).toContain(ai.slice(0, 12));
    expect(remote.git(['rev-parse', 'main'])).toBe(base);
    const created = push(work, 'main:refs/heads/release'); // a new ref: judged against the default branch
    expect(created.code).not.toBe(0);
    expect(created.stderr).toContain(ai.slice(0, 12));
    expect(created.stderr).toContain('src/crypto/aes.ts');
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/release'])).toBe('');
  });

  it('an AI file renamed into a protected directory, AI lines cut from a file and pasted into one', () => {
    const { remote, work, base } = server(NO_AI_IN_CRYPTO);
    const helper = editedBy(work, AI, { 'lib/helper.ts': AI_BLOCK });
    move(work, 'lib/helper.ts', 'src/crypto/helper.ts');
    work.git(['commit', '-q', '-m', 'refactor: helper belongs to crypto']);
    const renamed = push(work, 'main');
    expect(renamed.code).not.toBe(0);
    expect(renamed.stderr).toContain(helper.slice(0, 12));
    expect(remote.git(['rev-parse', 'main'])).toBe(base);

    work.git(['reset', '-q', '--hard', base]);
    const ai = editedBy(work, AI, { 'lib/util.ts': `export const util = 1;\n${AI_BLOCK}` });
    editedBy(work, 'refactor: helper belongs to aes\n', { 'lib/util.ts': 'export const util = 1;\n', 'src/crypto/aes.ts': AES + AI_BLOCK });
    const pasted = push(work, 'main');
    expect(pasted.code).not.toBe(0);
    expect(pasted.stderr).toContain(ai.slice(0, 12));
  });

  it('requireTrailers: AI lines moved into a protected path need the trailers on the commit that wrote them', () => {
    const { remote, work, base } = server(REVIEWED_CRYPTO);
    const ai = moveOutEditMoveBack(work);
    const refused = push(work, 'main');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("'Reviewed-by'");
    expect(refused.stderr).toContain(ai.slice(0, 12));
    expect(remote.git(['rev-parse', 'main'])).toBe(base);

    work.git(['reset', '-q', '--hard', base]);
    move(work, 'src/crypto/aes.ts', 'lib/aes.ts');
    work.git(['commit', '-q', '-m', 'refactor: move aes to lib']);
    editedBy(work, `${AI}Reviewed-by: Ada <ada@example.com>\n`, { 'lib/aes.ts': AES + AI_LINE });
    move(work, 'lib/aes.ts', 'src/crypto/aes.ts');
    work.git(['commit', '-q', '-m', 'refactor: aes back to crypto']);
    expect(push(work, 'main').code).toBe(0);
  });

  it('control: human moves of protected files and AI lines outside protected paths pass', () => {
    const { remote, work } = server(NO_AI_IN_CRYPTO);
    move(work, 'src/crypto/aes.ts', 'lib/aes.ts');
    work.git(['commit', '-q', '-m', 'refactor: move aes to lib']);
    editedBy(work, 'fix: aes by hand\n', { 'lib/aes.ts': AES + '// reviewed by hand\n' });
    move(work, 'lib/aes.ts', 'src/crypto/aes.ts');
    work.git(['commit', '-q', '-m', 'refactor: aes back to crypto']);
    editedBy(work, AI, { 'lib/util.ts': `export const util = 1;\n${AI_BLOCK}` });
    editedBy(work, 'feat: aes tweak\n', { 'src/crypto/aes.ts': AES + '// reviewed by hand\n// tuned\n' });
    expect(push(work, 'main').code).toBe(0);
    expect(push(work, 'main:refs/heads/copy').code).toBe(0);
    expect(aitrail(work.dir, ['check', 'HEAD~5..HEAD']).code).toBe(0);
    expect(remote.git(['rev-parse', 'main'])).toBe(work.git(['rev-parse', 'HEAD']));
  });

  it('fails closed (exit 3, one line naming the file) on a protected file whose name is not valid UTF-8', () => {
    const { work, base } = server(NO_AI_IN_CRYPTO);
    writeFileSync(Buffer.concat([Buffer.from(`${work.dir}/src/crypto/`), Buffer.from([0xff]), Buffer.from('.ts')]), 'x\n');
    editedBy(work, 'feat: odd name\n', {});
    const check = aitrail(work.dir, ['check', `${base}..HEAD`]);
    expect(check.code).toBe(3);
    expect(check.stderr).toContain('is not valid UTF-8');
    expect(check.stderr).not.toMatch(/\n\s+at /);
  });
});
