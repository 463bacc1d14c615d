// Session 56 (row 1229): the twin search's kept listing (row 1202) was opened with a plain blocking open: a FIFO
// made at `<git dir>/aitrail/twin-names` hung `check` (and a hook or pre-receive running the search) for good, a link
// there was followed. Found by helper v reading the one-open change, replayed with the built CLI's `check` on a real
// repository (it hung until killed). Now the file is opened non-blocking without following a link and read only when
// it is a regular file: anything else is no kept listing (a full listing), and the twin is still found.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith } from '../helpers/enforce-repos.js';
import { deniedAfterRevert, PARSE } from '../helpers/laundered-twins.js';

describe('a FIFO where the kept listing is (row 1229)', () => {
  it('check neither hangs nor misses the twin past 16 paths', () => {
    const server = deniedAfterRevert();
    const { work, qwen } = server;
    const files: Record<string, string> = { 'src/parse.ts': PARSE };
    for (let index = 0; index < 17; index += 1) files[`wide/f${index}.ts`] = `export const f${index} = ${index};\n`;
    expect(commitWith(work, 'feat: parse and more\n', files, { noVerify: true }).code).toBe(0);
    const kept = join(work.git(['rev-parse', '--git-common-dir']).startsWith('/') ? work.git(['rev-parse', '--git-common-dir']) : join(work.dir, work.git(['rev-parse', '--git-common-dir'])), 'aitrail');
    mkdirSync(kept, { recursive: true });
    rmSync(join(kept, 'twin-names'), { force: true });
    execFileSync('mkfifo', [join(kept, 'twin-names')]);
    const check = aitrail(work.dir, ['check', 'origin/main..HEAD'], { timeout: 60_000 });
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(check.stdout).toContain(`the same change (git patch-id) as ${qwen.slice(0, 12)}`);
  });
});
