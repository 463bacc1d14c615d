import { spawn, spawnSync } from 'node:child_process';
import type { GitResult } from './enforce-repos.js';
import { TEST_GIT_ENV } from './gitdir.js';

/** A pkt-line of git's protocol. */
export const pkt = (text: string): Buffer => Buffer.concat([Buffer.from((text.length + 4).toString(16).padStart(4, '0')), Buffer.from(text)]);

/** The pack of what `from`'s `revisions` bring, as git push would send it. */
export function packOf(from: string, revisions: string[]): Buffer {
  return spawnSync('git', ['pack-objects', '--revs', '--stdout', '-q'], { cwd: from, env: TEST_GIT_ENV, input: `${revisions.join('\n')}\n` }).stdout;
}

/** Commands sent to the server's real `git receive-pack` as a hand-made client sends them: its report-status. */
export function sendCommands(server: string, commands: string[], pack: Buffer, env: NodeJS.ProcessEnv = {}): string {
  const lines = commands.map((command, at) => pkt(`${command}${at === 0 ? '\0report-status' : ''}\n`));
  const run = spawnSync('git', ['receive-pack', server], { env: { ...TEST_GIT_ENV, ...env }, input: Buffer.concat([...lines, Buffer.from('0000'), pack]) });
  const out = run.stdout.toString('latin1');
  return out.slice(out.indexOf('unpack'));
}

/** `git push` in the background: its result when it ends. */
export function pushLater(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<GitResult> {
  return new Promise((resolve) => {
    const child = spawn('git', ['push', ...args], { cwd, env: { ...process.env, ...TEST_GIT_ENV, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
