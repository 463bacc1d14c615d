// Session 55 helper j (rows 1175, 1176): the twin search's patch ids (row 1056) and a merge's brought changes
// (row 1148) were read whole into node: `git log -p` / `git diff-tree -p` buffered (up to 1 GiB, then the judgement
// failed), then the diff replaced, split into lines, mapped and joined again before `git patch-id` read it: a push of a
// merge of an unrelated 5,000-file history (50 MB) held ~470 MB in the pre-receive hook, and each merge holding a refused
// change started its own `git diff-tree` and `git patch-id`. Found by measuring the hook with /usr/bin/time and strace on
// a real bare server. Now one `git log -p | git patch-id` and one `git diff-tree --stdin | git patch-id` pipeline per
// judgement, streamed through node a chunk at a time (at most 256 bytes held between chunks), verdicts unchanged.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { TEST_GIT_ENV } from '../helpers/gitdir.js';
import { PARSE } from '../helpers/laundered-twins.js';

const QWEN = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const DENY = { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' };

/** A folder holding a `git` that logs each run's arguments to `log`, then runs the real git. */
function loggingGit(): { path: string; log: string } {
  const dir = mkdtempSync(join(tmpdir(), 'aitrail-s55j-git-'));
  const real = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
  const log = join(dir, 'runs.log');
  writeFileSync(join(dir, 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${real}' "$@"\n`);
  chmodSync(join(dir, 'git'), 0o755);
  writeFileSync(log, '');
  return { path: `${dir}:${process.env.PATH ?? ''}`, log };
}

/** `aitrail check <range>` spawned with `env`: its exit code and output. */
function check(cwd: string, range: string, env: NodeJS.ProcessEnv = {}, time = false): { code: number; out: string; err: string } {
  const args = time ? ['-f', 'maxrss %M', process.execPath, BIN, 'check', range] : [BIN, 'check', range];
  const run = spawnSync(time ? '/usr/bin/time' : process.execPath, args, { cwd, env: { ...TEST_GIT_ENV, ...env }, encoding: 'utf8', timeout: 300_000 });
  return { code: run.status ?? -1, out: run.stdout, err: run.stderr };
}

describe('the twin search reads patches as a stream, in one pipeline (rows 1175, 1176)', () => {
  it("two merges of main holding a Qwen commit accepted before the deny: one git diff-tree for both, and check and pre-receive pass", () => {
    const { work } = policyServer('policy:\n  deny: ["anthropic/*"]\n');
    work.git(['branch', 'one']);
    work.git(['branch', 'two']);
    expect(commitWith(work, `feat: parse\n\n${QWEN}\n`, { 'src/parse.ts': PARSE }, { noVerify: true }).code).toBe(0);
    expect(commitWith(work, 'chore: deny qwen\n', DENY, { noVerify: true }).code).toBe(0);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']).code).toBe(0);
    for (const branch of ['one', 'two']) {
      work.git(['checkout', '-q', branch]);
      expect(commitWith(work, `feat: ${branch}\n`, { [`src/${branch}.ts`]: `export const ${branch} = 1;\n` }, { noVerify: true }).code).toBe(0);
      expect(tryGit(work.dir, ['merge', '-q', '--no-ff', '--no-edit', 'main']).code).toBe(0);
    }
    expect(tryGit(work.dir, ['merge', '-q', '--no-ff', '--no-edit', 'one']).code).toBe(0);
    const git = loggingGit();
    const checked = check(work.dir, 'origin/main..HEAD', { PATH: git.path });
    expect(checked.code, checked.out + checked.err).toBe(0);
    // The command after row 1207's `--git-dir=. -c core.attributesFile=… -c attr.tree=…` (no attributes of the content).
    const runs = readFileSync(git.log, 'utf8').split('\n').map((run) => run.replace(/^--git-dir=\. (?:-c \S+ )*/, ''));
    expect(runs.filter((run) => run.startsWith('diff-tree ')).length, runs.join('\n')).toBe(1);
    expect(runs.filter((run) => run.startsWith('patch-id ')).length, runs.join('\n')).toBe(2);
    const pushed = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:two'], { env: { PATH: git.path } });
    expect(pushed.code, pushed.stderr).toBe(0);
  });

  it.skipIf(!existsSync('/usr/bin/time'))('a merge of an unrelated 21 MB history holding a refused change passes check without holding its diff', () => {
    const { work } = policyServer('policy:\n  deny: ["anthropic/*"]\n');
    const files = 1_200;
    const blob = (at: number) => Array.from({ length: 320 }, (_, line) => `line ${line} of file ${at}, filler words of an imported history\n`).join('');
    const stream = [`commit refs/heads/big\ncommitter P <p@example.com> 1700000000 +0000\ndata 9\nimported\n`];
    for (let at = 0; at < files; at += 1) {
      const data = Buffer.from(blob(at));
      stream.push(`M 100644 inline lib/f${at}.txt\ndata ${data.length}\n${data.toString()}\n`);
    }
    expect(spawnSync('git', ['fast-import', '--quiet'], { cwd: work.dir, env: TEST_GIT_ENV, input: `${stream.join('')}\n` }).status).toBe(0);
    expect(tryGit(work.dir, ['merge', '-q', '--no-ff', '--no-edit', '--allow-unrelated-histories', 'big']).code).toBe(0);
    // `.aaa/parse.ts`: the merge's first path (the twin search asks one path of each commit past 16 of them, row 1149).
    expect(commitWith(work, `feat: parse\n\n${QWEN}\n`, { '.aaa/parse.ts': PARSE }, { noVerify: true }).code).toBe(0);
    expect(commitWith(work, 'chore: deny qwen\n', DENY, { noVerify: true }).code).toBe(0);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']).code).toBe(0);
    work.git(['checkout', '-q', '--orphan', 'mine']);
    work.git(['rm', '-rq', '--cached', '.']);
    work.git(['clean', '-fdxq']);
    expect(commitWith(work, 'feat: mine\n', { 'zz.txt': 'mine\n' }, { noVerify: true }).code).toBe(0);
    expect(tryGit(work.dir, ['merge', '-q', '--no-ff', '--no-edit', '--allow-unrelated-histories', 'main']).code).toBe(0);
    const checked = check(work.dir, 'origin/main..HEAD', {}, true);
    expect(checked.code, checked.out + checked.err).toBe(0);
    const rss = Number(/maxrss (\d+)/.exec(checked.err)?.[1]);
    // Measured: ~73 MB streamed; held whole it was ~309 MB (the diff, its replaced, split and joined copies).
    expect(rss, checked.err).toBeLessThan(160_000);
  });
});
