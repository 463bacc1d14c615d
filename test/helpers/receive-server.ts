import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { aitrail, envWithAitrailOnPath } from './cli.js';
import { policyServer, tryGit, type GitResult, type Project } from './enforce-repos.js';

/** policyServer denying `qwen/*`, then `aitrail init` run in its bare repository (pre-receive and reference-transaction shims), aitrail on `env`'s PATH. */
export function initServer(): Project & { env: NodeJS.ProcessEnv } {
  const project = policyServer('policy:\n  deny: ["qwen/*"]\n');
  const env = envWithAitrailOnPath();
  const init = aitrail(project.remote.dir, ['init'], { env });
  expect(init.code, init.stderr).toBe(0);
  expect(existsSync(join(project.remote.dir, 'hooks', 'reference-transaction'))).toBe(true);
  return { ...project, env };
}

/**
 * aitrail's receive lock planted as held by process `pid` (a push killed holding it, its id since
 * given to `pid`), then a person's commit `<name>.ts` pushed: the push's result and how long it took.
 */
export function pushPastHeldLock(server: Project & { env: NodeJS.ProcessEnv }, pid: number, name: string): { push: GitResult; took: number } {
  const lock = join(server.remote.dir, 'aitrail', 'receive.lock');
  mkdirSync(lock, { recursive: true });
  writeFileSync(join(lock, 'pid'), `${pid}\n`);
  server.work.write(`${name}.ts`, `export const ${name} = 1;\n`);
  server.work.git(['add', '-A']);
  server.work.git(['commit', '-q', '--no-verify', '-m', `feat: ${name}`]);
  const started = Date.now();
  const push = tryGit(server.work.dir, ['push', 'origin', 'main'], { env: server.env });
  return { push, took: Date.now() - started };
}
