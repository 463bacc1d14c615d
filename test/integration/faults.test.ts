import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

/** A blame-cache entry's JSON, after the line that seals it (src/report/cache-seal.ts). */
const unsealed = (text: string) => text.slice(text.indexOf('\n') + 1);
/** Task s51x (after row 1018): a run that found entries failing their seal says so once (stderr and the report); the rest of its output is the fresh one. */
const SEAL_WARNING = /not sealed under this clone's key/;
function withoutSealWarning(result: { stdout: string; stderr: string }, json: boolean): string {
  expect(result.stderr).toMatch(/^aitrail: warning: 1 blame cache entry was not sealed under this clone's key [^\n]*\n$/);
  if (json) {
    const { warnings, ...report } = JSON.parse(result.stdout);
    expect(warnings).toEqual([expect.stringMatching(SEAL_WARNING)]);
    return `${JSON.stringify(report, null, 2)}\n`;
  }
  return result.stdout.split('\n').filter((line) => !SEAL_WARNING.test(line)).join('\n');
}

/**
 * Run `body` with `dir` on a real full file system: a 64 KiB tmpfs mounted there, filled to the
 * last byte. Needs root (tests and CI run as root); returns false when mounting is not possible
 * here, so the caller skips loudly instead of passing silently.
 */
function withFullDisk(dir: string, body: () => void): boolean {
  mkdirSync(dir, { recursive: true });
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) return false;
  try {
    try {
      writeFileSync(join(dir, 'filler'), Buffer.alloc(1024 * 1024, 1));
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }
    body();
  } finally {
    execFileSync('umount', [dir]);
  }
  return true;
}

/** Every file under `dir`, as paths relative to it (the blame cache keeps entries in sub-folders). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort();
}

function skipLoudly(skip: (note?: string) => void): void {
  const note = 'SKIPPED: cannot mount a tmpfs here (not root?); the full-disk path is still covered by test/unit/atomic-write.test.ts';
  process.stderr.write(`\n*** ${note} ***\n`);
  skip(note);
}

describe('a full disk', () => {
  it('aitrail use: one line naming the file and the cause, exit 3, no temp file left', (context) => {
    const repo = makeRepo();
    const dir = join(repo.dir, '.git', 'aitrail');
    let result: ReturnType<typeof aitrail> | undefined;
    let left: string[] = [];
    const ran = withFullDisk(dir, () => {
      result = aitrail(repo.dir, ['use', 'claude-opus-4.6']);
      left = readdirSync(dir);
    });
    if (!ran) return skipLoudly(context.skip);
    expect(result!.code).toBe(3);
    expect(result!.stderr).toBe(`aitrail: cannot write ${join(dir, 'session.json')}: no space left on the device (ENOSPC); free some disk space and try again\n`);
    expect(result!.stdout).toBe('');
    expect(left).toEqual(['filler']);
  });

  it('blame still reports (the cache is optional) and leaves no temp file in the cache', (context) => {
    const repo = makeRepo();
    repo.commit('feat: a\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', { 'a.txt': 'one\ntwo\n' });
    const dir = join(repo.dir, '.git', 'aitrail', 'blame-cache');
    let result: ReturnType<typeof aitrail> | undefined;
    let left: string[] = [];
    const ran = withFullDisk(dir, () => {
      result = aitrail(repo.dir, ['blame', '--format', 'json']);
      left = filesUnder(dir);
    });
    if (!ran) return skipLoudly(context.skip);
    expect(result!.code).toBe(0);
    expect(JSON.parse(result!.stdout).totals).toMatchObject({ lines: 2, ai: 2 });
    // Sub-folders of the per-file cache may have been made; no entry and no temp file fit.
    expect(left).toEqual(['filler']);
  });
});

describe('a tampered blame cache entry', () => {
  it('is a miss: the report is computed again (no NaN%) and the entry rewritten', () => {
    const repo = makeRepo();
    repo.commit('feat: a\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', { 'a.txt': 'one\ntwo\n' });
    repo.commit('feat: b\n', { 'b.txt': 'three\n' });
    const fresh = aitrail(repo.dir, ['blame']);
    expect(fresh.code).toBe(0);
    const dir = join(repo.dir, '.git', 'aitrail', 'blame-cache');
    const [name] = readdirSync(dir).filter((entry) => entry.endsWith('.json')); // the whole-report entry
    const path = join(dir, name!);
    const good = readFileSync(path, 'utf8');
    const tamperings: ((entry: any) => void)[] = [
      (entry) => (entry.report.totals.lines = 'many'),
      (entry) => (entry.report.totals.ai = -1),
      (entry) => (entry.report.files[0].human = 1.5),
      (entry) => (entry.report.files[0].byModel = { 'anthropic/claude-opus-4.6': 99 }),
      (entry) => (entry.report.files = null),
      (entry) => delete entry.report.totals.byAgent,
    ];
    for (const tamper of tamperings) {
      const entry = JSON.parse(unsealed(good));
      tamper(entry);
      writeFileSync(path, JSON.stringify(entry));
      const again = aitrail(repo.dir, ['blame']);
      expect(again.stdout).not.toMatch(/NaN|Infinity/);
      expect(withoutSealWarning(again, false)).toBe(fresh.stdout);
      expect(readFileSync(path, 'utf8')).toBe(good);
    }
    writeFileSync(path, good.slice(0, 40)); // truncated
    expect(withoutSealWarning(aitrail(repo.dir, ['blame']), false)).toBe(fresh.stdout);
    expect(existsSync(path)).toBe(true);
  });
});

describe('a tampered per-file blame cache entry', () => {
  it('is a miss: that file is blamed again and the report equals a fresh one', () => {
    const repo = makeRepo();
    repo.commit('feat: a\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', { 'a.txt': 'one\ntwo\n' });
    repo.commit('feat: b\n', { 'b.txt': 'three\n' });
    const fresh = aitrail(repo.dir, ['blame', '--format', 'json']);
    expect(fresh.code).toBe(0);
    const dir = join(repo.dir, '.git', 'aitrail', 'blame-cache');
    const files = readdirSync(join(dir, 'files')).map((name) => join(dir, 'files', name));
    expect(files.length).toBe(2);
    const tamperings: ((entry: any) => void)[] = [
      (entry) => (entry.lines = 'many'),
      (entry) => (entry.lines = -1),
      (entry) => (entry.commits = null),
      (entry) => (entry.commits[0][1] = 1.5),
      (entry) => (entry.groups = [[0, 0, 1, 99]]),
      (entry) => (entry.key = 'another'),
    ];
    for (const path of files) {
      const good = readFileSync(path, 'utf8');
      for (const tamper of tamperings) {
        const entry = JSON.parse(unsealed(good));
        tamper(entry);
        writeFileSync(path, JSON.stringify(entry));
        // The whole-report entry would answer first: only the per-file entries are asked.
        for (const name of readdirSync(dir)) if (name.endsWith('.json')) rmSync(join(dir, name));
        const again = aitrail(repo.dir, ['blame', '--format', 'json']);
        expect(again.code).toBe(0);
        expect(again.stdout).not.toMatch(/NaN|Infinity/);
        expect(withoutSealWarning(again, true)).toBe(fresh.stdout);
      }
      writeFileSync(path, good.slice(0, 30)); // truncated
      for (const name of readdirSync(dir)) if (name.endsWith('.json')) rmSync(join(dir, name));
      expect(withoutSealWarning(aitrail(repo.dir, ['blame', '--format', 'json']), true)).toBe(fresh.stdout);
    }
  });
});
