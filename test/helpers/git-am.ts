// What the `git am` tests share (rows 525-527 and 534): a patch made by the real `git format-patch`,
// and a hooked repository whose policy denies Qwen.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { tryGit } from './enforce-repos.js';
import { tempDir, type TestRepo } from './gitdir.js';
import { hookedRepo } from './hooked-repo.js';

/** A patch of `files` with `message` made on top of HEAD (hooks off), HEAD then put back. */
export function patchOf(repo: TestRepo, env: NodeJS.ProcessEnv, files: Record<string, string>, message: string): string {
  const setUp = { ...env, AITRAIL: '0' };
  const head = repo.git(['rev-parse', 'HEAD']);
  repo.commit(message, files, setUp);
  const patch = join(tempDir('aitrail-patch-'), 'p.patch');
  writeFileSync(patch, repo.git(['format-patch', '-1', '--stdout'], { raw: true }));
  repo.git(['reset', '-q', '--hard', head], { env: setUp });
  return patch;
}

/** A repository with aitrail's hooks (git mode) under `deny: ["qwen/*"]`, a person's commit made after the policy's; `started` emptied. */
export function deniesQwen(): ReturnType<typeof hookedRepo> {
  const { repo, env, started } = hookedRepo();
  repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' }, { ...env, AITRAIL: '0' });
  expect(tryGit(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'Human again'], { env }).code).toBe(0);
  writeFileSync(started, '');
  return { repo, env, started };
}
