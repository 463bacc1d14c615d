import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { CLAUDE_DECLARED, commitCase, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { tempDir, type TestRepo } from '../helpers/gitdir.js';

// A push that brings a branch with its git-ai notes judged each noted commit twice: once in the walk
// of the branch's new commits, once more by itself (`--no-walk`, for a note pushed after its commit).
// Without path rules a commit's judgement is its own: one the walk judged is not judged again
// (judge-groups.ts). Each case: the server's verdict (exit, refused shas), and the git processes it took.

/** The server's pre-receive, traced (GIT_TRACE) into a file of its own: the git commands of aitrail's run. */
function traced(remote: TestRepo): () => string[] {
  const trace = join(tempDir('aitrail-trace-'), 'pre-receive.trace');
  writeFileSync(join(remote.dir, 'hooks', 'pre-receive'), `#!/bin/sh\nGIT_TRACE='${trace}' exec "${process.execPath}" "${BIN}" hook pre-receive "$@"\n`);
  chmodSync(join(remote.dir, 'hooks', 'pre-receive'), 0o755);
  return () => readFileSync(trace, 'utf8').split('\n').flatMap((line) => /trace: (?:built-in|exec): git (.*)$/.exec(line)?.[1] ?? []);
}

/** Ten commits (a Claude trailer each), every other one with a note naming `key`'s model: the noted shas. */
function notedBranch(work: TestRepo, key: string): string[] {
  const noted: string[] = [];
  for (let at = 0; at < 10; at += 1) {
    const file = `src/f${at}.ts`;
    const sha = commitCase(work, `c${at}`, `feat: change ${at}\n\n${CLAUDE_DECLARED}\n`, file);
    if (at % 2 === 0) {
      addNote(work, sha, gitAiNote({ [file]: [session(key, '1')] }));
      noted.push(sha);
    }
  }
  return noted;
}

const noWalk = (commands: string[]) => commands.filter((command) => command.split(' ').some((word) => word === '--no-walk' || word === '--no-walk=unsorted'));
const refusedShas = (stderr: string) => [...stderr.matchAll(/error {3}([0-9a-f]{12}) /g)].map((match) => match[1]);

describe('pre-receive: a noted commit the walk judged is not judged again by itself (no path rules)', () => {
  it('a branch and its notes in one push: accepted, and no --no-walk judging of the noted commits', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const commands = traced(remote);
    notedBranch(work, NOTE_KEYS.claude);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main', 'refs/notes/ai']);
    expect(push.code, push.stderr).toBe(0);
    expect(remote.git(['rev-parse', 'refs/heads/main'])).toBe(work.git(['rev-parse', 'HEAD']));
    // At 2b22496: `rev-list --no-walk <the 5 noted>` and a `log --no-walk` of them, their notes read again.
    expect(noWalk(commands())).toEqual([]);
  });

  it('notes naming a denied model, pushed with their branch: each noted commit refused once, by the walk; the server keeps neither ref', () => {
    const { remote, work, base } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const commands = traced(remote);
    const noted = notedBranch(work, NOTE_KEYS.qwen);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main', 'refs/notes/ai']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain('push rejected by the server');
    expect(refusedShas(push.stderr).sort()).toEqual(noted.map((sha) => sha.slice(0, 12)).sort());
    // The ten commits and the five notes commits the push brings, each judged once (at 2b22496 the noted five twice: "in 5 of 20 commits").
    expect(push.stderr).toContain('aitrail: 5 errors, 0 warnings in 5 of 15 commits.');
    expect(noWalk(commands())).toEqual([]);
    expect(remote.git(['rev-parse', 'refs/heads/main'])).toBe(base);
    expect(remote.git(['for-each-ref', 'refs/notes/'])).toBe('');
  });

  it('the notes pushed after their branch: the noted commits, no longer new, are judged by themselves and refused', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const noted = notedBranch(work, NOTE_KEYS.qwen);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'main']).code).toBe(0);
    const commands = traced(remote);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'refs/notes/ai']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(refusedShas(push.stderr).sort()).toEqual(noted.map((sha) => sha.slice(0, 12)).sort());
    expect(noWalk(commands()).length).toBeGreaterThan(0);
    expect(remote.git(['for-each-ref', 'refs/notes/'])).toBe('');
  });

  it('under path rules the noted commits are still judged by themselves too', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n  paths:\n    - files: ["src/crypto/**"]\n      deny: ["openai/*"]\n');
    const commands = traced(remote);
    const noted = notedBranch(work, NOTE_KEYS.qwen);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main', 'refs/notes/ai']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(refusedShas(push.stderr).sort()).toEqual(noted.map((sha) => sha.slice(0, 12)).sort());
    expect(noWalk(commands()).length).toBeGreaterThan(0);
  });
});
