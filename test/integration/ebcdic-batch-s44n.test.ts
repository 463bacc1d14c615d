// 702 asks git again (`--pretty=raw`) whether a commit under an encoding header git may re-encode
// into one line (IBM037) holds a blank line; it ran one `git log` per such commit, so `log`, `check`
// and pre-receive over a history of N of them started N git processes (2,000 commits: 2,001 `git log`,
// 7.1 s against 2.3 s for plain commits). They are asked in batches, with the same answers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';

/** A commit object written byte for byte on `parent`, under `encoding IBM037`. */
function encodedCommit(repo: TestRepo, tree: string, parent: string, at: number, message: string): string {
  const head = [`tree ${tree}`, `parent ${parent}`, `author Test Human <human@example.com> ${1700000000 + at} +0000`, `committer Test Human <human@example.com> ${1700000000 + at} +0000`, 'encoding IBM037', '', ''].join('\n');
  return repo.git(['hash-object', '-t', 'commit', '-w', '--literally', '--stdin'], { input: `${head}${message}` });
}

const gitLogs = (trace: string): string[] =>
  readFileSync(trace, 'utf8')
    .split('\n')
    .flatMap((line) => /trace: (?:built-in|exec): git (log .*)$/.exec(line)?.[1] ?? []);

describe('commits under an encoding git re-encodes into one line', () => {
  it('are asked of git in batches, each read as its own run reads it', () => {
    const repo = makeRepo();
    repo.commit('chore: base\n', { 'a.txt': 'a\n' });
    const tree = repo.git(['rev-parse', 'HEAD^{tree}']);
    const base = repo.git(['rev-parse', 'HEAD']);
    let tip = base;
    const count = 150;
    for (let at = 0; at < count; at += 1) {
      // `%%` is two line breaks in IBM037: git finds the end of the headers there and shows a message; `x` alone: one line.
      tip = encodedCommit(repo, tree, tip, at, at % 3 === 0 ? `feat%%c${at}\n` : `feat: c${at}\n`);
    }
    const one = (sha: string) => JSON.stringify(JSON.parse(aitrail(repo.dir, ['log', '--format', 'json', `${sha}^..${sha}`]).stdout));
    const trace = join(tempDir('aitrail-trace-'), 'log.trace');
    const all = aitrail(repo.dir, ['log', '--format', 'json', `${base}..${tip}`], { env: { GIT_TRACE: trace } });
    expect(all.code, all.stderr).toBe(0);
    const commits = JSON.parse(all.stdout) as Array<{ sha: string; subject: string }>;
    expect(commits).toHaveLength(count);
    // The same reading as a log of each commit alone (one ask each): some have a message, the others none.
    for (const commit of [commits[0]!, commits[1]!, commits[2]!, commits[75]!, commits[count - 1]!]) expect(JSON.stringify([commit])).toBe(one(commit.sha));
    expect(new Set(commits.map((commit) => commit.subject === '')).size).toBe(2);
    // One `git log` for the history, and one per 64 such commits: 4, not 151.
    expect(gitLogs(trace).length).toBeLessThanOrEqual(4);
  });

  // git 2.39 ends a record at the re-encoded text's NUL (what follows is never printed), so no record
  // start can be forged into a batch here; the reading must still be each commit's own (a guard: it
  // passes before the batching too).
  it('reads a batch holding a NUL (a forged record start) as each commit alone reads it', () => {
    const repo = makeRepo();
    repo.commit('chore: base\n', { 'a.txt': 'a\n' });
    const tree = repo.git(['rev-parse', 'HEAD^{tree}']);
    const base = repo.git(['rev-parse', 'HEAD']);
    const first = encodedCommit(repo, tree, base, 0, 'feat: one line\n');
    // Its re-encoded text claims, after a NUL, to be the record of its parent, holding a blank line.
    const forger = encodedCommit(repo, tree, first, 1, `feat\0commit ${first}\n\n%%x\n`);
    const tip = encodedCommit(repo, tree, forger, 2, 'feat: one line too\n');
    const all = aitrail(repo.dir, ['log', '--format', 'json', `${base}..${tip}`]);
    expect(all.code, all.stderr).toBe(0);
    const commits = JSON.parse(all.stdout) as Array<{ sha: string }>;
    expect(commits.map((commit) => commit.sha)).toEqual([tip, forger, first]);
    for (const commit of commits) expect(JSON.stringify([commit])).toBe(JSON.stringify(JSON.parse(aitrail(repo.dir, ['log', '--format', 'json', `${commit.sha}^..${commit.sha}`]).stdout)));
  });
});
