// row 908: picomatch reads a file glob's brace range of more than one character a side as other text, as it does a
// model glob's (row 886): a path rule `src/v{10..12}/**` matches none of `src/v10`-`src/v12` (`{10..12}` is the text
// `10..12` with each `.` any character), so a Qwen commit to `src/v11` passed the rule meant to keep Qwen out, without a word.
// It is now a config problem naming the glob (the same check as 886's, misreadRangeReason), and `blame --include`/`--exclude`
// refuse it on the command line. One character a side
// (`src/v{1..3}/**`, a range) and an escaped brace (`src/\{15..19\}/**`, a folder so named) are no problem.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitCase, policyServer } from '../helpers/enforce-repos.js';

describe('a file glob\'s brace range picomatch misreads is a config problem (row 908)', () => {
  it('check names the misread range of a path rule and a blame exclude, exits 2, and does not pass the Qwen commit', () => {
    const { work } = policyServer('policy:\n  paths:\n    - files: ["src/v{10..12}/**"]\n      deny: ["qwen/*"]\nblame:\n  exclude: ["gen/v{1..3}/**", "gen/{10..12}/**"]\n');
    work.git(['checkout', '-q', '-b', 'feature']);
    commitCase(work, 'qwen', 'feat: qwen\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', 'src/v11/x.ts');
    const run = aitrail(work.dir, ['check', 'main..feature']);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stderr).toContain('policy.paths[0].files[0]');
    expect(run.stderr).toContain('"{10..12}"');
    expect(run.stderr).toContain('blame.exclude[1]');
    expect(run.stderr).not.toContain('blame.exclude[0]');
    expect(run.stderr).toContain('src/v{10,11,12}/**');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('blame --include/--exclude refuse such a range in one line (exit 2); a one-character range runs', () => {
    const { work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    for (const flag of ['--include', '--exclude']) {
      const run = aitrail(work.dir, ['blame', flag, 'src/v{10..12}/**']);
      expect(run.code, run.stdout + run.stderr).toBe(2);
      expect(run.stderr).toContain(`${flag} "src/v{10..12}/**" holds the brace range "{10..12}"`);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(aitrail(work.dir, ['blame', '--exclude', 'src/v{1..3}/**']).code).toBe(0);
  });

  it('a one-character range and an escaped brace are read as written: the rule denies the Qwen commit under them', () => {
    const { work } = policyServer('policy:\n  paths:\n    - files: ["src/v{1..3}/**", "src/\\\\{15..19\\\\}/**"]\n      deny: ["qwen/*"]\n');
    work.git(['checkout', '-q', '-b', 'feature']);
    commitCase(work, 'qwen', 'feat: qwen\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', 'src/{15..19}/x.ts');
    commitCase(work, 'qwen2', 'feat: qwen\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', 'src/v2/x.ts');
    const run = aitrail(work.dir, ['check', 'main..feature']);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stderr + run.stdout).toContain('src/{15..19}/x.ts');
    expect(run.stderr + run.stdout).toContain('src/v2/x.ts');
  });
});
