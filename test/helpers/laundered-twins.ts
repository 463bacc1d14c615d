import { expect } from 'vitest';
import { aitrail } from './cli.js';
import { commitWith, type Project, policyServer, tryGit } from './enforce-repos.js';

export const PARSE = 'export function parse(input: string): string[] {\n  return input.split(",").map((part) => part.trim()).filter((part) => part.length > 0);\n}\n';

/**
 * A policy server whose main holds Qwen's commit `qwen` (`file`, made before the deny), a person's revert of it, then `policy` (default `deny: ["qwen/*"]`), pushed (rows 1056, 1079, 1080, 1082).
 * `made.message`: Q's message instead (row 1164: another agent's); `made.note`: writes a note on Q and names its ref, pushed too (row 1165).
 */
export function deniedAfterRevert(policy = 'policy:\n  deny: ["qwen/*"]\n', file = 'src/parse.ts', made: { message?: string; note?: (work: Project['work'], sha: string) => string } = {}): Project & { qwen: string } {
  const server = policyServer('policy:\n  deny: ["anthropic/*"]\n');
  const { work } = server;
  expect(commitWith(work, made.message ?? 'feat: parse\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { [file]: PARSE }, { noVerify: true }).code).toBe(0);
  const qwen = work.git(['rev-parse', 'HEAD']);
  const notes = made.note ? [made.note(work, qwen)] : [];
  work.git(['revert', '--no-edit', 'HEAD']);
  expect(commitWith(work, 'chore: deny qwen\n', { '.aitrailrc.yml': policy }, { noVerify: true }).code).toBe(0);
  const before = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main', ...notes]);
  expect(before.code, before.stderr).toBe(0);
  return { ...server, qwen };
}

/** The work repository's HEAD refused by `check origin/main..HEAD` and by the server's pre-receive as the same change as `qwen`. */
export function expectLaunderRefused(server: Project & { qwen: string }, rule = 'model-denied'): void {
  const { work, remote, qwen } = server;
  const check = aitrail(work.dir, ['check', 'origin/main..HEAD'], { timeout: 120_000 });
  expect(check.code, check.stdout + check.stderr).toBe(1);
  expect(check.stdout).toContain(rule);
  expect(check.stdout).toContain(`the same change (git patch-id) as ${qwen.slice(0, 12)}`);
  const laundered = work.git(['rev-parse', 'HEAD']);
  const pushed = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
  expect(pushed.code, pushed.stderr).not.toBe(0);
  expect(pushed.stderr).toContain(qwen.slice(0, 12));
  expect(tryGit(remote.dir, ['rev-parse', 'refs/heads/main']).stdout.trim()).not.toBe(laundered);
}
