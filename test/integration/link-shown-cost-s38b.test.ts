import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

// Session 38 (row 470's cost): the line judge's reading of links already there (linkShownPolicy)
// matched every path 300 links `src/dN/up -> ../..` show a person's 4,000 files at (1.2M) under
// `src/{crypto,keys}/**`, with no cap (check: 6.8 s). A file whose name decides nothing is now
// answered once for its directory; what is still matched whole is capped as row 468's judge is.

const policyFor = (glob: string): string => `policy:\n  paths:\n    - files: ["${glob}"]\n      deny: ["qwen/*"]\n`;

/** `count` links `src/dN/up -> ../..` and the rule, then a person's commit of `files` files under lib/ on branch `p`. */
function repository(glob: string, count: number, files: number): { work: TestRepo; sha: string } {
  const work = makeRepo();
  for (let at = 0; at < count; at += 1) {
    mkdirSync(join(work.dir, `src/d${at}`), { recursive: true });
    symlinkSync('../..', join(work.dir, `src/d${at}/up`));
  }
  writeFileSync(join(work.dir, '.aitrailrc.yml'), policyFor(glob));
  work.git(['add', '-A']);
  work.git(['commit', '-q', '--no-verify', '-m', 'chore: links and the rule']);
  work.git(['checkout', '-q', '-b', 'p']);
  for (let at = 0; at < files; at += 1) {
    mkdirSync(join(work.dir, `lib/m${at % 40}`), { recursive: true });
    writeFileSync(join(work.dir, `lib/m${at % 40}/f${at}.ts`), `export const v${at} = ${at};\n`);
  }
  work.git(['add', '-A']);
  work.git(['commit', '-q', '--no-verify', '-m', 'feat: many files']);
  return { work, sha: work.git(['rev-parse', 'HEAD']).trim() };
}

describe("the line judge's links: a person's many files", () => {
  it('`src/{crypto,keys}/**`, 300 links to the top and 4,000 files: passes, as before', () => {
    const { work } = repository('src/{crypto,keys}/**', 300, 4000);
    const check = aitrail(work.dir, ['check', 'main..p']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });

  it('past 200,000 shown paths matched whole (`src/[ck]rypto/**`: a class, no name to read) the range is refused naming the commit and the ways on', () => {
    const { work, sha } = repository('src/[ck]rypto/**', 60, 3500);
    const check = aitrail(work.dir, ['check', 'main..p']);
    expect(check.code, check.stdout + check.stderr).toBe(3);
    expect(check.stderr).toContain(`cannot judge the path rules through symbolic links for ${sha.slice(0, 12)}`);
    expect(check.stderr).toContain('more than 200,000 paths');
    expect(check.stderr).toContain('or split the commit');
    expect(check.stderr).not.toMatch(/\n\s+at /);
  });

  it('below the cap the same rule is judged: 10 links and 3,500 files pass', () => {
    const { work } = repository('src/[ck]rypto/**', 10, 3500);
    const check = aitrail(work.dir, ['check', 'main..p']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });
});
