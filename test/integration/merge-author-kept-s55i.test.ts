// Session 55 helper i (row 1184): a person's merge commit (git exports no GIT_AUTHOR_* to a merge's
// hooks) cost 0.31-0.36x `node -e 0` (bench/hooks.bench.js, "no GIT_AUTHOR_* exported"), not 0.3x: each merge's
// prepare-commit-msg asked `git var GIT_AUTHOR_IDENT` (found with strace -f of the bench's merge: the one process
// the shims started). The answer is now kept across git processes (<git dir>/aitrail/fast-path/author-ident,
// src/install/fast-path.ts mergeIdentFunction) while the config files it came from stay as they were: a
// person's merges ask git var once per config change. What is true: no merge decides other than a fresh
// `git var` would have let it decide (the differential below: every merge made twice, with the kept answer
// and without it, through the real hooks `init` installs), and every change to what git var reads is read
// again: the repository's, the global and the XDG config, a global file created however it is dated, an
// older-dated file moved over it, EMAIL, HOME, `git -c`, an include.
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTHOR_IDENT_AT_FILE, AUTHOR_IDENT_FILE } from '../../src/install/fast-path.js';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';
import { hookedRepo, mergeNewSide } from '../helpers/hooked-repo.js';

const OLD = new Date('2001-02-03T04:05:06Z');

/** A person's hooked repository, a home of its own (its ~/.gitconfig read: no GIT_CONFIG_GLOBAL), no GIT_AUTHOR_*, GIT_TRACE noting each git process. */
function setup() {
  const { repo, env, started } = hookedRepo();
  const home = tempDir('aitrail-home-');
  const runs = join(tempDir('aitrail-git-runs-'), 'trace');
  const fastPath = join(repo.dir, '.git', 'aitrail', 'fast-path');
  const kept = join(fastPath, AUTHOR_IDENT_FILE);
  const at = join(fastPath, AUTHOR_IDENT_AT_FILE);
  const base: NodeJS.ProcessEnv = { ...env, HOME: home, GIT_CONFIG_GLOBAL: undefined, XDG_CONFIG_HOME: undefined, EMAIL: undefined, GIT_AUTHOR_NAME: undefined, GIT_AUTHOR_EMAIL: undefined, GIT_TRACE: runs };
  repo.git(['config', 'user.name', 'Jane Doe']);
  repo.git(['config', 'user.email', 'jane@example.com']);
  let sides = 0;
  /** A merge of a new side branch (one commit ahead, made without hooks): which hooks started node, how many `git var`, the merge's author and message. */
  const merge = (extra: NodeJS.ProcessEnv = {}, before: string[] = []) => {
    sides += 1;
    writeFileSync(runs, '');
    writeFileSync(started, '');
    mergeNewSide(repo, `side${sides}`, { ...base, ...extra }, before);
    const trace = readFileSync(runs, 'utf8').split('\n');
    return {
      gitVar: trace.filter((line) => / built-in: git var GIT_AUTHOR_IDENT$/.test(line)).length,
      started: readFileSync(started, 'utf8').split('\n').filter(Boolean).map((line) => line.split(' ')[1]),
      // The side branch's name aside (each merge has its own).
      made: repo.git(['log', '-1', '--format=%an <%ae>%n%B']).replace(/side\d+/g, 'side'),
    };
  };
  return { repo, home, kept, at, merge };
}

describe("a person's merges ask git var once per config change (row 1184)", () => {
  it('one git var for the first merge, none for the next ones; a config change is read again and an agent there reaches node', () => {
    const { repo, kept, merge } = setup();
    const first = merge();
    expect(first).toMatchObject({ gitVar: 1, started: [] });
    expect(readFileSync(kept, 'utf8')).toMatch(/^aitrail [^\n]+\n[^\n]+\n[^\n]*\nJane Doe <jane@example\.com> \d+ [+-]\d{4}\n$/);
    for (let i = 0; i < 2; i += 1) expect(merge()).toMatchObject({ gitVar: 0, started: [] });
    repo.git(['config', 'user.name', 'Claude']);
    const byClaude = merge();
    expect(byClaude.gitVar).toBeGreaterThanOrEqual(1);
    expect(byClaude.started).toEqual(expect.arrayContaining(['prepare-commit-msg']));
    expect(byClaude.made).toMatch(/^Claude <jane@example\.com>\n/);
    repo.git(['config', 'user.name', 'Jane Doe']);
    expect(merge()).toMatchObject({ gitVar: 1, started: [] });
    expect(merge()).toMatchObject({ gitVar: 0, started: [] });
  });

  it('a global config created dated long ago, an older file moved over it, HOME, EMAIL and git -c are read again', () => {
    const { repo, home, merge } = setup();
    // The name from the XDG file (read before ~/.gitconfig, which wins over it), the address from the repository's.
    repo.git(['config', '--unset', 'user.name']);
    mkdirSync(join(home, '.config', 'git'), { recursive: true });
    writeFileSync(join(home, '.config', 'git', 'config'), '[user]\n\tname = Jane Doe\n');
    expect(merge()).toMatchObject({ gitVar: 1, started: [] });
    expect(merge()).toMatchObject({ gitVar: 0, started: [] });
    // Created dated long ago (tar, cp -p): that it exists now is the change.
    const global = join(home, '.gitconfig');
    writeFileSync(global, '[user]\n\tname = Claude\n');
    utimesSync(global, OLD, OLD);
    const byClaude = merge();
    expect(byClaude.started).toEqual(expect.arrayContaining(['prepare-commit-msg']));
    expect(byClaude.made).toMatch(/^Claude </);
    rmSync(global);
    expect(merge().started).toEqual([]);
    expect(merge()).toMatchObject({ gitVar: 0, started: [] });
    writeFileSync(global, '[core]\n\tpager = less\n');
    expect(merge().gitVar).toBe(1);
    expect(merge().gitVar).toBe(0);
    // An older-dated file moved over it: the folder it is in changed.
    const elsewhere = join(tempDir('aitrail-elsewhere-'), 'gitconfig');
    writeFileSync(elsewhere, '[user]\n\tname = Codex\n');
    utimesSync(elsewhere, OLD, OLD);
    renameSync(elsewhere, global);
    expect(statSync(global).mtimeMs).toBe(OLD.getTime());
    const byCodex = merge();
    expect(byCodex.started).toEqual(expect.arrayContaining(['prepare-commit-msg']));
    expect(byCodex.made).toMatch(/^Codex </);
    rmSync(global);
    expect(merge().started).toEqual([]);
    // Another home, another EMAIL: another key.
    expect(merge({ HOME: tempDir('aitrail-home-') }).gitVar).toBe(1);
    expect(merge({ EMAIL: 'someone@example.com' }).gitVar).toBe(1);
    // git -c: never kept nor taken.
    const byAider = merge({}, ['-c', 'user.name=Alice (aider)']);
    expect(byAider.started).toEqual(expect.arrayContaining(['prepare-commit-msg']));
    expect(byAider.made).toContain('Assisted-by: aider:unknown');
  });

  it('an include, or a name the config does not set, is never kept: git var each merge, no git config after the first', () => {
    const { repo, home, kept, merge } = setup();
    const included = join(home, 'identity');
    writeFileSync(included, '[user]\n\tname = Jane Doe\n');
    repo.git(['config', 'include.path', included]);
    expect(merge().gitVar).toBe(1);
    expect(readFileSync(kept, 'utf8')).toMatch(/\n\n-\n$/);
    // The included file changes; the repository's config does not.
    writeFileSync(included, '[user]\n\tname = Claude\n');
    utimesSync(included, OLD, OLD);
    const byClaude = merge();
    expect(byClaude.gitVar).toBeGreaterThanOrEqual(1);
    expect(byClaude.started).toEqual(expect.arrayContaining(['prepare-commit-msg']));
    repo.git(['config', '--unset', 'include.path']);
    repo.git(['config', '--unset', 'user.email']);
    // No address set in the config: git makes one (EMAIL, the host's name), which the kept answer would not follow.
    expect(merge({ EMAIL: 'jane@example.com' }).gitVar).toBe(1);
    expect(readFileSync(kept, 'utf8')).toMatch(/\n\n-\n$/);
    expect(merge({ EMAIL: 'jane@example.com' }).gitVar).toBe(1);
  });

  it('differential: each merge decides with the kept answer as a fresh git var lets it (seeded config changes)', () => {
    const { repo, home, kept, at, merge } = setup();
    const names = ['Jane Doe', 'Claude', 'Robert Smith', 'Claude Opus 4.5', 'Cursor Agent', 'Devin AI', 'Ann Lee'];
    const xdg = join(home, '.config', 'git');
    mkdirSync(xdg, { recursive: true });
    let seed = 55;
    const pick = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor(seed / 65536) % n;
    };
    const changes: Array<[string, () => void]> = [
      ['repository name', () => repo.git(['config', 'user.name', names[pick(names.length)]])],
      ['repository email', () => repo.git(['config', 'user.email', pick(2) === 0 ? 'jane@example.com' : 'noreply@anthropic.com'])],
      ['global file', () => writeFileSync(join(home, '.gitconfig'), `[user]\n\tname = ${names[pick(names.length)]}\n`)],
      ['global file created dated long ago', () => {
        rmSync(join(home, '.gitconfig'), { force: true });
        writeFileSync(join(home, '.gitconfig'), `[user]\n\tname = ${names[pick(names.length)]}\n`);
        utimesSync(join(home, '.gitconfig'), OLD, OLD);
      }],
      ['xdg file', () => writeFileSync(join(xdg, 'config'), `[user]\n\tname = ${names[pick(names.length)]}\n`)],
      ['repository author name', () => repo.git(['config', 'author.name', names[pick(names.length)]])],
      ['repository author name unset', () => tryGit(repo.dir, ['config', '--unset-all', 'author.name'])],
      ['no global files', () => {
        rmSync(join(home, '.gitconfig'), { force: true });
        rmSync(join(xdg, 'config'), { force: true });
      }],
      ['repository name unset', () => tryGit(repo.dir, ['config', '--unset-all', 'user.name'])],
      ['nothing', () => undefined],
    ];
    const seen = { kept: 0, asked: 0, node: 0 };
    for (let step = 0; step < 24; step += 1) {
      const [what, change] = changes[pick(changes.length)];
      change();
      // The kept files as they stand (the moment's file with its time): a merge without them first, then with them given back.
      const keptText = (() => { try { return readFileSync(kept, 'utf8'); } catch { return null; } })();
      const atStat = (() => { try { return { text: readFileSync(at, 'utf8'), mtime: statSync(at).mtime }; } catch { return null; } })();
      rmSync(kept, { force: true });
      rmSync(at, { force: true });
      const fresh = merge();
      repo.git(['reset', '-q', '--hard', 'HEAD~1']);
      rmSync(kept, { force: true });
      rmSync(at, { force: true });
      if (keptText !== null) writeFileSync(kept, keptText);
      if (atStat !== null) {
        writeFileSync(at, atStat.text);
        utimesSync(at, atStat.mtime, atStat.mtime);
      }
      const withKept = merge();
      expect(withKept.started, `step ${step} (${what})`).toEqual(fresh.started);
      expect(withKept.made, `step ${step} (${what})`).toBe(fresh.made);
      if (withKept.gitVar === 0) seen.kept += 1;
      else seen.asked += 1;
      if (withKept.started.length > 0) seen.node += 1;
    }
    // The sequence holds merges decided by the kept answer, merges that asked again, and agents that reached node.
    expect(seen.kept).toBeGreaterThan(0);
    expect(seen.asked).toBeGreaterThan(0);
    expect(seen.node).toBeGreaterThan(0);
  });

  it('the same under husky v9 and a core.hooksPath of its own (init installs there)', () => {
    for (const mode of ['husky', 'hooksPath'] as const) {
      const repo = makeRepo();
      const bin = join(tempDir('aitrail-counted-'), 'bin');
      mkdirSync(bin);
      const log = join(bin, 'started');
      const real = hookedRepo().env.PATH ?? '';
      writeFileSync(join(bin, 'aitrail'), `#!/bin/sh\n[ "$1" = hook ] && printf '%s\\n' "$2" >>'${log}'\nPATH='${real}' exec aitrail "$@"\n`);
      chmodSync(join(bin, 'aitrail'), 0o755);
      const runs = join(tempDir('aitrail-git-runs-'), 'trace');
      const env: NodeJS.ProcessEnv = { PATH: `${bin}:${real}`, HOME: tempDir('aitrail-home-'), GIT_CONFIG_GLOBAL: undefined, GIT_AUTHOR_NAME: undefined, GIT_AUTHOR_EMAIL: undefined, GIT_TRACE: runs };
      if (mode === 'husky') repo.write('package.json', '{"name":"p","devDependencies":{"husky":"^9.1.7"}}\n');
      if (mode === 'hooksPath') repo.git(['config', 'core.hooksPath', 'custom-hooks']);
      repo.commit('start\n', { 'a.txt': 'a\n' });
      const init = aitrail(repo.dir, ['init'], { env: { PATH: env.PATH } });
      expect(init.code, init.stderr).toBe(0);
      repo.git(['config', 'user.name', 'Jane Doe']);
      repo.git(['config', 'user.email', 'jane@example.com']);
      let sides = 0;
      const merge = () => {
        sides += 1;
        writeFileSync(runs, '');
        writeFileSync(log, '');
        mergeNewSide(repo, `side${sides}`, env);
        return {
          gitVar: readFileSync(runs, 'utf8').split('\n').filter((line) => / built-in: git var GIT_AUTHOR_IDENT$/.test(line)).length,
          started: readFileSync(log, 'utf8').split('\n').filter(Boolean),
        };
      };
      // The first merge may start node once (init's stamp is for the config as committed); then one git var, then none.
      merge();
      expect(merge(), mode).toMatchObject({ started: [] });
      expect(merge(), mode).toEqual({ gitVar: 0, started: [] });
      repo.git(['config', 'user.name', 'Claude']);
      expect(merge().started, mode).toEqual(expect.arrayContaining(['prepare-commit-msg']));
    }
  });
});
