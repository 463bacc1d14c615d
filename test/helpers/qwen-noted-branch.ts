import { expect } from 'vitest';
import { aitrail } from './cli.js';
import { addNote, forCommit, gitAiNote, NOTE_KEYS, session } from './git-ai-notes.js';
import { makeRepo, type TestRepo } from './gitdir.js';
import { hookedRepo } from './hooked-repo.js';

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

/** The path hookedNotedBranch's note gives Qwen lines of. */
export const NOTED_PATH = 'src/parse.ts';

/**
 * A hooked repository (hookedRepo) under QWEN_PATH_POLICY: main (`top\nh\n` in NOTED_PATH) and a branch
 * `feature` whose commit `sha`, made with the hooks off, has a note giving Qwen its lines 2-5.
 */
export function hookedNotedBranch(): { repo: TestRepo; env: NodeJS.ProcessEnv; sha: string } {
  const { repo, env } = hookedRepo();
  const quiet = { ...env, AITRAIL: '0' };
  repo.commit('base', { '.aitrailrc.yml': QWEN_PATH_POLICY, [NOTED_PATH]: 'h\n' }, quiet);
  repo.git(['checkout', '-q', '-b', 'feature']);
  const sha = repo.commit('x', { [NOTED_PATH]: 'h\na\nb\nc\nd\ne\n' }, quiet);
  addNote(repo, sha, gitAiNote({ [NOTED_PATH]: [session(NOTE_KEYS.qwen, '2-5')] }));
  repo.git(['checkout', '-q', 'main']);
  repo.commit('top', { [NOTED_PATH]: 'top\nh\n' }, quiet);
  return { repo, env, sha };
}

/** `second` appended (`git notes append`, written for `sha`) to the note `first` of `sha`: one note of two joined (rows 1048, 1064). */
export function appendedNotes(repo: TestRepo, sha: string, first: string, second: string): void {
  addNote(repo, sha, first);
  repo.git(['notes', '--ref', 'ai', 'append', '-F', '-', sha], { input: forCommit(second, sha) });
  expect(repo.git(['notes', '--ref', 'ai', 'show', sha]).match(/schema_version/g)?.length).toBe(2);
}
