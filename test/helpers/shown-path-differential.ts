import { expect } from 'vitest';
import type { CompiledPathRule } from '../../src/core/policy/compile-policy.js';
import { pathMatcher } from '../../src/core/policy/glob-matcher.js';
import { shownPathMatcher } from '../../src/core/policy/link-reach.js';
import { prng } from './trailer-messages.js';

/** A path rule of `files` as the policy compiles it, for the judges that read `files` and `matchFile` only. */
export const rule = (files: string[]) => ({ files, matchFile: pathMatcher(files) }) as unknown as CompiledPathRule;

export interface DifferentialShapes {
  seed: number;
  /** Segments before a glob's last one (0-2 of them), its last segments, and the names a path is made of. */
  segments: readonly string[];
  lasts: readonly string[];
  names: readonly string[];
  /** What a written glob may become: each `[below, shape]` applies when the draw is below `below` (the first that fits). */
  shapes: readonly (readonly [number, (glob: string) => string])[];
  /** Most segments of a path (at least one). */
  depth: number;
}

/**
 * 1,500 random rules of 1-3 globs, 30 random paths each: shownPathMatcher (row 468's shortcuts)
 * must answer every path as matchFile, the exact judge, does. Returns how many paths were compared
 * and how many were answered by a name alone (no whole match), so a test can require the shortcut
 * was taken often enough to be tested.
 */
export function compareWithMatchFile(shapes: DifferentialShapes): { compared: number; byName: number } {
  const next = prng(shapes.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const glob = (): string => {
    const written = [...Array.from({ length: Math.floor(next() * 3) }, () => pick(shapes.segments)), pick(shapes.lasts)].join('/');
    const draw = next();
    const shape = shapes.shapes.find(([below]) => draw < below);
    return shape ? shape[1](written) : written;
  };
  let compared = 0;
  let byName = 0;
  // Every disagreement, asserted once at the end (an expect per path was most of the CPU of 45,000 comparisons).
  const disagreements: string[] = [];
  for (let round = 0; round < 1500; round += 1) {
    const files = Array.from({ length: 1 + Math.floor(next() * 3) }, glob);
    const reference = rule(files);
    const fast = shownPathMatcher(rule(files));
    for (let at = 0; at < 30; at += 1) {
      const path = Array.from({ length: 1 + Math.floor(next() * shapes.depth) }, () => pick(shapes.names)).join('/');
      const slow = fast.slow();
      const found = fast.match(path) !== undefined;
      if (!found && fast.slow() === slow) byName += 1;
      compared += 1;
      if (found !== (reference.matchFile(path) !== undefined)) disagreements.push(`${JSON.stringify(files)}: ${JSON.stringify(path)} (shown-path matcher ${found ? 'matches' : 'does not'})`);
    }
  }
  expect(disagreements).toEqual([]);
  return { compared, byName };
}
