// row s53m-2: row s53h-1 looked an abbreviated revert sha up among objects only, but took any 40 or 64 hex digits for a
// full name and resolved it as git does (refs first for what is no full name): in a SHA-256 repository 40 digits are an
// abbreviation (`git -c core.abbrev=40 -c revert.reference=true revert`), so a tag named like it still stood in for the
// reverted commit and blame gave the AI lines the revert of a revert brought back to the person.
import { describe, expect, it } from 'vitest';
import { makeRepo } from '../helpers/gitdir.js';
import { blameRevertBesideTag } from '../helpers/revert-abbrev.js';

describe('a 40-digit revert abbreviation in a SHA-256 repository beside a tag of that name (row s53m-2)', () => {
  it('blame: the revert of a revert gives the AI lines back to the AI', () => {
    const repo = makeRepo({ objectFormat: 'sha256' });
    expect(blameRevertBesideTag(repo, 40)).toMatchObject({ lines: 5, ai: 3, human: 2 });
  });
});
