import { describe, expect, it } from 'vitest';
import { hiddenLineBreaks } from '../../src/git/wide-text.js';

describe('hiddenLineBreaks: lines a compiler reads that git does not', () => {
  it('finds UTF-16 and UTF-32 text by its byte order mark', () => {
    expect(hiddenLineBreaks(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\nb\n', 'utf16le')]))).toBe('utf16');
    expect(hiddenLineBreaks(Buffer.from([0xfe, 0xff, 0, 0x61]))).toBe('utf16');
    expect(hiddenLineBreaks(Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x61]))).toBe('utf16');
  });

  it('finds a carriage return or U+2028/U+2029 with more of the line after it', () => {
    expect(hiddenLineBreaks(Buffer.from('a();\rb();\r'))).toBe('cr');
    expect(hiddenLineBreaks(Buffer.from('a();\u2028b();\n'))).toBe('ls');
    expect(hiddenLineBreaks(Buffer.from('a();\u2029b();'))).toBe('ls');
  });

  it('leaves CRLF, a doubled CR before LF, a break at the end, plain UTF-8 and binary files alone', () => {
    for (const text of ['a();\r\nb();\r\n', 'a();\r\r\nb();\r', 'a();\u2028\nb();\u2029', 'const s = "é";\n', '', 'x']) expect(hiddenLineBreaks(Buffer.from(text))).toBeNull();
    expect(hiddenLineBreaks(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0x0d, 0x49]))).toBeNull();
  });
});
