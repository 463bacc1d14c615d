import { spawnSync } from 'node:child_process';
import { homeWith, writeAged } from './agent-home.js';
import { cdAgentBin } from './fake-agent.js';
import type { TestRepo } from './gitdir.js';
import { hookEnv, messageOf } from './hooks.js';

/** A path as Claude Code names its project directory: every character but ASCII letters and digits a `-`. */
export const sanitized = (path: string) => path.replace(/[^a-zA-Z0-9]/g, '-');

/**
 * The agent `claude` started in `start` commits a staged change from the repository's top (its shell's `cd`), no
 * session id; its home holds `~/.claude/settings.json` on `claude-sonnet-4-5` and `files` (path, text, minutes old).
 */
export function commitAbove(repo: TestRepo, start: string, files: [string, string, number][]) {
  const home = homeWith({ '.claude/settings.json': '{"model": "claude-sonnet-4-5"}' });
  writeAged(home, files);
  repo.write('src/parser.ts', `export const n = ${Math.random()};\n`);
  repo.git(['add', 'src/parser.ts']);
  const env = hookEnv({ HOME: home, CLAUDECODE: '1', CLAUDE_CODE_ENTRYPOINT: 'cli', MESSAGE: 'feat: parser\n', COMMIT_IN: repo.dir });
  const run = spawnSync(cdAgentBin('claude', { title: true }), [], { cwd: start, env, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr, message: run.status === 0 ? messageOf(repo.dir) : '' };
}
