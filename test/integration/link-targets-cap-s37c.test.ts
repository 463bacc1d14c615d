import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { SCALED_ENV, SIZE_DIVISOR } from '../helpers/size-caps.js';

// Session 37 (row 456's cost for rules that are not plain name patterns): links `dN/up -> ..`
// and one Qwen commit of thousands of files under `**/keys/*.pem` or `src/**` took 14-35 s in
// check (1.2M shown paths, each matched whole). Shown paths are now decided by their directory
// (protected: every file under it) or their name (no glob's last segment matches it: none is);
// the rest, matched whole, are capped: past 200,000 the range is refused (exit 3), not read for minutes.
// Row 1109: the cap's two tests run under AITRAIL_SIZE_CAPS_DIVISOR=256 (the cap 781): 60 links x 20 files,
// not 60 x 3,500 (210,000 paths matched whole, each file written and added); the 4,000-file cases keep the cost they prove.
const SCALED_SHOWN_CAP = Math.floor(200_000 / SIZE_DIVISOR);

const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const policyFor = (glob: string): string => `policy:\n  paths:\n    - files: ["${glob}"]\n      deny: ["qwen/*"]\n`;

/** `links` directories each holding `up -> <target>` and the rule, made by a person; then Qwen's commit of `files` files under lib/. */
function repository(glob: string, links: readonly string[], files: number, target = '..'): TestRepo {
  const work = makeRepo();
  for (const dir of links) {
    mkdirSync(join(work.dir, dir), { recursive: true });
    symlinkSync(target, join(work.dir, dir, 'up'));
  }
  writeFileSync(join(work.dir, '.aitrailrc.yml'), policyFor(glob));
  work.git(['add', '-A']);
  work.git(['commit', '-q', '--no-verify', '-m', 'chore: links and the rule']);
  work.git(['checkout', '-q', '-b', 'ai']);
  for (let at = 0; at < files; at += 1) {
    mkdirSync(join(work.dir, `lib/m${at % 40}`), { recursive: true });
    writeFileSync(join(work.dir, `lib/m${at % 40}/f${at}.ts`), `export const v${at} = ${at};\n`);
  }
  work.git(['add', '-A']);
  work.git(['commit', '-q', '--no-verify', '-m', `feat: many files\n\n${QWEN_DECLARED}\n`]);
  return work;
}

const dirs = (count: number, under = ''): string[] => Array.from({ length: count }, (_, at) => `${under}d${at}`);

describe('links shown at protected paths: rules that are not plain name patterns, many links and files', () => {
  it('`**/keys/*.pem`: 300 links to the top and 4,000 files pass (no name ends in .pem), as before', () => {
    const check = aitrail(repository('**/keys/*.pem', dirs(300), 4000).dir, ['check', 'main..ai', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect((JSON.parse(check.stdout) as { violations: unknown[] }).violations).toEqual([]);
  });

  it('`src/**`: 300 links src/dN/up -> ../.. and 4,000 files are refused, every shown path counted', () => {
    const check = aitrail(repository('src/**', dirs(300, 'src/'), 4000, '../..').dir, ['check', 'main..ai', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    const { violations } = JSON.parse(check.stdout) as { violations: Array<{ rule: string; path: string; pathCount: number }> };
    expect(violations).toMatchObject([{ rule: 'path-model-denied', path: 'src/d0/up/lib/m0/f0.ts', pathCount: 1_200_000 }]);
  });

  // `**/keys/*.{pem,key}` is read by its name since session 38 (a brace list of plain words is one segment): it passes (row 501).
  it('past the cap of shown paths matched whole (`**/keys/*.[pk]e[my]`: a class, no last segment to read a name by) the range is refused, saying how to go on (the cap lowered: row 1109)', () => {
    const check = aitrail(repository('**/keys/*.[pk]e[my]', dirs(60), 20).dir, ['check', 'main..ai'], { env: SCALED_ENV });
    expect(check.code, check.stdout + check.stderr).toBe(3);
    expect(check.stderr).toContain('cannot judge the path rules through symbolic links');
    expect(check.stderr).toContain(`more than ${SCALED_SHOWN_CAP.toLocaleString('en-US')} paths`);
    expect(check.stderr).not.toMatch(/\n\s+at /);
  });

  it('below the cap the same rule is judged: 10 links and 20 files pass (the cap lowered: row 1109)', () => {
    expect(aitrail(repository('**/keys/*.{pem,key}', dirs(60), 20).dir, ['check', 'main..ai'], { env: SCALED_ENV }).code).toBe(0);
    const check = aitrail(repository('**/keys/*.[pk]e[my]', dirs(10), 20).dir, ['check', 'main..ai'], { env: SCALED_ENV });
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });
});
