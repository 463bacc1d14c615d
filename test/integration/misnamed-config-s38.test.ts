import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';
const QWEN = 'feat: add b\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n';

/** A repository whose policy file is named `.aitrail.yml` (not a name aitrail reads), then a Qwen commit. */
function misnamedPolicyRepo(name: string) {
  const repo = makeRepo();
  repo.commit('chore: policy\n', { [name]: DENY_QWEN });
  const base = repo.git(['rev-parse', 'HEAD']);
  repo.commit(QWEN, { 'b.txt': 'b\n' });
  return { repo, base };
}

describe('a policy file under a name aitrail does not read (an honest mistake that silently disables the policy)', () => {
  it('check says the file was not read, in its warning and in the JSON policy, and how to name it', () => {
    const { repo, base } = misnamedPolicyRepo('.aitrail.yml');
    const run = aitrail(repo.dir, ['check', `${base}..HEAD`, '--format', 'json']);
    expect(run.code).toBe(0); // built-in defaults allow every model: the file is really not read
    const report = JSON.parse(run.stdout);
    expect(report.policy).toBe(`built-in defaults (no config committed at ${base}; not read: .aitrail.yml)`);
    expect(run.stderr).toContain('aitrail: warning: .aitrail.yml at the repository root looks meant as aitrail\'s config, but aitrail did not read it (not a name aitrail reads: rename it .aitrailrc.yml)');

    // Renamed as the warning says, the same policy refuses the Qwen commit.
    repo.git(['mv', '.aitrail.yml', '.aitrailrc.yml']);
    repo.git(['commit', '-q', '--amend', '--no-edit', '--allow-empty']);
    const fixedBase = repo.git(['rev-parse', 'HEAD']);
    repo.commit(QWEN, { 'c.txt': 'c\n' });
    const fixed = aitrail(repo.dir, ['check', `${fixedBase}..HEAD`, '--format', 'json']);
    expect(fixed.code).toBe(1);
    expect(JSON.parse(fixed.stdout).policy).toBe(`${fixedBase}:.aitrailrc.yml`);
    expect(fixed.stderr).not.toContain('not read');
  });

  it('names a misnamed file and a JavaScript config (never run) at the revision, and a misnamed file beside a real config', () => {
    // A case variant of a search place (`.AITRAILRC.yml`) is refused since s45k (config-lookalike-name-s45k.test.ts).
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrail.yml': DENY_QWEN, 'aitrail.config.js': 'module.exports = {}\n', 'aitrail.md': '# notes\n', 'aitrail.js': '' });
    const base = repo.git(['rev-parse', 'HEAD']);
    repo.commit(QWEN, { 'b.txt': 'b\n' });
    const run = aitrail(repo.dir, ['check', `${base}..HEAD`, '--format', 'json']);
    expect(JSON.parse(run.stdout).policy).toBe(`built-in defaults (no config committed at ${base}; not read: .aitrail.yml, aitrail.config.js)`);
    expect(run.stderr).toContain('aitrail.config.js at the repository root looks meant as aitrail\'s config, but aitrail did not read it (aitrail never runs code from a repository');
    expect(run.stderr).not.toMatch(/aitrail\.(md|js) at the repository root/);

    const both = makeRepo();
    both.commit('chore: policy\n', { '.aitrailrc.yml': DENY_QWEN, '.aitrail.yaml': 'policy:\n  deny: []\n' });
    const bothBase = both.git(['rev-parse', 'HEAD']);
    both.commit(QWEN, { 'b.txt': 'b\n' });
    const judged = aitrail(both.dir, ['check', `${bothBase}..HEAD`]);
    expect(judged.code).toBe(1); // the real config judges
    expect(judged.stderr).toContain('.aitrail.yaml at the repository root looks meant as aitrail\'s config, but aitrail did not read it (not a name aitrail reads: rename it .aitrailrc.yaml)');
  });

  it('status and init name the file in the work tree (text and JSON)', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrail.yml': DENY_QWEN });
    const status = aitrail(repo.dir, ['status', '--format', 'json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout).config).toEqual({ file: null, trailerKey: 'Assisted-by', notRead: [{ name: '.aitrail.yml', hint: 'not a name aitrail reads: rename it .aitrailrc.yml' }] });
    expect(aitrail(repo.dir, ['status']).stdout).toContain('Config: none found (built-in defaults); trailer key Assisted-by\n  Not read: .aitrail.yml looks meant as the config; not a name aitrail reads: rename it .aitrailrc.yml\n');
    const init = aitrail(repo.dir, ['init']);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain("Warning: .aitrail.yml looks meant as aitrail's config, but no command reads it (not a name aitrail reads: rename it .aitrailrc.yml).");

    const clean = makeRepo();
    clean.commit('chore: policy\n', { '.aitrailrc.yml': DENY_QWEN });
    expect(JSON.parse(aitrail(clean.dir, ['status', '--format', 'json']).stdout).config.notRead).toEqual([]);
  });
});
