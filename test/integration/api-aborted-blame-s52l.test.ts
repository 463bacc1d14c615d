import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blame } from '../../src/api/blame.js';
import { makeRepo } from '../helpers/gitdir.js';

// row 1046: the typed API's blame ends its run (runEnd: shared git processes closed, per-run caches forgotten)
// in a `finally`, but a report that failed (the caller's onProgress threw, as a program giving up does) rejected
// while its other blame lanes and the anchor walk beside them were still running: they went on after the call had
// returned, started a `git cat-file --batch` after the run's end had closed them all, and wrote the cache; the
// process stayed alive in a long-lived program until its next call.

const CLAUDE = '\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n';

/** This process's child processes whose working directory is `dir` (Linux: /proc), as `<pid> <command line>`. */
function childrenIn(dir: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(join('/proc', pid, 'stat'), 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid || realpathSync(readlinkSync(join('/proc', pid, 'cwd'))) !== dir) continue;
      found.push(`${pid} ${readFileSync(join('/proc', pid, 'cmdline'), 'utf8').split('\0').join(' ').trim()}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

describe.skipIf(!existsSync('/proc/self/stat'))('a typed API blame that fails ends its work before it returns (row 1046)', () => {
  it('the caller gives up at the first file: no git process of the report is left running once the call has rejected', async () => {
    const repo = makeRepo();
    const files: Record<string, string> = {};
    for (let at = 0; at < 40; at += 1) files[`f${at}.txt`] = Array.from({ length: 40 }, (_, line) => `f${at} line ${line}`).join('\n') + '\n';
    repo.commit('human: start\n', { 'b.txt': 'b\n' });
    for (const [name, text] of Object.entries(files)) repo.commit(`ai: ${name}${CLAUDE}`, { [name]: text });
    const dir = realpathSync(repo.dir);
    for (let run = 0; run < 3; run += 1) {
      let ticks = 0;
      await expect(
        blame({
          cwd: repo.dir,
          jobs: 4,
          onProgress: (done) => {
            if (done > 0 && ++ticks === 1) throw new Error('given up by the caller');
          },
        }),
      ).rejects.toThrow('given up by the caller');
      // A process that exited and is not reaped yet has no working directory to read: only running ones are listed.
      await new Promise((done) => setTimeout(done, 300));
      expect(childrenIn(dir).filter((line) => / git /.test(` ${line}`))).toEqual([]);
      // Cold again for the next round (the anchor walk may have written its snapshot before the call returned).
      rmSync(join(repo.dir, '.git', 'aitrail', 'blame-cache'), { recursive: true, force: true });
    }
  });
});
