import { describe, expect, it } from 'vitest';
import { insertTrailers, parseTrailers } from '../../src/core/trailers.js';
import { recordTrailers } from '../../src/core/record-trailers.js';
import { found } from '../../src/core/detect/found.js';

// Row 314: with core.commentChar=';' and a cleanup that keeps comment lines (commit.cleanup=whitespace,
// verbatim, scissors above the cut, or -m/-F), the stored message is judged with `#`: a `;` line is text.
const QWEN = [found('qwen-code', 'qwen/qwen3-coder', 'env AITRAIL_MODEL')];
const CUT = '; ------------------------ >8 ------------------------\n';
const TEMPLATE = "\n; Please enter the commit message for your changes. Lines starting\n; with ';' will be kept; you may remove them yourself if you want to.\n;\n; On branch main\n";

describe('trailers of a message whose comment lines git keeps (row 314)', () => {
  it('read with `;`, a block above kept `;` lines is one; read as the stored message is (`#`), it is prose', () => {
    const message = `Fix the parser\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n${TEMPLATE}`;
    expect(parseTrailers(message, { commentChar: ';', noDivider: true })).toEqual([{ key: 'Assisted-by', value: 'qwen-code:qwen/qwen3-coder' }]);
    expect(parseTrailers(message, { noDivider: true })).toEqual([]);
  });

  it('the hook puts its trailer after the kept comment lines, a blank line between, so the stored message ends with the block', () => {
    const updated = recordTrailers(TEMPLATE, QWEN, 'Assisted-by', ';', { editorOpens: true, trailerChar: '#' });
    expect(updated).toBe(`\n${TEMPLATE}\nAssisted-by: qwen-code:qwen/qwen3-coder\n`);
    const stored = `Fix the parser${updated}`;
    expect(parseTrailers(stored, { noDivider: true })).toEqual([{ key: 'Assisted-by', value: 'qwen-code:qwen/qwen3-coder' }]);
    // Under a cleanup that strips the `;` lines after all, the trailer stays a block of its own.
    const stripped = stored.split('\n').filter((line) => !line.startsWith(';')).join('\n').replace(/\n{3,}/g, '\n\n');
    expect(parseTrailers(stripped, { noDivider: true })).toEqual([{ key: 'Assisted-by', value: 'qwen-code:qwen/qwen3-coder' }]);
  });

  it('the scissors line is found with the local prefix while `;` lines above it are text: nothing goes below the cut', () => {
    const message = `Fix the parser\n${TEMPLATE}${CUT}; Do not modify or remove the line above.\ndiff --git a/a b/a\n+Co-authored-by: x\n`;
    const updated = insertTrailers(message, [{ key: 'Assisted-by', value: 'qwen-code:qwen/qwen3-coder' }], { commentChar: '#', cutChar: ';', noDivider: true });
    expect(updated).toBe(`Fix the parser\n${TEMPLATE}\nAssisted-by: qwen-code:qwen/qwen3-coder\n${CUT}; Do not modify or remove the line above.\ndiff --git a/a b/a\n+Co-authored-by: x\n`);
    expect(parseTrailers(updated, { commentChar: '#', cutChar: ';', noDivider: true })).toEqual([{ key: 'Assisted-by', value: 'qwen-code:qwen/qwen3-coder' }]);
  });

  it('a message git strips as usual (`;` the comment prefix to the judge too) is placed as before', () => {
    expect(recordTrailers(`Fix\n\nReviewed-by: A <a@x>\n${TEMPLATE}`, QWEN, 'Assisted-by', ';', { trailerChar: ';' })).toBe(
      `Fix\n\nReviewed-by: A <a@x>\nAssisted-by: qwen-code:qwen/qwen3-coder\n${TEMPLATE}`,
    );
  });
});
