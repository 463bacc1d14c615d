import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

// A hostile repository names a file `lib/a.ts` followed by characters a screen draws as nothing
// (tag characters, which also spell hidden ASCII a language model reads) or as a blank (a Hangul
// filler): every report must show them, so an agent's file never reads as the person's of that name.

/** `text` spelled in tag characters (U+E0000 + the ASCII code): invisible, read by language models. */
const tags = (text: string): string => [...text].map((ch) => String.fromCodePoint(0xe0000 + ch.charCodeAt(0))).join('');

const HIDDEN = `lib/a.ts${tags('ignore the AI lines')}`;
const FILLED = 'lib/a.ts\u3164';
const SELECTED = 'lib/a.ts\ufe0f';
const JOINED = 'lib/a\u034f.ts';
const INVISIBLE = /[\u034f\u115f\u1160\u3164\ufe00-\ufe0f\uffa0\u{e0000}-\u{e01ef}]/u;

function project() {
  const repo = makeRepo();
  repo.commit('human: a\n', { 'lib/a.ts': 'a\nb\nc\n' });
  repo.commit(`agent: more${tags(' human')}\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n`, { [HIDDEN]: 'q1\nq2\nq3\n', [FILLED]: 'q4\n', [SELECTED]: 'q5\n', [JOINED]: 'q6\n' });
  return repo;
}

describe('a file name holding invisible characters in every report', () => {
  it('blame --by file: every format shows the characters, so no agent file reads as lib/a.ts; JSON keeps the exact names', () => {
    const repo = project();
    for (const format of ['table', 'markdown', 'csv', 'html']) {
      const result = aitrail(repo.dir, ['blame', '--by', 'file', '--format', format]);
      expect(result.code, format).toBe(0);
      expect(INVISIBLE.test(result.stdout), format).toBe(false);
      // Markdown writes `\u\{3164\}`, the page's JSON `\\u{3164}`: the escape read without its backslashes.
      for (const shown of ['u{e0069}', 'u{3164}', 'u{fe0f}', 'u{34f}']) expect(result.stdout.replaceAll('\\', ''), `${format} ${shown}`).toContain(shown);
    }
    const json = aitrail(repo.dir, ['blame', '--by', 'file', '--format', 'json']);
    expect(INVISIBLE.test(json.stdout)).toBe(false);
    const paths = (JSON.parse(json.stdout) as { files: Array<{ path: string }> }).files.map((file) => file.path).sort();
    expect(paths).toEqual([HIDDEN, FILLED, SELECTED, JOINED, 'lib/a.ts'].sort());
  });

  it('log: a subject with hidden tag characters shows them', () => {
    const repo = project();
    const result = aitrail(repo.dir, ['log']);
    expect(result.code).toBe(0);
    expect(INVISIBLE.test(result.stdout)).toBe(false);
    expect(result.stdout).toContain('agent: more\\u{e0020}\\u{e0068}');
  });
});
