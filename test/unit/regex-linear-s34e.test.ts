// Red team (hostile repository, hostile commit, hostile session file): patterns that tried every
// split of a run (`/[\\/]+$/`, `[ \t]*(:?)[ \t]*`, `[ \t]*(.*?)[ \t]*$`, a lazy scan from each
// `"message":{`) were quadratic in text a repository or an agent's session writes. Each is now
// linear; each differential below runs the old pattern and the new code over random inputs and
// asserts the same results, and each hostile input of a megabyte failed (minutes) before the fix.
import { describe, expect, it } from 'vitest';
import { messageHead } from '../../src/agent-settings/claude-transcript.js';
import { workspaceValues } from '../../src/agent-settings/copilot-cli.js';
import { HTML_KEY, LINK_KEY, TABLE_KEY } from '../../src/core/detect/commit.js';
import { isEmail } from '../../src/core/detect/declared-value.js';
import { trimTrailing } from '../../src/core/trim-run.js';
import { gitSubject } from '../../src/report/log-report.js';
import { cpuClock } from '../helpers/cpu-clock.js';

const MB = 1024 * 1024;

/** A seeded generator (mulberry32): the same random inputs on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function texts(seed: number, tokens: readonly string[], count = 4000, most = 24): string[] {
  const next = random(seed);
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(next() * most) }, () => tokens[Math.floor(next() * tokens.length)]!).join(''));
}

function cpu(run: () => unknown): number {
  const started = cpuClock();
  run();
  return cpuClock() - started;
}

describe('the same results as the patterns they replace', () => {
  it('trimTrailing is replace(/[chars]+$/, "")', () => {
    for (const [chars, old] of [['\\/', /[\\/]+$/], ['/', /\/+$/], [' \t\r', /[ \t\r]+$/]] as const) {
      for (const text of texts(1, ['/', '\\', ' ', '\t', '\r', 'a', '.', '\n'])) expect(trimTrailing(text, chars)).toBe(text.replace(old, ''));
    }
  });

  it("Claude Code's long line: messageHead is the old lazy scan", () => {
    const old = /"message":\{((?:(?!"content":)[^])*?)"content":/;
    for (const text of texts(2, ['"message":{', '"content":', '"role":"assistant"', '"model":"q"', '"', '{', 'a', '"message":', 'content":'])) expect(messageHead(text)).toBe(old.exec(text)?.[1]);
  });

  it("Copilot CLI's workspace.yaml: workspaceValues are the old pattern's values, unquoted", () => {
    const old = (text: string) => [...text.matchAll(/^(?:cwd|git_root):[ \t]*(.*?)[ \t]*$/gm)].map(([, value]) => /^(["'])(.*)\1$/.exec(value!)?.[2] ?? value);
    for (const text of texts(3, ['cwd:', 'git_root:', ' ', '\t', '\n', '\r', '"', "'", '/a', 'x', '\u2028'])) expect(workspaceValues(text)).toEqual(old(text));
  });

  it('keys in a tag or a link: HTML_KEY and LINK_KEY match as before (an absent colon now undefined, not "")', () => {
    const oldHtml = /^<(b|strong|em|i|u|code|kbd|mark|ins|span)>[ \t]*([A-Za-z][A-Za-z0-9 _-]{0,63}?)[ \t]*(:?)[ \t]*<\/\1>[ \t]*(:?)[ \t]*/i;
    const oldLink = /^\[[ \t]*([A-Za-z][A-Za-z0-9 _-]{0,63}?)[ \t]*(:?)[ \t]*\]\([^()\s]{0,2048}\)[ \t]*(:?)[ \t]*/;
    const same = (m: RegExpExecArray | null) => (m ? [...m].map((group) => group ?? '') : null);
    for (const text of texts(4, ['<b>', '</b>', '<I>', '</i>', '<b>Assisted-by', 'A', 'x', ' ', '\t', ':', '-', '_', '</B>'])) expect(same(HTML_KEY.exec(text))).toEqual(same(oldHtml.exec(text)));
    for (const text of texts(5, ['[', ']', '(', ')', '](', '[Assisted-by', 'A', 'x', ' ', '\t', ':', '-', 'https://x'])) expect(same(LINK_KEY.exec(text))).toEqual(same(oldLink.exec(text)));
  });

  it('isEmail is the old address pattern', () => {
    const old = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
    let matched = 0;
    for (const text of texts(7, ['a', '.', '@', '..', 'x.y', ' ', '<', '>', '\n', 'b'], 20_000, 8)) {
      if (old.test(text)) matched += 1;
      expect(isEmail(text)).toBe(old.test(text));
    }
    expect(matched).toBeGreaterThan(50);
  });

  it("a table's key cell: TABLE_KEY matches as before, its key in group 2 (in marks) or 3", () => {
    const old = /^(\*{1,3}|_{1,3}|`)?([A-Za-z][A-Za-z0-9-]{0,63})[ \t]*:?\1[ \t]*:?$/;
    const key = (m: RegExpExecArray | null) => (m ? (m[2] ?? m[3] ?? null) : undefined);
    let matched = 0;
    for (const text of texts(6, ['*', '**', '_', '`', 'A', 'Assisted-by', 'x1', '-', ' ', '\t', ':', '|'], 20_000, 10)) {
      const was = old.exec(text);
      if (was) matched += 1;
      expect(key(TABLE_KEY.exec(text))).toBe(was ? was[2] : undefined);
    }
    expect(matched).toBeGreaterThan(100);
  });
});

describe('a megabyte of hostile text costs linear time', () => {
  it('a run of separators, or of spaces, not at the end', () => {
    expect(cpu(() => expect(trimTrailing(`${'/'.repeat(MB)}x/`, '\\/')).toBe(`${'/'.repeat(MB)}x`))).toBeLessThan(2_000);
    // `aitrail log`'s subject of a commit whose first line is a megabyte of tabs, then `x`.
    expect(cpu(() => expect(gitSubject(`${'\t'.repeat(MB)}x\t\n`)).toBe(`${'\t'.repeat(MB)}x`))).toBeLessThan(2_000);
  });

  it('a key in a tag or a link followed by a run of spaces', () => {
    expect(cpu(() => expect(HTML_KEY.exec(`<b>A${' \t'.repeat(MB / 2)}x`)).toBeNull())).toBeLessThan(2_000);
    expect(cpu(() => expect(LINK_KEY.exec(`[A${'\t'.repeat(MB)}\x01`)).toBeNull())).toBeLessThan(2_000);
    // A table row's first cell: `A`, a megabyte of tabs, `x` (60 KB took `aitrail check` 13 s).
    expect(cpu(() => expect(TABLE_KEY.exec(`A${'\t'.repeat(MB)}x`)).toBeNull())).toBeLessThan(2_000);
    // An address whose domain is a megabyte of `.x` then a second `@`.
    expect(cpu(() => expect(isEmail(`a@${'.x'.repeat(MB / 2)}.@..`)).toBe(false))).toBeLessThan(2_000);
  });

  it("a session's head of `\"message\":{` with no `\"content\":`, and a workspace.yaml line of spaces", () => {
    expect(cpu(() => expect(messageHead('"message":{c'.repeat(MB / 12))).toBeUndefined())).toBeLessThan(2_000);
    expect(cpu(() => expect(workspaceValues(`cwd::${'\t'.repeat(MB)}\x00`)).toEqual([`:${'\t'.repeat(MB)}\x00`]))).toBeLessThan(2_000);
  });
});
