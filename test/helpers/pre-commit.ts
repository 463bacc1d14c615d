import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { makeRepo, type TestRepo } from './gitdir.js';

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const HOOK_IDS = ['aitrail-record', 'aitrail-policy', 'aitrail-pre-push'];

/** This checkout's hook files, committed in a repository of their own (pre-commit clones it at a rev). */
export function hookRepository(): { dir: string; rev: string } {
  const repo = makeRepo();
  mkdirSync(join(repo.dir, 'hooks'));
  mkdirSync(join(repo.dir, 'scripts'));
  copyFileSync(join(PACKAGE_ROOT, '.pre-commit-hooks.yaml'), join(repo.dir, '.pre-commit-hooks.yaml'));
  copyFileSync(join(PACKAGE_ROOT, 'scripts', 'pre-commit-hook.sh'), join(repo.dir, 'scripts', 'pre-commit-hook.sh'));
  for (const name of readdirSync(join(PACKAGE_ROOT, 'hooks'))) copyFileSync(join(PACKAGE_ROOT, 'hooks', name), join(repo.dir, 'hooks', name));
  return { dir: repo.dir, rev: repo.commit('aitrail hooks\n') };
}

/** A project's .pre-commit-config.yaml naming the three hooks of `hooks` (`extra`: lines under each hook, e.g. `        verbose: true`). */
export function preCommitConfig(hooks: { dir: string; rev: string }, extra: string[] = []): string {
  return ['repos:', `  - repo: ${hooks.dir}`, `    rev: ${hooks.rev}`, '    hooks:', ...HOOK_IDS.flatMap((id) => [`      - id: ${id}`, ...extra]), ''].join('\n');
}

/** The hook repository, a project with an `origin` bare remote; the pre-commit framework must be installed. */
export function preCommitProject(): { hooks: { dir: string; rev: string }; project: TestRepo; remote: TestRepo } {
  const version = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
  expect(version.status, 'the pre-commit framework is needed: apt-get install -y pre-commit (.ci/run does it)').toBe(0);
  const hooks = hookRepository();
  const project = makeRepo();
  const remote = makeRepo({ bare: true });
  project.git(['remote', 'add', 'origin', remote.dir]);
  return { hooks, project, remote };
}
