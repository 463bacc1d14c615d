import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, nodeForHooks } from '../helpers/cli.js';
import { makeRepo, TEST_GIT_ENV, tempDir, type TestRepo } from '../helpers/gitdir.js';

/**
 * The gates that end prepare-commit-msg (a rebase replay), post-commit (during a rebase) and
 * post-rewrite (no note anywhere) before node starts, against node itself: every combination of
 * the state each gate reads is set up in a real repository, the generated shim runs with an
 * `aitrail` that only notes it was started, and whenever the shim ends without it the real hook
 * runs from the same state: it must change nothing (the git dir's aitrail state, its notes, its
 * refs) and print nothing. Each gate must also end where a person's rebase or amend leaves it, or
 * it would prove nothing.
 */

const SHIMS = resolve(fileURLToPath(import.meta.url), '../../../hooks');

/** Every file under `dir` (links as their targets' names), with its bytes: what a hook run may change. */
function snapshot(dir: string): Record<string, string> {
  const seen: Record<string, string> = {};
  const walk = (path: string, name: string) => {
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      return;
    }
    if (stat.isSymbolicLink()) seen[name] = 'link';
    else if (stat.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry), `${name}/${entry}`);
    else seen[name] = readFileSync(path, 'latin1');
  };
  for (const part of ['aitrail', 'refs', 'packed-refs', 'HEAD', 'CHERRY_PICK_HEAD', 'rebase-merge']) walk(join(dir, '.git', part), part);
  return seen;
}

/** A repository with three commits, the generated shim `hook` in .git/hooks and a PATH whose `aitrail` only logs. */
function setup(hook: string): { repo: TestRepo; shim: (args: string[], env: NodeJS.ProcessEnv, input?: string) => boolean; node: (args: string[], env: NodeJS.ProcessEnv, input?: string) => { stdout: string; stderr: string; status: number | null } } {
  const repo = makeRepo({ dir: join(tempDir('aitrail-gates-'), 'repo') });
  repo.commit('one\n', { 'a.txt': 'a\n' });
  repo.commit('two\n', { 'a.txt': 'a\nb\n' });
  repo.commit('three\n', { 'a.txt': 'a\nb\nc\n' });
  copyFileSync(join(SHIMS, hook), join(repo.dir, '.git', 'hooks', hook));
  const bin = join(repo.dir, '..', 'bin');
  mkdirSync(bin);
  const log = join(repo.dir, '..', 'started');
  writeFileSync(join(bin, 'aitrail'), `#!/bin/sh\nprintf '%s\\n' "$*" >>'${log}'\n`);
  chmodSync(join(bin, 'aitrail'), 0o755);
  const base = { ...TEST_GIT_ENV, PATH: `${bin}:/usr/bin:/bin` };
  return {
    repo,
    /** Run the shim as git would (at the work tree top, dash); true when it started aitrail. */
    shim: (args, env, input = '') => {
      rmSync(log, { force: true });
      const result = spawnSync('sh', [join('.git', 'hooks', hook), ...args], { cwd: repo.dir, env: { ...base, ...env }, input, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      return existsSync(log);
    },
    /**
     * The real hook, run by node from the same place: a hook reading no stdin by the worker's long-lived
     * server (nodeForHooks, test/setup/hook-node.global-setup.ts: the bundled CLI afresh in this directory
     * and environment, as every test commit's hooks run), post-rewrite by a node of its own.
     */
    node: (args, env, input = '') => {
      const result = spawnSync(nodeForHooks(), [BIN, 'hook', hook, ...args], { cwd: repo.dir, env: { ...base, ...env }, input, encoding: 'utf8' });
      return { stdout: result.stdout, stderr: result.stderr, status: result.status };
    },
  };
}

/**
 * What git keeps in `rebase-merge/` while it replays a commit (a pick, a fold): the author it gives
 * the commit, `author-script`, which it removes as each step begins (none at a `break` or `exec`).
 */
function replaying(gitDir: string): void {
  mkdirSync(join(gitDir, 'rebase-merge'), { recursive: true });
  writeFileSync(join(gitDir, 'rebase-merge', 'author-script'), "GIT_AUTHOR_NAME='Test Human'\nGIT_AUTHOR_EMAIL='human@example.com'\nGIT_AUTHOR_DATE='@1700000000 +0000'\n");
}

/** All subsets of `flags`, as objects of booleans. */
function combinations<K extends string>(flags: readonly K[]): Array<Record<K, boolean>> {
  return Array.from({ length: 2 ** flags.length }, (_, bits) => Object.fromEntries(flags.map((flag, at) => [flag, (bits & (1 << at)) !== 0])) as Record<K, boolean>);
}

describe('history-edit gates in the shims: ended without node only where node does nothing', () => {
  it('prepare-commit-msg: a rebase replay, with or without a template marker, a kept or a current cherry-pick', () => {
    const { repo, shim, node } = setup('prepare-commit-msg');
    const gitDir = join(repo.dir, '.git');
    const head = repo.git(['rev-parse', 'HEAD']);
    const picked = repo.git(['rev-parse', 'HEAD~1']);
    const envs: Array<[string, NodeJS.ProcessEnv]> = [
      ['a plain commit', {}],
      ['GIT_CHERRY_PICK_HELP (a rebase pick)', { GIT_CHERRY_PICK_HELP: 'resolve and git rebase --continue' }],
      ['GIT_REFLOG_ACTION=rebase (pick)', { GIT_REFLOG_ACTION: 'rebase (pick)' }],
      ['GIT_REFLOG_ACTION=rebase', { GIT_REFLOG_ACTION: 'rebase' }],
      ['GIT_REFLOG_ACTION=rebased (not a replay)', { GIT_REFLOG_ACTION: 'rebased' }],
      ['GIT_REFLOG_ACTION=rebase_x (not a replay)', { GIT_REFLOG_ACTION: 'rebase_x' }],
      ['GIT_REFLOG_ACTION=cherry-pick', { GIT_REFLOG_ACTION: 'cherry-pick' }],
    ];
    let ended = 0;
    for (const [why, env] of envs) {
      for (const state of combinations(['rebasing', 'marker', 'kept', 'picking'] as const)) {
        const label = `${why} ${JSON.stringify(state)}`;
        rmSync(join(gitDir, 'aitrail'), { recursive: true, force: true });
        rmSync(join(gitDir, 'rebase-merge'), { recursive: true, force: true });
        rmSync(join(gitDir, 'CHERRY_PICK_HEAD'), { force: true });
        mkdirSync(join(gitDir, 'aitrail'));
        if (state.rebasing) replaying(gitDir);
        if (state.marker) writeFileSync(join(gitDir, 'aitrail', 'template-message'), 'Subject\n');
        if (state.kept) writeFileSync(join(gitDir, 'aitrail', 'pick-source'), `${picked}\n${head}\n`);
        if (state.picking) writeFileSync(join(gitDir, 'CHERRY_PICK_HEAD'), `${picked}\n`);
        writeFileSync(join(gitDir, 'COMMIT_EDITMSG'), 'A replayed commit\n\nCo-Authored-By: Claude Sonnet 4.5 <noreply@anthropic.com>\n');
        const args = ['.git/COMMIT_EDITMSG', 'message'];
        if (shim(args, env)) continue;
        ended += 1;
        const before = snapshot(repo.dir);
        const message = readFileSync(join(gitDir, 'COMMIT_EDITMSG'), 'utf8');
        const ran = node(args, { ...env, CLAUDECODE: '1' });
        expect(ran, label).toEqual({ stdout: '', stderr: '', status: 0 });
        expect(snapshot(repo.dir), label).toEqual(before);
        expect(readFileSync(join(gitDir, 'COMMIT_EDITMSG'), 'utf8'), label).toBe(message);
      }
    }
    // A replay with nothing to tidy, only while a rebase is under way (3 replay environments, 2 states each): git's
    // variables alone (a committed .env may set them) are a new commit, recorded.
    expect(ended).toBe(3 * 2);
  });

  it('prepare-commit-msg: a rebase fixup or squash step ends without node only when nothing it folds names an agent', () => {
    const { repo, shim, node } = setup('prepare-commit-msg');
    const gitDir = join(repo.dir, '.git');
    // The stamp node leaves after a person's commit: the fast path (and the fold gate) in force.
    writeFileSync(join(gitDir, 'COMMIT_EDITMSG'), 'Plain\n');
    expect(node(['.git/COMMIT_EDITMSG', 'message'], { GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.com' }).status).toBe(0);
    // [why, folded message, its author, the shim starts node, node records a model]
    const folds: Array<[string, string, NodeJS.ProcessEnv, boolean, boolean]> = [
      ['a person', 'Tidy\n', {}, false, false],
      ['a declared model', 'Fix\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', {}, true, true],
      ['a co-author', 'Fix\n\nCo-Authored-By: Claude Sonnet 4.5 <noreply@anthropic.com>\n', {}, true, true],
      ['a bot author', 'Fix\n', { GIT_AUTHOR_NAME: 'Copilot', GIT_AUTHOR_EMAIL: '198982749+Copilot@users.noreply.github.com' }, true, true],
      // A doubt (NFKC could make letters of it): node starts, and finds nothing.
      ['a byte outside ASCII', 'Fix caf\u00e9\n', {}, true, false],
    ];
    const base = repo.git(['rev-parse', 'HEAD']);
    for (const [why, message, author, starts, records] of folds) {
      repo.git(['reset', '-q', '--hard', base]);
      const folded = repo.commit(message, { 'b.txt': why }, author);
      repo.git(['reset', '-q', '--hard', base]);
      rmSync(join(gitDir, 'rebase-merge'), { recursive: true, force: true });
      replaying(gitDir);
      writeFileSync(join(gitDir, 'rebase-merge', 'done'), `pick ${base} three\nfixup ${folded} ${why}\n`);
      writeFileSync(join(gitDir, 'rebase-merge', 'current-fixups'), `fixup ${folded}`);
      writeFileSync(join(gitDir, 'COMMIT_EDITMSG'), 'three\n');
      const args = ['.git/COMMIT_EDITMSG', 'message'];
      const env = { GIT_CHERRY_PICK_HELP: 'resolve and git rebase --continue' };
      expect(shim(args, env), why).toBe(starts);
      const before = snapshot(repo.dir);
      const ran = node(args, env);
      expect(ran.status, why).toBe(0);
      expect(snapshot(repo.dir), why).toEqual(before);
      const recorded = readFileSync(join(gitDir, 'COMMIT_EDITMSG'), 'utf8');
      if (records) expect(recorded, why).not.toBe('three\n');
      else expect(recorded, why).toBe('three\n');
    }
    // Not a fold (no current-fixups): the replay ends as before, whatever the folded commit said.
    rmSync(join(gitDir, 'rebase-merge', 'current-fixups'));
    expect(shim(['.git/COMMIT_EDITMSG', 'message'], { GIT_CHERRY_PICK_HELP: 'x' })).toBe(false);
  });

  it('prepare-commit-msg: an amend (an author date not now) and -m over a prepared MERGE_MSG or SQUASH_MSG end without node only where node records nothing', () => {
    const { repo, shim, node } = setup('prepare-commit-msg');
    const gitDir = join(repo.dir, '.git');
    writeFileSync(join(gitDir, 'COMMIT_EDITMSG'), 'Plain\n');
    expect(node(['.git/COMMIT_EDITMSG', 'message'], { GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.com' }).status).toBe(0);
    const base = repo.git(['rev-parse', 'HEAD']);
    const person = { GIT_AUTHOR_NAME: 'Test Human', GIT_AUTHOR_EMAIL: 'human@example.com' };
    const bot = { GIT_AUTHOR_NAME: 'Copilot', GIT_AUTHOR_EMAIL: '198982749+Copilot@users.noreply.github.com' };
    // [HEAD's message, its author]
    const heads: Array<[string, NodeJS.ProcessEnv]> = [
      ['Person work\n', person],
      ['Agent work\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', person],
      ['Agent work\n\nCo-Authored-By: Claude Sonnet 4.5 <noreply@anthropic.com>\n', person],
      ['Bot work\n', bot],
    ];
    const headDate = '@1700000000 +0000';
    const now = () => `@${Math.floor(Date.now() / 1000)} +0000`;
    const dates: Array<[string, () => NodeJS.ProcessEnv]> = [
      ['now', () => ({ GIT_AUTHOR_DATE: now() })],
      ["HEAD's", () => ({ GIT_AUTHOR_DATE: headDate })],
      ['another past one', () => ({ GIT_AUTHOR_DATE: '@1600000000 +0000' })],
      ["HEAD's, dates fixed", () => ({ GIT_AUTHOR_DATE: headDate, GIT_COMMITTER_DATE: headDate })],
    ];
    // [file, its text, MERGE_HEAD too]
    const prepared: Array<[string, string, boolean] | null> = [
      null,
      ['MERGE_MSG', 'Pick\n', false],
      ['MERGE_MSG', 'Pick\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', false],
      ['MERGE_MSG', 'Merge\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', true],
      ['SQUASH_MSG', 'Squashed commit of the following:\n\ncommit 0123456789abcdef0123456789abcdef01234567\nAuthor: Test Human <human@example.com>\n\n    Agent work\n\n    Assisted-by: qwen-code:qwen/qwen3-coder\n', false],
    ];
    let recordedSome = 0;
    for (const [message, author] of heads) {
      repo.git(['reset', '-q', '--hard', base]);
      rmSync(join(gitDir, 'aitrail', 'ai-author'), { force: true });
      // HEAD made through the hooks: node saw its message and author (and remembers an AI commit's author).
      writeFileSync(join(gitDir, 'COMMIT_EDITMSG'), message);
      expect(node(['.git/COMMIT_EDITMSG', 'message'], { ...author, GIT_AUTHOR_DATE: headDate }).status).toBe(0);
      repo.commit(message, { 'b.txt': message }, { ...author, GIT_AUTHOR_DATE: headDate });
      const remembered = existsSync(join(gitDir, 'aitrail', 'ai-author')) ? readFileSync(join(gitDir, 'aitrail', 'ai-author'), 'utf8') : undefined;
      for (const [when, date] of dates) {
        for (const file of prepared) {
          {
            // Each case right after HEAD was made (a case's node run may remember the commit it saw, never made here).
            if (remembered === undefined) rmSync(join(gitDir, 'aitrail', 'ai-author'), { force: true });
            else writeFileSync(join(gitDir, 'aitrail', 'ai-author'), remembered);
            const why = `${JSON.stringify(message)} / ${when} / ${file ? `${file[0]}${file[2] ? '+MERGE_HEAD' : ''} ${JSON.stringify(file[1])}` : 'nothing prepared'}`;
            for (const name of ['MERGE_MSG', 'SQUASH_MSG', 'MERGE_HEAD']) rmSync(join(gitDir, name), { force: true });
            if (file) writeFileSync(join(gitDir, file[0]), file[1]);
            if (file?.[2]) writeFileSync(join(gitDir, 'MERGE_HEAD'), `${base}\n`);
            writeFileSync(join(gitDir, 'COMMIT_EDITMSG'), 'Reworded\n');
            const env = { ...author, ...date() };
            const args = ['.git/COMMIT_EDITMSG', 'message'];
            const started = shim(args, env);
            expect(node(args, env).status, why).toBe(0);
            const recorded = readFileSync(join(gitDir, 'COMMIT_EDITMSG'), 'utf8') !== 'Reworded\n';
            if (!started) expect(recorded, why).toBe(false);
            if (recorded) recordedSome += 1;
          }
        }
      }
    }
    // The gates were put to the test: node recorded for amends and prepared messages (and the bot author).
    expect(recordedSome).toBeGreaterThan(10);
    // The known limit: an AI commit node never saw (fetched, replayed by a rebase) is not remembered,
    // and a person's amend of it goes the fast path (node, started by hand, would carry its model).
    repo.git(['reset', '-q', '--hard', base]);
    rmSync(join(gitDir, 'aitrail', 'ai-author'), { force: true });
    repo.commit('Agent work\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'b.txt': 'x\n' }, { ...person, GIT_AUTHOR_DATE: headDate });
    for (const name of ['MERGE_MSG', 'SQUASH_MSG', 'MERGE_HEAD']) rmSync(join(gitDir, name), { force: true });
    writeFileSync(join(gitDir, 'COMMIT_EDITMSG'), 'Reworded\n');
    expect(shim(['.git/COMMIT_EDITMSG', 'message'], { ...person, GIT_AUTHOR_DATE: headDate })).toBe(false);
  });

  it('prepare-commit-msg: the replay gate needs a message file in a git dir (else node finds it)', () => {
    const { repo, shim } = setup('prepare-commit-msg');
    const env = { GIT_CHERRY_PICK_HELP: 'x' };
    writeFileSync(join(repo.dir, 'MSG'), 'm\n');
    expect(shim(['MSG', 'message'], env)).toBe(true);
    expect(shim(['.git/missing', 'message'], env)).toBe(true);
    expect(shim([], env)).toBe(true);
    writeFileSync(join(repo.dir, '.git', 'COMMIT_EDITMSG'), 'm\n');
    // git's variables alone (a committed .env may set them) are no replay: only while a rebase is under way.
    expect(shim(['.git/COMMIT_EDITMSG', 'message'], env)).toBe(true);
    replaying(join(repo.dir, '.git'));
    expect(shim(['.git/COMMIT_EDITMSG', 'message'], env)).toBe(false);
  });

  it('post-commit: a cherry-pick starts node only with a note to carry; during a rebase only a kept cherry-pick does, checkpoints wait for the end unless an exec step or a commit at a stop takes them', () => {
    const { repo, shim, node } = setup('post-commit');
    const gitDir = join(repo.dir, '.git');
    const head = repo.git(['rev-parse', 'HEAD']);
    const picked = repo.git(['rev-parse', 'HEAD~1']);
    // What a kept cherry-pick leaves (HEAD does not move in this test: checked at its end).
    const keptPick = `${picked}\n${repo.git(['rev-parse', 'HEAD~1'])}\n`;
    // Whether refs/notes/ai holds the note now: it is set up only when a state wants the other (no
    // run here moves a ref: the ended ones' snapshots say so, and the others start a logging aitrail).
    let noted = false;
    const packedNotes = () => existsSync(join(gitDir, 'packed-refs')) && readFileSync(join(gitDir, 'packed-refs'), 'utf8').includes(' refs/notes/ai\n');
    let ended = 0;
    // No variable: a `git commit` at a stop of the rebase; either variable: git's own replay.
    for (const env of [{}, { GIT_CHERRY_PICK_HELP: 'x' }, { GIT_REFLOG_ACTION: 'rebase (continue)' }]) {
      for (const state of combinations(['rebasing', 'exec', 'checkpoint', 'picking', 'kept', 'notes'] as const)) {
        const label = `${JSON.stringify(env)} ${JSON.stringify(state)}`;
        rmSync(join(gitDir, 'aitrail'), { recursive: true, force: true });
        rmSync(join(gitDir, 'rebase-merge'), { recursive: true, force: true });
        rmSync(join(gitDir, 'CHERRY_PICK_HEAD'), { force: true });
        mkdirSync(join(gitDir, 'aitrail', 'checkpoints'), { recursive: true });
        // The step the rebase is at: a pick (git's author-script there), or an exec step (whose command's commit is new work) after it.
        if (state.rebasing && !state.exec) replaying(gitDir);
        if (state.rebasing) mkdirSync(join(gitDir, 'rebase-merge'), { recursive: true });
        if (state.rebasing) writeFileSync(join(gitDir, 'rebase-merge', 'done'), `pick ${head} three\n${state.exec ? 'exec make test\n' : ''}`);
        if (state.checkpoint) writeFileSync(join(gitDir, 'aitrail', 'checkpoints', '0123456789abcdef0123456789abcdef.json'), '{"version":1}');
        if (state.picking) writeFileSync(join(gitDir, 'CHERRY_PICK_HEAD'), `${picked}\n`);
        if (state.kept) writeFileSync(join(gitDir, 'aitrail', 'pick-source'), keptPick);
        // A git-ai note on the picked commit (packed: the gate reads packed-refs too).
        if (state.notes && !noted) {
          repo.git(['notes', '--ref=ai', 'add', '-f', '-m', 'a.txt\n  s_0123456789abcd::t_0123456789abcd 2\n---\n{"schema_version":"authorship/3.0.0","prompts":{}}', picked]);
          repo.git(['pack-refs', '--all']);
        } else if (!state.notes && noted) repo.git(['update-ref', '-d', 'refs/notes/ai']);
        noted = state.notes;
        expect(packedNotes() && !existsSync(join(gitDir, 'refs', 'notes', 'ai')), label).toBe(state.notes);
        if (shim([], env)) continue;
        ended += 1;
        const before = snapshot(repo.dir);
        expect(node([], env), label).toEqual({ stdout: '', stderr: '', status: 0 });
        expect(snapshot(repo.dir), label).toEqual(before);
      }
    }
    // Outside a rebase: no checkpoint, no kept pick, and no cherry-pick or none with a note to carry
    // (3 per environment, exec or not); rebasing at a pick under a replay's variable: anything but a
    // kept pick (8, notes or not); at an exec step or a stop: no kept pick and no checkpoint (4).
    expect(ended).toBe(3 * 2 * 3 + 2 * (8 + 4) + 2 * 4);
    // git am's state (rebase --apply): a replay whatever the variables say.
    rmSync(join(gitDir, 'rebase-merge'), { recursive: true, force: true });
    rmSync(join(gitDir, 'CHERRY_PICK_HEAD'), { force: true });
    rmSync(join(gitDir, 'aitrail', 'pick-source'), { force: true });
    mkdirSync(join(gitDir, 'rebase-apply'));
    writeFileSync(join(gitDir, 'aitrail', 'checkpoints', '0123456789abcdef0123456789abcdef.json'), '{"version":1}');
    expect(shim([], {})).toBe(false);
    const before = snapshot(repo.dir);
    expect(node([], {})).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(snapshot(repo.dir)).toEqual(before);
    rmSync(join(gitDir, 'rebase-apply'), { recursive: true, force: true });
    expect(head).toBe(repo.git(['rev-parse', 'HEAD']));
  });

  it('post-rewrite: node starts for a note anywhere it can be (loose, packed, a linked worktree, the note post-commit just wrote), never without one', () => {
    const { repo, shim, node } = setup('post-rewrite');
    const gitDir = join(repo.dir, '.git');
    // An amend as git makes one: the same tree on the same parent, another message.
    const old = repo.git(['rev-parse', 'HEAD']);
    const rewritten = repo.git(['commit-tree', '-p', 'HEAD~1', '-m', 'three, amended', 'HEAD^{tree}']);
    repo.git(['update-ref', 'refs/heads/main', rewritten]);
    const input = `${old} ${rewritten}\n`;
    const session = { agent_id: { tool: 'claude', id: 'session-1', model: 'claude-opus-4-6' } };
    const note = `a.txt\n  s_0123456789abcd::t_0123456789abcd 3\n---\n${JSON.stringify({ schema_version: 'authorship/3.0.0', base_commit_sha: old, prompts: {}, sessions: { s_0123456789abcd: session } }, null, 2)}\n`;
    // No note anywhere: ended, and node agrees (nothing written, nothing said).
    expect(shim(['rebase'], {}, input)).toBe(false);
    // An amend (git's own, not a rebase's) also starts node when no valid stamp says the amended commit names no agent (row 348: node records again what it declared).
    expect(shim(['amend'], {}, input)).toBe(true);
    // A rebase's own amend ends: git's variable while a rebase is under way (alone, a committed .env may set it).
    expect(shim(['amend'], { GIT_REFLOG_ACTION: 'rebase (squash)' }, input)).toBe(true);
    replaying(gitDir);
    expect(shim(['amend'], { GIT_REFLOG_ACTION: 'rebase (squash)' }, input)).toBe(false);
    rmSync(join(gitDir, 'rebase-merge'), { recursive: true });
    const before = snapshot(repo.dir);
    expect(node(['rebase'], {}, input)).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(snapshot(repo.dir)).toEqual(before);
    // Another tool's notes (refs/notes/commits, packed or not) are not aitrail's: ended.
    repo.git(['notes', 'add', '-m', 'a plain note', old]);
    expect(shim(['rebase'], {}, input)).toBe(false);
    repo.git(['pack-refs', '--all']);
    expect(shim(['rebase'], {}, input)).toBe(false);
    const others = snapshot(repo.dir);
    expect(node(['rebase'], {}, input)).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(snapshot(repo.dir)).toEqual(others);
    // aitrail's notes: a loose ref, then packed.
    repo.git(['notes', '--ref=ai', 'add', '-m', note.trimEnd(), old]);
    expect(existsSync(join(gitDir, 'refs', 'notes', 'ai'))).toBe(true);
    expect(shim(['rebase'], {}, input)).toBe(true);
    repo.git(['pack-refs', '--all']);
    expect(existsSync(join(gitDir, 'refs', 'notes', 'ai'))).toBe(false);
    expect(shim(['rebase'], {}, input)).toBe(true);
    // Node does carry it: the rewritten commit gets the old one's note.
    expect(node(['amend'], {}, input).status).toBe(0);
    expect(repo.git(['notes', '--ref=ai', 'show', rewritten])).toContain('a.txt\n  s_0123456789abcd::t_0123456789abcd 3\n');
    // Only the note post-commit just wrote: node starts.
    repo.git(['update-ref', '-d', 'refs/notes/ai']);
    expect(shim(['rebase'], {}, input)).toBe(false);
    mkdirSync(join(gitDir, 'aitrail'), { recursive: true });
    writeFileSync(join(gitDir, 'aitrail', 'last-note'), `${rewritten}\n${note}`);
    expect(shim(['rebase'], {}, input)).toBe(true);
    rmSync(join(gitDir, 'aitrail', 'last-note'));
    symlinkSync('/nonexistent', join(gitDir, 'aitrail', 'last-note'));
    expect(shim(['rebase'], {}, input)).toBe(true);
    rmSync(join(gitDir, 'aitrail', 'last-note'));
    // A linked worktree: its git dir names the common one, where the notes are.
    const tree = join(tempDir('aitrail-wt-'), 'tree');
    repo.git(['worktree', 'add', '-q', tree]);
    const inTree = (env: NodeJS.ProcessEnv = {}) => {
      const log = join(repo.dir, '..', 'started');
      rmSync(log, { force: true });
      const result = spawnSync('sh', [join(gitDir, 'hooks', 'post-rewrite'), 'rebase'], { cwd: tree, env: { ...TEST_GIT_ENV, PATH: `${join(repo.dir, '..', 'bin')}:/usr/bin:/bin`, ...env }, input, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      return existsSync(log);
    };
    expect(inTree()).toBe(false);
    repo.git(['notes', '--ref=ai', 'add', '-f', '-m', note.trimEnd(), old]);
    expect(inTree()).toBe(true);
    // GIT_COMMON_DIR, when set, is where git looks.
    expect(inTree({ GIT_COMMON_DIR: join(tempDir('aitrail-elsewhere-'), 'nothing') })).toBe(false);
  });
});
