import { describe, expect, it } from 'vitest';
import { shTemplate } from '../../src/install/sh-template.js';

// Row 889: the hooks' run lines share one text only where they differ in words inside a double-quoted string.
describe('shTemplate', () => {
  it('words of a message become a variable each variant sets, the same words in the same place one variable', () => {
    const made = shTemplate([['echo "aitrail: commit blocked: $a is gone. Fix: AITRAIL=0 git commit ..." >&2'], ['echo "aitrail: push blocked: $a is gone. Fix: AITRAIL=0 git push ..." >&2']], 'v');
    expect(made).toEqual({ text: 'echo "aitrail: ${v1}blocked: $a is gone. Fix: AITRAIL=0 git ${v1}..." >&2', assignments: [["v1='commit '"], ["v1='push '"]] });
  });
  it.each([
    ['a command', ['exit 1'], ['exit 0']],
    ['words outside quotes', ['echo commit blocked now'], ['echo push blocked now']],
    ['an expansion', ['echo "aitrail: $a blocked here"'], ['echo "aitrail: $b blocked here"']],
    ['a line more', ['echo "x"'], ['echo "x"', 'exit 1']],
    ["words in single quotes", ["echo 'aitrail: commit blocked here'"], ["echo 'aitrail: push blocked here'"]],
  ])('refuses %s', (_, one, two) => expect(shTemplate([one, two], 'v')).toBeUndefined());
  it('keeps each wording of a comment that differs', () => {
    expect(shTemplate([['# never blocks a commit', 'true'], ['# never blocks', 'true']], 'v')).toEqual({ text: '# never blocks a commit\n# never blocks\ntrue', assignments: [[], []] });
  });
});
