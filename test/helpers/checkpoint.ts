import { aitrail } from './cli.js';
import { hookEnv, type RunResult } from './hooks.js';

/**
 * `aitrail checkpoint --agent <agent>` with `payload` on stdin (JSON-encoded unless a string), run from `cwd` as an
 * agent's hook runs it: by the worker's CLI server (test/helpers/cli.ts aitrail: checkpoint's own bundle, the payload
 * on its stdin), or a fresh node (AITRAIL_TEST_CLI=spawn).
 */
export function checkpoint(cwd: string, agent: string, payload: unknown): RunResult {
  const result = aitrail(cwd, ['checkpoint', '--agent', agent], { env: hookEnv(), input: typeof payload === 'string' ? payload : JSON.stringify(payload) });
  return { status: result.code, stdout: result.stdout, stderr: result.stderr };
}
