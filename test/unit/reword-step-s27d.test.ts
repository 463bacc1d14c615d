// Row 326: which step of an interactive rebase rewords a commit (the last line of rebase-merge/done).
import { describe, expect, it } from 'vitest';
import { execStep, foldStep, rewordStep } from '../../src/core/checkpoint/store-layout.js';

const done = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('rewordStep', () => {
  it('is the last step, spelled out or abbreviated, with a space or a tab', () => {
    expect(rewordStep(done('pick 1111111 a', 'reword 2222222 b'))).toBe(true);
    expect(rewordStep(done('r 2222222 b'))).toBe(true);
    expect(rewordStep(done('r\t2222222 b'))).toBe(true);
    expect(rewordStep('reword 2222222 b\n\n')).toBe(true);
  });

  it('is no other step, and no reword before the last one', () => {
    expect(rewordStep(done('reword 2222222 b', 'pick 3333333 c'))).toBe(false);
    for (const step of ['pick 1 a', 'edit 1 a', 'fixup 1 a', 'squash 1 a', 'exec make', 'x make', 'break', 'rewording 1 a', 'reset onto', '']) {
      expect(rewordStep(done(step)), step).toBe(false);
    }
    expect(foldStep(done('reword 2 b'))).toBe(false);
    expect(execStep(done('r 2 b'))).toBe(false);
  });
});
