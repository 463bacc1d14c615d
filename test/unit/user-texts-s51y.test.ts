// Session 51 task y: a user's re-read of the texts people see. A message names no README row (a user
// cannot look "row 857" up), says "1 file" / "2 files" (never "file(s)"), and reads as plain English.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { enforceMessages } from '../../src/enforce/messages.js';
import { notesMessages } from '../../src/core/notes/messages.js';
import { blameMessages } from '../../src/report/blame-messages.js';

const OID = 'a'.repeat(40);

/** The string and template literals of a source file, comments dropped. */
function literals(path: string): string[] {
  const code = readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(/`(?:[^`\\]|\\.)*`|'(?:[^'\\\n]|\\.)*'/g)].map((match) => match[0]);
}

describe('texts people see', () => {
  it('a tag of a too-large tree: the way out says why, without a README row number', () => {
    const text = enforceMessages.taggedTreeTooLarge(OID, 'refs/tags/wide', 2_000_000);
    expect(text).not.toMatch(/\brows? [0-9]/);
    expect(text).toBe(`cannot judge the pushed tag ${OID} (pushed as refs/tags/wide): the tree it names holds more than 2000000 files, more than are read (a commit of that tree would be refused the same way); tag a tree of fewer files.`);
  });

  it('an oversized tag inside a chain: named by the ref that was pushed, in one plain phrase', () => {
    expect(enforceMessages.tagTooLarge(OID, 'refs/tags/outer', true, 2_000_000, 1_048_576)).toContain(`the pushed tag ${OID} (named by the tag pushed as refs/tags/outer): its object is 2,000,000 bytes`);
    expect(enforceMessages.tagTooLarge(OID, 'refs/tags/v2', false, 2_000_000, 1_048_576)).toContain(`the pushed tag ${OID} (pushed as refs/tags/v2): its object is`);
  });

  it("a note's count git cannot check: says what the figure shown is, not the JSON field's name", () => {
    const text = notesMessages.uncounted('refs/notes/ai', OID, 'git shows a noted file as binary');
    expect(text).not.toContain('evidence');
    expect(text).toBe(`cannot diff commit ${OID} to count the lines its note in refs/notes/ai claims (git shows a noted file as binary); the line count shown for it is the note's own claim, unchecked.`);
  });

  it('one file or submodule left out of a report: named, not given as an example of one', () => {
    expect(blameMessages.submodules(1, 'lib/parser')).toMatch(/^left out 1 submodule \('lib\/parser'\): /);
    expect(blameMessages.submodules(2, 'lib/parser')).toMatch(/^left out 2 submodules \(e\.g\. 'lib\/parser'\): /);
    expect(blameMessages.binarySource(1, 'src/k.ts')).toContain("though its name says source code ('src/k.ts'): its lines");
    expect(blameMessages.binarySource(3, 'src/k.ts')).toContain("though their names say source code (e.g. 'src/k.ts'): their lines");
    expect(blameMessages.undecodableNames(1, 'bad\ufffd.ts')).toBe("left out 1 file whose name is not valid UTF-8 ('bad\ufffd.ts'); rename it to include it.");
    expect(blameMessages.undecodableNames(2, 'bad\ufffd.ts')).toBe("left out 2 files whose names are not valid UTF-8 (e.g. 'bad\ufffd.ts'); rename them to include them.");
  });

  it.each(['src/enforce/messages.ts', 'src/core/notes/messages.ts', 'src/notes/messages.ts', 'src/report/blame-messages.ts'])('%s: no row numbers and no "(s)" in its texts', (path) => {
    const texts = literals(path);
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.filter((text) => /\brows? [0-9]/i.test(text))).toEqual([]);
    expect(texts.filter((text) => /[a-z]\(s\)/.test(text))).toEqual([]);
  });
});
