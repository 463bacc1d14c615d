// Session 54 helper f (row 1133): a commit under an `encoding` header git may re-encode is read apart (row 1114),
// asked of git in batches of 64 commits: the messages git's log showed were held, then git's raw output of
// them all read and copied at once (row 1114's limit; found measuring fast-import histories of large messages under
// `encoding x-custom`: `log` of 20 of 15 MiB peaked at 1.19 GB resident, 24 of 4 MiB at 746 MB). A batch now closes
// past 8 Mi characters of messages: the same 24 commits peak at ~250 MB, as without the header.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeRepo, TEST_GIT_ENV } from '../helpers/gitdir.js';

const BIN = fileURLToPath(new URL('../../bin/aitrail.js', import.meta.url));

/** Runs the built CLI, sampling its peak resident set (VmHWM of /proc/<pid>/status, Linux) until it exits. */
function runPeak(cwd: string, args: string[]): Promise<{ code: number | null; stdout: string; peakKb: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...TEST_GIT_ENV } });
    let stdout = '';
    let peakKb = 0;
    const sample = () => {
      try {
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        // exited between samples
      }
    };
    const timer = setInterval(sample, 20);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.resume();
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ code, stdout, peakKb });
    });
  });
}

describe('messages read apart are asked in batches bounded by size (row 1133)', () => {
  it.runIf(existsSync('/proc/self/status'))('log of 24 commits of 4 MiB messages under `encoding x-custom` stays under 450 MB resident', async () => {
    const repo = makeRepo();
    repo.commit('feat: a\n', { 'a.ts': 'a\n' });
    const parts: Buffer[] = [];
    for (let n = 0; n < 24; n += 1) {
      const message = Buffer.from(`feat: m${n}\n\n${'word '.repeat((4 * 1024 * 1024) / 5)}\n`);
      parts.push(Buffer.from(`commit refs/heads/big\ncommitter Pat <pat@example.com> ${1_700_000_000 + n} +0000\nencoding x-custom\ndata ${message.length}\n`), message);
      if (n === 0) parts.push(Buffer.from(`from ${repo.git(['rev-parse', 'HEAD']).trim()}\n`));
      parts.push(Buffer.from(`M 100644 inline m${n}.ts\ndata 2\nm\n\n`));
    }
    repo.git(['fast-import', '--quiet'], { input: Buffer.concat(parts) });
    repo.git(['reset', '-q', '--hard', 'refs/heads/big']);
    const run = await runPeak(repo.dir, ['log', '--format', 'json']);
    expect(run.code).toBe(0);
    const entries = JSON.parse(run.stdout) as { subject: string }[];
    expect(entries).toHaveLength(25);
    expect(entries[0]!.subject).toBe('feat: m23');
    expect(run.peakKb).toBeGreaterThan(0);
    expect(run.peakKb).toBeLessThan(450 * 1024);
  }, 300_000);
});
