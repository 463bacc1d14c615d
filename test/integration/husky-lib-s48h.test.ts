import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, tempDir, TEST_GIT_ENV } from '../helpers/gitdir.js';

/**
 * Rows 874 and 875: husky mode's block. Real husky 9 (set up by `aitrail init` through its API, or by husky's
 * own API as a teammate's `npm install` does), real git, the real CLI.
 * 874: each committed `.husky/<hook>` held its own ~70 KB copy of the shims' lookup and gates (534 KB in all);
 * the block now sources `.husky/aitrail.sh`, written once, and refuses when it is missing, cut short or not aitrail's.
 * 875: a `.husky` checked out with CRLF line ends (core.autocrlf=true, Git for Windows' default; a `.gitattributes`
 * `eol=crlf`) failed every commit at its first line (`set: Illegal option -`); init now writes `.husky/.gitattributes`
 * (`* text eol=lf`), the block says what is wrong in such a checkout, status detects it and init rewrites it.
 */
const HOOKS = ['prepare-commit-msg', 'commit-msg', 'pre-push', 'post-commit', 'post-rewrite', 'applypatch-msg', 'pre-applypatch', 'post-applypatch'];
const HUSKY = join(process.cwd(), 'node_modules', 'husky', 'index.js');

function huskyRepo(files: Record<string, string> = {}) {
  const root = tempDir('aitrail-husky-lib-');
  const repo = makeRepo({ dir: join(root, 'repo') });
  const env = envWithAitrailOnPath();
  repo.commit('chore: start\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n', 'package.json': '{"name":"app","version":"1.0.0"}\n', ...files }, { ...env, AITRAIL: '0' });
  return { root, repo, env };
}

function commitAs(dir: string, file: string, env: NodeJS.ProcessEnv) {
  writeFileSync(join(dir, file), `${file}\n`);
  tryGit(dir, ['add', file], { env });
  return tryGit(dir, ['commit', '-q', '-m', `feat: ${file}`], { env });
}

const head = (dir: string) => tryGit(dir, ['rev-parse', 'HEAD']).stdout.trim();
const trailer = (dir: string) => tryGit(dir, ['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)']).stdout.trim();

/** Sets husky up in `dir` as a teammate's `npm install` does (husky's prepare script: its API), nothing of aitrail's. */
function huskyInstall(dir: string): void {
  const result = spawnSync(process.execPath, ['-e', `import(${JSON.stringify(HUSKY)}).then((m) => process.stdout.write(m.default()))`], { cwd: dir, env: TEST_GIT_ENV, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
}

describe('husky mode: the block sources .husky/aitrail.sh, written once (row 874)', () => {
  it('each hook holds a few lines; the committed .husky is under half its size; policy and records as before, from a subdirectory, a worktree, an absolute core.hooksPath, after another tool\'s lines', () => {
    const { root, repo, env } = huskyRepo({ '.husky/commit-msg': 'echo own-lines-ran >> "$(git rev-parse --git-dir)/own-marker"\n' });
    const init = aitrail(repo.dir, ['init', '--mode', 'husky'], { env });
    expect(init.code, init.stdout + init.stderr).toBe(0);
    expect(init.stdout).toMatch(/installed\s+\.husky\/aitrail\.sh/);
    for (const hook of HOOKS) {
      const text = readFileSync(join(repo.dir, '.husky', hook), 'utf8');
      expect(text.split('\n').length, hook).toBeLessThan(25);
      expect(text).toContain(`aitrail_run_${hook.replace(/-/g, '_')} "$@"`);
    }
    tryGit(repo.dir, ['add', '.husky'], { env });
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'chore: hooks'], { env: { ...env, AITRAIL: '0' } }).code).toBe(0);
    const sizes = tryGit(repo.dir, ['ls-tree', '-r', '-l', 'HEAD', '.husky']).stdout.trim().split('\n').map((line) => Number(line.split(/\s+/)[3]));
    // Before: 9 files, 533,606 bytes (each hook ~48-87 KB); now the hooks' few lines and the shared file once.
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(300_000);
    expect(tryGit(repo.dir, ['status', '--porcelain', '.husky']).stdout).toBe('');

    // A person's commit goes in with nothing recorded; the project's own lines in commit-msg still run first.
    expect(commitAs(repo.dir, 'person.txt', env).code).toBe(0);
    expect(trailer(repo.dir)).toBe('');
    expect(readFileSync(join(repo.dir, '.git', 'own-marker'), 'utf8')).toContain('own-lines-ran');
    // From a subdirectory: Qwen refused, GPT-5 recorded.
    mkdirSync(join(repo.dir, 'sub'));
    const before = head(repo.dir);
    const qwen = commitAs(join(repo.dir, 'sub'), 'q.txt', { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder' });
    expect(qwen.code).not.toBe(0);
    expect(qwen.stderr).toContain('qwen/qwen3-coder');
    expect(head(repo.dir)).toBe(before);
    expect(commitAs(join(repo.dir, 'sub'), 'g.txt', { ...env, AITRAIL_MODEL: 'openai/gpt-5' }).code).toBe(0);
    expect(trailer(repo.dir)).toBe('unknown:openai/gpt-5');

    // A worktree made later (post-checkout copies husky's runtime there): the block finds its aitrail.sh there.
    const wt = join(root, 'wt');
    expect(tryGit(repo.dir, ['worktree', 'add', '-q', wt], { env }).code).toBe(0);
    const wtHead = head(wt);
    expect(commitAs(wt, 'wq.txt', { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder' }).code).not.toBe(0);
    expect(head(wt)).toBe(wtHead);
    expect(commitAs(wt, 'wg.txt', { ...env, AITRAIL_MODEL: 'openai/gpt-5' }).code).toBe(0);
    expect(trailer(wt)).toBe('unknown:openai/gpt-5');

    // An absolute core.hooksPath: `$0` is absolute, the shared file beside it.
    tryGit(repo.dir, ['config', 'core.hooksPath', join(repo.dir, '.husky', '_')]);
    const abs = head(repo.dir);
    expect(commitAs(repo.dir, 'aq.txt', { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder' }).code).not.toBe(0);
    expect(head(repo.dir)).toBe(abs);
    tryGit(repo.dir, ['config', 'core.hooksPath', '.husky/_']);

    const status = JSON.parse(aitrail(repo.dir, ['status', '--format', 'json'], { env }).stdout) as { hooks: { hook: string; active: boolean; note?: string }[] };
    expect(status.hooks.every((hook) => hook.active && hook.note === undefined)).toBe(true);

    // uninstall removes aitrail's lines, aitrail.sh and .gitattributes, and leaves the project's commit-msg lines.
    expect(aitrail(repo.dir, ['uninstall'], { env }).code).toBe(0);
    expect(existsSync(join(repo.dir, '.husky', 'aitrail.sh'))).toBe(false);
    expect(existsSync(join(repo.dir, '.husky', '.gitattributes'))).toBe(false);
    expect(readFileSync(join(repo.dir, '.husky', 'commit-msg'), 'utf8')).toBe('echo own-lines-ran >> "$(git rev-parse --git-dir)/own-marker"\n');
  });

  it('missing, cut short or not aitrail\'s: the commit is refused, said with the fix; status says so; init never overwrites another file of that name', () => {
    const { repo, env } = huskyRepo();
    expect(aitrail(repo.dir, ['init', '--mode', 'husky'], { env }).code).toBe(0);
    const lib = join(repo.dir, '.husky', 'aitrail.sh');
    const text = readFileSync(lib, 'utf8');

    rmSync(lib);
    const start = head(repo.dir);
    const missing = commitAs(repo.dir, 'm.txt', env);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/aitrail: commit blocked: \.husky\/aitrail\.sh, which holds aitrail's lines for this hook, is missing.*run 'aitrail init'/);
    expect(head(repo.dir)).toBe(start);
    const status = JSON.parse(aitrail(repo.dir, ['status', '--format', 'json'], { env }).stdout) as { hooks: { hook: string; active: boolean; note?: string }[] };
    expect(status.hooks.find((hook) => hook.hook === 'commit-msg')).toEqual(expect.objectContaining({ active: false, note: expect.stringMatching(/\.husky\/aitrail\.sh, which aitrail's lines run, is missing: run 'aitrail init'/) }));

    // Cut short (its last line gone): an agent's commit is refused, never judged by what is left.
    writeFileSync(lib, text.slice(0, text.lastIndexOf('aitrail_he=')));
    const cut = commitAs(repo.dir, 'c.txt', { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder' });
    expect(cut.code).not.toBe(0);
    expect(cut.stderr).toMatch(/aitrail: commit blocked: .*aitrail\.sh.*run 'aitrail init'/);
    expect(head(repo.dir)).toBe(start);
    // Altered past its first line: status says it is not this version's (the hooks' runtime checks only its first and last lines).
    writeFileSync(lib, text.replace('aitrail_safe() {', 'aitrail_safe() {\n  :'));
    const altered = JSON.parse(aitrail(repo.dir, ['status', '--format', 'json'], { env }).stdout) as { hooks: { hook: string; note?: string }[] };
    expect(altered.hooks.find((hook) => hook.hook === 'commit-msg')?.note).toMatch(/aitrail\.sh, which aitrail's lines run, is not the one this aitrail version writes/);
    expect(aitrail(repo.dir, ['init', '--mode', 'husky'], { env }).stdout).toMatch(/updated\s+\.husky\/aitrail\.sh/);
    expect(readFileSync(lib, 'utf8')).toBe(text);

    // A file of that name that is not aitrail's: init refuses, leaves it, and uninstall leaves it too.
    writeFileSync(lib, 'echo mine\n');
    const refused = aitrail(repo.dir, ['init', '--mode', 'husky'], { env });
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toMatch(/aitrail\.sh exists and is not aitrail's/);
    expect(readFileSync(lib, 'utf8')).toBe('echo mine\n');
    aitrail(repo.dir, ['uninstall'], { env });
    expect(readFileSync(lib, 'utf8')).toBe('echo mine\n');
  });
});

describe('husky mode: a .husky checked out with CRLF line ends (row 875)', () => {
  function crlfClone(options: { dropAttributes: boolean }) {
    const { root, repo, env } = huskyRepo({ '.gitattributes': '* text eol=crlf\n' });
    expect(aitrail(repo.dir, ['init', '--mode', 'husky'], { env }).code).toBe(0);
    tryGit(repo.dir, ['add', '.husky'], { env });
    if (options.dropAttributes) tryGit(repo.dir, ['rm', '-q', '--cached', '.husky/.gitattributes'], { env });
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'chore: hooks'], { env: { ...env, AITRAIL: '0' } }).code).toBe(0);
    const clone = join(root, 'clone');
    expect(tryGit(root, ['clone', '-q', '-c', 'core.autocrlf=true', repo.dir, clone], { env }).code).toBe(0);
    huskyInstall(clone);
    return { clone, env };
  }

  it('init\'s .husky/.gitattributes keeps LF line ends under core.autocrlf=true and a root eol=crlf: a person\'s commit goes in, Qwen is refused', () => {
    const { clone, env } = crlfClone({ dropAttributes: false });
    expect(readFileSync(join(clone, '.aitrailrc.yml'), 'utf8')).toContain('\r\n');
    for (const name of ['commit-msg', 'prepare-commit-msg', 'aitrail.sh']) expect(readFileSync(join(clone, '.husky', name), 'utf8'), name).not.toContain('\r');
    const person = commitAs(clone, 'p.txt', env);
    expect(person.code, person.stderr).toBe(0);
    const start = head(clone);
    expect(commitAs(clone, 'q.txt', { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder' }).code).not.toBe(0);
    expect(head(clone)).toBe(start);
    expect(commitAs(clone, 'g.txt', { ...env, AITRAIL_MODEL: 'openai/gpt-5' }).code).toBe(0);
    expect(trailer(clone)).toBe('unknown:openai/gpt-5');
  });

  it('checked out with CRLF (no .husky/.gitattributes): the block says so instead of sh\'s `Illegal option`; status detects it; init rewrites it with LF', () => {
    const { clone, env } = crlfClone({ dropAttributes: true });
    expect(readFileSync(join(clone, '.husky', 'commit-msg'), 'utf8')).toContain('\r\n');
    const start = head(clone);
    const person = commitAs(clone, 'p.txt', env);
    expect(person.code).not.toBe(0);
    expect(person.stderr).not.toContain('Illegal option');
    expect(person.stderr).toMatch(/aitrail: commit blocked: .*aitrail\.sh.*checked out with CRLF line ends.*run 'aitrail init'/);
    expect(head(clone)).toBe(start);
    const status = JSON.parse(aitrail(clone, ['status', '--format', 'json'], { env }).stdout) as { hooks: { hook: string; active: boolean; note?: string }[] };
    expect(status.hooks.find((hook) => hook.hook === 'commit-msg')).toEqual(expect.objectContaining({ active: false, note: expect.stringMatching(/CRLF line ends/) }));

    const init = aitrail(clone, ['init', '--mode', 'husky'], { env });
    expect(init.code, init.stdout + init.stderr).toBe(0);
    expect(init.stdout).toMatch(/installed\s+\.husky\/\.gitattributes/);
    const text = readFileSync(join(clone, '.husky', 'commit-msg'), 'utf8');
    expect(text).not.toContain('\r');
    expect(text.match(/^# >>> aitrail/gm)).toHaveLength(1);
    expect(commitAs(clone, 'p2.txt', env).code).toBe(0);
    const after = head(clone);
    expect(commitAs(clone, 'q.txt', { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder' }).code).not.toBe(0);
    expect(head(clone)).toBe(after);
  });
});
