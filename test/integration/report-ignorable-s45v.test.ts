import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

// Row 722 escaped tag characters, Hangul fillers, variation selectors and the CGJ in every report,
// but not the other default-ignorable code points, which Unicode tells a renderer to draw as nothing
// (a browser's HTML report does): the rest of the tag block U+E0080-U+E0FFF (unassigned but ignorable),
// the musical formatting marks U+1D173-U+1D17A, the shorthand format controls U+1BCA0-U+1BCA3 and
// U+FFF0-U+FFF8. An agent's `lib/a.ts` + U+E0080 still read as the person's `lib/a.ts`.

const NAMES = ['lib/a.ts\u{e0080}', 'lib/a.ts\u{e01f0}', 'lib/a.ts\u{1d173}', 'lib/a.ts\u{1bca0}', 'lib/a.ts\ufff0'];
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;

describe('a file name holding a default-ignorable code point in every report (s45v)', () => {
  it('blame --by file shows each escaped in table, Markdown, CSV and HTML; JSON keeps the exact names; log shows the subject escaped', () => {
    const repo = makeRepo();
    repo.commit('human: a\n', { 'lib/a.ts': 'a\nb\nc\n' });
    repo.commit('agent: more\u{1d173}\u{e0fff}\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', Object.fromEntries(NAMES.map((name) => [name, 'q\n'])));
    for (const format of ['table', 'markdown', 'csv', 'html']) {
      const result = aitrail(repo.dir, ['blame', '--by', 'file', '--format', format]);
      expect(result.code, format).toBe(0);
      expect(IGNORABLE.test(result.stdout), format).toBe(false);
      for (const shown of ['u{e0080}', 'u{e01f0}', 'u{1d173}', 'u{1bca0}', 'u{fff0}']) expect(result.stdout.replaceAll('\\', ''), `${format} ${shown}`).toContain(shown);
    }
    const json = aitrail(repo.dir, ['blame', '--by', 'file', '--format', 'json']);
    expect(IGNORABLE.test(json.stdout)).toBe(false);
    const paths = (JSON.parse(json.stdout) as { files: Array<{ path: string }> }).files.map((file) => file.path).sort();
    expect(paths).toEqual([...NAMES, 'lib/a.ts'].sort());
    const log = aitrail(repo.dir, ['log']);
    expect(IGNORABLE.test(log.stdout)).toBe(false);
    expect(log.stdout).toContain('agent: more\\u{1d173}\\u{e0fff}');
  });
});
