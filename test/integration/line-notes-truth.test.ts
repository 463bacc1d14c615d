import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentEdit as editAsAgent } from '../helpers/agent-edits.js';
import { parseAuthorshipLog } from '../../src/core/notes/parse-authorship-log.js';
import type { AuthorshipLog } from '../../src/core/notes/types.js';
import { checkpoint } from '../helpers/checkpoint.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { copiedRepo } from '../helpers/hooked-repo.js';
import { aitrail, gitRun } from '../helpers/hooks.js';

/*
 * Line authorship truth after history edits: every line the agent wrote reads `ai …`, every line a
 * person wrote `mine …` or `base …`. After a rebase, a cherry-pick, an amend or a squash, the
 * commit `git blame --line-porcelain` gives each line to must have a note claiming that very line
 * (its line number in that commit) exactly when the line is the agent's, and `aitrail blame`
 * must count as many AI lines as the hand count.
 */

const FILE = 'src/app.ts';
const base = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `base ${from + i}\n`).join('');

/** Claude Code replaces `old` by `replacement` in `path` (pre hook, the file written, post hook). */
const agentEdit = (repo: TestRepo, old: string, replacement: string, path = FILE): void => editAsAgent(repo, path, old, replacement);

/** A person's edit: `old` replaced by `replacement` in the work tree file (no checkpoint). */
function handEdit(repo: TestRepo, old: string, replacement: string, path = FILE): void {
  const text = readFileSync(join(repo.dir, path), 'utf8');
  expect(text.includes(old)).toBe(true);
  repo.write(path, text.replace(old, replacement));
}

function run(repo: TestRepo, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const result = gitRun(repo.dir, args, env);
  expect(result.status, `git ${args.join(' ')}: ${result.stderr}`).toBe(0);
}

function setup(): TestRepo {
  // Made once per file and copied (test/helpers/hooked-repo.ts): init's node run once, not per test.
  return copiedRepo('line-notes-truth', () => {
    const repo = makeRepo();
    repo.commit('base', { [FILE]: base(1, 10) });
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).status).toBe(0);
    return repo;
  });
}

interface Truth {
  content: string;
  /** The note of the commit blame names claims the line (AI key) at its line number there. */
  noted: boolean;
}

/** Each line of FILE at HEAD, from `git blame --line-porcelain`, with whether its commit's note claims it. */
function truth(repo: TestRepo): Truth[] {
  const out = repo.git(['blame', '--line-porcelain', 'HEAD', '--', FILE], { raw: true });
  const notes = new Map<string, AuthorshipLog | null>();
  const noteOf = (sha: string) => {
    if (!notes.has(sha)) {
      const shown = gitRun(repo.dir, ['notes', '--ref=ai', 'show', sha]);
      const parsed = shown.status === 0 ? parseAuthorshipLog(shown.stdout) : null;
      notes.set(sha, parsed?.ok ? parsed.log : null);
    }
    return notes.get(sha)!;
  };
  const lines: Truth[] = [];
  let header: { sha: string; orig: number } | null = null;
  let filename = FILE;
  for (const line of out.split('\n')) {
    const head = /^([0-9a-f]{40}) (\d+) \d+/.exec(line);
    if (head) {
      header = { sha: head[1]!, orig: Number(head[2]) };
      continue;
    }
    if (line.startsWith('filename ')) filename = line.slice(9);
    if (!line.startsWith('\t') || !header) continue;
    const note = noteOf(header.sha);
    const orig = header.orig;
    // The last entry covering the line wins it (git-ai's reading).
    const owner = note?.files
      .get(filename)
      ?.filter((entry) => {
        for (let at = 0; at < entry.ranges.length; at += 2) if (entry.ranges[at]! <= orig && orig <= entry.ranges[at + 1]!) return true;
        return false;
      })
      .pop();
    lines.push({ content: line.slice(1), noted: owner !== undefined && owner.kind !== 'human' });
  }
  return lines;
}

/** Every agent line is claimed by its commit's note and no other line is; aitrail blame counts the hand count. */
function expectTruth(repo: TestRepo, handCount: number): void {
  const lines = truth(repo);
  const wrong = lines.filter((line) => line.noted !== line.content.startsWith('ai '));
  expect(wrong, JSON.stringify(lines)).toEqual([]);
  expect(lines.filter((line) => line.noted)).toHaveLength(handCount);
  const result = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache', '--', FILE]);
  expect(result.status, result.stderr).toBe(0);
  expect(JSON.parse(result.stdout).totals).toMatchObject({ lines: lines.length, ai: handCount, byAgent: { 'claude-code': handCount } });
}

describe('line-level notes against git blame --line-porcelain', () => {
  it('rebase onto a main that added and removed lines above and below the agent lines', () => {
    const repo = setup();
    run(repo, ['checkout', '-q', '-b', 'feature']);
    agentEdit(repo, 'base 5\n', 'base 5\nai one\nai two\nai three\n');
    run(repo, ['commit', '-qam', 'agent lines']);
    handEdit(repo, 'ai two\n', 'ai two\nmine between\n');
    run(repo, ['commit', '-qam', 'a person adds a line']);
    expectTruth(repo, 3);
    run(repo, ['checkout', '-q', 'main']);
    handEdit(repo, 'base 1\n', 'top 1\ntop 2\nbase 1\n');
    handEdit(repo, 'base 3\n', '');
    handEdit(repo, 'base 9\n', 'base 9\nlow\n');
    run(repo, ['commit', '-qam', 'main moves the file']);
    run(repo, ['checkout', '-q', 'feature']);
    run(repo, ['rebase', '-q', 'main']);
    expect(repo.git(['show', `HEAD:${FILE}`], { raw: true })).toContain('top 1\ntop 2\nbase 1\nbase 2\nbase 4\nbase 5\nai one\nai two\nmine between\nai three\n');
    expectTruth(repo, 3);
  });

  it('cherry-pick onto a branch that changed the file above the agent lines', () => {
    const repo = setup();
    run(repo, ['checkout', '-q', '-b', 'feature']);
    agentEdit(repo, 'base 8\n', 'base 8\nai one\nai two\n');
    run(repo, ['commit', '-qam', 'agent lines']);
    const picked = repo.git(['rev-parse', 'HEAD']);
    run(repo, ['checkout', '-q', '-b', 'release', 'main']);
    handEdit(repo, 'base 2\n', 'base 2\nrelease 1\nrelease 2\nrelease 3\n');
    run(repo, ['commit', '-qam', 'release line']);
    run(repo, ['cherry-pick', '-x', picked]);
    expectTruth(repo, 2);
  });

  it('amend: a person edits one agent line and adds lines above; the agent adds more in the amend', () => {
    const repo = setup();
    agentEdit(repo, 'base 4\n', 'base 4\nai one\nai two\nai three\n');
    run(repo, ['commit', '-qam', 'agent lines']);
    handEdit(repo, 'base 1\n', 'mine top\nbase 1\n');
    handEdit(repo, 'ai two\n', 'mine two (was the agent line)\n');
    run(repo, ['add', FILE]);
    agentEdit(repo, 'base 10\n', 'base 10\nai four\n');
    run(repo, ['commit', '-q', '--amend', '-a', '--no-edit']);
    expectTruth(repo, 3);
  });

  it('squash in an interactive rebase (fixup) and a squash merge composed with notes squash', () => {
    const repo = setup();
    run(repo, ['checkout', '-q', '-b', 'feature']);
    agentEdit(repo, 'base 2\n', 'base 2\nai one\nai two\n');
    run(repo, ['commit', '-qam', 'agent lines']);
    handEdit(repo, 'base 6\n', 'base 6\nmine six\n');
    agentEdit(repo, 'base 9\n', 'base 9\nai nine\n');
    run(repo, ['commit', '-qam', 'more agent lines and one of mine']);
    handEdit(repo, 'ai one\n', 'mine one (rewrote the agent line)\n');
    run(repo, ['commit', '-qam', 'a person rewrites a line']);
    run(repo, ['branch', 'before-squash']);
    // Fold the two later commits into the first.
    run(repo, ['rebase', '-q', '-i', 'main'], { GIT_SEQUENCE_EDITOR: "sed -i -e '2,$s/^pick/fixup/'" });
    expect(repo.git(['rev-list', '--count', 'main..HEAD'])).toBe('1');
    expectTruth(repo, 2);

    run(repo, ['checkout', '-q', 'main']);
    run(repo, ['merge', '-q', '--squash', 'before-squash']);
    run(repo, ['commit', '-qm', 'feature (#3)']);
    const squash = aitrail(repo.dir, ['notes', 'squash', 'main~1..before-squash', '--onto', 'HEAD']);
    expect(squash.status, squash.stdout + squash.stderr).toBe(0);
    expectTruth(repo, 2);
  });

  it('squash of an agent commit and a person moving its block to the end of the file', () => {
    const repo = setup();
    run(repo, ['checkout', '-q', '-b', 'feature']);
    agentEdit(repo, 'base 2\n', 'base 2\nai one\nai two\nai three\n');
    run(repo, ['commit', '-qam', 'agent lines']);
    handEdit(repo, 'ai one\nai two\nai three\n', '');
    handEdit(repo, 'base 10\n', 'base 10\nai one\nai two\nai three\n');
    run(repo, ['commit', '-qam', 'a person moves the block']);
    run(repo, ['rebase', '-q', '-i', 'main'], { GIT_SEQUENCE_EDITOR: "sed -i -e '2,$s/^pick/fixup/'" });
    expectTruth(repo, 3);
  });

  it('rebase with a conflict a person resolves: the agent lines kept are noted, the lines the person wrote are not', () => {
    const repo = setup();
    run(repo, ['checkout', '-q', '-b', 'feature']);
    agentEdit(repo, 'base 5\n', 'ai five\nai five and a half\n');
    run(repo, ['commit', '-qam', 'agent rewrites line 5']);
    run(repo, ['checkout', '-q', 'main']);
    handEdit(repo, 'base 5\n', 'mine five\n');
    run(repo, ['commit', '-qam', 'a person rewrites line 5']);
    run(repo, ['checkout', '-q', 'feature']);
    expect(gitRun(repo.dir, ['rebase', '-q', 'main']).status).not.toBe(0);
    // The person keeps both sides, in their order, and adds a line of their own.
    repo.write(FILE, `${base(1, 4)}mine five\nai five\nai five and a half\nmine resolution\n${base(6, 10)}`);
    run(repo, ['add', FILE]);
    run(repo, ['-c', 'core.editor=true', 'rebase', '--continue']);
    expectTruth(repo, 2);
  });

  it('cherry-pick of a range, and an interactive rebase that swaps an agent commit with a person\'s', () => {
    const repo = setup();
    run(repo, ['checkout', '-q', '-b', 'feature']);
    agentEdit(repo, 'base 3\n', 'base 3\nai three\n');
    run(repo, ['commit', '-qam', 'agent one']);
    handEdit(repo, 'base 1\n', 'mine zero\nbase 1\n');
    run(repo, ['commit', '-qam', 'a person adds a first line']);
    agentEdit(repo, 'base 8\n', 'base 8\nai eight\nai nine\n');
    run(repo, ['commit', '-qam', 'agent two']);
    run(repo, ['checkout', '-q', '-b', 'release', 'main']);
    handEdit(repo, 'base 2\n', 'base 2\nrelease\n');
    run(repo, ['commit', '-qam', 'release line']);
    run(repo, ['cherry-pick', 'main..feature']);
    expectTruth(repo, 3);
    run(repo, ['checkout', '-q', 'feature']);
    // Swap the first two commits (the person's line first, then the agent's).
    run(repo, ['rebase', '-q', '-i', 'main'], { GIT_SEQUENCE_EDITOR: "sed -i -e '1{h;d}' -e '2G'" });
    expect(repo.git(['log', '--format=%s', 'main..HEAD']).split('\n')).toEqual(['agent two', 'agent one', 'a person adds a first line']);
    expectTruth(repo, 3);
  });
});

describe('line-level notes where a line diff could place an edit in more than one place', () => {
  it('an agent that edits an import and adds a function between two others: every line git blame gives its commit is noted', () => {
    const repo = makeRepo();
    repo.commit('base', { [FILE]: 'import a\n\nfunction one() {\n  return 1;\n}\n\nfunction two() {\n  return 2;\n}\n' });
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).status).toBe(0);
    agentEdit(repo, 'import a\n', 'import a, b\n');
    run(repo, ['add', FILE]);
    agentEdit(repo, '}\n\nfunction two', '}\n\nfunction three() {\n  return 3;\n}\n\nfunction two');
    run(repo, ['commit', '-qam', 'agent: an import and a function']);
    // git blame gives the agent's commit line 1 and lines 7-10 (`function three() {` to the blank line after it).
    const head = repo.git(['rev-parse', 'HEAD']);
    const blamed = repo
      .git(['blame', '--porcelain', 'HEAD', '--', FILE])
      .split('\n')
      .flatMap((line) => (line.startsWith(`${head} `) ? [Number(line.split(' ')[2])] : []));
    expect(blamed).toEqual([1, 7, 8, 9, 10]);
    expect(truth(repo).map((line) => line.noted)).toEqual([true, false, false, false, false, false, true, true, true, true, false, false, false]);
    const result = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache', '--', FILE]);
    expect(JSON.parse(result.stdout).totals).toMatchObject({ lines: 13, ai: 5, human: 8, lineLevel: 5 });
  });
});
