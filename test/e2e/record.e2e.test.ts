import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { E2E_ENV, installPacked, npmInstall, ok, packed, run } from '../helpers/e2e.js';

// The package exactly as users get it: `npm pack` (test/e2e/pack.global-setup.ts), installed into fresh repositories, driven with npx.
const OPUS_LINE = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';
// No aitrail on PATH: the shims must find node_modules/.bin/aitrail.
const ENV = E2E_ENV;

const { tarball } = packed();

function project(packageJson: object, extra: string[] = []): TestRepo {
  const repo = makeRepo();
  repo.write('package.json', `${JSON.stringify(packageJson, null, 2)}\n`);
  repo.write('.gitignore', 'node_modules/\n');
  // The package alone: the install made once; with more packages (husky), npm itself.
  if (extra.length === 0) installPacked(repo.dir);
  else npmInstall(repo.dir, [tarball, ...extra]);
  return repo;
}

const npx = (repo: TestRepo, args: string[], env: NodeJS.ProcessEnv = {}) => run(repo.dir, 'npx', ['--no', 'aitrail', ...args], env);
// The binary npx found, run without npx: each npx costs npm's start-up (~0.5-1 s of CPU). The first
// init of each project goes through npx (what finds the package); the commands after it run the same file.
const direct = (repo: TestRepo, args: string[], env: NodeJS.ProcessEnv = {}) => run(repo.dir, join(repo.dir, 'node_modules', '.bin', 'aitrail'), args, env);
const commit = (repo: TestRepo, args: string[], env: NodeJS.ProcessEnv = {}, input = '') => ok(run(repo.dir, 'git', ['commit', '-q', '--allow-empty', ...args], env, input));
const message = (repo: TestRepo) => {
  const raw = execFileSync('git', ['cat-file', 'commit', 'HEAD'], { cwd: repo.dir, env: ENV, encoding: 'utf8' });
  return raw.slice(raw.indexOf('\n\n') + 2);
};

describe('plain repository with a foreign commit-msg hook', () => {
  let repo: TestRepo;
  const foreign = '#!/bin/sh\n# the team\'s own hook\necho "foreign ran: $1" >>.git/foreign.log';
  let hookPath: string;

  beforeAll(() => {
    repo = project({ name: 'e2e-plain', version: '1.0.0', private: true });
    hookPath = join(repo.dir, '.git', 'hooks', 'commit-msg');
    writeFileSync(hookPath, foreign);
    chmodSync(hookPath, 0o700);
    commit(repo, ['-m', 'initial']);
  });

  it('npx aitrail init installs, chaining the foreign hook; a second run changes nothing', () => {
    const first = ok(npx(repo, ['init']));
    expect(first.stdout).toMatch(/git mode/);
    expect(first.stdout).toMatch(/chained/);
    const hooks = join(repo.dir, '.git', 'hooks');
    const snap = () => readdirSync(hooks).sort().map((name) => `${name}:${lstatSync(join(hooks, name)).mode}:${readFileSync(join(hooks, name), 'base64')}`);
    const installed = snap();
    expect(ok(direct(repo, ['init'])).stdout).toMatch(/already installed/);
    expect(snap()).toEqual(installed);
  });

  it('AITRAIL_MODEL is recorded and the foreign hook keeps running', () => {
    writeFileSync(join(repo.dir, '.git', 'foreign.log'), '');
    commit(repo, ['-m', 'Explicit model'], { AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' });
    expect(message(repo)).toBe(`Explicit model\n\n${OPUS_LINE}\n`);
    expect(readFileSync(join(repo.dir, '.git', 'foreign.log'), 'utf8')).toBe('foreign ran: .git/COMMIT_EDITMSG\n');
  });

  it('a simulated Claude Code environment with its co-author line', () => {
    const text = 'Refactor parser\n\nCo-Authored-By: Claude Opus 4.6 <noreply@anthropic.com>\n';
    commit(repo, ['-F', '-'], { CLAUDECODE: '1' }, text);
    expect(message(repo)).toBe(`${text}${OPUS_LINE}\n`);
  });

  it('aider-style author under --no-verify', () => {
    commit(repo, ['--no-verify', '-m', 'aider: small fix'], { GIT_AUTHOR_NAME: 'Jane (aider)' });
    expect(message(repo)).toMatch(/^aider: small fix\n\nAssisted-by: aider:[^\n]+\n$/);
  });

  it('with aitrail use, and nothing after --clear', () => {
    ok(direct(repo, ['use', 'qwen3-coder', '--agent', 'qwen-code', '--for', '1h']));
    commit(repo, ['-m', 'Session commit']);
    expect(message(repo)).toBe('Session commit\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n');
    ok(direct(repo, ['use', '--clear']));
    commit(repo, ['-m', 'After clear']);
    expect(message(repo)).toBe('After clear\n');
  });

  it('AITRAIL=0 records nothing, the foreign hook still runs', () => {
    writeFileSync(join(repo.dir, '.git', 'foreign.log'), '');
    commit(repo, ['-m', 'Switched off'], { AITRAIL: '0', AITRAIL_MODEL: 'anthropic/claude-opus-4.6' });
    expect(message(repo)).toBe('Switched off\n');
    expect(readFileSync(join(repo.dir, '.git', 'foreign.log'), 'utf8')).toBe('foreign ran: .git/COMMIT_EDITMSG\n');
  });

  it('a human-only commit is untouched', () => {
    const text = 'Human change\n\nWritten by hand.\nSee: ticket-42\n';
    commit(repo, ['--cleanup=verbatim', '-F', '-'], {}, text);
    expect(message(repo)).toBe(text);
  });

  it('amend never duplicates the trailer', () => {
    const env = { AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' };
    commit(repo, ['-m', 'To amend'], env);
    commit(repo, ['--amend', '--no-edit'], env);
    commit(repo, ['--amend', '--no-edit'], env);
    expect(message(repo)).toBe(`To amend\n\n${OPUS_LINE}\n`);
  });

  it('a sign-off block gets the trailer inside it and nothing else changes', () => {
    const text = 'Fix   spacing\n\nBody  with  double  spaces.\n\nSigned-off-by: Ann Dev <ann@example.com>\n';
    commit(repo, ['--cleanup=verbatim', '-F', '-'], { AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' }, text);
    expect(message(repo)).toBe(`${text}${OPUS_LINE}\n`);
  });

  it('aitrail status shows the installation', () => {
    const status = ok(direct(repo, ['status']));
    expect(status.stdout).toMatch(/commit-msg\s+foreign-chained/);
  });

  it('uninstall restores the foreign hook byte for byte, mode included', () => {
    ok(direct(repo, ['uninstall']));
    expect(readFileSync(hookPath, 'utf8')).toBe(foreign);
    expect(lstatSync(hookPath).mode & 0o777).toBe(0o700);
    expect(readdirSync(join(repo.dir, '.git', 'hooks')).filter((name) => !name.endsWith('.sample'))).toEqual(['commit-msg']);
  });
});

describe('husky v9 repository', () => {
  let repo: TestRepo;

  beforeAll(() => {
    repo = project({ name: 'e2e-husky', version: '1.0.0', private: true, scripts: { prepare: 'husky' } }, ['husky@9.1.7']);
    // What `npm run prepare` runs (husky 9's `husky`: core.hooksPath and .husky/_), without npm's start-up.
    ok(run(repo.dir, join(repo.dir, 'node_modules', '.bin', 'husky'), []));
    repo.write('.husky/pre-commit', 'echo "team pre-commit ran" >>.git/husky.log\n');
    commit(repo, ['-m', 'initial']);
  });

  it('npx aitrail init adds marked lines to .husky hooks, twice is a no-op', () => {
    const first = ok(npx(repo, ['init']));
    expect(first.stdout).toMatch(/husky mode/);
    const text = readFileSync(join(repo.dir, '.husky', 'commit-msg'), 'utf8');
    // The shims' lookup finds and runs aitrail (row 825), from the shared .husky/aitrail.sh the block sources (row 874; each block line ends in ` #`).
    expect(text).toMatch(/^h=commit-msg #$/m);
    expect(text).toContain('. "$aitrail_hl"');
    expect(readFileSync(join(repo.dir, '.husky', 'aitrail.sh'), 'utf8')).toContain('"$a" hook "$h" "$@"');
    expect(ok(direct(repo, ['init'])).stdout).toMatch(/already installed/);
    expect(readFileSync(join(repo.dir, '.husky', 'commit-msg'), 'utf8')).toBe(text);
  });

  it('records through husky and the team hook still runs', () => {
    commit(repo, ['-m', 'Via husky'], { AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' });
    expect(message(repo)).toBe(`Via husky\n\n${OPUS_LINE}\n`);
    expect(readFileSync(join(repo.dir, '.git', 'husky.log'), 'utf8')).toContain('team pre-commit ran');
  });

  it('uninstall leaves husky and the team hook as they were', () => {
    ok(direct(repo, ['uninstall']));
    expect(readFileSync(join(repo.dir, '.husky', 'pre-commit'), 'utf8')).toBe('echo "team pre-commit ran" >>.git/husky.log\n');
    expect(readdirSync(join(repo.dir, '.husky')).sort()).toEqual(['_', 'pre-commit']);
    expect(repo.git(['config', 'core.hooksPath'])).toBe('.husky/_');
  });
});
