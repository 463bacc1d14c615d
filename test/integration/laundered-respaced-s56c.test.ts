// Session 56 helper c (rows 1203..1207): the twin search (row 1056) compared `git patch-id --stable`, which
// ignores ASCII white space inside a line but hashes each line's sign: Qwen's reverted change typed again with a blank
// line more, with its line breaks written as lone carriage returns (old Mac line ends), with Unicode white space
// (no-break and ideographic spaces, a byte order mark: white space to JavaScript), or re-wrapped as a formatter does,
// had another patch id, and check and pre-receive passed it under `deny: ["qwen/*"]`. Found replaying the attacker's
// playbook (round 10) with a real repository, the built CLI's `check` and a real bare server with pre-receive. Now each
// run of added (or removed) lines is one text without white space, so blank lines, line breaks and white space are no
// part of a change compared; and (row 1207) a `.gitattributes` `-diff` on Q's path, which check read from the work
// tree (both sides `Binary files differ`), no longer decides what the twin search diffs as text.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith } from '../helpers/enforce-repos.js';
import { deniedAfterRevert, expectLaunderRefused, PARSE } from '../helpers/laundered-twins.js';

describe("Qwen's reverted change typed again re-spaced (rows 1203, 1204)", () => {
  it("row 1203: with blank lines added between and after its lines, it is refused by check and pre-receive naming Q", () => {
    const server = deniedAfterRevert();
    const spaced = PARSE.replace('\n  return', '\n\n  return').replace(/\n$/, '\n\n  \n');
    expect(commitWith(server.work, 'feat: parse, spaced\n', { 'src/parse.ts': spaced }, { noVerify: true }).code).toBe(0);
    expectLaunderRefused(server);
  });

  it("row 1204: with its line breaks written as carriage returns, it is refused by check and pre-receive naming Q", () => {
    const server = deniedAfterRevert();
    expect(commitWith(server.work, 'feat: parse, old mac\n', { 'src/parse.ts': PARSE.replace(/\n/g, '\r') }, { noVerify: true }).code).toBe(0);
    expectLaunderRefused(server);
  });

  it("row 1205: with its spaces written as no-break and ideographic spaces and a byte order mark (white space to JavaScript), it is refused by check and pre-receive naming Q", () => {
    const server = deniedAfterRevert();
    const wide = `\uFEFF${PARSE.replace(/ /g, '\u00A0').replace(/\n  /g, '\n\u3000\u2002')}`;
    expect(commitWith(server.work, 'feat: parse, wide\n', { 'src/parse.ts': wide }, { noVerify: true }).code).toBe(0);
    expectLaunderRefused(server);
  });

  it("row 1206: re-wrapped as a formatter does (its chain a call a line), or joined on one line, it is refused by check and pre-receive naming Q", () => {
    const wrapped = 'export function parse(input: string): string[] {\n  return input\n    .split(",")\n    .map((part) => part.trim())\n    .filter((part) => part.length > 0);\n}\n';
    for (const text of [wrapped, PARSE.replace(/\n(?!$)/g, ' ')]) {
      const server = deniedAfterRevert();
      expect(commitWith(server.work, 'feat: parse, formatted\n', { 'src/parse.ts': text }, { noVerify: true }).code).toBe(0);
      expectLaunderRefused(server);
    }
  });

  it("row 1207: re-spaced under a `.gitattributes` saying `-diff` for its path (check reads the work tree's), it is refused by check and pre-receive naming Q", () => {
    const server = deniedAfterRevert();
    expect(commitWith(server.work, 'chore: attributes\n', { '.gitattributes': 'src/parse.ts -diff\n' }, { noVerify: true }).code).toBe(0);
    expect(commitWith(server.work, 'feat: parse, spaced\n', { 'src/parse.ts': `${PARSE}\n` }, { noVerify: true }).code).toBe(0);
    expectLaunderRefused(server);
  });

  it('a person changing only blank lines of a file, or typing a new file, is not a twin', () => {
    const server = deniedAfterRevert();
    expect(commitWith(server.work, 'docs: notes\n', { 'docs/notes.md': '# Notes\n\n\n' }, { noVerify: true }).code).toBe(0);
    const check = aitrail(server.work.dir, ['check', 'origin/main..HEAD'], { timeout: 120_000 });
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });
});
