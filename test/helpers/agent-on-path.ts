import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tempDir, type TestRepo } from './gitdir.js';
import { messageOf } from './hooks.js';

const PYTHON = spawnSync('python3', ['--version']).status === 0;

/**
 * A directory of executables named after agents, each running `git commit -q -F -` with the message
 * in `MESSAGE`: node scripts (with `title`, one that sets its process title as Claude Code does), or
 * with `python`, a python3 script as pip installs aider's entry point (node's where there is no python3).
 */
export function agentsOnPath(agents: readonly { name: string; python?: boolean; title?: string }[]): string {
  const bin = join(tempDir('aitrail-agent-'), 'bin');
  mkdirSync(bin);
  for (const { name, python, title } of agents) {
    const script =
      python && PYTHON
        ? `#!/usr/bin/env python3\nimport os, subprocess, sys\nsys.exit(subprocess.run(['git', 'commit', '-q', '-F', '-'], input=os.environ['MESSAGE'].encode()).returncode)\n`
        : `#!${process.execPath}\n${title ? `process.title = ${JSON.stringify(title)};\n` : ''}const { spawnSync } = require('node:child_process');\n` +
          `const run = spawnSync('git', ['commit', '-q', '-F', '-'], { input: process.env.MESSAGE, stdio: ['pipe', 'inherit', 'inherit'] });\n` +
          `process.exit(run.status ?? 1);\n`;
    writeFileSync(join(bin, name), script);
    chmodSync(join(bin, name), 0o755);
  }
  return bin;
}

/** `program args` run in `repo` with a staged change, committing `message`: its status, stderr and the stored message. */
export function commitThrough(repo: TestRepo, program: string, args: readonly string[], env: NodeJS.ProcessEnv, message = 'feat: parser\n') {
  repo.write('src/parser.ts', `export const n = ${Math.random()};\n`);
  repo.git(['add', 'src/parser.ts']);
  const result = spawnSync(program, args, { cwd: repo.dir, env: { ...env, MESSAGE: message }, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr, message: result.status === 0 ? messageOf(repo.dir) : '' };
}
