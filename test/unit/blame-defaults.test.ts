import { describe, expect, it } from 'vitest';
import { attributeFile, sumReports } from '../../src/core/blame/aggregate.js';
import { isLockfile } from '../../src/core/blame/lockfiles.js';
import { namesFile } from '../../src/core/blame/names-file.js';
import { renderBlame } from '../../src/core/blame/render.js';
import type { BlameReport } from '../../src/core/blame/types.js';
import { pathMatcher } from '../../src/core/policy/glob-matcher.js';

const glob = (pattern: string) => {
  const matcher = pathMatcher([pattern]);
  return (path: string) => matcher(path) !== undefined;
};

describe('lockfiles', () => {
  it.each(['package-lock.json', 'a/b/yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'bun.lock', 'crates/x/Cargo.lock', 'go.sum', 'poetry.lock', 'Pipfile.lock', 'uv.lock', 'Gemfile.lock', 'composer.lock', 'mix.lock', 'pubspec.lock', 'ios/Podfile.lock', 'flake.lock', 'src/App/packages.lock.json', 'npm-shrinkwrap.json'])('%s is a lockfile', (path) => {
    expect(isLockfile(path)).toBe(true);
  });
  it.each(['package.json', 'Cargo.toml', 'go.mod', 'docs/yarn.lock.md', 'my-package-lock.json', 'cargo.lock.rs'])('%s is not', (path) => {
    expect(isLockfile(path)).toBe(false);
  });
});

describe('namesFile: an include glob brings a left-out file back only when it names it', () => {
  it.each([
    ['package-lock.json', 'package-lock.json', true],
    ['**/Cargo.lock', 'crates/a/Cargo.lock', true],
    ['Cargo.lock', 'crates/a/Cargo.lock', true],
    ['*-lock.yaml', 'pnpm-lock.yaml', true],
    ['api/*.pb.go', 'api/service.pb.go', true],
    ['**/*', 'package-lock.json', false],
    ['*', 'package-lock.json', false],
    ['*.json', 'package-lock.json', false],
    ['*.lock', 'yarn.lock', false],
    ['src/**', 'src/yarn.lock', false],
    ['src', 'src/yarn.lock', false],
    ['gen/**', 'gen/client.ts', false],
    ['other.lock', 'yarn.lock', false],
  ])('%s names %s: %s', (pattern, path, expected) => {
    expect(namesFile(glob(pattern), path)).toBe(expected);
  });
});

describe('shallow boundary lines', () => {
  const blame = { lines: 10, boundary: 0, commits: new Map([['cut', 7], ['ai', 2], ['human', 1]]) };
  const lookup = (sha: string) => (sha === 'ai' || sha === 'cut' ? { models: ['anthropic/claude-opus-4.6'], agents: ['claude-code'] } : undefined);

  it('are counted apart and never as the cut commit\'s attribution', () => {
    const file = attributeFile('a.txt', blame, lookup, new Set(['cut']));
    expect(file).toMatchObject({ lines: 3, ai: 2, human: 1, shallowBoundary: 7, byModel: { 'anthropic/claude-opus-4.6': 2 } });
    expect(sumReports([file, file]).shallowBoundary).toBe(14);
    expect(attributeFile('a.txt', blame, lookup)).not.toHaveProperty('shallowBoundary');
  });

  it('are named in the table and Markdown footers with the cut commit and the fetch command', () => {
    const file = attributeFile('a.txt', blame, lookup, new Set(['cut']));
    const report: BlameReport = { rev: 'a'.repeat(40), since: null, totals: sumReports([file]), files: [file], excluded: { lockfiles: 1, generated: 0 }, shallowCut: ['c'.repeat(40)] };
    const table = renderBlame(report, 'table', 'file');
    expect(table).toContain("Not counted: 7 lines of unknown history: this shallow clone's history is cut at cccccccccccc (git fetch --unshallow to count them).");
    expect(table).toContain('Left out as not authored: 1 lockfile. Name them with --include or blame.include to count them.');
    const parsed = JSON.parse(renderBlame(report, 'json', 'file'));
    expect(Object.keys(parsed)).toEqual(['rev', 'since', 'totals', 'files', 'excluded', 'shallowCut']);
    expect(parsed.totals.shallowBoundary).toBe(7);
  });
});
