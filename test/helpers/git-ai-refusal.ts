import { expect } from 'vitest';
import { readMetadata } from '../../src/core/notes/read-metadata.js';
import { aitrail } from './cli.js';
import { makeRepo, type TestRepo } from './gitdir.js';

/**
 * Shared by the tests of metadata git-ai refuses whole (rows 824, 914): a silent commit a note
 * can speak for, its blame totals, and the verdicts of each reading.
 */

/** main holds a policy denying Qwen; feature one silent commit of `app.ts` whose last content is `work`: its sha. */
export function silentCommit(work = 'a\nb\nc\n'): { repo: TestRepo; sha: string } {
  const repo = makeRepo();
  repo.commit('policy', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n  undeclared: allow\n', 'app.ts': 'a\n' });
  repo.git(['checkout', '-q', '-b', 'feature']);
  return { repo, sha: repo.commit('work', { 'app.ts': work }) };
}

/** `aitrail blame app.ts --format json --no-cache`: its totals and stderr (exit 0 expected). */
export function blameOf(repo: TestRepo): { totals: Record<string, unknown>; stderr: string } {
  const result = aitrail(repo.dir, ['blame', 'app.ts', '--format', 'json', '--no-cache']);
  expect(result.code, result.stderr).toBe(0);
  return { totals: JSON.parse(result.stdout).totals as Record<string, unknown>, stderr: result.stderr };
}

/**
 * The note on `sha` is one git-ai refuses (`why` in the warning): blame reads none of its lines, while
 * `check main..feature` still refuses the Qwen model it names (notes only add for enforcement).
 */
export function expectBlameRefusesCheckDenies(repo: TestRepo, sha: string, why: string): void {
  const blame = blameOf(repo);
  expect(blame.totals).toMatchObject({ ai: 0, lineLevel: 0 });
  expect(blame.stderr).toContain(why);
  expect(blame.stderr).toContain("so git-ai's blame reads none of it");
  const check = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
  expect(check.code, check.stderr).toBe(1);
  expect(JSON.parse(check.stdout).violations).toEqual([expect.objectContaining({ sha, rule: 'model-denied', model: 'qwen/qwen3-coder' })]);
}

/**
 * The metadata `json` read under SchemaRule `blame` gives serde_json's `verdict` (refused with the
 * one-line reason), and enforcement (`any`) and note writing (`v3`) read it whatever it holds.
 */
export function expectMetadataVerdict(json: string, verdict: string): void {
  const read = readMetadata(json, 'blame');
  expect(read.ok ? 'ok' : 'refused', read.ok ? '' : read.error.message).toBe(verdict);
  if (!read.ok) expect(read.error.message).toMatch(/so git-ai's blame reads none of it$/);
  expect(readMetadata(json, 'any').ok).toBe(true);
  expect(readMetadata(json, 'v3').ok).toBe(true);
}
