import { expect, test } from 'vitest';
import { notesRefName } from '../../../src/core/notes/notes-ref.js';

test.each([
  ['ai', 'refs/notes/ai'],
  ['refs/notes/ai', 'refs/notes/ai'],
  ['notes/ai', 'refs/notes/ai'],
  ['refs/notes/team/ai-2', 'refs/notes/team/ai-2'],
  ['ai-stash', 'refs/notes/ai-stash'],
])('%j → %s', (value, full) => {
  expect(notesRefName(value)).toBe(full);
});

test.each(['', 'refs/heads/main', 'refs/tags/v1', 'refs/notes/', '-x', '--upload-pack=x', 'a..b', 'x y', 'a\u0001', 'a~1', 'a^', 'a:b', 'a?', 'a*', 'a[b', 'a\\b', 'a@{1}', 'a//b', 'a/', 'a.', 'a.lock', '.hidden', 'a/.b', 'x'.repeat(201), 'refs/notes/a\nb'])(
  '%j is refused',
  (value) => {
    expect(notesRefName(value)).toBeNull();
  },
);
