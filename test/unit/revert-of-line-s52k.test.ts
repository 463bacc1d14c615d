// row 1041: git revert's own line is read where git (`git log --grep`, grep) starts a line, after a `\n`
// only: a bare `\r` or U+2028/U+2029 inside a copied subject names no second revert.
import { describe, expect, it } from 'vitest';
import { revertOf } from '../../src/core/blame/revert-of.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

describe('revertOf reads lines as git splits them (row 1041)', () => {
  it.each(['\r', '\u2028', '\u2029'])('a line start JavaScript sees after %j names no revert', (separator) => {
    expect(revertOf(`Revert "Revert "Add key${separator}This reverts commit ${B}.""\n\nThis reverts commit ${A}.\n`)).toEqual({ reverted: A, mainline: null });
  });

  it('the message start, a `\\n`, and a CRLF message still name it; a `-m` line over CRLF too', () => {
    expect(revertOf(`This reverts commit ${A}.`)).toEqual({ reverted: A, mainline: null });
    expect(revertOf(`Revert "x"\r\n\r\nThis reverts commit ${A}, reversing\r\nchanges made to ${B}.\r\n`)).toEqual({ reverted: A, mainline: B });
    expect(revertOf(`Revert "x"\n\nThis reverts commit ${A}.\nThis reverts commit ${B}.\n`)).toBeNull();
  });
});
