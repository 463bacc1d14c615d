import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blameReport } from '../../src/report/blame-report.js';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { quietFunction, stampedRepo } from '../helpers/shim-fast-path.js';

// row 1018: a blame cache directory restored from actions/cache (anyone who ran code in a
// workflow of the repository may have saved it) held entries under valid content keys whose
// counts were trusted: a forged whole report, a forged "who wrote this commit" or a forged
// per-file blame made `aitrail blame` say the AI wrote nothing. Entries are now sealed (an HMAC
// under AITRAIL_CACHE_SECRET or the clone's own .git/aitrail/cache-secret, never in the cache
// directory): a forged entry is a miss.

const CLAUDE = '\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n';
const lines = (tag: string, count: number) => Array.from({ length: count }, (_, index) => `${tag} line ${index}`).join('\n') + '\n';
const cacheOf = (dir: string) => join(dir, '.git', 'aitrail', 'blame-cache');

/** Every entry file under a cache directory (relative names). */
function entries(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.json') && statSync(join(dir, name)).isFile());
}

/** An entry's JSON, with or without the line that seals it. */
function entryJson(file: string): any {
  const text = readFileSync(file, 'utf8');
  return JSON.parse(/^[0-9a-f]{64}\n/.test(text) ? text.slice(65) : text);
}

/** A person's file and an agent's, the agent's commit a second one; and a clone of it (the CI checkout). */
function histories() {
  const repo = makeRepo();
  const human = repo.commit('human: start\n', { 'b.txt': lines('b', 10) });
  const ai = repo.commit(`ai: a${CLAUDE}`, { 'a.txt': lines('a', 12) });
  const clone = (): TestRepo => {
    const dir = tempDir();
    repo.git(['clone', '-q', '--no-local', repo.dir, dir]);
    return { ...repo, dir };
  };
  return { repo, human, ai, clone };
}

const blameJson = (dir: string, env: NodeJS.ProcessEnv = {}, extra: string[] = []) => {
  const result = aitrail(dir, ['blame', '--format', 'json', ...extra], { env });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
};

/** A run over a restored cache it cannot read: task s51x's one warning on stderr and in the report, the report otherwise as given (JSON text without `warnings`). */
const restoredJson = (dir: string, env: NodeJS.ProcessEnv = {}) => {
  const result = aitrail(dir, ['blame', '--format', 'json'], { env });
  expect(result.stderr).toMatch(/^aitrail: warning: \d+ blame cache entr(y was|ies were) not sealed under this clone's key [^\n]*\n$/);
  expect(result.code).toBe(0);
  const { warnings, ...report } = JSON.parse(result.stdout);
  expect(warnings).toHaveLength(1);
  return `${JSON.stringify(report, null, 2)}\n`;
};

/** The attacker's forgery of every entry of one kind in `dir` (plain JSON, as entries were); the others are removed, so these answer. */
function forge(dir: string, kind: 'report' | 'files' | 'commits', edit: (entry: any) => void) {
  for (const name of entries(dir)) {
    const file = join(dir, name);
    const isKind = kind === 'report' ? !name.includes('/') : name.startsWith(`${kind}/`);
    if (!isKind) {
      if (!name.startsWith('anchors/')) rmSync(file);
      continue;
    }
    const entry = entryJson(file);
    edit(entry);
    writeFileSync(file, JSON.stringify(entry));
  }
}

describe('a blame cache directory restored from elsewhere (row 1018)', () => {
  it('a forged whole report, commit attribution or per-file blame never makes a report lie', () => {
    const { human, ai, clone } = histories();
    // The attacker's run: a clone of the same history, its cache forged, saved as the cache CI restores.
    const attacker = clone();
    const truth = blameJson(attacker.dir, {}, ['--no-cache']);
    expect(JSON.parse(truth).totals).toMatchObject({ lines: 22, ai: 12 });
    const forgeries: [string, 'report' | 'files' | 'commits', (entry: any) => void][] = [
      [
        'a whole report',
        'report',
        (entry) => {
          const clear = (row: any) => Object.assign(row, { ai: 0, human: row.lines, byModel: {}, byAgent: {} });
          clear(entry.report.totals);
          entry.report.files.forEach(clear);
        },
      ],
      ['who wrote each commit', 'commits', (entry) => Object.keys(entry.commits).forEach((sha) => (entry.commits[sha] = -1))],
      ['what git blame said of a file', 'files', (entry) => (entry.commits = entry.commits.map(([sha, count]: [string, number]) => [sha === ai ? human : sha, count]))],
    ];
    for (const [what, kind, edit] of forgeries) {
      rmSync(cacheOf(attacker.dir), { recursive: true, force: true });
      blameJson(attacker.dir);
      forge(cacheOf(attacker.dir), kind, edit);
      // The CI run: a fresh checkout, the cache directory restored into it.
      const ci = clone();
      cpSync(cacheOf(attacker.dir), cacheOf(ci.dir), { recursive: true });
      expect(JSON.parse(restoredJson(ci.dir)).totals, what).toMatchObject({ lines: 22, ai: 12 });
      expect(blameJson(ci.dir), what).toBe(truth);
      // With a CI secret the attacker does not hold: the same.
      const secret = clone();
      cpSync(cacheOf(attacker.dir), cacheOf(secret.dir), { recursive: true });
      expect(restoredJson(secret.dir, { AITRAIL_CACHE_SECRET: 'the repository secret' }), what).toBe(truth);
    }
  });

  it('entries stay portable between clones that share AITRAIL_CACHE_SECRET; without it (a fork, another machine) they are misses', async () => {
    const { repo, clone } = histories();
    const run = async (dir: string, secret: string | undefined) => {
      const saved = process.env.AITRAIL_CACHE_SECRET;
      if (secret === undefined) delete process.env.AITRAIL_CACHE_SECRET;
      else process.env.AITRAIL_CACHE_SECRET = secret;
      try {
        const { report, cached, blamed } = await blameReport({ cwd: dir });
        return { json: JSON.stringify(report), cached, blamed };
      } finally {
        if (saved === undefined) delete process.env.AITRAIL_CACHE_SECRET;
        else process.env.AITRAIL_CACHE_SECRET = saved;
      }
    };
    const secret = 'the repository secret';
    const first = await run(repo.dir, secret);
    expect([first.cached, first.blamed]).toEqual([false, 2]);
    // A later CI run: another checkout, the cache directory restored, the same secret.
    const ci = clone();
    cpSync(cacheOf(repo.dir), cacheOf(ci.dir), { recursive: true });
    expect(await run(ci.dir, secret)).toEqual({ ...first, cached: true, blamed: 0 });
    // A new commit: only its file is blamed, the others are read from the restored entries.
    // (TestRepo's methods work in the repository they were made for: git -C the clone.)
    writeFileSync(join(ci.dir, 'c.txt'), lines('c', 3));
    repo.git(['-C', ci.dir, 'add', 'c.txt']);
    repo.git(['-C', ci.dir, 'commit', '-q', '-m', 'human: c']);
    const next = await run(ci.dir, secret);
    expect([next.cached, next.blamed]).toEqual([false, 1]);
    expect(next.json).toBe(JSON.stringify((await blameReport({ cwd: ci.dir, cache: false })).report));
    // Another secret, or none (a fork's pull request run has no secrets): every entry a miss, the report the same.
    for (const other of ['another secret', undefined]) {
      const fork = clone();
      cpSync(cacheOf(repo.dir), cacheOf(fork.dir), { recursive: true });
      // (a miss said in each report: task s51x's warning, once per run since task s52a)
      const { json, ...rest } = await run(fork.dir, other);
      const { warnings, ...report } = JSON.parse(json);
      expect({ ...rest, json: JSON.stringify(report) }).toEqual({ ...first, cached: false, blamed: 2 });
      expect(warnings?.length ?? 0).toBe(1);
    }
    // The clone's own key lives beside the cache directory, never in it (actions/cache does not carry it).
    const own = clone();
    await run(own.dir, undefined);
    expect(readdirSync(join(own.dir, '.git', 'aitrail'))).toContain('cache-secret');
    expect(readdirSync(cacheOf(own.dir), { recursive: true }).map(String).filter((name) => name.includes('secret'))).toEqual([]);
  });

  it("the clone's key beside the cache does not send a person's commit to node (the shims' fast path knows it)", () => {
    const repo = stampedRepo();
    blameJson(repo.dir);
    expect(readdirSync(join(repo.dir, '.git', 'aitrail')).sort()).toEqual(expect.arrayContaining(['blame-cache', 'cache-secret']));
    writeFileSync(join(repo.dir, '.git', 'CASE'), 'Fix the parser\n');
    const shim = readFileSync(join(import.meta.dirname, '..', '..', 'hooks', 'commit-msg'), 'utf8');
    writeFileSync(join(repo.dir, 'driver.sh'), `${quietFunction(shim)}\nGIT_AUTHOR_NAME=A GIT_AUTHOR_EMAIL=a@example.com; export GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL; aitrail_quiet .git/CASE && echo quiet\n`);
    const run = spawnSync('env', ['-i', 'PATH=/usr/bin:/bin', 'sh', 'driver.sh'], { cwd: repo.dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('quiet\n');
  });
});
