// row 1105: row 1074 looked an abbreviated revert sha up among objects only, but took any 40 or 64 hex digits for a
// full name and resolved it as git does (refs first for what is no full name): in a SHA-256 repository 40 digits are an
// abbreviation (`git -c core.abbrev=40 -c revert.reference=true revert`), so a tag named like it still stood in for the
// reverted commit and blame gave the AI lines the revert of a revert brought back to the person.
import { describe, it } from 'vitest';
import { expectRevertOfRevertPastTag } from '../helpers/revert-abbrev.js';

describe('a 40-digit revert abbreviation in a SHA-256 repository beside a tag of that name (row 1105)', () => {
  it('blame: the revert of a revert gives the AI lines back to the AI', () => {
    expectRevertOfRevertPastTag(40, 'sha256');
  });
});
