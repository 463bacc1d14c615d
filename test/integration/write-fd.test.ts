import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const WRITE_FD = fileURLToPath(new URL('../../dist/io/write-fd.js', import.meta.url));

describe('writeFd (what hooks print, then the process ends at once)', () => {
  it('delivers every byte through a pipe left non-blocking (EAGAIN), then the process can exit at once', () => {
    // 2 MB through a pipe that holds 64 KB, the descriptor set non-blocking as a parent (git, an IDE) may leave it.
    const script = [
      `const { writeFd } = await import(${JSON.stringify(WRITE_FD)});`,
      'process.stdout._handle?.setBlocking?.(false);',
      "const line = 'x'.repeat(1023) + '\\n';",
      'writeFd(1, line.repeat(2048));',
      "writeFd(2, 'done\\n');",
      'process.exit(0);',
    ].join('\n');
    // The reader sleeps first: the writer finds the pipe full (EAGAIN) and must wait for it.
    const run = spawnSync('sh', ['-c', '"$0" --input-type=module -e "$1" | { sleep 0.3; cat; }', process.execPath, script], { encoding: 'utf8', maxBuffer: 1 << 24 });
    expect(run.stderr).toBe('done\n');
    expect(run.status).toBe(0);
    expect(run.stdout.length).toBe(2048 * 1024);
    expect(run.stdout.split('\n').filter(Boolean).every((text) => text.length === 1023)).toBe(true);
  });

  it('a closed descriptor is no error (nobody to tell)', () => {
    const script = [`const { writeFd } = await import(${JSON.stringify(WRITE_FD)});`, "require('node:fs').closeSync(2);", "writeFd(2, 'lost\\n');", "writeFd(1, 'ok\\n');"].join('\n').replace("require('node:fs')", "(await import('node:fs'))");
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stdout).toBe('ok\n');
    expect(run.status).toBe(0);
  });
});
