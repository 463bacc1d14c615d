// row 1104: row 1076 let pre-receive take a rewrite of a note that attests lines when that note is kept byte for byte
// as one part of the new one. But a joined note is read by no git-ai reader and, by aitrail, only by check/log/pre-receive:
// `blame` and `trend` read none of it and count the commit's lines by its commit-level attribution (a person's). So an
// insider could `git notes append` an empty git-ai note to the server's Qwen note and push: accepted, and blame then said
// Qwen's lines were a person's. Replayed: a real bare server with aitrail's pre-receive, a real `git notes append`, real pushes,
// the built CLI's `blame`.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { addNote, forCommit, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';

const CONFIG = 'policy:\n  paths:\n    - files: ["src/**"]\n      deny: ["qwen/*"]\n';
const CODE = 'export const a = 1;\nexport const b = 2;\nexport const c = 3;\n';

describe('a note read whole that attests lines, rewritten into a joined note (row 1104)', () => {
  it.each([
    ['an empty git-ai note appended', () => gitAiNote({})],
    ["a note giving the same lines to Claude appended", () => gitAiNote({ 'docs/k.ts': [session(NOTE_KEYS.claude, '1-3')] })],
  ])('%s: pre-receive refuses it, blame still counts Qwen\'s lines', (_name, extra) => {
    const { remote, work } = policyServer(CONFIG);
    const sha = work.commit('docs: k\n', { 'docs/k.ts': CODE });
    addNote(work, sha, gitAiNote({ 'docs/k.ts': [session(NOTE_KEYS.qwen, '1-3')] }));
    const first = tryGit(work.dir, ['push', '-q', 'origin', 'main', 'refs/notes/ai']);
    expect(first.code, first.stderr).toBe(0);
    const before = remote.git(['notes', '--ref=ai', 'show', sha]);
    work.git(['notes', '--ref=ai', 'append', '-F', '-', sha], { input: forCommit(extra(), work.git(['rev-parse', sha])) });
    expect(work.git(['notes', '--ref=ai', 'show', sha]).match(/schema_version/g)).toHaveLength(2);
    const pushed = tryGit(work.dir, ['push', '-q', 'origin', 'refs/notes/ai']);
    expect(pushed.code, pushed.stderr).not.toBe(0);
    expect(pushed.stderr).toContain(`takes away or rewrites the git-ai note of ${sha.slice(0, 12)}`);
    expect(remote.git(['notes', '--ref=ai', 'show', sha])).toBe(before);
    // What the server keeps, a clone's blame reads: Qwen's 3 lines are AI.
    work.git(['fetch', '-q', 'origin', '+refs/notes/ai:refs/notes/ai']);
    const blame = aitrail(work.dir, ['blame', 'docs/k.ts']);
    expect(blame.code, blame.stderr).toBe(0);
    expect(blame.stdout).toMatch(/3 of 3 lines AI-authored/);
  });
});
