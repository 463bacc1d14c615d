// Session 51, task d: the shims' own cost on an AI commit.
// row 988: an AI commit's shim forked itself twice for `$(pwd -P)` (plantedEnv's walk above the top for a `.env`,
//   and aitrail_tp for the lookup's judging of node_modules/.bin/aitrail): each a copy of the shell that runs no program
//   (~0.3-0.5 ms of CPU). aitrail_phys now takes the shell's $PWD when it is absolute, plain (no `.`, `..`, `//`), names
//   this folder and has no link on the way, and asks `pwd -P` otherwise: the same path, no fork.
// row 989: aitrail_led read the first 64 lines of npm's node_modules/.bin/aitrail (aitrail's own bin, a node script)
//   for pnpm's sh-wrapper lines, one read(2) per byte in dash (~4,000 on every such AI commit); a file whose first
//   line is exactly `#!/usr/bin/env node` runs as JavaScript (no line of it leads the shell anywhere): only that line is read.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir, TEST_GIT_ENV } from '../helpers/gitdir.js';
import { npmCopiedRepo } from '../helpers/shim-fast-path.js';

const packageDir = resolve(fileURLToPath(import.meta.url), '../../..');
const hook = (name: string) => readFileSync(join(packageDir, 'hooks', name), 'utf8');

/** The aitrail_phys function as a shim defines it. */
function physFunction(): string {
  const text = hook('prepare-commit-msg');
  const start = text.indexOf('aitrail_phys() {');
  expect(start).toBeGreaterThan(0);
  return text.slice(start, text.indexOf('\n}\n', start) + 3);
}

const shells: string[][] = [['sh'], ['bash', '--norc', '--noprofile', '--posix']];
if (spawnSync('busybox', ['sh', '-c', 'exit 0']).status === 0) shells.push(['busybox', 'sh']);

/** What the shims now take for the top's physical path in `cwd` under `pwd` ($PWD): aitrail_phys's answer or `pwd -P`'s. */
function physicalTop(shell: string[], cwd: string, pwd: string | undefined): { phys: string; real: string } {
  const script = `${physFunction()}\nif aitrail_phys; then printf 'phys:%s\\n' "$aitrail_tq"; else echo phys:-; fi\nprintf 'real:%s\\n' "$(pwd -P)"\n`;
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH };
  if (pwd !== undefined) env.PWD = pwd;
  const run = spawnSync(shell[0]!, [...shell.slice(1), '-c', script], { cwd, env, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const [phys, real] = run.stdout.trim().split('\n');
  return { phys: phys!.slice(5), real: real!.slice(5) };
}

/**
 * An AI commit's prepare-commit-msg shim (AITRAIL_MODEL set) under strace (`what`), in a repository where aitrail is
 * installed as `npm i -D aitrail` leaves it: a copy in node_modules/aitrail, a relative .bin link, npm's hidden lockfile.
 */
function tracedAiCommit(what: string): { dir: string; lines: string[] } {
  const repo = npmCopiedRepo();
  const trace = join(tempDir('aitrail-phys-trace-'), 'trace');
  writeFileSync(join(repo.dir, '.git', 'COMMIT_EDITMSG'), 'Add a feature\n');
  const env = { ...TEST_GIT_ENV, AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code', PWD: repo.dir };
  const run = spawnSync('strace', [...(what.startsWith('trace=execve') ? ['-f'] : []), '-qq', '-e', what, '-o', trace, 'sh', '.git/hooks/prepare-commit-msg', '.git/COMMIT_EDITMSG', 'message'], {
    cwd: repo.dir,
    env,
    encoding: 'utf8',
    input: '',
  });
  expect(run.status, run.stderr).toBe(0);
  expect(readFileSync(join(repo.dir, '.git', 'COMMIT_EDITMSG'), 'utf8')).toContain('Assisted-by: claude-code:anthropic/claude-opus-4.6');
  return { dir: repo.dir, lines: readFileSync(trace, 'utf8').split('\n') };
}

describe('row 988: the top\'s physical path without a fork', () => {
  const base = tempDir('aitrail-phys-');
  const realTop = join(base, 'real', 'top');
  mkdirSync(join(realTop, 'sub'), { recursive: true });
  symlinkSync(join(base, 'real'), join(base, 'linked'));
  mkdirSync(join(base, 'other'));

  it.each(shells.map((shell) => [shell.join(' '), shell] as const))('%s: $PWD is taken only when it is the physical path; any other asks pwd -P', (_name, shell) => {
    // The plain physical path: taken.
    expect(physicalTop(shell, realTop, realTop)).toEqual({ phys: realTop, real: realTop });
    // Through a link (a person's shell came in by ~/linked): not taken; pwd -P answers.
    const through = physicalTop(shell, realTop, join(base, 'linked', 'top'));
    expect(through).toEqual({ phys: '-', real: realTop });
    // A stale or planted $PWD naming another folder, a `..`, a `.`, a trailing or doubled slash, a relative one: never taken.
    for (const pwd of [join(base, 'other'), `${realTop}/sub/..`, `${realTop}/.`, `${realTop}/`, realTop.replace('/real/', '/real//'), 'real/top', '']) {
      const answer = physicalTop(shell, realTop, pwd);
      expect(answer.real, pwd).toBe(realTop);
      expect([realTop, '-'], pwd).toContain(answer.phys);
    }
  });

  it('an AI commit (AITRAIL_MODEL set) with aitrail installed as npm installs it: the shim forks nothing that runs no program, and records the model', () => {
    if (spawnSync('strace', ['-V']).status !== 0) return;
    const { lines } = tracedAiCommit('trace=execve,clone,clone3,fork,vfork');
    const shell = /^(\d+) +execve\("[^"]*", \["sh", "\.git\/hooks\/prepare-commit-msg"/.exec(lines.find((line) => line.includes('"sh", ".git/hooks/prepare-commit-msg"')) ?? '')?.[1];
    expect(shell).toBeDefined();
    // The shell's children (clone and vfork results), and which of them ran a program.
    const children = lines.flatMap((line) => {
      const match = new RegExp(`^${shell} +(?:clone|fork|vfork)\\(.*\\) = (\\d+)$`).exec(line) ?? new RegExp(`^${shell} +<\\.\\.\\. (?:clone|fork|vfork) resumed>.*\\) = (\\d+)$`).exec(line);
      return match ? [match[1]!] : [];
    });
    const ran = new Set(lines.flatMap((line) => /^(\d+) +execve\(/.exec(line)?.[1] ?? []));
    expect(children.length).toBeGreaterThan(0);
    // The lookup judged the npm copy (npm's record read by grep) and started node: so it reached aitrail_tp.
    expect(lines.some((line) => line.includes('execve("') && line.includes('"grep"') && line.includes('.package-lock.json'))).toBe(true);
    expect(children.filter((pid) => !ran.has(pid))).toEqual([]);
  });

  it('row 989: the same commit reads only the first line of npm\'s node_modules/.bin/aitrail before the one that runs it', () => {
    if (spawnSync('strace', ['-V']).status !== 0) return;
    const { dir, lines } = tracedAiCommit('trace=openat,read,dup2,close');
    const judged = lines.findIndex((line) => line.includes('openat(AT_FDCWD, "node_modules/.bin/aitrail"'));
    expect(judged, dir).toBeGreaterThan(0);
    // Reads of standard input, where the shell's `read <file` put the file (dup2(<file>, 0)), until it is given back (the next dup2(<saved>, 0)).
    let reads = 0;
    let redirected = 0;
    for (const line of lines.slice(judged + 1)) {
      if (/^dup2\(\d+, 0\)/.test(line) && ++redirected === 2) break;
      if (redirected === 1 && line.startsWith('read(0,')) reads++;
    }
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThanOrEqual('#!/usr/bin/env node\n'.length);
  });
});
