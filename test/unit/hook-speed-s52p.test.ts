// Session 52 (p), the speed of an AI commit's message hooks (issue 12 item 2), row 1054. Speed only:
// what is shown and what is read stay the same, which the differential cases below hold.
// 1. sanitize() and escapeUnsafe() made and ran unsafeChars(), whose `\p{Default_Ignorable_Code_Point}`
//    class is read through ICU when it is made, for every text: an agent's commit-msg made it for its one
//    all-ASCII `unknown-model` warning (a commit naming its model, for `undeclared`). A text of printable
//    ASCII alone holds none of its characters and is now shown as it is, with no expression run.
// 2. comment-char.ts's surelyUnset stat'ed each config file git reads before reading it: a file that is
//    there made node's first Stats object of the run (~0.2 ms of CPU). One that is there is now read
//    straight (existsSync); one that is not is still stat'ed (no Stats object: no exception either).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { escapeUnsafe, sanitize, unsafeChars } from '../../src/core/sanitize.js';
import { makeRepo } from '../helpers/gitdir.js';

const originalReplace = RegExp.prototype[Symbol.replace];
afterEach(() => {
  RegExp.prototype[Symbol.replace] = originalReplace;
});

/** The expressions `run` replaced with (RegExp.prototype[Symbol.replace] wrapped, restored after). */
function replacedWith(run: () => void): string[] {
  const ran: string[] = [];
  RegExp.prototype[Symbol.replace] = function (this: RegExp, ...args: Parameters<typeof originalReplace>) {
    ran.push(this.source);
    return originalReplace.apply(this, args);
  } as typeof originalReplace;
  try {
    run();
  } finally {
    RegExp.prototype[Symbol.replace] = originalReplace;
  }
  return ran;
}

const WARNING = 'AI agent claude-code contributed but its model is not identified (env CLAUDECODE="1") (policy.unknownModel); AITRAIL_QUIET=1 hides warnings.';

describe('sanitize of printable ASCII runs no Unicode-property expression (row 1054: speed only)', () => {
  it("an agent's unknown-model warning and a commit's undeclared one are shown as they are, unsafeChars() never run", () => {
    const undeclared = 'AI commit not declared: env AITRAIL_MODEL="anthropic/claude-sonnet-4-5" points to anthropic/claude-sonnet-4.5, but the commit has no \'Assisted-by\' trailer (policy.undeclared); AITRAIL_QUIET=1 hides warnings.';
    const ran = replacedWith(() => {
      expect(sanitize(WARNING)).toBe(WARNING);
      expect(sanitize(undeclared, { keepNewlines: true })).toBe(undeclared);
      expect(escapeUnsafe(WARNING)).toBe(WARNING);
    });
    expect(ran.filter((source) => source.includes('\\p{'))).toEqual([]);
  });

  it('no printable ASCII character is in the set, so the shortcut shows what the expression would have shown', () => {
    for (let code = 0x20; code <= 0x7e; code += 1) expect([code, new RegExp(unsafeChars().source, 'u').test(String.fromCharCode(code))]).toEqual([code, false]);
  });

  it('every code point up to U+FFFF, and the astral ones the set names, between ASCII: escaped exactly when the set holds it', () => {
    const points: number[] = [];
    for (let code = 0; code <= 0xffff; code += 1) points.push(code);
    points.push(0x1d173, 0x1d17a, 0x1bca0, 0xe0000, 0xe0041, 0xe007f, 0xe0080, 0xe0100, 0xe01ef, 0xe01f0, 0xe0fff, 0x1f916, 0x10ffff);
    const unsafe = new RegExp(unsafeChars().source, 'u');
    for (const code of points) {
      const char = String.fromCodePoint(code);
      const text = `a${char}b`;
      // Kept as it is exactly when the set does not hold it (a lone surrogate is no character of it either).
      const kept = !unsafe.test(char);
      if ((sanitize(text) === text) !== kept || (escapeUnsafe(text) === text) !== kept) expect([code, sanitize(text), escapeUnsafe(text)]).toEqual([code, kept ? text : 'escaped', kept ? text : 'escaped']);
    }
  });

  it('runner openers and a kept line start are still shown escaped in all-ASCII text', () => {
    expect(sanitize('##[add-mask]x ##vso[task] ##VSO[y]')).toBe('##\\x5badd-mask]x ##vso\\x5btask] ##VSO\\x5by]');
    expect(sanitize('##[error]x', { insideRunnerCommand: true })).toBe('##[error]x');
    expect(sanitize('  ::add-mask::secret', { keepNewlines: true })).toBe('  \\x3a:add-mask::secret');
    expect(sanitize('::add-mask::secret')).toBe('::add-mask::secret');
    expect(sanitize('x'.repeat(20), { max: 10 })).toBe(`${'x'.repeat(10)}\u2026`);
  });
});

describe("the comment-prefix question reads the config files without a stat of those that are there (row 1054: speed only)", () => {
  /** A repository with a home of its own (a global config file in it) and no system file. */
  function repoWithHome(localConfig = '') {
    const repo = makeRepo();
    repo.commit('start\n', { 'a.txt': 'a\n' });
    const home = join(repo.dir, '.git', 'home');
    mkdirSync(home);
    writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = A Person\n');
    if (localConfig) execFileSync('sh', ['-c', `printf '%s' "$1" >> .git/config`, 'sh', localConfig], { cwd: repo.dir });
    return { dir: repo.dir, gitDir: join(repo.dir, '.git'), env: { HOME: home, GIT_CONFIG_NOSYSTEM: '1', PATH: process.env.PATH } };
  }

  /** commentCharFor from the built module in a node of its own, every statSync that found a file counted, and each git it started (a `git` first on PATH that logs and runs the real one). */
  function commentCharCounted(repo: ReturnType<typeof repoWithHome>): { char: string; stated: string[]; gits: number } {
    const bin = join(repo.gitDir, 'logging-bin');
    mkdirSync(bin);
    const log = join(bin, 'started');
    writeFileSync(log, '');
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(join(bin, 'git'), `#!/bin/sh\necho git >>'${log}'\nexec '${realGit}' "$@"\n`, { mode: 0o755 });
    const script = `
      const fs = require('node:fs');
      const stated = [];
      const statSync = fs.statSync;
      fs.statSync = function (path, options) { const found = statSync.call(this, path, options); if (found !== undefined) stated.push(String(path)); return found; };
      require('node:module').syncBuiltinESMExports();
      const [module, dir, gitDir, env] = process.argv.slice(1);
      import(module).then((m) => {
        const char = m.commentCharFor(dir, 'Add a feature\\n', { gitDir, env: JSON.parse(env) });
        process.stdout.write(JSON.stringify({ char, stated }));
      });`;
    const module = resolve('dist/hooks/comment-char.js');
    const out = execFileSync(process.execPath, ['-e', script, module, repo.dir, repo.gitDir, JSON.stringify(repo.env)], { cwd: repo.dir, env: { ...repo.env, PATH: `${bin}:${process.env.PATH ?? ''}` }, encoding: 'utf8' });
    return { ...(JSON.parse(out) as { char: string; stated: string[] }), gits: readFileSync(log, 'utf8').split('\n').filter(Boolean).length };
  }

  it('a plain repository: the default prefix, and no config file that is there stat\'ed', () => {
    const repo = repoWithHome();
    expect(commentCharCounted(repo)).toEqual({ char: '#', stated: [], gits: 0 });
  });

  it('a prefix set in the repository is still read (by git), and a config.worktree that is a folder still sends the question to git', () => {
    expect(commentCharCounted(repoWithHome('[core]\n\tcommentChar = %\n'))).toMatchObject({ char: '%', gits: 1 });
    const folder = repoWithHome();
    mkdirSync(join(folder.gitDir, 'config.worktree'));
    // The default either way: only the git process says the folder was doubt, not taken for a file that sets nothing.
    expect(commentCharCounted(folder)).toMatchObject({ char: '#', gits: 1 });
  });
});
