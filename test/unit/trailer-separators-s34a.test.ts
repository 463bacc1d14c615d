import { describe, expect, it } from 'vitest';
import { parseTrailers } from '../../src/core/trailers.js';

// Each expectation is what `git -c trailer.separators=<s> interpret-trailers --parse` (git 2.39) prints for the message.
describe('parseTrailers with trailer.separators', () => {
  it('ends a key at any of the separators, checked before the key’s own characters, as git does', () => {
    const cases: [string, string, [string, string][]][] = [
      ['feat\n\nAssisted-by= a\nReviewed-by : b\n', ':=', [['Assisted-by', 'a'], ['Reviewed-by', 'b']]],
      ['feat\n\nBug #42\nSigned-off-by: J\n', ':=', [['Signed-off-by', 'J']]],
      ['feat\n\nBug #42\nSigned-off-by: J\n', ':#', [['Bug', '42'], ['Signed-off-by', 'J']]],
      ['feat\n\nAssisted-by= a\nReviewed-by : b\n', ':#', []],
      ['feat\n\nKey%v\n cont\nOther$ w\nThird: x\n', '%=$', []],
      ['feat\n\nA-b-: c\n', '%=$', []],
      ['feat\n\nA-b-: c\n', ':=', [['A-b-', 'c']]],
    ];
    for (const [message, separators, expected] of cases) {
      expect(parseTrailers(message, { separators }).map((trailer) => [trailer.key, trailer.value]), `${separators} ${JSON.stringify(message)}`).toEqual(expected);
    }
    expect(parseTrailers('feat\n\nAssisted-by= a\n')).toEqual([]);
  });
});
