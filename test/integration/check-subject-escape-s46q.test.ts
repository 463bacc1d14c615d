import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, project, QWEN } from '../helpers/enforce-repos.js';

const POLICY = 'policy:\n  deny: ["qwen/*"]\n';

describe("check's text output: a subject's own backslash apart from aitrail's escapes (s46q)", () => {
  it('a subject holding ESC and one holding the text \\x1b print differently, each as JSON quotes it', () => {
    const { work, base } = project(POLICY);
    // Qwen's two commits: one subject holds the control ESC, the other the four characters \x1b.
    expect(commitWith(work, `fix\u001b[31m red\n\n${QWEN}\n`, { 'a.ts': 'a\n' }, { noVerify: true }).code).toBe(0);
    expect(commitWith(work, `fix\\x1b[31m red\n\n${QWEN}\n`, { 'b.ts': 'b\n' }, { noVerify: true }).code).toBe(0);
    const { code, stdout } = aitrail(work.dir, ['check', `${base}..HEAD`]);
    expect(code).toBe(1);
    const subjects = stdout.split('\n').filter((line) => line.startsWith('error ')).map((line) => line.replace(/^error +[0-9a-f]{12} /, ''));
    expect(subjects).toHaveLength(2);
    expect(new Set(subjects).size).toBe(2);
    expect(stdout).not.toContain('\u001b');
    // Each reads back, as JSON, to the exact subject.
    expect(subjects.map((subject) => JSON.parse(subject) as string).sort()).toEqual(['fix\u001b[31m red', 'fix\\x1b[31m red'].sort());
  });

  it('what JSON leaves raw is still shown escaped, a " and a \\ as JSON writes them', () => {
    const { work, base } = project(POLICY);
    expect(commitWith(work, `say "hi" \\ \u202eevil ##[error]x\n\n${QWEN}\n`, { 'c.ts': 'c\n' }, { noVerify: true }).code).toBe(0);
    const { stdout } = aitrail(work.dir, ['check', `${base}..HEAD`]);
    expect(stdout).toContain(String.raw`"say \"hi\" \\ \u{202e}evil ##\x5berror]x"`);
    expect(stdout).not.toMatch(/[\u202e]|##\[/);
  });
});
