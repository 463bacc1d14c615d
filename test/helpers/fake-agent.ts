import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tempDir, type TestRepo } from './gitdir.js';
import { messageOf } from './hooks.js';

/** A node script's body that runs `git commit -q -F -` with the message in `MESSAGE`, and exits with git's status. */
export const COMMIT_SCRIPT =
  `const { spawnSync } = require('node:child_process');\n` +
  `const run = spawnSync('git', ['commit', '-q', '-F', '-'], { input: process.env.MESSAGE, stdio: ['pipe', 'inherit', 'inherit'] });\n` +
  `process.exit(run.status ?? 1);\n`;

/** A directory holding an executable node script named `name` that commits (see {@link COMMIT_SCRIPT}); its path. */
export function agentBin(name: string): string {
  const bin = join(tempDir('aitrail-agent-'), 'bin');
  mkdirSync(bin);
  const script = join(bin, name);
  writeFileSync(script, `#!${process.execPath}\n${COMMIT_SCRIPT}`);
  chmodSync(script, 0o755);
  return script;
}

/** `program args…` run in the repository with `env` (a staged change): it commits; the verdict and the stored message. */
export function runAgent(repo: TestRepo, program: string, args: string[], env: NodeJS.ProcessEnv) {
  repo.write('src/parser.ts', `export const n = ${Math.random()};\n`);
  repo.git(['add', 'src/parser.ts']);
  const run = spawnSync(program, args, { cwd: repo.dir, env: { ...env, MESSAGE: 'feat: parser\n' }, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr, message: run.status === 0 ? messageOf(repo.dir) : '' };
}

/**
 * An executable node script named `name` that runs `cd "$COMMIT_IN" && git commit` (the message in
 * `MESSAGE`) in a shell that stays its child: an agent started in one directory committing from
 * another. `title`: its process title set to `name` too (which drops its arguments from `/proc`).
 */
export function cdAgentBin(name: string, options: { title?: boolean } = {}): string {
  const bin = join(tempDir('aitrail-agent-'), 'bin');
  mkdirSync(bin);
  const shell = 'cd "$COMMIT_IN" && git commit -q -F -; status=$?; exit $status';
  writeFileSync(
    join(bin, name),
    `#!${process.execPath}\n${options.title ? `process.title = ${JSON.stringify(name)};\n` : ''}const { spawnSync } = require('node:child_process');\n` +
      `const run = spawnSync('sh', ['-c', ${JSON.stringify(shell)}], { input: process.env.MESSAGE, stdio: ['pipe', 'inherit', 'inherit'] });\n` +
      `process.exit(run.status ?? 1);\n`,
  );
  chmodSync(join(bin, name), 0o755);
  return join(bin, name);
}

/** The agent `name args…` (a {@link cdAgentBin}), its process in `start` (absolute), commits a staged change of `repo` from its top: the verdict and the stored message. */
export function agentAt(repo: TestRepo, name: string, start: string, env: NodeJS.ProcessEnv, args: string[] = []) {
  repo.write('src/parser.ts', `export const n = ${Math.random()};\n`);
  repo.git(['add', 'src/parser.ts']);
  const run = spawnSync(cdAgentBin(name), args, { cwd: start, env: { ...env, MESSAGE: 'feat: parser\n', COMMIT_IN: repo.dir }, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr, message: run.status === 0 ? messageOf(repo.dir) : '' };
}
