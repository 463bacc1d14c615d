// A blame report read from the cache says what the run that wrote it said: its warnings were kept
// with it, its notes were not, so a second `aitrail blame link b.txt` dropped `note: skipped 'link':
// a symbolic link` (seen by the CLI server's diff mode: the same command, run twice, said otherwise).
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

describe('a cached blame report', () => {
  it("says the notes and warnings of the run that wrote it, in their order (a named link skipped, a submodule left out)", () => {
    const inner = makeRepo();
    inner.commit('human: inner\n', { 'x.txt': 'x\n' });
    const repo = makeRepo();
    repo.commit('human: files\n', { 'real/a.txt': 'a\na\n', 'b.txt': 'b\n' });
    symlinkSync('real', join(repo.dir, 'link'));
    repo.git(['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', `file://${inner.dir}`, 'mod']);
    repo.commit('human: a link and a submodule\n');

    const args = ['blame', '--format', 'json', 'link', 'b.txt', 'link/a.txt', 'mod'];
    const fresh = aitrail(repo.dir, args);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stderr).toBe(
      [
        "aitrail: note: skipped 'link': a symbolic link (blame counts the lines of files, not links); name its target instead.",
        "aitrail: note: skipped 'link/a.txt': it is under 'link', a symbolic link in this revision; name the real path instead.",
        "aitrail: note: skipped 'mod': a submodule (another repository); run aitrail blame inside it.",
        '',
      ].join('\n') + fresh.stderr.split('\n').filter((line) => line.startsWith('aitrail: warning:')).map((line) => `${line}\n`).join(''),
    );
    expect(fresh.stderr).toContain("aitrail: warning: left out 1 submodule ('mod')");
    for (const again of [aitrail(repo.dir, args), aitrail(repo.dir, args)]) {
      expect(again.code).toBe(0);
      expect(again.stdout).toBe(fresh.stdout);
      expect(again.stderr).toBe(fresh.stderr);
    }
    expect(aitrail(repo.dir, [...args.slice(0, 1), '--no-cache', ...args.slice(1)]).stderr).toBe(fresh.stderr);
  });
});
