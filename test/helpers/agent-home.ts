import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { makeRepo, tempDir, type TestRepo } from './gitdir.js';
import { tryGit } from './enforce-repos.js';
import { copiedRepo, hookedRepo } from './hooked-repo.js';
import { aitrail, gitRun, messageOf } from './hooks.js';

/**
 * Agents committing for real through the installed hooks, their settings files in a home
 * directory of the test's own (nothing of the machine's agents' settings leaks in).
 */

export function writeFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** `files` written under `base` (paths relative to it), each `agoMinutes` old. */
export function writeAged(base: string, files: [path: string, text: string, agoMinutes: number][]): void {
  for (const [path, text, ago] of files) {
    writeFile(join(base, path), text);
    const at = new Date(Date.now() - ago * 60_000);
    utimesSync(join(base, path), at, at);
  }
}

/** A fresh home directory holding `files` (paths relative to it). */
export function homeWith(files: Record<string, string> = {}): string {
  const dir = tempDir('aitrail-home-');
  for (const [path, text] of Object.entries(files)) writeFile(join(dir, path), text);
  return dir;
}

/**
 * A repository with init's hooks (hookedRepo) whose commits run with `env` and a fresh home holding
 * `files`, its `policy` (a config's text) committed with aitrail off when given, and `a.txt` staged:
 * an agent's commit one `git commit` away.
 */
export function stagedInHome(files: Record<string, string>, env: NodeJS.ProcessEnv, policy?: string): { repo: TestRepo; env: NodeJS.ProcessEnv } {
  const { repo, env: hooked } = hookedRepo();
  const withHome = { ...hooked, ...env, HOME: homeWith(files) };
  if (policy !== undefined) repo.commit('chore: policy\n', { '.aitrailrc.yml': policy }, { ...withHome, AITRAIL: '0' });
  repo.write('a.txt', 'agent\n');
  expect(tryGit(repo.dir, ['add', '-A'], { env: withHome }).code).toBe(0);
  return { repo, env: withHome };
}

/** Gemini CLI's environment with `model.name` in a home's `~/.gemini/settings.json` (no system files), `GEMINI_MODEL` as given (unset by default). */
export function geminiHome(model: string, variable?: string): NodeJS.ProcessEnv {
  const dir = homeWith({ '.gemini/settings.json': JSON.stringify({ model: { name: model } }) });
  return {
    HOME: dir,
    GEMINI_CLI: '1',
    GEMINI_MODEL: variable,
    GEMINI_CLI_SYSTEM_SETTINGS_PATH: join(dir, 'no-system.json'),
    GEMINI_CLI_SYSTEM_DEFAULTS_PATH: join(dir, 'no-defaults.json'),
    GEMINI_CLI_TRUSTED_FOLDERS_PATH: undefined,
  };
}

/** Claude Code's environment with `"model"` in a home's `~/.claude/settings.json`, no model, gateway or session variable of the runner's. */
export function claudeHome(model: string): NodeJS.ProcessEnv {
  return {
    HOME: homeWith({ '.claude/settings.json': JSON.stringify({ model }) }),
    CLAUDECODE: '1',
    ANTHROPIC_BASE_URL: undefined,
    ANTHROPIC_MODEL: undefined,
    CLAUDE_CONFIG_DIR: undefined,
    CLAUDE_CODE_SESSION_ID: undefined,
    ANTHROPIC_DEFAULT_OPUS_MODEL: undefined,
  };
}

/**
 * A repository (at `dir`, else a temporary one) with the hooks installed (`init --mode git`), `config` as .aitrailrc.yml and `files` committed.
 * In a temporary directory: a copy (copiedRepo) of the one made once per test file for the same `config` and `files`, init's node run once.
 */
export function hooked(config: string, files: Record<string, string> = {}, dir?: string): TestRepo {
  const build = (at?: string): TestRepo => {
    const repo = makeRepo(at === undefined ? {} : { dir: at });
    repo.commit('chore: policy\n', { '.aitrailrc.yml': config, ...files });
    const init = aitrail(repo.dir, ['init', '--mode', 'git']);
    expect(init.status, init.stderr).toBe(0);
    return repo;
  };
  return dir === undefined ? copiedRepo(`hooked ${JSON.stringify([config, files])}`, () => build()) : build(dir);
}

/** `git commit` as the agent runs it (its environment), with a staged change; the hook's verdict and the stored message. */
export function agentCommit(repo: TestRepo, env: NodeJS.ProcessEnv, message = 'feat: parser\n', flags: string[] = []) {
  repo.write('src/parser.ts', `export const n = ${Math.random()};\n`);
  repo.git(['add', 'src/parser.ts']);
  const result = gitRun(repo.dir, ['commit', '-q', ...flags, '-F', '-'], env, message);
  return { ...result, message: result.status === 0 ? messageOf(repo.dir) : '' };
}

/**
 * A hooked repository whose HEAD was committed 30 minutes ago and its parent 35 (`files` committed
 * with the policy, before them): a loaded machine's commit-msg, run past 2 s after git took its author
 * date, reads the commit as an amend (row 330) and counts from HEAD's parent, never from the policy's commit made just now.
 */
export function hookedWithPrevious(config: string, files: Record<string, string> = {}): TestRepo {
  const repo = hooked(config, files);
  for (const [name, ago] of [['earlier', 35], ['previous', 30]] as const) {
    const at = new Date(Date.now() - ago * 60_000).toISOString();
    repo.commit(`chore: ${name}\n`, { [`${name}.txt`]: 'x\n' }, { AITRAIL: '0', GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at });
  }
  return repo;
}

/** A hooked repository (`hooked(config)`) whose HEAD, `previous.txt`, was committed by a person (AITRAIL=0) at `previous`. */
export function hookedCommittedAt(config: string, previous: string): TestRepo {
  const repo = hooked(config);
  repo.commit('chore: previous\n', { 'previous.txt': 'x\n' }, { AITRAIL: '0', GIT_AUTHOR_DATE: previous, GIT_COMMITTER_DATE: previous });
  return repo;
}
