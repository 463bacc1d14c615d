import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

// A hostile repository (THREAT_MODEL.md, attacker 2) must not make `aitrail blame` lie without
// saying so: what it commits can steer git blame, and the report names it.

interface BlameJson {
  totals: { lines: number; ai: number };
  ignoredAi?: string[];
}

const CLAUDE = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';

describe('a committed .git-blame-ignore-revs naming an AI commit', () => {
  /** A human file, an AI commit that rewrites a line and adds one, then the ignore file naming it, which the user's config reads. */
  function project() {
    const repo = makeRepo();
    const human = repo.commit('human: start\n', { 'f.txt': 'a\nb\nc\n' });
    const ai = repo.commit(`ai: change\n\n${CLAUDE}\n`, { 'f.txt': 'a\nB by claude\nc\nnew by claude\n' });
    repo.commit('human: ignore formatting commits\n', { '.git-blame-ignore-revs': `# formatting\n${ai}  # "prettier"\n` });
    // What many projects ask every contributor to run once.
    repo.git(['config', 'blame.ignoreRevsFile', '.git-blame-ignore-revs']);
    return { repo, human, ai };
  }

  it('moves the AI lines to older commits in git blame; the report says which AI commits were ignored (fresh and cached), and counts them when asked', () => {
    const { repo, human, ai } = project();
    // The real git state: git blame gives the rewritten line to the human commit.
    const porcelain = repo.git(['blame', '--line-porcelain', 'f.txt']).split('\n').filter((line) => /^[0-9a-f]{40} /.test(line));
    expect(porcelain.map((line) => line.slice(0, 40))).toEqual([human, human, human, ai]);
    for (const run of ['fresh', 'cached']) {
      const result = aitrail(repo.dir, ['blame', '--format', 'json']);
      expect(result.code, run).toBe(0);
      const report = JSON.parse(result.stdout) as BlameJson;
      expect(report.totals, run).toMatchObject({ lines: 6, ai: 1 });
      expect(report.ignoredAi, run).toEqual([ai]);
      expect(result.stderr, run).toContain(`git blame was told to ignore 1 commit with AI attribution (${ai.slice(0, 12)})`);
    }
    expect(aitrail(repo.dir, ['blame']).stdout).toContain(`Not counted as theirs: git blame was told to ignore 1 commit with AI attribution (${ai.slice(0, 12)}; `);
    expect(aitrail(repo.dir, ['blame', '--format', 'markdown']).stdout).toContain('git blame was told to ignore 1 commit with AI attribution');
    // Cleared: the AI lines are the AI commit's again, and nothing is said.
    const cleared = aitrail(repo.dir, ['blame', '--format', 'json', '--ignore-revs-file', '']);
    expect(JSON.parse(cleared.stdout) as BlameJson).toMatchObject({ totals: { lines: 6, ai: 2 } });
    expect((JSON.parse(cleared.stdout) as BlameJson).ignoredAi).toBeUndefined();
    expect(cleared.stderr).not.toContain('ignore');
    // --ignore-rev on the command line is said the same way.
    repo.git(['config', '--unset', 'blame.ignoreRevsFile']);
    expect((JSON.parse(aitrail(repo.dir, ['blame', '--format', 'json', '--ignore-rev', ai]).stdout) as BlameJson).ignoredAi).toEqual([ai]);
  });

  it('says nothing for ignored human commits or AI commits outside the blamed range; shards carry the list and merge to the whole', () => {
    const { repo, human, ai } = project();
    writeFileSync(join(repo.dir, '.git-blame-ignore-revs'), `${human}\n`);
    const humanOnly = aitrail(repo.dir, ['blame', '--format', 'json']);
    expect((JSON.parse(humanOnly.stdout) as BlameJson).ignoredAi).toBeUndefined();
    expect(humanOnly.stderr).not.toContain('ignore');
    writeFileSync(join(repo.dir, '.git-blame-ignore-revs'), `${ai}\n`);
    expect((JSON.parse(aitrail(repo.dir, ['blame', '--format', 'json', '--since', ai]).stdout) as BlameJson).ignoredAi).toBeUndefined();
    const out = tempDir();
    const parts = [1, 2].map((index) => {
      const path = join(out, `part-${index}.json`);
      writeFileSync(path, aitrail(repo.dir, ['blame', '--format', 'json', '--shard', `${index}/2`]).stdout);
      expect((JSON.parse(readFileSync(path, 'utf8')) as BlameJson).ignoredAi).toEqual([ai]);
      return path;
    });
    expect(aitrail(repo.dir, ['blame', '--merge', ...parts, '--format', 'json']).stdout).toBe(aitrail(repo.dir, ['blame', '--format', 'json']).stdout);
  });
});

describe('a revision name that is both a tag and a branch', () => {
  it('blame --since/--rev and trend say which ref git read (git\'s own warning is not shown); a full name is quiet', () => {
    const repo = makeRepo();
    const start = repo.commit('human: start\n', { 'a.txt': 'a\n' });
    repo.git(['tag', 'v1']);
    const ai = repo.commit(`ai: more\n\n${CLAUDE}\n`, { 'a.txt': 'a\nb by claude\n' });
    // Someone pushes a branch named like the release tag, at another commit.
    repo.git(['branch', 'v1', ai]);
    // The real git state: git reads the tag, and only says so on its own stderr.
    expect(repo.git(['rev-parse', 'v1'])).toBe(start);
    const since = aitrail(repo.dir, ['blame', '--format', 'json', '--since', 'v1']);
    expect(since.code).toBe(0);
    expect(since.stderr).toContain("--since 'v1' is ambiguous: git reads it as refs/tags/v1, and it names refs/heads/v1 too; this report is of refs/tags/v1.");
    const cached = aitrail(repo.dir, ['blame', '--format', 'json', '--rev', 'v1']);
    expect(cached.stderr).toContain("--rev 'v1' is ambiguous");
    const trend = aitrail(repo.dir, ['trend', 'v1', 'HEAD', '--format', 'json']);
    expect(trend.code).toBe(0);
    expect(trend.stderr).toContain("revision 'v1' is ambiguous: git reads it as refs/tags/v1");
    const full = aitrail(repo.dir, ['blame', '--format', 'json', '--since', 'refs/tags/v1']);
    expect(full.stderr).not.toContain('ambiguous');
    expect(aitrail(repo.dir, ['trend', '--tags', 'v*', 'HEAD']).stderr).not.toContain('ambiguous');
  });
});
