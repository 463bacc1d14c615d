import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

// A committed `.git-blame-ignore-revs` naming a person's commit that rewrote an agent's lines: git
// blame hands the person's lines back to the agent, and the report must say so (rows 32 and 111
// say it for ignored AI commits only).

interface BlameJson {
  totals: { lines: number; ai: number };
  ignoredAi?: string[];
  ignoredHuman?: string[];
}

const QWEN = 'Assisted-by: qwen-code:qwen/qwen3-coder';

/** A person's file, Qwen's two lines in it, then a person's commit that rewrites both. */
function project() {
  const repo = makeRepo();
  const start = repo.commit('human: start\n', { 'p.js': 'h1\nh2\n', 'other.js': 'x = 1;\n' });
  const qwen = repo.commit(`feat: compute\n\n${QWEN}\n`, { 'p.js': 'h1\nconst q1 = compute(a, b);\nconst q2 = compute(c, d);\nh2\n' });
  const person = repo.commit('feat: mine\n', { 'p.js': 'h1\nconst q1 = compute(a, b) + mine(1);\nconst q2 = other(c, d, e);\nh2\n' });
  return { repo, start, qwen, person };
}

const json = (dir: string, args: string[] = []) => {
  const result = aitrail(dir, ['blame', '--format', 'json', ...args]);
  expect(result.code, result.stderr).toBe(0);
  return { report: JSON.parse(result.stdout) as BlameJson, stderr: result.stderr };
};

describe("a person's commit in .git-blame-ignore-revs, whose lines git blame gives to an agent", () => {
  it("counts the person's rewritten lines as Qwen's in git blame; the report names the ignored commit (fresh and cached) and counts them as theirs when asked", () => {
    const { repo, start, qwen, person } = project();
    expect(json(repo.dir).report.totals).toMatchObject({ lines: 5, ai: 0 });
    repo.commit('chore: ignore my refactor\n', { '.git-blame-ignore-revs': `# refactor\n${person}\n` });
    // What many projects ask every contributor to run once.
    repo.git(['config', 'blame.ignoreRevsFile', '.git-blame-ignore-revs']);
    // The real git state: both lines the person wrote are blamed on Qwen's commit.
    const blamed = repo.git(['blame', '--line-porcelain', 'p.js']).split('\n').filter((line) => /^[0-9a-f]{40} /.test(line)).map((line) => line.slice(0, 40));
    expect(blamed.slice(1, 3)).toEqual([qwen, qwen]);
    for (const run of ['fresh', 'cached']) {
      const { report, stderr } = json(repo.dir);
      expect(report.totals, run).toMatchObject({ ai: 2 });
      expect(report.ignoredAi, run).toBeUndefined();
      expect(report.ignoredHuman, run).toEqual([person]);
      expect(stderr, run).toContain(`git blame was told to ignore 1 commit without AI attribution (${person.slice(0, 12)})`);
    }
    expect(aitrail(repo.dir, ['blame']).stdout).toContain(`without AI attribution in files holding AI lines (${person.slice(0, 12)})`);
    expect(aitrail(repo.dir, ['trend', start, 'HEAD']).stderr).toContain(`without AI attribution (${person.slice(0, 12)})`);
    expect(aitrail(repo.dir, ['blame', '--format', 'markdown']).stdout).toContain("so the lines they changed are counted as older commits', an agent's where one wrote the lines before");
    // A formatting sweep is what an ignore list is for: the advice to clear it is only for a commit that changed what the lines do.
    for (const said of [aitrail(repo.dir, ['blame']).stdout, json(repo.dir).stderr]) {
      expect(said).toContain('Right for a commit that only reformatted (what an ignore list is for); if one changed what the lines do, run with');
    }
    // Cleared: the lines are the person's again, and nothing is said.
    const cleared = json(repo.dir, ['--ignore-revs-file', '']);
    expect(cleared.report.totals).toMatchObject({ ai: 0 });
    expect(cleared.report.ignoredHuman).toBeUndefined();
    expect(cleared.stderr).not.toContain('ignore');
    // --ignore-rev on the command line: said alike.
    repo.git(['config', '--unset', 'blame.ignoreRevsFile']);
    expect(json(repo.dir, ['--ignore-rev', person]).report.ignoredHuman).toEqual([person]);
  });

  it('says nothing for an ignored commit that could pass no line to an agent: before the agent, in files without AI lines, or outside the range', () => {
    const { repo, start, qwen, person } = project();
    // A person's formatting commit of a file with no AI line.
    const format = repo.commit('style: format\n', { 'other.js': 'x = 1; // one\n' });
    // The root commit (no older commit to pass lines to) and a commit older than Qwen's lines.
    repo.commit('chore: ignore\n', { '.git-blame-ignore-revs': `${start}\n${format}\n` });
    repo.git(['config', 'blame.ignoreRevsFile', '.git-blame-ignore-revs']);
    const quiet = json(repo.dir);
    expect(quiet.report.ignoredHuman).toBeUndefined();
    expect(quiet.stderr).not.toContain('ignore');
    // Outside the blamed range.
    writeFileSync(join(repo.dir, '.git-blame-ignore-revs'), `${person}\n`);
    expect(json(repo.dir, ['--since', person]).report.ignoredHuman).toBeUndefined();
    // Qwen's commit at the boundary: the lines passed to it are no AI lines of the report.
    expect(json(repo.dir, ['--since', qwen]).report.ignoredHuman).toBeUndefined();
    expect(json(repo.dir, ['--since', start]).report.ignoredHuman).toEqual([person]);
    // Before the agent, in a file that does hold AI lines: its lines go to a person's older commit, never to Qwen's.
    const older = makeRepo();
    older.commit('human: start\n', { 'p.js': 'h1\nh2\n' });
    const early = older.commit('style: early\n', { 'p.js': 'h1; // a\nh2\n' });
    older.commit(`feat: compute\n\n${QWEN}\n`, { 'p.js': 'h1; // a\nconst q1 = compute(a, b);\nh2\n' });
    older.commit('chore: ignore\n', { '.git-blame-ignore-revs': `${early}\n` });
    older.git(['config', 'blame.ignoreRevsFile', '.git-blame-ignore-revs']);
    const before = json(older.dir);
    expect(before.report.totals.ai).toBe(1);
    expect(before.report.ignoredHuman).toBeUndefined();
  });

  it('shards name it in the part holding the file, and merge to the whole report', () => {
    const { repo, person } = project();
    repo.commit('chore: ignore my refactor\n', { '.git-blame-ignore-revs': `${person}\n` });
    repo.git(['config', 'blame.ignoreRevsFile', '.git-blame-ignore-revs']);
    const out = tempDir();
    const parts = [1, 2].map((index) => {
      const path = join(out, `part-${index}.json`);
      writeFileSync(path, aitrail(repo.dir, ['blame', '--format', 'json', '--shard', `${index}/2`]).stdout);
      return path;
    });
    const named = parts.map((path) => (JSON.parse(readFileSync(path, 'utf8')) as BlameJson).ignoredHuman);
    expect(named.filter(Boolean)).toEqual([[person]]);
    expect(aitrail(repo.dir, ['blame', '--merge', ...parts, '--format', 'json']).stdout).toBe(aitrail(repo.dir, ['blame', '--format', 'json']).stdout);
  });
});
