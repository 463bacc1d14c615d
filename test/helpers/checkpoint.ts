import { spawnSync } from 'node:child_process';
import { BIN, hookEnv, type RunResult } from './hooks.js';

/** `aitrail checkpoint --agent <agent>` with `payload` on stdin (JSON-encoded unless a string), run from `cwd` as an agent's hook runs it. */
export function checkpoint(cwd: string, agent: string, payload: unknown): RunResult {
  const result = spawnSync(process.execPath, [BIN, 'checkpoint', '--agent', agent], { cwd, env: hookEnv(), input: typeof payload === 'string' ? payload : JSON.stringify(payload), encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
