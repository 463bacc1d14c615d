// Row 341: which rebase steps post-commit may carry folded models at (src/hooks/squashed-attributions.ts).
import { describe, expect, it } from 'vitest';
import { editedFoldStep, foldChainStart, foldContinues } from '../../src/core/checkpoint/store-layout.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

describe('a fold step whose message git lets the person edit', () => {
  it('is a squash, fixup -c or fixup -C last step, not a plain fixup or a pick', () => {
    expect(editedFoldStep(`pick ${A} x\nsquash ${B} y\n`)).toBe(true);
    expect(editedFoldStep(`pick ${A} x\ns ${B} y\n`)).toBe(true);
    expect(editedFoldStep(`pick ${A} x\nfixup -c ${B} y\n`)).toBe(true);
    expect(editedFoldStep(`pick ${A} x\nf -C ${B} y\n`)).toBe(true);
    expect(editedFoldStep(`pick ${A} x\nfixup ${B} y\n`)).toBe(false);
    expect(editedFoldStep(`squash ${A} x\npick ${B} y\n`)).toBe(false);
  });
  it('is the last of its chain only when the todo goes on with no fold', () => {
    expect(foldContinues(`# comment\n\nfixup ${A} x\n`)).toBe(true);
    expect(foldContinues(`squash ${A} x\n`)).toBe(true);
    expect(foldContinues(`pick ${A} x\nsquash ${B} y\n`)).toBe(false);
    expect(foldContinues('')).toBe(false);
  });
  it('started from the pick before the chain, when git names it in full', () => {
    expect(foldChainStart(`pick ${B} z\npick ${A} x\nsquash ${B} y\nfixup -c ${B} w\n`)).toBe(A);
    expect(foldChainStart(`reword ${A} x\nsquash ${B} y\n`)).toBe(A);
    expect(foldChainStart(`exec true\nsquash ${B} y\n`)).toBeUndefined();
    expect(foldChainStart(`pick abc123 x\nsquash ${B} y\n`)).toBeUndefined();
  });
});
