import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';
const QWEN = 'feat: add b\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n';

/**
 * cosmiconfig 9 (which aitrail loads its config with) searches `.config/aitrailrc`, `.config/aitrailrc.yml`…
 * by default, and most cosmiconfig-based tools read their config there; aitrail searches the root only, so a
 * policy written there judged nothing, without a word.
 */
describe("a policy in cosmiconfig's .config/ folder, which aitrail never reads (s43j)", () => {
  it('check names it in the policy line, the JSON and a warning; the same file at the root refuses the commit', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.config/aitrailrc.yml': DENY_QWEN, '.config/prettierrc.json': '{}\n' });
    const base = repo.git(['rev-parse', 'HEAD']);
    repo.commit(QWEN, { 'b.txt': 'b\n' });
    const run = aitrail(repo.dir, ['check', `${base}..HEAD`, '--format', 'json']);
    expect(run.code).toBe(0); // the built-in defaults judged: the file is really not read
    expect(JSON.parse(run.stdout).policy).toBe(`built-in defaults (no config committed at ${base}; not read: .config/aitrailrc.yml)`);
    expect(run.stderr).toContain(
      "aitrail: warning: .config/aitrailrc.yml looks meant as aitrail's config, but aitrail did not read it (aitrail reads its config only at the repository root, not in .config/: move it to .aitrailrc.yml)",
    );
    expect(run.stderr).not.toContain('prettierrc');

    repo.git(['mv', '.config/aitrailrc.yml', '.aitrailrc.yml']);
    repo.git(['commit', '-q', '--amend', '--no-edit']);
    const fixedBase = repo.git(['rev-parse', 'HEAD']);
    repo.commit(QWEN, { 'c.txt': 'c\n' });
    const fixed = aitrail(repo.dir, ['check', `${fixedBase}..HEAD`, '--format', 'json']);
    expect(fixed.code).toBe(1);
    expect(JSON.parse(fixed.stdout).policy).toBe(`${fixedBase}:.aitrailrc.yml`);
    expect(fixed.stderr).not.toContain('not read');
  });

  it('names every cosmiconfig name there (a code one as never run), and the root listing stays whole', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.config/aitrailrc': DENY_QWEN, '.config/aitrailrc.json': '{}\n', '.config/aitrailrc.cjs': 'module.exports = {}\n', '.aitrail.yml': DENY_QWEN });
    const base = repo.git(['rev-parse', 'HEAD']);
    repo.commit(QWEN, { 'b.txt': 'b\n' });
    const run = aitrail(repo.dir, ['check', `${base}..HEAD`, '--format', 'json']);
    expect(JSON.parse(run.stdout).policy).toBe(`built-in defaults (no config committed at ${base}; not read: .aitrail.yml, .config/aitrailrc, .config/aitrailrc.cjs, .config/aitrailrc.json)`);
    expect(run.stderr).toContain('.config/aitrailrc looks meant as aitrail\'s config, but aitrail did not read it (aitrail reads its config only at the repository root, not in .config/: move it to .aitrailrc)');
    expect(run.stderr).toContain('.config/aitrailrc.cjs looks meant as aitrail\'s config, but aitrail did not read it (aitrail never runs code from a repository');

    // A real root config still judges beside them (the listing of `.config/` takes nothing from the root's).
    const real = makeRepo();
    real.commit('chore: policy\n', { '.aitrailrc.yml': DENY_QWEN, '.config/aitrailrc.yml': 'policy:\n  deny: []\n' });
    const realBase = real.git(['rev-parse', 'HEAD']);
    real.commit(QWEN, { 'b.txt': 'b\n' });
    const judged = aitrail(real.dir, ['check', `${realBase}..HEAD`]);
    expect(judged.code).toBe(1);
    expect(judged.stderr).toContain('.config/aitrailrc.yml looks meant as aitrail');
  });

  it('status and init name it in the work tree; a .config that is a link is not listed', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.config/aitrailrc.yaml': DENY_QWEN });
    const status = aitrail(repo.dir, ['status', '--format', 'json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout).config.notRead).toEqual([
      { name: '.config/aitrailrc.yaml', hint: 'aitrail reads its config only at the repository root, not in .config/: move it to .aitrailrc.yaml' },
    ]);
    expect(aitrail(repo.dir, ['status']).stdout).toContain('  Not read: .config/aitrailrc.yaml looks meant as the config; aitrail reads its config only at the repository root, not in .config/');
    const init = aitrail(repo.dir, ['init']);
    expect(init.stdout).toContain("Warning: .config/aitrailrc.yaml looks meant as aitrail's config, but no command reads it");

    const linked = makeRepo();
    linked.commit('chore: init\n', { 'elsewhere/aitrailrc.yml': DENY_QWEN });
    symlinkSync('elsewhere', join(linked.dir, '.config'));
    expect(JSON.parse(aitrail(linked.dir, ['status', '--format', 'json']).stdout).config.notRead).toEqual([]);
  });
});
