import { describe, expect, it } from 'vitest';
import { autoCommentChar } from '../../src/core/trailers/auto-comment-char.js';

// git's builtin/commit.c adjust_comment_line_char, case by case (row 298).
describe('autoCommentChar: the character core.commentChar=auto makes git pick', () => {
  it('# while the message holds none, wherever it would be', () => {
    expect(autoCommentChar('fix the parser\n')).toBe('#');
    expect(autoCommentChar('')).toBe('#');
  });
  it('# when the message holds one, but at no line start', () => {
    expect(autoCommentChar('fix #123 in the parser\n')).toBe('#');
  });
  it('the first candidate no line starts with, the first line and lines after \\r included', () => {
    expect(autoCommentChar('#123 fix the parser\n')).toBe(';');
    expect(autoCommentChar('subject\n\n#123\n;x\n')).toBe('@');
    expect(autoCommentChar('subject\r#1\r;x\r\n@y\n')).toBe('!');
    expect(autoCommentChar('#a\n;b\n@c\n!d\n$e\n%f\n^g\n&h\n|i\n:j\n')).toBe('#');
  });
});
