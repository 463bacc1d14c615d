// What the tests of a `.env` committed above the work tree share (rows 529, 535-537): Gemini CLI and
// Qwen Code walk up past the top for it, so a superproject's file reaches a submodule's commits.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { aitrail } from './cli.js';
import { tryGit } from './enforce-repos.js';
import { tempDir, type TestRepo } from './gitdir.js';
import { hookedWithOrigin } from './hooked-repo.js';

/**
 * A library with aitrail's hooks (the real `aitrail init`, its policy denying Qwen) added as a
 * submodule at `at` of `superproject`, a file staged in it: the submodule's folder and the library's env.
 */
export function hookedSubmodule(superproject: TestRepo, at: string): { sub: string; env: NodeJS.ProcessEnv } {
  const library = hookedWithOrigin();
  const origin = library.repo.git(['remote', 'get-url', 'origin']);
  superproject.git(['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', origin, at]);
  const sub = join(superproject.dir, at);
  expect(aitrail(sub, ['init', '--mode', 'git'], { env: library.env }).code).toBe(0);
  writeFileSync(join(sub, 'q.ts'), 'qwen\n');
  expect(tryGit(sub, ['add', 'q.ts']).code).toBe(0);
  return { sub, env: library.env };
}

/** What Qwen Code's `git commit` hands the hooks after loading a `.env` holding AITRAIL=0 (and `loaded`, what else it set), with a home of its own. */
export function qwenCodeEnv(env: NodeJS.ProcessEnv, loaded: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...env, HOME: tempDir('aitrail-home-'), AITRAIL: '0', QWEN_CODE: '1', OPENAI_MODEL: 'qwen3-coder', ...loaded };
}

/** Refused with the switch named as ignored (before each row's fix: exit 0, no trailer, the hooks off). */
export function expectSwitchIgnored(made: { code: number; stderr: string }): void {
  expect(made.code, made.stderr).toBe(1);
  expect(made.stderr).toContain('AITRAIL=0 ignored');
  expect(made.stderr).toContain('model-denied');
}
