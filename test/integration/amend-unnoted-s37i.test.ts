// post-rewrite after a person's amend in a repository that holds git-ai notes (refs/notes/ai): the
// shim used to start node for every amend there (a note may exist), though node's note carrying
// only acts on the note of the commit the amend replaced (or the one post-commit just wrote). Now
// one `git notes list` of that commit decides; the amend gate (aitrail_amended) decides the rest.
// Differential: whenever the shim ends without node, the real node hook on the same amend changes
// nothing (HEAD, the notes) and prints nothing; the amends node acts on still start it.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { noteOf } from '../helpers/agent-edits.js';
import { BIN } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { stampedRepo } from '../helpers/shim-fast-path.js';

const SHIM = resolve(fileURLToPath(import.meta.url), '../../../hooks/post-rewrite');
const EDITOR = (() => {
  const path = join(tempDir('aitrail-editor-'), 'editor.sh');
  writeFileSync(path, '#!/bin/sh\nprintf "Edited by hand\\n\\nWith a body.\\n" >"$1"\n');
  chmodSync(path, 0o755);
  return path;
})();

/** A hooked repository whose refs/notes/ai holds a git-ai note (on a person's earlier commit), and a person's commit on top. */
function notedRepo() {
  const { repo, env, started } = hookedRepo();
  repo.commit('Noted work\n', { 'n.txt': 'one\ntwo\n' }, { ...env, AITRAIL: '0' });
  addNote(repo, repo.git(['rev-parse', 'HEAD']), gitAiNote({ 'n.txt': [session(NOTE_KEYS.qwen, '1-2')] }));
  repo.commit('Human work\n', { 'h.txt': 'h\n' }, { ...env, AITRAIL: '0' });
  const notes = () => repo.git(['notes', '--ref', 'ai', 'list']);
  /** What post-rewrite started for `git commit --amend <args>`: the `aitrail hook post-rewrite` lines. */
  const amend = (args: string[], extra: NodeJS.ProcessEnv = {}) => {
    writeFileSync(started, '');
    const old = repo.git(['rev-parse', 'HEAD']);
    const done = tryGit(repo.dir, ['commit', '-q', '--amend', '--allow-empty', ...args], { env: { ...env, GIT_EDITOR: EDITOR, ...extra } });
    expect(done.code, done.stderr).toBe(0);
    const made = repo.git(['rev-parse', 'HEAD']);
    const rewrite = readFileSync(started, 'utf8').split('\n').filter((line) => line.startsWith('hook post-rewrite'));
    return { old, made, rewrite, stderr: done.stderr };
  };
  /** The real node hook on the same amend (`<old> <new>`): what it changed and printed. */
  const node = (old: string, made: string) => {
    const before = { head: repo.git(['rev-parse', 'HEAD']), notes: notes() };
    const result = spawnSync(process.execPath, [BIN, 'hook', 'post-rewrite', 'amend'], { cwd: repo.dir, env, input: `${old} ${made}\n`, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    return { changed: repo.git(['rev-parse', 'HEAD']) !== before.head || notes() !== before.notes, stdout: result.stdout, stderr: result.stderr };
  };
  return { repo, env, amend, node, notes };
}

describe("post-rewrite after a person's amend where git-ai notes exist: node only when the amended commit has a note", () => {
  it('plain amends of every kind (-m, --no-edit, in an editor, -C, --reset-author, AITRAIL_* set, packed refs) start no node, and node on the same amend changes nothing', () => {
    const { repo, amend, node } = notedRepo();
    const kinds: Array<{ args: string[]; env?: NodeJS.ProcessEnv; pack?: boolean }> = [
      { args: ['-m', 'Reworded by hand'] },
      { args: ['--no-edit'] },
      { args: [] },
      { args: ['-C', 'HEAD'] },
      { args: ['--reset-author', '--no-edit'] },
      { args: ['-m', 'Reworded again'], env: { AITRAIL_QUIET: '1' } },
      { args: ['-m', 'Reworded, packed'], pack: true },
      { args: ['--no-edit'] },
    ];
    for (const kind of kinds) {
      if (kind.pack) repo.git(['pack-refs', '--all']);
      const label = JSON.stringify(kind);
      const { old, made, rewrite } = amend(kind.args, kind.env);
      expect(rewrite, label).toEqual([]);
      expect(node(old, made), label).toEqual({ changed: false, stdout: '', stderr: '' });
    }
    expect(existsSync(join(repo.dir, '.git', 'refs', 'notes', 'ai'))).toBe(false);
    expect(repo.git(['notes', '--ref', 'ai', 'list'])).not.toBe('');
  });

  it("an amend of a noted commit still starts node, which carries the note to the new commit", () => {
    const { repo, env, amend } = notedRepo();
    repo.commit('More work\n', { 'm.txt': 'a\nb\n' }, { ...env, AITRAIL: '0' });
    const noted = repo.git(['rev-parse', 'HEAD']);
    addNote(repo, noted, gitAiNote({ 'm.txt': [session(NOTE_KEYS.qwen, '1-2')] }));
    for (const args of [['-m', 'More work, reworded'], ['--no-edit'], ['--reset-author', '--no-edit']]) {
      const { rewrite, made } = amend(args);
      expect(rewrite, args.join(' ')).toEqual(['hook post-rewrite amend']);
      expect(noteOf(repo, made).files, args.join(' ')).toEqual({ 'm.txt': ['1,2'] });
    }
  });
});

describe('the shim alone: each doubt starts node', () => {
  function setup() {
    const repo = stampedRepo();
    const gitDir = join(repo.dir, '.git');
    copyFileSync(SHIM, join(gitDir, 'hooks', 'post-rewrite'));
    const bin = join(tempDir('aitrail-unnoted-bin-'), 'bin');
    mkdirSync(bin);
    const log = join(bin, '..', 'started');
    writeFileSync(join(bin, 'aitrail'), `#!/bin/sh\nprintf 'aitrail %s\\n' "$*" >>'${log}'\n`);
    writeFileSync(join(bin, 'git'), `#!/bin/sh\nprintf 'git %s\\n' "$1" >>'${log}'\nexec /usr/bin/git "$@"\n`);
    for (const tool of ['aitrail', 'git']) chmodSync(join(bin, tool), 0o755);
    const base = { ...TEST_GIT_ENV, PATH: `${bin}:/usr/bin:/bin` };
    repo.commit('Noted\n', { 'n.txt': 'n\n' });
    const noted = repo.git(['rev-parse', 'HEAD']);
    addNote(repo, noted, gitAiNote({ 'n.txt': [session(NOTE_KEYS.qwen, '1')] }));
    repo.commit('Plain\n', { 'p.txt': 'p\n' });
    const plain = repo.git(['rev-parse', 'HEAD']);
    const made = repo.git(['commit-tree', '-p', noted, '-m', 'Reworded', 'HEAD^{tree}']);
    repo.git(['update-ref', 'refs/heads/main', made]);
    const shim = (input: string, env: NodeJS.ProcessEnv = {}): string[] => {
      rmSync(log, { force: true });
      const result = spawnSync('sh', [join('.git', 'hooks', 'post-rewrite'), 'amend'], { cwd: repo.dir, env: { ...base, ...env }, input, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      return existsSync(log) ? readFileSync(log, 'utf8').trimEnd().split('\n') : [];
    };
    /** The real node hook on the same amend. */
    const node = (input: string) => {
      const ran = spawnSync(process.execPath, [BIN, 'hook', 'post-rewrite', 'amend'], { cwd: repo.dir, env: TEST_GIT_ENV, input, encoding: 'utf8' });
      return { status: ran.status, stdout: ran.stdout, stderr: ran.stderr };
    };
    return { repo, gitDir, shim, node, noted, plain, made };
  }
  const started = (lines: string[]) => lines.some((line) => line.startsWith('aitrail '));

  it('an unnoted plain commit: one git notes and one git log, no node; a noted one, a note post-commit left, two lines, a short id, a rebase: node', () => {
    const { repo, gitDir, shim, node, noted, plain, made } = setup();
    expect(shim(`${plain} ${made}\n`)).toEqual(['git notes', 'git log']);
    // The same amend as node reads it: nothing to carry, nothing said.
    expect(node(`${plain} ${made}\n`)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(made);
    // Amending again the commit that amend made: the kept id, no git log.
    expect(shim(`${made} ${made}\n`)).toEqual(['git notes']);
    expect(started(shim(`${noted} ${made}\n`))).toBe(true);
    expect(started(shim(`${plain} ${made}\n${noted} ${made}\n`))).toBe(true);
    expect(started(shim(`${plain.slice(0, 12)} ${made}\n`))).toBe(true);
    expect(started(shim(`${plain} ${made} x\n`))).toBe(true);
    mkdirSync(join(gitDir, 'aitrail'), { recursive: true });
    writeFileSync(join(gitDir, 'aitrail', 'last-note'), `${made}\nnote\n`);
    expect(started(shim(`${plain} ${made}\n`))).toBe(true);
    rmSync(join(gitDir, 'aitrail', 'last-note'));
    // A rebase's own amend (a reword or fold step: git's author-script there).
    mkdirSync(join(gitDir, 'rebase-merge'));
    writeFileSync(join(gitDir, 'rebase-merge', 'author-script'), "GIT_AUTHOR_NAME='Test Human'\n");
    expect(started(shim(`${plain} ${made}\n`, { GIT_REFLOG_ACTION: 'rebase (pick)' }))).toBe(true);
    rmSync(join(gitDir, 'rebase-merge'), { recursive: true });
    // GIT_NOTES_REF elsewhere does not hide refs/notes/ai's note (node reads that ref by name).
    expect(started(shim(`${noted} ${made}\n`, { GIT_NOTES_REF: 'refs/notes/other' }))).toBe(true);
    // A notes ref git cannot read: git finds no note there, and node reads no notes either (src/git/notes.ts notesTip): nothing to carry.
    writeFileSync(join(gitDir, 'refs', 'notes', 'ai'), 'not an id\n');
    expect(started(shim(`${plain} ${made}\n`))).toBe(false);
    expect(node(`${plain} ${made}\n`)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(made);
  });
});
