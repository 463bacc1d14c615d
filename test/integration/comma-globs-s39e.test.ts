// Row 487 refused `--include '*.py,*.js'` (a comma is a file name's character, not glob syntax: one
// glob that matches nothing), but the same list written in the config was read in silence: a path
// rule `files: ["src/crypto/**,src/keys/**"]` protected nothing (Qwen's change to src/crypto passed
// check, exit 0) and `blame.include: ["*.py,*.js"]` counted nothing. And `--include '*,*'` (names
// holding a comma) was refused as a list of `*` and `*`.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

interface BlameJson {
  files: { path: string }[];
}

describe('globs written as comma-separated lists in the config (s39e)', () => {
  it("a path rule's files: check stops on the config (exit 2) naming the glob and both ways to write it; it passed Qwen's change before", () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  paths:\n    - files: ["src/crypto/**,src/keys/**"]\n      deny: ["qwen/*"]\n' });
    repo.commit('feat: key\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'src/crypto/k.ts': 'export const k = 1;\n' });
    const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD']);
    expect(check.code, check.stdout + check.stderr).toBe(2);
    expect(check.stderr).toContain('policy.paths[0].files[0]: found "src/crypto/**,src/keys/**", one glob whose commas are characters of a file name (it matches no file)');
    expect(check.stderr).toContain('expected one glob per list item ("src/crypto/**", "src/keys/**"), or the choices in braces ("{src/crypto/**,src/keys/**}")');
    // Written as it names, the rule refuses Qwen's change.
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  paths:\n    - files: ["src/crypto/**", "src/keys/**"]\n      deny: ["qwen/*"]\n' });
    repo.commit('feat: key\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'src/crypto/k.ts': 'export const k = 2;\n' });
    expect(aitrail(repo.dir, ['check', 'HEAD~1..HEAD']).code).toBe(1);
  });

  it('blame.include / blame.exclude: blame stops on the config (exit 2); it said "no text files matched" with exit 0 before', () => {
    const repo = makeRepo();
    repo.commit('files\n', { '.aitrailrc.yml': 'blame:\n  include: ["*.py,*.js"]\n', 'a.py': 'p\n', 'b.js': 'j\n' });
    const blame = aitrail(repo.dir, ['blame', '--no-cache']);
    expect(blame.code, blame.stdout + blame.stderr).toBe(2);
    expect(blame.stderr).toContain('blame.include[0]: found "*.py,*.js"');
  });

  it("--include '*,*' (names holding a comma) and a config's '*,*' are one glob, not a list of the same part twice", () => {
    const repo = makeRepo();
    repo.commit('files\n', { '.aitrailrc.yml': 'blame:\n  exclude: ["*,*"]\n', 'a.py': 'p\n', 'x,y.py': 'comma\n' });
    const included = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache', '--include', '*,*']);
    expect(included.code, included.stderr).toBe(0);
    // The config leaves x,y.py out, the flag keeps only it: nothing counted, said so (not a usage error).
    expect((JSON.parse(included.stdout) as BlameJson).files).toEqual([]);
    const all = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(all.code, all.stderr).toBe(0);
    expect((JSON.parse(all.stdout) as BlameJson).files.map((file) => file.path).sort()).toEqual(['.aitrailrc.yml', 'a.py']);
  });

  it("an extglob's pattern list holding a comma (`src/**/!(*,*).ts`) is one glob: read, not a config error", () => {
    const repo = makeRepo();
    repo.commit('files\n', { '.aitrailrc.yml': 'blame:\n  include: ["src/**/!(*,*).ts"]\n', 'src/a.ts': 'a\n', 'src/x,y.ts': 'comma\n' });
    const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    expect((JSON.parse(blame.stdout) as BlameJson).files.map((file) => file.path)).toEqual(['src/a.ts']);
  });
});
