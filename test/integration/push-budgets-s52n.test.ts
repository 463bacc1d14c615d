import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { SCALED, SCALED_ENV, SIZE_DIVISOR } from '../helpers/size-caps.js';

// row 1055: the budgets of rows 1036 and 1037 began at nothing for each range a push's refs are
// judged in (an update's range excludes its own old tip), so a push updating many branches, each just
// within them, read as many budgets.
const QWEN_NOT_IN_CRYPTO = 'policy:\n  deny: ["qwen/*"]\n  paths:\n    - files: ["src/crypto/**"]\n      deny: ["qwen/*"]\n';

/** A file of `lines` distinct lines long enough to be copy suspects. */
const fileOf = (name: string, lines: number) => Array.from({ length: lines }, (_, n) => `export const ${name}Value${n} = computeTheValueForIndex(${n}, "${name}");`).join('\n') + '\n';

/** The server's branches a and b, one commit apart from main each (so each update is judged as a range of its own). */
function twoBranches(files: Record<string, string> = {}) {
  const made = policyServer(QWEN_NOT_IN_CRYPTO);
  const { work } = made;
  if (Object.keys(files).length > 0) {
    expect(commitWith(work, 'feat: libs\n', files, { noVerify: true }).code).toBe(0);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']).code).toBe(0);
  }
  for (const branch of ['a', 'b']) {
    work.git(['checkout', '-q', '-B', branch, 'main']);
    expect(commitWith(work, `chore: ${branch}\n`, { [`${branch}.txt`]: `${branch}\n` }, { noVerify: true }).code).toBe(0);
    const pushed = tryGit(work.dir, ['push', '--no-verify', 'origin', branch]);
    expect(pushed.code, pushed.stderr).toBe(0);
  }
  return made;
}

describe("a push's judged ranges share the budgets of a range's work (row 1055)", () => {
  // Row 1073: with the caps divided by 256 (AITRAIL_SIZE_CAPS_DIVISOR): 56 KiB messages, 168 KiB a branch past 256 KiB together.
  it('two branches each gaining three commits of 14 MiB / 256 messages (42 MiB / 256 each, 84 / 256 together) are refused in one push; each alone is judged (the caps lowered, row 1073)', () => {
    const { remote, work } = twoBranches();
    for (const branch of ['a', 'b']) {
      const stream: Buffer[] = [];
      for (let n = 0; n < 3; n += 1) {
        const message = Buffer.from(`feat: ${branch}${n}\n\n${'word '.repeat((14 * 1024 * 1024) / SIZE_DIVISOR / 5)}\n`);
        stream.push(Buffer.from(`commit refs/heads/${branch}\ncommitter Pat <pat@example.com> ${1_700_000_000 + n} +0000\ndata ${message.length}\n`), message);
        if (n === 0) stream.push(Buffer.from(`from refs/heads/${branch}^0\n`));
        stream.push(Buffer.from(`M 100644 inline ${branch}${n}.ts\ndata 2\n${n}\n\n`));
      }
      const imported = tryGit(work.dir, ['fast-import', '--quiet', '--force'], { input: Buffer.concat(stream) });
      expect(imported.code, imported.stderr).toBe(0);
    }
    const both = tryGit(work.dir, ['push', '--no-verify', 'origin', 'a', 'b'], { env: SCALED_ENV });
    expect(both.code, both.stderr).not.toBe(0);
    expect(both.stderr).toMatch(new RegExp(`its commits of more than ${SCALED.large} bytes hold \\d{3},\\d{3} bytes together, more than the ${SCALED.range.toLocaleString('en-US')} read in one judgement`));
    expect(both.stderr).not.toContain('    at ');
    for (const branch of ['a', 'b']) expect(tryGit(remote.dir, ['rev-parse', `refs/heads/${branch}`]).stdout.trim()).not.toBe(work.git(['rev-parse', branch]));
    // Each range alone (42 MiB / 256): judged, and passes, as before.
    const one = aitrail(work.dir, ['check', 'origin/a..a'], { env: SCALED_ENV });
    expect(one.code, one.stdout + one.stderr).toBe(0);
  });

  it('two branches each copying three lib files into src/crypto, each within the copy blames budget the server sets, are refused together', () => {
    const libs = Object.fromEntries(Array.from({ length: 8 }, (_, n) => [`lib/f${n}.ts`, fileOf(`f${n}`, 240)]));
    const { remote, work } = twoBranches(libs);
    for (const branch of ['a', 'b']) {
      work.git(['checkout', '-q', branch]);
      for (let n = 1; n <= 3; n += 1) expect(commitWith(work, `feat: copy ${branch}${n}\n`, { [`src/crypto/${branch}${n}.ts`]: libs[`lib/f${n}.ts`]! }, { noVerify: true }).code).toBe(0);
    }
    const tight = { AITRAIL_COPY_BLAME_BUDGET: '1' };
    for (const branch of ['a', 'b']) {
      const alone = aitrail(work.dir, ['check', `origin/${branch}..${branch}`], { env: tight, timeout: 120_000 });
      expect(alone.code, alone.stdout + alone.stderr).toBe(0);
    }
    const both = tryGit(work.dir, ['push', '--no-verify', 'origin', 'a', 'b'], { env: tight });
    expect(both.code, both.stderr).not.toBe(0);
    expect(both.stderr).toContain('would read more than 1 MiB of files');
    expect(tryGit(remote.dir, ['rev-parse', 'refs/heads/a']).stdout.trim()).not.toBe(work.git(['rev-parse', 'a']));
  });
});
