// Session 49, task c: a person's merge (git exports no GIT_AUTHOR_* to its hooks) asked `git var GIT_AUTHOR_IDENT`
// in both message shims, prepare-commit-msg and commit-msg: one git process each (0.32x `node -e 0` for the merge).
// prepare-commit-msg now keeps its answer for the commit-msg of the same git process (src/install/fast-path.ts
// mergeIdentFunction): one `git var` a merge. Real merges through the shims `init` installs, GIT_TRACE noting
// every git process; the decisions stay node's: an agent's identity still starts node, a config changed
// between the two hooks is read again.
import { chmodSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { tempDir } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

/** A person's repository (git hooks), branches one commit ahead to merge, and GIT_TRACE noting every git command. */
function setup() {
  const { repo, env, started } = hookedRepo();
  // Every git process, the hooks' too, notes its command there (git puts its exec-path first on the hooks' PATH: a wrapper would not be run).
  const runs = join(tempDir('aitrail-git-runs-'), 'trace');
  const side = (name: string) => {
    repo.git(['checkout', '-q', '-b', name]);
    repo.commit(`Work on ${name}\n`, { [`${name}.txt`]: `${name}\n` });
    repo.git(['checkout', '-q', 'main']);
    repo.commit(`Main after ${name}\n`, { [`main-${name}.txt`]: 'm\n' });
  };
  // A person whose shell exports no GIT_AUTHOR_*: git takes the author from user.name and user.email.
  repo.git(['config', 'user.name', 'Jane Doe']);
  repo.git(['config', 'user.email', 'jane@example.com']);
  // An include (of no file) keeps the answer kept across git processes (row 1184, merge-author-kept-s55i.test.ts) out: this file holds the one of the same process.
  repo.git(['config', 'include.path', 'no-such-file']);
  const noAuthor = { ...env, GIT_TRACE: runs, GIT_AUTHOR_NAME: undefined, GIT_AUTHOR_EMAIL: undefined };
  const merge = (args: string[], extra: NodeJS.ProcessEnv = {}) => {
    writeFileSync(runs, '');
    writeFileSync(started, '');
    const result = tryGit(repo.dir, args, { env: { ...noAuthor, ...extra } });
    const lines = readFileSync(runs, 'utf8').split('\n');
    return { ...result, gitVar: lines.filter((line) => / built-in: git var GIT_AUTHOR_IDENT$/.test(line)).length, started: readFileSync(started, 'utf8').split('\n').filter(Boolean).map((line) => line.split(' ')[1]) };
  };
  return { repo, side, merge };
}

describe("a person's merge asks git var once for both message hooks (task s49c)", () => {
  it('one git var a merge with no GIT_AUTHOR_*, no node; the kept answer is read once', () => {
    const { repo, side, merge } = setup();
    side('side');
    const made = merge(['merge', '-q', '--no-ff', '--no-edit', 'side']);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toBe('');
    expect(made.started).toEqual([]);
    expect(made.gitVar).toBe(1);
    expect(repo.git(['log', '-1', '--format=%an <%ae>%n%B'])).toBe("Jane Doe <jane@example.com>\nMerge branch 'side'");
    // commit-msg emptied what it read: no later hook of any process reads it again.
    expect(readFileSync(join(repo.dir, '.git', 'aitrail', 'fast-path', 'merge-ident'), 'utf8')).toBe('');
    // The next merge asks again, once.
    side('side2');
    const again = merge(['merge', '-q', '--no-ff', '--no-edit', 'side2']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.gitVar).toBe(1);
  });

  it("a kept answer is read only by its own git process's commit-msg: another's key, a link, are asked again", () => {
    const { repo, side, merge } = setup();
    const kept = join(repo.dir, '.git', 'aitrail', 'fast-path', 'merge-ident');
    side('side');
    // Left by an earlier process (or written by hand): its key is not this merge's; prepare-commit-msg writes its own over it.
    writeFileSync(kept, 'aitrail 0.1.0\n1 2 x\nClaude <noreply@anthropic.com> 1 +0000\n');
    const made = merge(['merge', '-q', '--no-ff', '--no-edit', 'side']);
    expect(made.code, made.stderr).toBe(0);
    expect(made.gitVar).toBe(1);
    expect(made.started).toEqual([]);
    // A symbolic link there is neither followed nor read: both hooks ask git var, the link's target stays as it was.
    const target = join(tempDir('aitrail-link-target-'), 'target');
    writeFileSync(target, 'untouched\n');
    rmSync(kept);
    symlinkSync(target, kept);
    side('side2');
    const linked = merge(['merge', '-q', '--no-ff', '--no-edit', 'side2']);
    expect(linked.code, linked.stderr).toBe(0);
    expect(linked.gitVar).toBe(2);
    expect(readFileSync(target, 'utf8')).toBe('untouched\n');
  });

  it("an agent's identity from the config still reaches node, which records it", () => {
    const { repo, side, merge } = setup();
    side('side');
    // `git -c` (GIT_CONFIG_PARAMETERS): nothing kept, each hook asks git var.
    const byAider = merge(['-c', 'user.name=Alice (aider)', 'merge', '-q', '--no-ff', '--no-edit', 'side']);
    expect(byAider.code, byAider.stderr).toBe(0);
    expect(byAider.started).toEqual(expect.arrayContaining(['prepare-commit-msg']));
    expect(repo.git(['log', '-1', '--format=%B'])).toContain('Assisted-by: aider:unknown');
    // The same identity written in the repository's config: kept by prepare-commit-msg only when it was quiet.
    repo.git(['config', 'user.name', 'Claude']);
    side('side2');
    const byClaude = merge(['merge', '-q', '--no-ff', '--no-edit', 'side2']);
    expect(byClaude.code, byClaude.stderr).toBe(0);
    expect(byClaude.started).toEqual(expect.arrayContaining(['prepare-commit-msg', 'commit-msg']));
  });

  it('a config changed between the two hooks (in the editor) is read again: commit-msg starts node for the agent it then names', () => {
    const { repo, side, merge } = setup();
    side('side');
    const editor = join(tempDir('aitrail-editor-'), 'editor');
    writeFileSync(editor, `#!/bin/sh\nsleep 0.02\ngit config user.name Claude\n`);
    chmodSync(editor, 0o755);
    const made = merge(['merge', '-q', '--no-ff', '--edit', 'side'], { GIT_EDITOR: editor });
    expect(made.code, made.stderr).toBe(0);
    expect(made.started).toEqual(['commit-msg']);
    // Both shims asked git var (the kept answer was older than the config), and node's commit-msg once more.
    expect(made.gitVar).toBe(3);
    // (git itself read its config when it started: the merge is Jane's; the shim's doubt only costs node a start.)
    expect(repo.git(['log', '-1', '--format=%an'])).toBe('Jane Doe');
  });
});
