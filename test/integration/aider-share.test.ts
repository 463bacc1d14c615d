import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

/**
 * aider publishes "Aider wrote X% of the code in this release" (HISTORY.md,
 * aider/website/_data/blame.yml), computed by its scripts/blame.py. This test rebuilds that
 * computation over a synthetic history written the way aider writes commits, and checks that
 * `aitrail blame --since A --rev B` with the same files and the same git blame options counts
 * the same lines. docs/attribution-corpus.md describes blame.py step by step.
 */

/** blame.py: `website_files`, `exclude_files` and the file filter of `blame()`. */
const WEBSITE_FILES = [
  'aider/website/index.html',
  'aider/website/share/index.md',
  'aider/website/_includes/head_custom.html',
  'aider/website/_includes/home.css',
  'aider/website/docs/leaderboards/index.md',
];
const EXCLUDE_FILES = ['aider/website/install.ps1', 'aider/website/install.sh'];

function blamePyFiles(all: string[]): string[] {
  const testFiles = all.filter((f) => f.startsWith('tests/fixtures/languages/') && f.includes('/test.'));
  return all
    .filter(
      (f) =>
        ['.js', '.py', '.scm', '.sh', 'Dockerfile', 'Gemfile'].some((end) => f.endsWith(end)) ||
        (f.startsWith('.github/workflows/') && f.endsWith('.yml')) ||
        (f.startsWith('aider/resources/') && f.endsWith('.yml')) ||
        WEBSITE_FILES.includes(f) ||
        testFiles.includes(f),
    )
    .filter((f) => !f.endsWith('prompts.py'))
    .filter((f) => !f.startsWith('tests/fixtures/watch'))
    .filter((f) => !EXCLUDE_FILES.includes(f));
}

/** The same selection as aitrail globs (gitignore-style: no slash = any depth). */
const INCLUDE = ['*.js', '*.py', '*.scm', '*.sh', '*Dockerfile', '*Gemfile', '.github/workflows/**/*.yml', 'aider/resources/**/*.yml', ...WEBSITE_FILES, 'tests/fixtures/languages/**/test.*'];
const EXCLUDE = ['*prompts.py', 'tests/fixtures/watch*', 'tests/fixtures/watch*/**', ...EXCLUDE_FILES];

/** blame.py's git blame options. */
const BLAME_FLAGS = ['-M100', '-C100', '-C', '-C'];

/** scripts/blame.py `blame(start_tag, end_tag)`, step by step, with git itself. */
function blamePy(repo: TestRepo, start: string, end: string): { total: number; aider: number } {
  const hashLen = 9;
  const authors = new Map<string, string>();
  for (const commit of repo.git(['rev-list', `${start}..${end}`]).split('\n').filter(Boolean)) {
    let author = repo.git(['show', '-s', '--format=%an', commit]);
    const subject = repo.git(['show', '-s', '--format=%s', commit]);
    if (subject.toLowerCase().startsWith('aider:')) author += ' (aider)';
    authors.set(commit.slice(0, hashLen), author);
  }
  let total = 0;
  let aider = 0;
  for (const file of blamePyFiles(repo.git(['ls-tree', '-r', '--name-only', end]).split('\n'))) {
    const text = repo.git(['blame', ...BLAME_FLAGS, '--abbrev=9', `${start}..${end}`, '--', file], { raw: true });
    for (const line of text.split('\n').filter((l) => l !== '')) {
      if (line.startsWith('^')) continue;
      const author = authors.get(line.slice(0, hashLen)) ?? 'Unknown';
      total += 1;
      if (author.toLowerCase().includes('(aider)')) aider += 1;
    }
  }
  return { total, aider };
}

const lines = (prefix: string, count: number, from = 1) => Array.from({ length: count }, (_, i) => `${prefix} line ${from + i}`).join('\n') + '\n';
const who = (author: [string, string], committer: [string, string] = author) => ({
  GIT_AUTHOR_NAME: author[0],
  GIT_AUTHOR_EMAIL: author[1],
  GIT_COMMITTER_NAME: committer[0],
  GIT_COMMITTER_EMAIL: committer[1],
});
/** The maintainer by hand, the same person through aider, and a contributor using aider. */
const paul: [string, string] = ['Paul Gauthier', 'paul@aider.chat'];
const paulAider: [string, string] = ['Paul Gauthier (aider)', 'paul@aider.chat'];
const jane: [string, string] = ['Jane Doe', 'jane@example.com'];
const janeAider: [string, string] = ['Jane Doe (aider)', 'jane@example.com'];

/** v0.1.0 → v0.2.0 written with every pattern aider's history has. */
function aiderLikeHistory(): TestRepo {
  const repo = makeRepo();
  const main1 = lines('main', 30);
  repo.commit('Initial release\n', {
    'aider/main.py': main1,
    'aider/prompts.py': lines('prompt', 10),
    'aider/coders/editblock_prompts.py': lines('edit prompt', 6),
    'README.md': lines('readme', 5),
    '.github/workflows/ci.yml': lines('ci', 8),
    'tests/test_main.py': lines('test', 12),
    'aider/website/install.sh': lines('install', 4),
    'aider/website/index.html': lines('<p>home', 6),
  }, who(paul));
  repo.git(['tag', 'v0.1.0']);

  // The maintainer by hand, at the vendor's domain: human.
  repo.commit('copy\n', { 'aider/main.py': main1 + lines('main hand', 5) }, who(paul));
  // aider's own edits: author and committer carry the suffix.
  repo.commit('feat: Add the --dry-run switch\n', {
    'aider/main.py': main1 + lines('main hand', 5) + lines('main aider', 8),
    'tests/test_main.py': lines('test', 12) + lines('test aider', 6),
    'aider/prompts.py': lines('prompt', 10) + lines('prompt aider', 4),
    'README.md': lines('readme', 5) + lines('readme aider', 3),
  }, who(paulAider, paulAider));
  // The user's own edits committed by aider (dirty commit): committer-only suffix, human.
  repo.commit('fix: Handle a missing user.name\n', { 'aider/io.py': lines('io hand', 9) }, who(paul, paulAider));
  // aider edits in files blame.py counts outside aider/: workflow, Dockerfile, website page.
  repo.commit('ci: Cache pip downloads\n', {
    '.github/workflows/ci.yml': lines('ci', 8) + lines('ci aider', 4),
    'docker/Dockerfile': lines('FROM python aider', 5),
    'aider/website/index.html': lines('<p>home', 6) + lines('<p>aider', 2),
    'aider/website/install.sh': lines('install', 4) + lines('install aider', 3),
  }, who(paulAider, paulAider));
  // A contributor using aider; and the old convention where only the subject says "aider:".
  repo.commit('feat: Add a repo-map cache\n', { 'aider/repomap.py': lines('repomap aider', 14) }, who(janeAider, janeAider));
  repo.commit('aider: Added a test for the cache eviction\n', { 'tests/test_repomap.py': lines('repomap test', 7) }, who(jane));
  // The maintainer moves aider's block to another file by hand (-C100 follows it back).
  repo.commit('refactor: move helpers\n', {
    'aider/main.py': main1 + lines('main hand', 5),
    'aider/utils.py': lines('main aider', 8) + lines('utils hand', 3),
  }, who(paul));
  // A human contributor, ordinary.
  repo.commit('Fix typo in the shell completion\n', { 'scripts/complete.sh': lines('complete', 6) }, who(['Omri Bloch', 'omri@example.com']));
  repo.git(['tag', 'v0.2.0']);
  return repo;
}

interface BlameJson {
  totals: { lines: number; ai: number; byAgent: Record<string, number> };
}

function aitrailShare(repo: TestRepo): BlameJson['totals'] {
  const args = ['blame', '--since', 'v0.1.0', '--rev', 'v0.2.0', ...BLAME_FLAGS, ...INCLUDE.flatMap((glob) => ['--include', glob]), ...EXCLUDE.flatMap((glob) => ['--exclude', glob]), '--format', 'json', '--no-cache'];
  const result = aitrail(repo.dir, args);
  expect(result.stderr).not.toMatch(/error/i);
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as BlameJson).totals;
}

describe("aider's published per-release share (scripts/blame.py) against aitrail blame", () => {
  it('the synthetic history is what blame.py counts: 69 lines, 46 by aider', () => {
    const repo = aiderLikeHistory();
    // Human: main 5 + io 9 (committer-only) + utils 3 + complete 6 = 23. aider: 8 moved lines
    // (still its own under -C100) + repomap 14 + tests 6 + 7 ("aider:" subject) + ci 4 + Dockerfile 5 + html 2 = 46.
    expect(blamePy(repo, 'v0.1.0', 'v0.2.0')).toEqual({ total: 69, aider: 46 });
  });

  it('aitrail blame counts the same total lines as blame.py with the same files and options', () => {
    const repo = aiderLikeHistory();
    expect(aitrailShare(repo).lines).toBe(blamePy(repo, 'v0.1.0', 'v0.2.0').total);
  });

  // The maintainer by hand at @aider.chat and the committer-only suffix are human, as in blame.py.
  it('aitrail blame counts the same aider lines as blame.py', () => {
    const repo = aiderLikeHistory();
    const expected = blamePy(repo, 'v0.1.0', 'v0.2.0');
    const totals = aitrailShare(repo);
    expect({ lines: totals.lines, ai: totals.ai, aider: totals.byAgent['aider'] ?? 0 }).toEqual({ lines: expected.total, ai: expected.aider, aider: expected.aider });
  });
});
