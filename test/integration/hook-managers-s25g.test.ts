import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TestRepo } from '../helpers/gitdir.js';
import { aitrail } from '../helpers/cli.js';
import { installTools, MANAGER_ENV, npmProject, readmeBlock, TOOLS, TOOLS_DIR } from '../helpers/hook-manager-tools.js';

/**
 * lefthook and simple-git-hooks, installed from the npm registry (once, into a folder of the
 * machine's temp dir kept between runs), next to aitrail's hooks in real repositories: what each
 * manager's install does to aitrail's shims, what `aitrail init` and `aitrail status` say about
 * it, and the README's snippets ("lefthook and simple-git-hooks") run for real: recorded at
 * commit, refused at commit and at push (rows 308-310).
 */
const HAVE_TOOLS = installTools();
if (!HAVE_TOOLS) {
  const line = '!'.repeat(100);
  process.stderr.write(`\n${line}\n!!! LEFTHOOK / SIMPLE-GIT-HOOKS TESTS SKIPPED: npm could not install lefthook@${TOOLS.lefthook} and simple-git-hooks@${TOOLS['simple-git-hooks']} into ${TOOLS_DIR}.\n${line}\n\n`);
}

const OPUS = { AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' };
const QWEN = { AITRAIL_MODEL: 'qwen/qwen3-coder', AITRAIL_AGENT: 'qwen-code' };


interface Project {
  repo: TestRepo;
  remote: TestRepo;
  run(command: string, args: string[], extra?: NodeJS.ProcessEnv): { status: number | null; stdout: string; stderr: string };
  commit(message: string, extra?: NodeJS.ProcessEnv, flags?: string[]): { status: number | null; stdout: string; stderr: string };
  push(): { status: number | null; stdout: string; stderr: string };
  status(): { hooks: { hook: string; state: string; active: boolean; note?: string }[] };
  head(): string;
  remoteHead(): string;
  trailer(): string;
}

/** A project with aitrail as `npm i -D aitrail` leaves it (node_modules/aitrail, its .bin link), an `origin`, a policy that denies qwen, and `files`. */
function project(files: Record<string, string>): Project {
  const { repo, remote, run } = npmProject(files);
  const self: Project = {
    repo,
    remote,
    run,
    commit: (message, extra = {}, flags = []) => run('git', ['commit', '-q', '--allow-empty', ...flags, '-m', message], extra),
    push: () => run('git', ['push', '-q', 'origin', 'main']),
    status: () => {
      const result = aitrailCli(self, ['status', '--format', 'json']);
      expect(result.status, result.stderr).toBe(0);
      return JSON.parse(result.stdout);
    },
    head: () => repo.git(['rev-parse', 'HEAD']),
    remoteHead: () => remote.git(['rev-parse', '--verify', '-q', 'refs/heads/main']),
    trailer: () => repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)']),
  };
  // As a clone has it: main tracks origin/main (lefthook reads the files to push from HEAD and @{push}).
  ok(run('git', ['push', '-q', '-u', 'origin', 'main']));
  return self;
}

function ok(result: { status: number | null; stdout: string; stderr: string }) {
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

/** The CLI in the managers' environment, run by the worker's CLI server (test/helpers/cli.ts): no node started for each init and status. */
const aitrailCli = (p: Project, args: string[]) => {
  const result = aitrail(p.repo.dir, args, { env: MANAGER_ENV });
  return { status: result.code, stdout: result.stdout, stderr: result.stderr };
};
const states = (p: Project) => Object.fromEntries(p.status().hooks.map((hook) => [hook.hook, `${hook.state}${hook.active ? '' : ' (inactive)'}`]));

/** Everything aitrail must do once its hooks run, whoever runs them: record, refuse a denied commit, refuse to push one (an empty commit: no changed file). */
function aitrailWorks(p: Project, log: string): void {
  ok(p.commit('feat: with opus', OPUS));
  expect(p.trailer()).toBe('claude-code:anthropic/claude-opus-4.6');
  const before = p.head();
  const refused = p.commit('feat: with qwen', QWEN);
  expect(refused.status).not.toBe(0);
  expect(refused.stderr).toMatch(/qwen\/qwen3-coder/);
  expect(p.head()).toBe(before);
  // The team's own job of the same hook still runs.
  expect(readFileSync(join(p.repo.dir, '.git', log), 'utf8')).toMatch(/LINT/);
  ok(p.push());
  expect(p.remoteHead()).toBe(p.head());
  // --no-verify skips commit-msg; prepare-commit-msg still records the model, and pre-push refuses it.
  ok(p.commit('feat: sneaked in', QWEN, ['--no-verify']));
  expect(p.trailer()).toBe('qwen-code:qwen/qwen3-coder');
  const push = p.push();
  expect(push.status).not.toBe(0);
  expect(push.stderr).toMatch(/qwen\/qwen3-coder/);
  expect(p.remoteHead()).toBe(before);
}

const LINT_JOB = ['    - name: lint', '      run: echo LINT >> .git/lint.log'];

describe.skipIf(!HAVE_TOOLS)('lefthook', () => {
  it('row 308: lefthook install after aitrail init moves the shims to <hook>.old, which lefthook never runs; init and status say so and print the jobs to add', () => {
    const config = ['commit-msg:', '  jobs:', ...LINT_JOB, 'pre-push:', '  jobs:', '    - name: test', '      run: "true"', ''].join('\n');
    const p = project({ 'lefthook.yml': config });
    ok(p.run('lefthook', ['install']));
    // aitrail init after lefthook: it chains lefthook's hooks, which works until lefthook installs again, and says so.
    const init = ok(aitrailCli(p, ['init']));
    expect(init.stdout).toMatch(/chained\s+\.git\/hooks\/commit-msg/);
    expect(init.stdout).toMatch(/lefthook manages hooks here \(lefthook\.yml\), and its config names commit-msg, pre-push without aitrail: 'lefthook install' .* moves aitrail's shims for them to <hook>\.old, which lefthook never runs: then commits are not checked, pushes are not checked/);
    expect(init.stdout).toContain('        run: node_modules/aitrail/hooks/commit-msg {1}\n');
    expect(init.stdout).toContain('  exec node_modules/aitrail/hooks/pre-push "$@"\n');
    expect(p.commit('feat: with qwen', QWEN).status).not.toBe(0);
    expect(states(p)['commit-msg']).toBe('foreign-chained');

    // npm install runs lefthook's postinstall: `lefthook install`. aitrail is switched off at commit and at push.
    ok(p.run('lefthook', ['install']));
    expect(readFileSync(join(p.repo.dir, '.git', 'hooks', 'commit-msg.old'), 'utf8')).toMatch(/^#!\/bin\/sh\n# aitrail-shim: commit-msg\n/);
    ok(p.commit('feat: with qwen', QWEN));
    const status = p.status().hooks.find((hook) => hook.hook === 'commit-msg')!;
    expect(status).toMatchObject({ state: 'lefthook', active: false });
    expect(status.note).toMatch(/lefthook's hook, which does not run aitrail; aitrail's shim is in commit-msg\.old, which lefthook never runs: commits are not checked/);
    const text = ok(aitrailCli(p, ['status'])).stdout;
    expect(text).toMatch(/commit-msg\s+lefthook\s+\.git\/hooks\/commit-msg/);
    expect(text).toContain('        run: node_modules/aitrail/hooks/commit-msg {1}\n');
    expect(text).toMatch(/Next: make lefthook run aitrail's shims \(above\), then 'lefthook install'\./);
  });

  it("row 308: the README's lefthook.yml runs aitrail's shims, lefthook installed before aitrail init or after", () => {
    const config = readmeBlock('yaml', /lefthook\.yml/).replace(/^commit-msg:\n {2}jobs:\n/m, `commit-msg:\n  jobs:\n${LINT_JOB.join('\n')}\n`);
    const script = readmeBlock('sh', /\.lefthook\/pre-push\/aitrail/);
    const files = { 'lefthook.yml': config, '.lefthook/pre-push/aitrail': script };

    // lefthook first: init leaves its three hooks as they are (chaining them would run aitrail twice).
    const first = project(files);
    ok(first.run('lefthook', ['install']));
    const init = ok(aitrailCli(first, ['init']));
    for (const hook of ['prepare-commit-msg', 'commit-msg', 'pre-push']) expect(init.stdout).toMatch(new RegExp(`unchanged .git/hooks/${hook} — lefthook runs aitrail's shim for it \\(lefthook\\.yml\\)`));
    expect(init.stdout).not.toMatch(/lefthook manages hooks here/);
    expect(existsSync(join(first.repo.dir, '.git', 'hooks', 'commit-msg.aitrail-chained'))).toBe(false);
    expect(states(first)).toEqual({ 'prepare-commit-msg': 'lefthook', 'commit-msg': 'lefthook', 'pre-push': 'lefthook', 'post-commit': 'git', 'post-rewrite': 'git', 'applypatch-msg': 'lefthook', 'pre-applypatch': 'lefthook', 'post-applypatch': 'git' });
    aitrailWorks(first, 'lint.log');

    // aitrail first: lefthook install then moves its shims aside, and runs them from lefthook.yml.
    const second = project(files);
    ok(aitrailCli(second, ['init']));
    ok(second.run('lefthook', ['install']));
    expect(states(second)).toMatchObject({ 'prepare-commit-msg': 'lefthook', 'commit-msg': 'lefthook', 'pre-push': 'lefthook' });
    aitrailWorks(second, 'lint.log');
  });

  it('row 309: a pre-push run: job is skipped by lefthook when no file changed, so status says it may be skipped', () => {
    const config = readmeBlock('yaml', /lefthook\.yml/).replace(/pre-push:[^]*$/, 'pre-push:\n  jobs:\n    - name: aitrail\n      run: node_modules/aitrail/hooks/pre-push {1} {2}\n      use_stdin: true\n');
    const p = project({ 'lefthook.yml': config });
    ok(p.run('lefthook', ['install']));
    const status = p.status().hooks.find((hook) => hook.hook === 'pre-push')!;
    expect(status).toMatchObject({ state: 'lefthook', active: true });
    expect(status.note).toMatch(/may skip it: aitrail's pre-push is a run: job, which lefthook skips when it finds no changed files to push .*make it a script: job/);
    // What the warning is about: an empty commit of a denied model goes out unchecked.
    ok(p.commit('feat: sneaked in', QWEN, ['--no-verify']));
    const push = ok(p.push());
    expect(`${push.stdout}${push.stderr}`).not.toMatch(/qwen/);
    expect(p.remoteHead()).toBe(p.head());
  });
});

describe.skipIf(!HAVE_TOOLS)('simple-git-hooks', () => {
  it('row 310: npx simple-git-hooks after aitrail init deletes the shims its config does not name; init and status say so and print the lines to add', () => {
    const p = project({ 'package.json': `${JSON.stringify({ name: 'app', private: true, 'simple-git-hooks': { 'commit-msg': 'echo LINT >> .git/lint.log' } }, null, 2)}\n` });
    ok(p.run('simple-git-hooks', []));
    const init = ok(aitrailCli(p, ['init']));
    expect(init.stdout).toMatch(/chained\s+\.git\/hooks\/commit-msg/);
    expect(init.stdout).toMatch(/simple-git-hooks manages hooks here \(package\.json\): 'npx simple-git-hooks' .* deletes the others, so it takes prepare-commit-msg, commit-msg, pre-push, post-commit, post-rewrite, applypatch-msg, pre-applypatch, post-applypatch from aitrail: then commits are not recorded, commits are not checked, pushes are not checked, no line-level notes are written, git am's commits are neither recorded nor checked, git am --continue's commits and the paths git am applies are not checked/);
    expect(init.stdout).toContain('  "pre-push": "node_modules/aitrail/hooks/pre-push \\"$@\\"",\n');
    expect(p.commit('feat: with qwen', QWEN).status).not.toBe(0);

    // npm install runs the prepare script: `simple-git-hooks`. aitrail is gone at commit and at push.
    ok(p.run('simple-git-hooks', []));
    expect(existsSync(join(p.repo.dir, '.git', 'hooks', 'pre-push'))).toBe(false);
    ok(p.commit('feat: with qwen', QWEN));
    expect(p.trailer()).toBe('');
    expect(states(p)).toEqual({ 'prepare-commit-msg': 'missing (inactive)', 'commit-msg': 'simple-git-hooks (inactive)', 'pre-push': 'missing (inactive)', 'post-commit': 'missing (inactive)', 'post-rewrite': 'missing (inactive)', 'applypatch-msg': 'missing (inactive)', 'pre-applypatch': 'missing (inactive)', 'post-applypatch': 'missing (inactive)' });
    const text = ok(aitrailCli(p, ['status'])).stdout;
    expect(text).toMatch(/pre-push\s+missing\s+\.git\/hooks\/pre-push — run 'aitrail init'; 'npx simple-git-hooks' deletes it: package\.json does not name it/);
    expect(text).toMatch(/commit-msg\s+simple-git-hooks\s+\.git\/hooks\/commit-msg — simple-git-hooks's hook, which does not run aitrail: commits are not checked/);
    expect(text).toContain('  "commit-msg": "node_modules/aitrail/hooks/commit-msg \\"$@\\"",\n');
  });

  it("row 310: the README's simple-git-hooks config runs aitrail's shims, before aitrail init or after", () => {
    const wiring = JSON.parse(readmeBlock('json', /^\{$/)) as { 'simple-git-hooks': Record<string, string> };
    const hooks = { ...wiring['simple-git-hooks'], 'commit-msg': `echo LINT >> .git/lint.log && ${wiring['simple-git-hooks']['commit-msg']}` };
    const files = { 'package.json': `${JSON.stringify({ name: 'app', private: true, 'simple-git-hooks': hooks }, null, 2)}\n` };

    const first = project(files);
    ok(first.run('simple-git-hooks', []));
    const init = ok(aitrailCli(first, ['init']));
    expect(init.stdout).toMatch(/unchanged .git\/hooks\/pre-push — simple-git-hooks runs aitrail's shim for it \(package\.json\)/);
    expect(init.stdout).not.toMatch(/simple-git-hooks manages hooks here/);
    expect(states(first)).toEqual({ 'prepare-commit-msg': 'simple-git-hooks', 'commit-msg': 'simple-git-hooks', 'pre-push': 'simple-git-hooks', 'post-commit': 'simple-git-hooks', 'post-rewrite': 'simple-git-hooks', 'applypatch-msg': 'simple-git-hooks', 'pre-applypatch': 'simple-git-hooks', 'post-applypatch': 'simple-git-hooks' });
    aitrailWorks(first, 'lint.log');

    // aitrail first: simple-git-hooks then writes its own hooks over the shims, and they run them.
    const second = project(files);
    ok(aitrailCli(second, ['init']));
    ok(second.run('simple-git-hooks', []));
    expect(states(second)['pre-push']).toBe('simple-git-hooks');
    aitrailWorks(second, 'lint.log');
  });
});
