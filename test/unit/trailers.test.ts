import { describe, expect, it } from 'vitest';
import { findTrailerBlock, insertTrailers, parseCommitTrailers, parseTrailers } from '../../src/core/trailers.js';

const ADD = [{ key: 'Assisted-by', value: 'claude-code:anthropic/claude-opus-4.6' }];
const LINE = 'Assisted-by: claude-code:anthropic/claude-opus-4.6\n';
const CUT = '# ------------------------ >8 ------------------------\n';
const insert = (message: string, options = {}) => insertTrailers(message, ADD, options);

describe('parseTrailers (git interpret-trailers --parse)', () => {
  it('reads only the final paragraph, never the title', () => {
    expect(parseTrailers('Key: title\n\nA: 1\n\nB: 2\nC:3\n')).toEqual([{ key: 'B', value: '2' }, { key: 'C', value: '3' }]);
    expect(parseTrailers('Signed-off-by: only a title\n')).toEqual([]);
    expect(parseTrailers('')).toEqual([]);
  });

  it('accepts a block of all trailers, or one with a git-generated line and >= 25% trailers', () => {
    expect(parseTrailers('s\n\nA: 1\nprose\n')).toEqual([]);
    expect(parseTrailers('s\n\nSigned-off-by: x\nA: 1\np\np\np\np\np\np\n')).toEqual([
      { key: 'Signed-off-by', value: 'x' }, { key: 'A', value: '1' }]);
    expect(parseTrailers('s\n\nSigned-off-by: x\np\np\np\np\n')).toEqual([]); // 1 of 5
    expect(parseTrailers('s\n\n(cherry picked from commit abc)\nA: 1\np\np\n')).toEqual([{ key: 'A', value: '1' }]);
    expect(parseTrailers('s\n\nSigned-off-by:x\np\n')).toEqual([]); // the prefix needs its space
  });

  it('keys are [A-Za-z0-9-]+, optionally followed by spaces or tabs before the colon', () => {
    expect(parseTrailers('s\n\nKey \t: v\nBug #42: no\n')).toEqual([]);
    expect(parseTrailers('s\n\nKey \t: v\n')).toEqual([{ key: 'Key', value: 'v' }]);
    expect(parseTrailers('s\n\nKe_y: v\n')).toEqual([]);
    expect(parseTrailers('s\n\nключ: v\n')).toEqual([]);
    expect(parseTrailers('s\n\n: v\n')).toEqual([]);
    expect(parseTrailers('s\n\nA B: v\n')).toEqual([]);
    expect(parseTrailers('s\n\n-x-: a:b  \n')).toEqual([{ key: '-x-', value: 'a:b' }]);
  });

  it('unfolds continuation lines and trims values (git-space is space, tab, CR, LF only)', () => {
    expect(parseTrailers('s\n\nA: one\n  two\n\tthree \nB:\n')).toEqual([{ key: 'A', value: 'one two three' }, { key: 'B', value: '' }]);
    expect(parseTrailers('s\n\nA: v\f\n')).toEqual([{ key: 'A', value: 'v\f' }]);
    expect(parseTrailers('s\r\n\r\nA: one\r\n two\r\n')).toEqual([{ key: 'A', value: 'one\r two' }]);
  });

  it('ignores comment lines, the scissors section and (unless noDivider) a --- patch part', () => {
    expect(parseTrailers('s\n\nA: 1\n# B: 2\nC: 3\n# tail\n')).toEqual([{ key: 'A', value: '1' }, { key: 'C', value: '3' }]);
    expect(parseTrailers(`s\n\nA: 1\n${CUT}B: 2\n`)).toEqual([{ key: 'A', value: '1' }]);
    expect(parseTrailers('s\n\nA: 1\n---\nB: 2\n')).toEqual([{ key: 'A', value: '1' }]);
    expect(parseTrailers('s\n\nA: 1\n---\nB: 2\n', { noDivider: true })).toEqual([]); // "---" is prose then
    expect(parseTrailers('s\n\nA: 1\n---\n\nB: 2\n', { noDivider: true })).toEqual([{ key: 'B', value: '2' }]);
    expect(parseTrailers('s\n\nA: 1\n----\nB: 2\n')).toEqual([]); // "----" is not a divider; prose in the block
    expect(parseTrailers('s\n\nA: 1\n; c\n', { commentChar: ';' })).toEqual([{ key: 'A', value: '1' }]);
  });

  it('a --- divider before the scissors line does not hang (git 2.39 loops forever there)', () => {
    expect(parseTrailers(`s\n\nA: 1\n---\nx\n${CUT}y\n`)).toEqual([{ key: 'A', value: '1' }]);
  });

  it('keeps non-ASCII bytes in values and stops at a NUL like git', () => {
    expect(parseTrailers('s\n\nCo-authored-by: Zoë 🚀 <z@x>\n')).toEqual([{ key: 'Co-authored-by', value: 'Zoë 🚀 <z@x>' }]);
    expect(parseTrailers('s\n\nA: 1\n\0B: 2\n')).toEqual([{ key: 'A', value: '1' }]);
  });

  it('git log skips blank lines at the top before looking (parseCommitTrailers)', () => {
    expect(parseTrailers('\n\nA: 1\n', { noDivider: true })).toEqual([{ key: 'A', value: '1' }]);
    expect(parseCommitTrailers('\n\nA: 1\n')).toEqual([]);
    expect(parseCommitTrailers(' \r\n\ns\n\nA: 1\n---\n\nB: 2\n')).toEqual([{ key: 'B', value: '2' }]);
  });

  it('rejects a comment character git would reject (empty, a line feed), and takes any other text as git 2.45 does', () => {
    expect(() => parseTrailers('s', { commentChar: '' })).toThrow(/without a line feed/);
    expect(() => parseTrailers('s', { commentChar: '#\n' })).toThrow(/without a line feed/);
    expect(parseTrailers('s\n\nA: 1\n// note\nB: 2\n', { commentChar: '//' })).toEqual([{ key: 'A', value: '1' }, { key: 'B', value: '2' }]);
    expect(parseTrailers('s\n\nA: 1\n/ not a comment\n', { commentChar: '//' })).toEqual([]);
    // A byte that is not UTF-8 on its own (git 2.39 takes one) reads as U+FFFD in a UTF-8 message, as the comment lines git wrote with it do.
    expect(parseTrailers('s\n\nA: 1\n\uFFFD Please enter the message\n', { commentChar: '\uFFFD' })).toEqual([{ key: 'A', value: '1' }]);
  });
});

describe('insertTrailers (git interpret-trailers --if-exists addIfDifferent)', () => {
  it('appends to an existing trailer block', () => {
    expect(insert('s\n\nSigned-off-by: a\n')).toBe(`s\n\nSigned-off-by: a\n${LINE}`);
  });

  it('starts a new block after a blank line when the last paragraph is not a trailer block', () => {
    expect(insert('s\n\nprose\n')).toBe(`s\n\nprose\n\n${LINE}`);
    expect(insert('s\n\nA: 1\nprose\n')).toBe(`s\n\nA: 1\nprose\n\n${LINE}`);
    expect(insert('subject\n')).toBe(`subject\n\n${LINE}`);
    expect(insert('s\n\nbody\n  \n')).toBe(`s\n\nbody\n  \n${LINE}`); // a whitespace-only line is blank
  });

  it('inserts before comment lines and the scissors section of a prepare-commit-msg file', () => {
    const template = '\n# Please enter the commit message for your changes.\n#\n# On branch main\n';
    expect(insert(`Fix\n\nSigned-off-by: a\n${template}`)).toBe(`Fix\n\nSigned-off-by: a\n${LINE}${template}`);
    expect(insert(`Fix\n${template}${CUT}diff --git a/x b/x\n+A: b\n`))
      .toBe(`Fix\n\n${LINE}${template}${CUT}diff --git a/x b/x\n+A: b\n`);
    expect(insert('s\n\nA: 1\n---\ndiff\n')).toBe(`s\n\nA: 1\n${LINE}---\ndiff\n`);
    expect(insert('s\n\nA: 1\n---\ndiff\n', { noDivider: true })).toBe(`s\n\nA: 1\n---\ndiff\n\n${LINE}`);
    expect(insert('s\n\nA: 1\n; c\n', { commentChar: ';' })).toBe(`s\n\nA: 1\n${LINE}; c\n`);
  });

  it('handles empty and comment-only messages as git does (a blank first line, then the block)', () => {
    expect(insert('')).toBe(`\n${LINE}`);
    expect(insert('\n# c\n')).toBe(`\n${LINE}# c\n`);
    // git quirk kept: a comment run starting at offset 0 is not seen as trailing ("boc" 0 means unset)
    expect(insert('# only a comment\n')).toBe(`# only a comment\n\n${LINE}`);
  });

  it('changes no other byte, where git would re-print the block', () => {
    // git: "s\n\nKey: v\nC: d\n" + LINE (spacing normalised, CRs, trailing blanks and comments dropped)
    expect(insert('s\r\n\r\nKey :v \r\n# c\r\nC:  d\r\n')).toBe(`s\r\n\r\nKey :v \r\n# c\r\nC:  d\r\n${LINE}`);
  });

  it('terminates an unterminated last line, and adds the blank line git forgets there', () => {
    expect(insert('s\n\nA: 1')).toBe(`s\n\nA: 1\n${LINE}`);
    expect(insert('subject')).toBe(`subject\n\n${LINE}`); // git: "subject\n" + LINE (no trailer block)
    expect(insert('s\n\nbody')).toBe(`s\n\nbody\n\n${LINE}`);
    expect(insert('s\n\nA: 1\n# c')).toBe(`s\n\nA: 1\n${LINE}# c`);
  });

  it('keeps a block closed by whitespace-only lines in one piece', () => {
    // git re-prints "  " before the new line, which then starts a block of its own
    expect(insert('s\n\nSigned-off-by: a\nprose\n  \n# c\n')).toBe(`s\n\nSigned-off-by: a\nprose\n${LINE}  \n# c\n`);
    expect(insert('s\n\nA: 1\n \n')).toBe(`s\n\nA: 1\n${LINE} \n`);
  });

  it('never adds a trailer that is present (git: key prefix and value compared case-insensitively)', () => {
    const present = `s\n\n${LINE}`;
    expect(insert(present)).toBe(present);
    expect(insert(`s\n\nassisted-BY :  CLAUDE-code:anthropic/claude-opus-4.6 \n`)).toBe(`s\n\nassisted-BY :  CLAUDE-code:anthropic/claude-opus-4.6 \n`);
    expect(insert(`s\n\nAssisted: claude-code:anthropic/claude-opus-4.6\n`)).toBe(`s\n\nAssisted: claude-code:anthropic/claude-opus-4.6\n`);
    expect(insert('s\n\nAssisted-by: other:model\n')).toBe(`s\n\nAssisted-by: other:model\n${LINE}`);
    // in the title, or folded over two lines, it is not "present"
    expect(insert(`${LINE}`)).toBe(`${LINE}\n${LINE}`);
    expect(insert('s\n\nAssisted-by: claude-code:anthropic/\n claude-opus-4.6\n')).toBe(`s\n\nAssisted-by: claude-code:anthropic/\n claude-opus-4.6\n${LINE}`);
  });

  it('is idempotent and deduplicates within one call', () => {
    const once = insert('s\n\nbody\n');
    expect(insert(once)).toBe(once);
    expect(insertTrailers('s\n', [...ADD, ...ADD, { key: 'B', value: ' x ' }])).toBe(`s\n\n${LINE}B: x\n`);
  });

  it('refuses keys and values that would forge or break lines', () => {
    expect(() => insertTrailers('s\n', [{ key: 'Bad key', value: 'v' }])).toThrow(/Invalid trailer key/);
    expect(() => insertTrailers('s\n', [{ key: '', value: 'v' }])).toThrow(/Invalid trailer key/);
    expect(() => insertTrailers('s\n', [{ key: 'A', value: 'x\nSigned-off-by: y' }])).toThrow(/newlines or control/);
    expect(() => insertTrailers('s\n', [{ key: 'A', value: 'x\u001b[31m' }])).toThrow(/newlines or control/);
  });
});

describe('findTrailerBlock', () => {
  it('reports the block, the end of the log message and the blank line before it', () => {
    const message = `s\n\nA: 1\n  more\nB: 2\n\n# c\n${CUT}`;
    const block = findTrailerBlock(message);
    expect(message.slice(block.start, block.end)).toBe('A: 1\n  more\nB: 2\n');
    expect(block.lines).toEqual(['A: 1\n  more\n', 'B: 2\n']);
    expect(block.blankLineBefore).toBe(true);
  });
});

describe('linear time on huge inputs', () => {
  // 1 MB: a quadratic path over a million characters (or the ~90,000 lines of 'many trailers')
  // would still take minutes; linear code takes ~0.1 s.
  const huge = (unit: string) => unit.repeat(Math.ceil(1_000_000 / unit.length));
  it.each([
    ['one long line', `s\n\n${huge('a')}`],
    ['many trailers', `s\n\n${huge('Key: value\n')}`],
    ['continuation lines', `s\n\nA: v\n${huge('  x\n')}`],
    ['prose and separators', `s\n\n${huge('Key  \t  \t x: ')}\n`],
    ['blank lines and comments', `s\n\nA: 1\n${huge('\n# c\n')}`],
    ['divider-like lines', `s\n\n${huge('--\n---x\n')}`],
    ['scissors-like comments', `s\n\nA: 1\n${huge('# ------------------------ >8 -----------------------\n')}`],
  ])('%s (1 MB)', (_name, message) => {
    // CPU time, not wall time: other work on the machine must not make this flaky. Linear code
    // takes well under a second here; a quadratic path would take minutes.
    const before = process.cpuUsage();
    parseTrailers(message);
    insert(message);
    const used = process.cpuUsage(before);
    expect((used.user + used.system) / 1000).toBeLessThan(10_000);
  }, 60_000);
});
