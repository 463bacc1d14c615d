import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, project, QWEN } from '../helpers/enforce-repos.js';

const POLICY = 'policy:\n  deny: ["qwen/*"]\n';

/** The `files:` line of each error (each commit is also warned of as undeclared: not counted twice), in order. */
const filesLines = (stdout: string): string[] =>
  stdout
    .split('\n\n')
    .filter((block) => block.startsWith('error '))
    .map((block) => block.split('\n').find((line) => line.startsWith('  files: '))!.slice('  files: '.length));

describe("check's files: list keeps one path one path (s46u)", () => {
  it('a path holding ", " is quoted: one file never reads as two, nor two as one', () => {
    const { work, base } = project(POLICY);
    // Qwen's commit of ONE file named `a, b.ts`, and Qwen's commit of TWO files `a` and `b.ts`.
    expect(commitWith(work, `one file\n\n${QWEN}\n`, { 'a, b.ts': 'x\n' }, { noVerify: true }).code).toBe(0);
    expect(commitWith(work, `two files\n\n${QWEN}\n`, { a: 'y\n', 'b.ts': 'y\n' }, { noVerify: true }).code).toBe(0);
    const { code, stdout } = aitrail(work.dir, ['check', `${base}..HEAD`]);
    expect(code).toBe(1);
    const lines = filesLines(stdout);
    expect(lines).toHaveLength(2);
    expect(new Set(lines).size).toBe(2);
    expect(lines).toContain('"a, b.ts"');
    expect(lines).toContain('a, b.ts');
  });

  it("a path's own \\x1b apart from the name holding ESC; a path reading as `(+3 more)` quoted; plain paths as they are", () => {
    const { work, base } = project(POLICY);
    expect(commitWith(work, `control\n\n${QWEN}\n`, { 'lib/a\u001b.ts': 'x\n' }, { noVerify: true }).code).toBe(0);
    expect(commitWith(work, `text\n\n${QWEN}\n`, { 'lib/a\\x1b.ts': 'y\n' }, { noVerify: true }).code).toBe(0);
    expect(commitWith(work, `more\n\n${QWEN}\n`, { 'c.ts (+3 more)': 'z\n' }, { noVerify: true }).code).toBe(0);
    expect(commitWith(work, `plain\n\n${QWEN}\n`, { 'src/d-e_f.ts': 'w\n' }, { noVerify: true }).code).toBe(0);
    const { stdout } = aitrail(work.dir, ['check', `${base}..HEAD`]);
    expect(stdout).not.toContain('\u001b');
    const lines = filesLines(stdout);
    expect(lines).toHaveLength(4);
    expect(new Set(lines).size).toBe(4);
    // Each quoted one reads back, as JSON, to its exact path.
    expect(lines.filter((line) => line.startsWith('"')).map((line) => JSON.parse(line) as string).sort()).toEqual(['c.ts (+3 more)', 'lib/a\u001b.ts', 'lib/a\\x1b.ts'].sort());
    expect(lines).toContain('src/d-e_f.ts');
  });
});
