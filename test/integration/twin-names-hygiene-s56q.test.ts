// Session 56 helper q (rows 1217, 1218): the twin search's kept listing (row 1202) is written to a temp file
// `.twin-names.<pid>.tmp.<hex>` then renamed; a run killed mid-listing left its temp file (up to ~17 MB on 200,000
// commits) in `<git-common-dir>/aitrail/` and nothing removed it (found reading helper e's report). Now each new listing
// removes the stale ones: aitrail's own name pattern, regular files (a link, a directory, another name, a fresh one are
// left), older than an hour. And the write-error path, unverified before: with a file where the `aitrail` folder should
// be (the work repository's and the real bare server's), `check` and pre-receive still judge the same and the listing prints nothing
// (the server's own warning that it cannot remember its policy stays).
// Row 1219: on a generated 200,000-commit history a 17-file `check` peaked at ~239 MB of RSS, all of it the listing's
// `git log` (node's own under 100 MB; `--max-old-space-size=48` changed nothing): git's cache of inflated delta bases
// (core.deltaBaseCacheLimit, 96 MiB by default). The listing's git is now run with 8 MiB (~137 MB, the same output):
// checked by a `git` first on PATH recording its arguments, the verdict the same.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, BIN } from '../helpers/cli.js';
import { TEST_GIT_ENV } from '../helpers/gitdir.js';
import { commitWith, tryGit } from '../helpers/enforce-repos.js';
import { deniedAfterRevert } from '../helpers/laundered-twins.js';

/** 17 files of a person's: with a twin's path, past EVERY_PATH_CAP, the listing is read (row 1167). */
const wide = (step: number) => Object.fromEntries(Array.from({ length: 17 }, (_, at) => [`wide/f${at}.ts`, `export const f${at} = ${at * 100 + step};\n`]));

describe('the twin listing\'s leftovers and an unwritable aitrail folder (rows 1217, 1218)', () => {
  it('stale temp files of aitrail\'s own name are removed when a listing is written; links, folders, other names and fresh ones are left', () => {
    const server = deniedAfterRevert();
    const { work, qwen } = server;
    expect(tryGit(work.dir, ['cherry-pick', '-n', qwen]).code).toBe(0);
    expect(commitWith(work, 'feat: wide again\n', wide(1), { noVerify: true }).code).toBe(0);
    const dir = join(work.dir, '.git', 'aitrail');
    mkdirSync(dir, { recursive: true });
    const old = (Date.now() - 2 * 60 * 60 * 1000) / 1000;
    const at = (name: string) => join(dir, name);
    const stale = '.twin-names.4242.tmp.0123456789ab';
    const fresh = '.twin-names.4243.tmp.abcdef012345';
    const other = '.twin-names.4244.tmp.notours';
    const mine = 'notes.txt';
    const linked = '.twin-names.4245.tmp.aaaaaaaaaaaa';
    const folder = '.twin-names.4246.tmp.bbbbbbbbbbbb';
    const target = join(work.dir, '..', `target-${process.pid}`);
    writeFileSync(target, 'kept\n');
    for (const name of [stale, fresh, other, mine]) writeFileSync(at(name), 'x'.repeat(1000));
    symlinkSync(target, at(linked));
    mkdirSync(at(folder));
    for (const name of [stale, other, mine, folder]) utimesSync(at(name), old, old);
    utimesSync(target, old, old);
    const check = aitrail(work.dir, ['check', 'origin/main..HEAD'], { timeout: 120_000 });
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(check.stdout).toContain(qwen.slice(0, 12));
    expect(existsSync(at(stale))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual([fresh, other, linked, folder, mine, 'twin-names'].sort());
    expect(readFileSync(target, 'utf8')).toBe('kept\n');
  });

  it('a file where the aitrail folder should be (the work repository\'s and the server\'s): the same verdicts, no error printed', () => {
    const server = deniedAfterRevert();
    const { work, remote, qwen } = server;
    expect(tryGit(work.dir, ['cherry-pick', '-n', qwen]).code).toBe(0);
    expect(commitWith(work, 'feat: wide again\n', wide(2), { noVerify: true }).code).toBe(0);
    for (const dir of [join(work.dir, '.git', 'aitrail'), join(remote.dir, 'aitrail')]) {
      rmSync(dir, { recursive: true, force: true });
      writeFileSync(dir, 'not a folder\n');
    }
    for (const run of [1, 2]) {
      const check = aitrail(work.dir, ['check', '--format', 'json', 'origin/main..HEAD'], { timeout: 120_000 });
      expect(check.code, `${run}: ${check.stdout}${check.stderr}`).toBe(1);
      expect(check.stdout).toContain(qwen.slice(0, 12));
      expect(check.stderr).not.toMatch(/ENOTDIR|EEXIST|twin-names|\n\s*at .*\.js:\d+/);
      const pushed = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
      expect(pushed.code, pushed.stderr).not.toBe(0);
      expect(pushed.stderr).toContain(qwen.slice(0, 12));
      // The server warns it cannot remember its policy (aitrail/policy.json, its own warning); the listing adds nothing.
      expect(pushed.stderr).not.toMatch(/twin-names|\n\s*at .*\.js:\d+/);
    }
    expect(readFileSync(join(work.dir, '.git', 'aitrail'), 'utf8')).toBe('not a folder\n');
    expect(readFileSync(join(remote.dir, 'aitrail'), 'utf8')).toBe('not a folder\n');
  });

  it('the listing\'s git runs with a small delta base cache (row 1219), the twin still found', () => {
    const server = deniedAfterRevert();
    const { work, qwen } = server;
    expect(tryGit(work.dir, ['cherry-pick', '-n', qwen]).code).toBe(0);
    expect(commitWith(work, 'feat: wide again\n', wide(3), { noVerify: true }).code).toBe(0);
    const bin = join(work.dir, '..', `gitbin-${process.pid}`);
    mkdirSync(bin, { recursive: true });
    const record = join(bin, 'args');
    writeFileSync(join(bin, 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${record}'\nexec /usr/bin/git "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    const run = spawnSync(process.execPath, [BIN, 'check', 'origin/main..HEAD'], { cwd: work.dir, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...TEST_GIT_ENV, PATH: `${bin}:${process.env.PATH ?? ''}` } });
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain(qwen.slice(0, 12));
    const listing = readFileSync(record, 'utf8').split('\n').filter((line) => line.includes('log --stdin --full-history'));
    expect(listing.length).toBe(1);
    expect(listing[0]).toContain('-c core.deltaBaseCacheLimit=8m');
  });
});
