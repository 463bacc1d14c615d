import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { serializeAuthorshipLog } from '../../src/core/notes/serialize-authorship-log.js';
import { survivesStripspace } from '../../src/core/notes/stripspace.js';
import { writeNote } from '../../src/git/write-note.js';
import { makeRepo, TEST_GIT_ENV } from '../helpers/gitdir.js';

/** What `git stripspace` (the clean-up `git notes add -F` runs) makes of `text`. */
const stripspace = (text: string) => execFileSync('git', ['stripspace'], { input: text, env: TEST_GIT_ENV }).toString('utf8');

/** A note's stored bytes, read back from git. */
function storedNote(dir: string, commit: string): string {
  const blob = execFileSync('git', ['notes', '--ref=ai', 'list', commit], { cwd: dir, env: TEST_GIT_ENV, encoding: 'utf8' }).trim();
  return execFileSync('git', ['cat-file', 'blob', blob], { cwd: dir, env: TEST_GIT_ENV }).toString('utf8');
}

const SERIALIZED = serializeAuthorshipLog({
  files: [
    { path: 'src/app.ts', entries: [{ key: 's_29ae16ba6cfe5b::t_94705570b9b3cc', ranges: [[3, 6]] }] },
    { path: 'docs/a file with spaces .md', entries: [{ key: 's_29ae16ba6cfe5b::t_94705570b9b3cc', ranges: [[1, 1], [4, 9]] }] },
  ],
  baseCommitSha: 'a'.repeat(40),
  sessions: { s_29ae16ba6cfe5b: { agent_id: { tool: 'claude-code', id: 'x', model: 'claude-opus-4-6' } } } as never,
});

describe('a note as git notes add -F leaves it (survivesStripspace), checked against git stripspace itself', () => {
  it('every text it accepts comes out of git stripspace byte for byte; the notes aitrail writes are accepted', () => {
    // Lines made of pieces (blank ones, ones ending in blanks or control characters, indented ones), mostly ending in a line feed.
    const pieces = ['a', 'x y', '', '', ' ', '  ', '\t', '\r', '\v', '\f', '---', '{', '"é"', '\u2028', '#', '\0', '  s_1::t_2 1-2'];
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const texts = [SERIALIZED, 'one line\n', 'a\n\nb\n', '', '\n', 'a', 'a \n', 'a\t\n', 'a\r\n', '\na\n', 'a\n\n', 'a\n\n\nb\n'];
    const line = () => Array.from({ length: next() % 3 }, () => pieces[next() % pieces.length]).join('');
    for (let i = 0; i < 200; i += 1) texts.push(Array.from({ length: 1 + (next() % 6) }, line).join('\n') + (next() % 5 === 0 ? '' : '\n'));
    let accepted = 0;
    for (const text of texts) {
      if (!survivesStripspace(text)) continue;
      accepted += 1;
      expect(stripspace(text), JSON.stringify(text)).toBe(text);
    }
    expect(survivesStripspace(SERIALIZED)).toBe(true);
    expect(accepted).toBeGreaterThan(10);
  });

  it('refuses what stripspace would change: trailing blanks, runs of blank lines, no final line feed, control characters', () => {
    for (const text of ['a \n', 'a\t\n', 'a\r\n', '\na\n', 'a\n\n', 'a\n\n\nb\n', 'a', '', 'a\vb\n', 'a\0b\n']) expect(survivesStripspace(text), JSON.stringify(text)).toBe(false);
    for (const text of ['a\n', 'a\n\nb\n', '  indented\n---\n{\n  "k": 1\n}\n']) expect(survivesStripspace(text), JSON.stringify(text)).toBe(true);
  });
});

describe('writeNote stores the text byte for byte, whichever way it goes', () => {
  const texts = [SERIALIZED, 'trailing space \nand a tab\t\n', '\n\nleading blank lines\n\n\n\nthen more\n\n', 'no final line feed', 'carriage\r\nreturns\r\n'];
  it.each(texts.map((text) => [JSON.stringify(text).slice(0, 40), text]))('%s', (_name, text) => {
    const repo = makeRepo();
    const commit = repo.commit('base', { 'a.txt': 'a\n' });
    expect(writeNote(repo.dir, 'refs/notes/ai', commit, text)).toEqual({ status: 'written' });
    expect(storedNote(repo.dir, commit)).toBe(text);
  });

  it('a note already there is left alone without force ("exists") and replaced with it', () => {
    const repo = makeRepo();
    const commit = repo.commit('base', { 'a.txt': 'a\n' });
    writeNote(repo.dir, 'refs/notes/ai', commit, 'first\n');
    expect(writeNote(repo.dir, 'refs/notes/ai', commit, 'second\n')).toEqual({ status: 'exists' });
    expect(storedNote(repo.dir, commit)).toBe('first\n');
    expect(writeNote(repo.dir, 'refs/notes/ai', commit, 'third \n', { force: true })).toEqual({ status: 'written' });
    expect(storedNote(repo.dir, commit)).toBe('third \n');
    expect(() => writeNote(repo.dir, 'refs/notes/ai', 'HEAD', 'x\n')).toThrow(/not a commit id/);
  });
});
