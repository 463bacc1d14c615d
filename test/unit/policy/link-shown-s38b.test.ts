import { describe, expect, it } from 'vitest';
import { linkShownMatcher, pathsShownByLinks, type ResolvedLink } from '../../../src/core/policy/link-reach.js';
import { prng } from '../../helpers/trailer-messages.js';
import { rule } from '../../helpers/shown-path-differential.js';

// Session 38 (row 470's cost: 300 links and a person's 4,000 files under `src/{crypto,keys}/**`
// took 6.8 s in check, every shown path matched): linkShownMatcher answers a file whose name
// decides nothing once for its directory. Differential: against the exact judge, each path a link
// shows the file at matched whole by matchFile.


const exact = (files: string[], links: readonly ResolvedLink[], path: string): boolean => {
  const { matchFile } = rule(files);
  return pathsShownByLinks(links, [path]).some((at) => matchFile(at.shown) !== undefined);
};

const GLOBS = ['src/{crypto,keys}/**', 'src/crypto/**', '**/keys/*.pem', '**/*.{pem,key}', 'k*/**', 'src/**', '**/keys/**', '*.pem', 'src/*/up/lib/**', 'src/[ab]*/**', '!**/*.md', '{a,b}/**', 'lib/**/x.ts', '**/up/a/**'];
const DIRS = ['src', 'lib', 'a', 'b', 'keys', 'crypto', 'up', 'KEYS', 'caf\u00e9', 'x y', '.git'];
const NAMES = ['x.ts', 'k.pem', 'a', 'keys', 'crypto', 'up', 'run.md', 'b.KEY', '.env', 'caf\u00e9.ts', 'x\ny'];

describe('linkShownMatcher against the exact judge', () => {
  it('answers as matching every shown path whole does, on random links, files and rules', () => {
    const next = prng(3839);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const dir = (most: number): string => Array.from({ length: Math.floor(next() * (most + 1)) }, () => pick(DIRS)).join('/');
    let compared = 0;
    // Every disagreement, asserted once at the end (session 56 g: an expect per path, its message built each time, was most of the CPU).
    const disagreements: string[] = [];
    for (let round = 0; round < 400; round += 1) {
      const files = Array.from({ length: 1 + Math.floor(next() * 2) }, () => pick(GLOBS));
      const links: ResolvedLink[] = Array.from({ length: 1 + Math.floor(next() * 6) }, () => {
        const path = [dir(2), pick(DIRS)].filter((part) => part !== '').join('/');
        const shape = next();
        const target = shape < 0.3 ? '' : shape < 0.6 ? dir(2) : [dir(1), pick(NAMES)].filter((part) => part !== '').join('/');
        return { path, text: '../x', target };
      });
      const fast = linkShownMatcher(rule(files), links);
      for (let at = 0; at < 40; at += 1) {
        const path = [dir(3), pick(NAMES)].filter((part) => part !== '').join('/');
        compared += 1;
        const found = fast.match(path) !== undefined;
        if (found !== exact(files, links, path)) disagreements.push(`${JSON.stringify(files)} ${JSON.stringify(links.map((link) => [link.path, link.target]))}: ${JSON.stringify(path)} (fast ${found ? 'matches' : 'does not'})`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(compared).toBe(16_000);
  });

  it('300 links to the top and 4,000 files under `src/{crypto,keys}/**`: no path matched whole', () => {
    const links = Array.from({ length: 300 }, (_, at) => ({ path: `src/d${at}/up`, text: '../..', target: '' }));
    const fast = linkShownMatcher(rule(['src/{crypto,keys}/**']), links);
    const matched = Array.from({ length: 4000 }, (_, at) => `lib/m${at % 40}/f${at}.ts`).filter((path) => fast.match(path) !== undefined);
    expect(matched).toEqual([]);
    expect(fast.slow()).toBe(0);
  });
});
