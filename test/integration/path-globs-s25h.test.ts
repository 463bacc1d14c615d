// Row 311: a policy of many path globs (a monorepo's, or an insider's just under the size limit)
// made every check try each glob on each path and each directory above it. Real repositories,
// a real push to a bare server running pre-receive, `aitrail check`.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';

const SHAPES = [
  (r: number, g: number) => `services/svc-${r}-${g}/src/**`,
  (r: number, g: number) => `packages/p${r}-${g}/**/*.ts`,
  (r: number, g: number) => `**/gen-${r}-${g}/**`,
  (r: number, g: number) => `lib/mod-${r}-${g}.ts`,
  (r: number, g: number) => `*.secret${r}x${g}`,
  (r: number, g: number) => `/docs/d${r}-${g}/`,
];

/** `rules` path rules of `globs` globs each, denying Qwen; `extra` more globs in the last. */
function config(rules: number, globs: number, extra = 0): string {
  const lines = ['policy:', '  paths:'];
  for (let r = 0; r < rules; r += 1) {
    const files = Array.from({ length: globs + (r === rules - 1 ? extra : 0) }, (_, g) => JSON.stringify(SHAPES[g % SHAPES.length]!(r, g)));
    lines.push(`    - files: [${files.join(', ')}]`, '      deny: ["qwen/*"]');
  }
  return `${lines.join('\n')}\n`;
}

describe('a policy of 10,000 path globs (row 311)', () => {
  it('judges a 300-file Qwen commit at pre-receive and in check, finding each protected file (case and depth as before), and 10,001 globs are exit 2', { timeout: 120_000 }, () => {
    const { work } = policyServer(config(10, 1000));
    work.git(['checkout', '-q', '-b', 'feature']);
    const files: Record<string, string> = {};
    for (let f = 0; f < 296; f += 1) files[`src/area-${f % 17}/sub-${f % 5}/file-${f}.ts`] = `export const v = ${f};\n`;
    // Protected by the last glob of rule 9, by case (rule 3), at depth (rule 7), and by name (rule 5).
    files['services/svc-9-996/src/deep/key.ts'] = 'a\n';
    files['SERVICES/Svc-3-12/SRC/x.ts'] = 'b\n';
    files['a/b/gen-7-2/c.ts'] = 'c\n';
    files['config/prod.secret5x4'] = 'd\n';
    const made = commitWith(work, 'feat: qwen\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', files, { noVerify: true });
    expect(made.code, made.stderr).toBe(0);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'feature']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/remote: .*services\/svc-9-996\/src\/deep\/key\.ts/);
    const run = aitrail(work.dir, ['check', 'main..feature', '--format', 'json']);
    expect(run.code, run.stderr).toBe(1);
    const violations = (JSON.parse(run.stdout) as { violations: Array<{ rule: string; path: string | null; message: string }> }).violations;
    const paths = violations.filter((v) => v.rule === 'path-model-denied').map((v) => v.path).sort();
    expect(paths).toEqual(['SERVICES/Svc-3-12/SRC/x.ts', 'a/b/gen-7-2/c.ts', 'config/prod.secret5x4', 'services/svc-9-996/src/deep/key.ts']);

    const { work: over } = policyServer(config(10, 1000, 1));
    const refused = aitrail(over.dir, ['check', 'HEAD']);
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toMatch(/policy\.paths: found 10001 file globs in all its rules, expected at most 10000/);
  });
});
