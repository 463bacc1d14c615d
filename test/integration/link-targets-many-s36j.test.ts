import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

// Session 36 (review of row 456): 300 links `dN/up -> ..` (each shows the whole repository) and
// one Qwen commit of 4,000 files are 1.2M shown paths; with a path rule `**/*.pem` each was
// matched against the rule (twice), and `aitrail check` took 23-26 s where it took 1 s before.
// A rule of names only is now asked once a link; the verdicts are those row 456 gave.

const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const PEM_POLICY = 'policy:\n  paths:\n    - files: ["**/*.pem"]\n      deny: ["qwen/*"]\n';

/** Links made by a person (`links`: directories each holding `up -> ..`), the rule, then Qwen's commit of `files` files under lib/. */
function repository(links: readonly string[], files: number): { work: TestRepo; qwen: string } {
  const work = makeRepo();
  for (const dir of links) {
    mkdirSync(join(work.dir, dir), { recursive: true });
    symlinkSync('..', join(work.dir, dir, 'up'));
  }
  writeFileSync(join(work.dir, '.aitrailrc.yml'), PEM_POLICY);
  work.git(['add', '-A']);
  work.git(['commit', '-q', '--no-verify', '-m', 'chore: links and the rule']);
  work.git(['checkout', '-q', '-b', 'ai']);
  for (let at = 0; at < files; at += 1) {
    mkdirSync(join(work.dir, `lib/m${at % 40}`), { recursive: true });
    writeFileSync(join(work.dir, `lib/m${at % 40}/f${at}.ts`), `export const v${at} = ${at};\n`);
  }
  work.git(['add', '-A']);
  work.git(['commit', '-q', '--no-verify', '-m', `feat: many files\n\n${QWEN_DECLARED}\n`]);
  return { work, qwen: work.git(['rev-parse', 'HEAD']) };
}

describe('links shown at protected paths: 300 links to the top and a 4,000-file Qwen commit', () => {
  const many = Array.from({ length: 300 }, (_, at) => `d${at}`);

  it('passes when no shown path is protected (each shown path was matched: 23-26 s)', () => {
    const { work } = repository(many, 4000);
    const check = aitrail(work.dir, ['check', 'main..ai', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect((JSON.parse(check.stdout) as { violations: unknown[] }).violations).toEqual([]);
  });

  it('is refused, naming the link, when a link stands in a directory the rule names (`certs.pem/up -> ..`)', () => {
    const { work, qwen } = repository([...many, 'certs.pem'], 4000);
    const check = aitrail(work.dir, ['check', 'main..ai', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    const { violations } = JSON.parse(check.stdout) as { violations: Array<{ sha: string; rule: string; path: string; pathCount: number; message: string }> };
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ sha: qwen, rule: 'path-model-denied', path: 'certs.pem/up/lib/m0/f0.ts', pathCount: 4000 });
    expect(violations[0]?.message).toContain("It changed 'lib/m0/f0.ts', which the symbolic link 'certs.pem/up'");
  });
});
