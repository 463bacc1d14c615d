import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { installHooks, project, tryGit } from '../helpers/enforce-repos.js';
import { TEST_GIT_ENV } from '../helpers/gitdir.js';

// A repository's own detect.rules pattern with catastrophic backtracking: in a backtracking
// engine, `^(a+)+$` against "aaa…a!" takes 2^n steps (45 characters: hours). aitrail runs user
// patterns in a linear-time engine, so every command and hook answers.
const CONFIG = 'policy:\n  deny: ["acme/*"]\ndetect:\n  rules:\n    - { field: authorName, pattern: "^(a+)+$", agent: acme-bot, model: acme/coder-2 }\n';
const EVIL_45 = `${'a'.repeat(44)}!`;
const EVIL_4096 = `${'a'.repeat(4095)}!`;
const BOT = 'a'.repeat(45);
/** Kills a run that hangs (the bug) so the test fails instead of hanging: the assertions are on the result. */
const KILL_AFTER_MS = 240_000;

function run(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...TEST_GIT_ENV, ...env }, encoding: 'utf8', timeout: KILL_AFTER_MS, maxBuffer: 1 << 28 });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

const as = (name: string) => ({ GIT_AUTHOR_NAME: name, GIT_COMMITTER_NAME: name });

describe('user regexes cannot hang anything', () => {
  it('log, check and blame answer with ^(a+)+$ against 45- and 4,096-character authors', { timeout: 900_000 }, () => {
    const { work, base } = project(CONFIG, { hooks: [] });
    const human45 = work.commit('feat: by a person\n', { 'h45.txt': 'one\ntwo\n' }, as(EVIL_45));
    const human4096 = work.commit('feat: by another person\n', { 'h4096.txt': 'three\n' }, as(EVIL_4096));
    const bot = work.commit('feat: by the bot\n', { 'bot.txt': 'four\nfive\nsix\n' }, as(BOT));

    const log = run(work.dir, ['log', `${base}..HEAD`, '--format', 'json']);
    expect(log.signal).toBeNull();
    expect(log.code).toBe(0);
    const commits = JSON.parse(log.stdout) as { sha: string; ai: boolean; attributions: { agent: string; model: string }[] }[];
    expect(commits.map((commit) => [commit.sha, commit.ai])).toEqual([
      [bot, true],
      [human4096, false],
      [human45, false],
    ]);
    expect(commits[0]!.attributions.map((a) => `${a.agent}:${a.model}`)).toEqual(['acme-bot:acme/coder-2']);

    const check = run(work.dir, ['check', `${base}..HEAD`, '--format', 'json']);
    expect(check.signal).toBeNull();
    expect(check.code).toBe(1);
    const verdict = JSON.parse(check.stdout) as { ok: boolean; commits: number; violations: { sha: string; model: string }[] };
    expect(verdict.commits).toBe(3);
    expect([...new Set(verdict.violations.map((violation) => `${violation.sha}:${violation.model}`))]).toEqual([`${bot}:acme/coder-2`]);

    const blame = run(work.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(blame.signal).toBeNull();
    expect(blame.code).toBe(0);
    const report = JSON.parse(blame.stdout) as { totals: { ai: number; byModel: Record<string, number> }; files: { path: string; ai: number; human: number }[] };
    expect(report.totals.ai).toBe(3);
    expect(report.totals.byModel).toEqual({ 'acme/coder-2': 3 });
    expect(report.files.find((file) => file.path === 'h45.txt')).toMatchObject({ ai: 0, human: 2 });
  });

  it('the commit hooks answer too: a person named aaa…a! commits, the bot (denied) is refused', { timeout: 900_000 }, () => {
    const { work, base } = project(CONFIG, { hooks: [] });
    installHooks(join(work.dir, '.git', 'hooks'), ['prepare-commit-msg', 'commit-msg']);
    for (const name of [EVIL_45, EVIL_4096]) {
      work.write(`${name.length}.txt`, 'x\n');
      work.git(['add', '-A']);
      // Twice: a cold and then a warm config cache (the cached config is data; its rules are compiled again).
      for (const round of [1, 2]) {
        const result = spawnSync('git', ['commit', '-q', '--allow-empty', '-m', `feat: ${name.length} round ${round}`], { cwd: work.dir, env: { ...TEST_GIT_ENV, ...as(name) }, encoding: 'utf8', timeout: KILL_AFTER_MS });
        expect(result.signal).toBeNull();
        expect(result.status).toBe(0);
      }
    }
    expect(work.git(['rev-list', '--count', `${base}..HEAD`])).toBe('4');
    const refused = tryGit(work.dir, ['commit', '-q', '--allow-empty', '-m', 'feat: bot'], { env: as(BOT) });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('acme/coder-2');
    expect(work.git(['log', '-1', '--format=%an'])).toBe(EVIL_4096);
  });

  it('a pattern that needs backtracking (a backreference) is refused at config load with exit 2', () => {
    const { work } = project('detect:\n  rules:\n    - { field: authorName, pattern: "^(a)\\\\1$", agent: acme-bot }\n');
    const result = run(work.dir, ['log', '--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('.aitrailrc.yml: detect.rules[0].pattern: found "^(a)\\\\1$", expected a regular expression that runs in linear time (RE2 syntax): backreferences (\\1) are not supported');
  });
});
