// A person's `git commit --amend --no-edit` of a plain commit, through the hooks `aitrail init` installs:
// prepare-commit-msg (git filled its message file from HEAD: `$2 $3` = `commit HEAD`) keeps HEAD's id
// (<git dir>/aitrail/fast-path/amend-source), so post-rewrite reads the amended commit with no
// `git log` (issue 12 item 2: a person's amend costs a fifth of a node start at most). Never when the
// author git exported is not HEAD's (--author, --reset-author, abbreviated, through an alias), when a
// hook the shim replaced rewrote the message first, nor when HEAD may name an agent: node then reads
// the amended commit and records again what it declared. Real git, real hooks, real node; GIT_TRACE
// shows the git processes the hooks start.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { huskyLib } from '../../src/install/husky-block.js';
import { TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';
import { npmInstalledRepo } from '../helpers/shim-fast-path.js';

/** The kept file: the version, the amended commit's id, the id of the git process that kept it (row 967). */
const keptFor = (id: string): RegExp => new RegExp(`^aitrail 0\\.1\\.0\\n${id}\\n[1-9][0-9]*\\n$`);

function setup() {
  const repo = npmInstalledRepo('aitrail-amend-source-');
  const gitDir = join(repo.dir, '.git');
  const kept = join(gitDir, 'aitrail', 'fast-path', 'amend-source');
  const trace = join(repo.dir, '..', 'trace');
  /** `git <args>` as a person runs it, hooks and all: the `git log` the shims' aitrail_plain started (GIT_TRACE's built-in lines; node's own reads aside). */
  const run = (args: string[], env: NodeJS.ProcessEnv = {}): { started: string[]; stderr: string } => {
    rmSync(trace, { force: true });
    const result = spawnSync('git', args, { cwd: repo.dir, env: { ...TEST_GIT_ENV, GIT_TRACE: trace, ...env }, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const lines = existsSync(trace) ? readFileSync(trace, 'utf8').split('\n') : [];
    return { started: lines.filter((line) => line.includes('trace: built-in: git log') && line.includes("'--format=%an <%ae>%n%B'")), stderr: result.stderr };
  };
  // A person's first commit with the hooks: node runs once and leaves the fast path's stamp.
  repo.write('b.txt', 'b\n');
  repo.git(['add', 'b.txt']);
  run(['commit', '-q', '-m', 'Add b']);
  expect(existsSync(join(gitDir, 'aitrail', 'fast-path', 'version'))).toBe(true);
  /** HEAD replaced by a commit of `author` and `message` on the same tree and parent (made outside the hooks: fetched, say). */
  const head = (author: string, message: string): string => {
    const [name, email] = author.split(' <') as [string, string];
    const made = repo.git(['commit-tree', '-p', 'HEAD^', '-F', '-', 'HEAD^{tree}'], { input: message, env: { ...TEST_GIT_ENV, GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email.slice(0, -1) } });
    repo.git(['update-ref', 'HEAD', made]);
    return made;
  };
  const message = () => repo.git(['log', '-1', '--format=%B']);
  return { repo, gitDir, kept, run, head, message };
}

describe("a person's amend --no-edit: post-rewrite reads the amended commit with no git process (session 50, task d)", () => {
  it('a plain HEAD: prepare-commit-msg keeps its id, post-rewrite starts no git log; the next plain commit keeps nothing', () => {
    const { kept, run, head, message } = setup();
    const old = head('Jane Doe <jane@example.com>', 'Fix the parser\n\nRead the flags once.\n');
    const amended = run(['commit', '-q', '--amend', '--no-edit', '--allow-empty']);
    expect(amended.started).toEqual([]);
    expect(readFileSync(kept, 'utf8')).toMatch(keptFor(old));
    expect(message()).toBe('Fix the parser\n\nRead the flags once.');
    // An amend with -m: git gives the hook the new message, not HEAD's: post-rewrite's git log answers, as before.
    const next = head('Jane Doe <jane@example.com>', 'Plain again\n');
    expect(run(['commit', '-q', '--amend', '--allow-empty', '-m', 'Reworded']).started).toHaveLength(1);
    expect(readFileSync(kept, 'utf8')).toMatch(keptFor(old));
    expect(next).not.toBe(old);
    // A person's ordinary commit does not reach these lines.
    expect(run(['commit', '-q', '--allow-empty', '-m', 'Another']).started).toEqual([]);
    expect(readFileSync(kept, 'utf8')).toMatch(keptFor(old));
  });

  it("an agent's HEAD amended by a person, its author replaced (--reset-author, --author, --auth=, an alias): nothing kept, node records the agent again", () => {
    const { kept, run, head, message } = setup();
    const cases: Array<[string, string[], string[]]> = [
      ['--reset-author', ['commit', '-q', '--amend', '--no-edit', '--allow-empty', '--reset-author'], []],
      ['--res', ['commit', '-q', '--amend', '--no-edit', '--allow-empty', '--res'], []],
      ['--author', ['commit', '-q', '--amend', '--no-edit', '--allow-empty', '--author=Test Human <human@example.com>'], []],
      ['--auth', ['commit', '-q', '--amend', '--no-edit', '--allow-empty', '--auth=Test Human <human@example.com>'], []],
      ['--author after a word with a newline', ['commit', '-q', '--amend', '--no-edit', '--allow-empty', '--trailer', 'Reviewed-by: Sam\n <sam@example.com>', '--author=Test Human <human@example.com>'], []],
      ['alias', ['-c', 'alias.own=commit -q --amend --no-edit --allow-empty --author=Test\\ Human\\ <human@example.com>', 'own'], []],
    ];
    for (const [label, args] of cases) {
      rmSync(kept, { force: true });
      head('Claude <noreply@anthropic.com>', 'Fix the parser\n');
      const amended = run(args);
      expect(existsSync(kept), label).toBe(false);
      expect(amended.started.length, label).toBeGreaterThan(0);
      expect(message(), label).toMatch(/^Assisted-by: claude-code:/m);
    }
  });

  it("the agent's HEAD amended with its author kept: the message hooks see the agent, node runs, nothing kept", () => {
    const { kept, run, head, message } = setup();
    head('Claude <noreply@anthropic.com>', 'Fix the parser\n');
    run(['commit', '-q', '--amend', '--no-edit', '--allow-empty']);
    expect(existsSync(kept)).toBe(false);
    expect(message()).toMatch(/^Assisted-by: claude-code:/m);
    // An AI line in HEAD's message, a person's author: the same.
    head('Jane Doe <jane@example.com>', 'Fix the parser\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n');
    run(['commit', '-q', '--amend', '--no-edit', '--allow-empty']);
    expect(existsSync(kept)).toBe(false);
  });

  it('a hook the shim replaced rewrites the message first: nothing kept, post-rewrite reads HEAD and node records what it declared', () => {
    const { gitDir, kept, run, head, message } = setup();
    const chained = join(gitDir, 'hooks', 'prepare-commit-msg.aitrail-chained');
    writeFileSync(chained, '#!/bin/sh\nprintf "Fix the parser\\n" >"$1"\n');
    chmodSync(chained, 0o755);
    head('Jane Doe <jane@example.com>', 'Fix the parser\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n');
    const amended = run(['commit', '-q', '--amend', '--no-edit', '--allow-empty']);
    expect(existsSync(kept)).toBe(false);
    expect(amended.started.length).toBeGreaterThan(0);
    expect(message()).toMatch(/^Assisted-by: claude-code:/m);
  });

  it("another version's id, another commit's, or a link: post-rewrite reads HEAD again, nothing written through the link", () => {
    const { kept, run, head } = setup();
    const old = head('Jane Doe <jane@example.com>', 'Fix the parser\n');
    run(['commit', '-q', '--amend', '--no-edit', '--allow-empty']);
    expect(readFileSync(kept, 'utf8')).toMatch(keptFor(old));
    const again = head('Jane Doe <jane@example.com>', 'Fix the parser\n\n' + 'Body. '.repeat(700) + '\n');
    // Past 4 KiB of text, nothing kept: post-rewrite's git log (and then node) read it.
    expect(run(['commit', '-q', '--amend', '--no-edit', '--allow-empty']).started.length).toBeGreaterThan(0);
    expect(readFileSync(kept, 'utf8')).toMatch(keptFor(old));
    expect(again).not.toBe(old);
    rmSync(kept);
    const target = join(tempDir('aitrail-amend-source-link-'), 'x');
    symlinkSync(target, kept);
    head('Jane Doe <jane@example.com>', 'Fix it\n');
    expect(run(['commit', '-q', '--amend', '--no-edit', '--allow-empty']).started.length).toBeGreaterThan(0);
    expect(existsSync(target)).toBe(false);
  });

  it('the husky block keeps nothing: its functions are parsed for every commit', () => {
    expect(huskyLib().text).not.toContain('aitrail_s/amend-source"; } 2>/dev/null');
    expect(huskyLib().text).toContain('amend-source');
  });
});
