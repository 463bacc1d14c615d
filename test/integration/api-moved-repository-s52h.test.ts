import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { log } from '../../src/api/log.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

// row 1022: the git dir of a folder (knownGitDirSync, where a note's lines are counted from: row 1016) was
// asked of git once per folder and process, and kept for good. A program calling the typed API whose folder
// then became another repository's place (`git init --separate-git-dir` moves the repository out and leaves a
// `.git` file; a worktree removed and a clone made in its place) had the next call's count run in the old git
// dir: git could not diff, and `log` gave the note's own unchecked claim (1,000,000 lines) for the 3 the commit adds.

const POLICY = 'policy:\n  deny: ["qwen/*"]\n  undeclared: warn\n';

describe('a folder whose repository moved between two API calls is counted where it is now (row 1022)', () => {
  it('log, then git init --separate-git-dir, then log: both count the 3 lines the commit adds', async () => {
    const repo = makeRepo();
    repo.commit('policy', { '.aitrailrc.yml': POLICY, 'README.md': 'hi\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const sha = repo.commit('feat: keys', { 'src/k.ts': 'a\nb\nc\n' });
    addNote(repo, sha, gitAiNote({ 'src/k.ts': [session(NOTE_KEYS.qwen, '1-1000000')] }));
    const counted = async () => {
      const warnings: string[] = [];
      const entries = await log({ cwd: repo.dir, range: 'main..feature', onWarning: (message: string) => warnings.push(message) });
      return { text: JSON.stringify(entries) + warnings.join('\n'), warnings };
    };
    const before = await counted();
    expect(before.text).toContain('3 lines in 1 file');
    expect(before.text).not.toContain('1000000');
    // Git moves the repository and leaves a `.git` file naming it.
    const moved = join(tempDir(), 'moved.git');
    repo.git(['init', '-q', `--separate-git-dir=${moved}`]);
    expect(statSync(join(repo.dir, '.git')).isFile()).toBe(true);
    expect(existsSync(join(moved, 'HEAD'))).toBe(true);
    const after = await counted();
    expect(after.text).toContain('3 lines in 1 file');
    expect(after.text).not.toContain('cannot diff commit');
    expect(after.text).not.toContain('1000000');
  });
});
