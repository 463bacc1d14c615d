import { describe, expect, it } from 'vitest';
import { blameOrigins, filesAt, withBoundaryFile } from '../../src/git/range-blame.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

const AES = 'export function aes(block: Uint8Array, key: Uint8Array) {\n  return encryptTheBlockWithTheKeyAndTheInitialVector(block, key);\n}\n';
const AI_LINE = '  const leaked = aiWroteThisLineInsideTheAesModuleOnPurpose(key, block);\n';

/** base (aes in src/crypto) → move out → AI edit → move back. */
function movedHistory(): { repo: TestRepo; base: string; out: string; ai: string; back: string } {
  const repo = makeRepo();
  const base = repo.commit('base\n', { 'src/crypto/aes.ts': AES });
  repo.git(['mv', 'src/crypto', 'lib']);
  repo.git(['commit', '-q', '-m', 'move out']);
  const out = repo.git(['rev-parse', 'HEAD']);
  const ai = repo.commit('ai edit\n', { 'lib/aes.ts': AES + AI_LINE });
  repo.git(['mv', 'lib', 'src/crypto']);
  repo.git(['commit', '-q', '-m', 'move back']);
  return { repo, base, out, ai, back: repo.git(['rev-parse', 'HEAD']) };
}

describe('blameOrigins', () => {
  it('follows lines through a move out and back, and stops at the boundary with the path the lines had there', async () => {
    const { repo, out, ai, back } = movedHistory();
    const groups = await withBoundaryFile([out], (boundaryFile) => blameOrigins(repo.dir, 'src/crypto/aes.ts', { rev: back, boundaryFile }));
    expect(groups).toEqual(
      expect.arrayContaining([
        { sha: ai, boundary: false, originPath: 'lib/aes.ts', originLine: 4, finalLine: 4, count: 1 },
        { sha: out, boundary: false, originPath: 'lib/aes.ts', originLine: 1, finalLine: 1, count: 3 },
      ]),
    );
    expect(groups).toHaveLength(2);
  });

  it('blames only the lines asked, in full history', async () => {
    const { repo, base, ai, out } = movedHistory();
    const groups = await blameOrigins(repo.dir, 'lib/aes.ts', { rev: ai, lines: [[1, 1], [4, 4]] });
    expect(groups.map(({ sha, originPath, finalLine, count }) => ({ sha, originPath, finalLine, count }))).toEqual(
      expect.arrayContaining([
        { sha: base, originPath: 'src/crypto/aes.ts', finalLine: 1, count: 1 },
        { sha: ai, originPath: 'lib/aes.ts', finalLine: 4, count: 1 },
      ]),
    );
    expect(groups.some((group) => group.sha === out)).toBe(false);
  });

  it('ignores a configured blame.ignoreRevsFile and replace refs: history as stored', async () => {
    const { repo, ai, back } = movedHistory();
    repo.write('.ignore-revs', `${ai}\n`);
    repo.git(['config', 'blame.ignoreRevsFile', '.ignore-revs']);
    // A replacement for the AI commit whose tree lacks the AI line: with replace refs honoured,
    // blame would give the line to the human move back.
    const tree = repo.git(['rev-parse', `${ai}~1^{tree}`]);
    const fake = repo.git(['commit-tree', tree, '-p', `${ai}~1`, '-m', 'human edit']);
    repo.git(['replace', ai, fake]);
    expect(repo.git(['blame', '--porcelain', back, '--', 'src/crypto/aes.ts'])).toContain(`${back} 4 4 1`);
    const groups = await blameOrigins(repo.dir, 'src/crypto/aes.ts', { rev: back });
    expect(groups).toContainEqual(expect.objectContaining({ sha: ai, finalLine: 4, count: 1 }));
  });
});

describe('filesAt', () => {
  it('lists the paths that are files at each revision (missing, directories and submodules are not)', async () => {
    const { repo, base, back } = movedHistory();
    const odd = 'src/crypto/new\nline.ts';
    repo.write(odd, 'x\n');
    repo.git(['add', '-A']);
    repo.git(['update-index', '--add', '--cacheinfo', `160000,${base},src/crypto/sub`]);
    repo.git(['commit', '-q', '-m', 'odd names']);
    const head = repo.git(['rev-parse', 'HEAD']);
    const paths = ['src/crypto/aes.ts', 'lib/aes.ts', 'src/crypto', 'src/crypto/sub', odd];
    const found = await filesAt(repo.dir, [base, back, head].flatMap((rev) => paths.map((path) => ({ rev, path }))));
    expect(found).toEqual(
      expect.arrayContaining([
        { rev: base, path: 'src/crypto/aes.ts' },
        { rev: back, path: 'src/crypto/aes.ts' },
        { rev: head, path: 'src/crypto/aes.ts' },
        { rev: head, path: odd },
      ]),
    );
    expect(found).toHaveLength(4);
  });
});
