import { expect } from 'vitest';
import { aitrail } from './cli.js';
import { addNote } from './git-ai-notes.js';
import { makeRepo, type TestRepo } from './gitdir.js';

/** A policy that denies Qwen under `src/` only (a path rule: only a note's lines put Qwen there). */
export const QWEN_PATH_POLICY = 'policy: {allow: ["*"], undeclared: allow, paths: [{files: ["src/**"], deny: ["qwen/*"]}]}\n';

/** A repository whose `feature` branch holds one silent commit of the five-line `src/x.ts`, noted with `note`. */
export function notedFeature(note: string): { repo: TestRepo; sha: string } {
  const repo = makeRepo();
  repo.commit('policy', { '.aitrailrc.yml': QWEN_PATH_POLICY, 'app.ts': 'app\n' });
  repo.git(['checkout', '-q', '-b', 'feature']);
  const sha = repo.commit('x', { 'src/x.ts': 'a\nb\nc\nd\ne\n' });
  addNote(repo, sha, note);
  return { repo, sha };
}

/** `check main..feature` refuses Qwen's lines of `src/x.ts` in `sha`, and `blame` counts `lines` of them as Qwen's. */
export function expectQwenLinesCaught(repo: TestRepo, sha: string, lines: number): void {
  const check = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
  expect(check.code, check.stdout + check.stderr).toBe(1);
  const violations = JSON.parse(check.stdout).violations as Array<{ severity: string; model: string }>;
  expect(violations.filter((each) => each.severity === 'error')).toEqual([expect.objectContaining({ sha, model: 'qwen/qwen3-coder', path: 'src/x.ts' })]);
  const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
  expect(blame.code, blame.stderr).toBe(0);
  const file = JSON.parse(blame.stdout).files.find((each: { path: string }) => each.path === 'src/x.ts');
  expect(file).toMatchObject({ lines: 5, byModel: { 'qwen/qwen3-coder': lines } });
}
