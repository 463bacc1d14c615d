import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, BIN, nodeForHooks } from '../helpers/cli.js';
import { copiedRepo } from '../helpers/hooked-repo.js';
import { makeRepo, TEST_GIT_ENV, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { messageOf } from '../helpers/hooks.js';

/**
 * Real `git commit`s through hooks installed by the real `aitrail init`, with an `aitrail` on PATH
 * that notes each start and then runs the real one: what the fast path skips is observed, and what
 * it lets node do is node's real verdict.
 */
function setup(mode: 'git' | 'husky' | 'hooksPath', given?: TestRepo, initEnv: NodeJS.ProcessEnv = {}) {
  const bin = join(tempDir('aitrail-counted-'), 'bin');
  mkdirSync(bin);
  const log = join(bin, 'started');
  writeFileSync(join(bin, 'aitrail'), `#!/bin/sh\n[ "$1" = hook ] && printf '%s\\n' "$2" >>'${log}'\nexec '${nodeForHooks()}' '${BIN}' "$@"\n`);
  chmodSync(join(bin, 'aitrail'), 0o755);
  const env = { ...TEST_GIT_ENV, PATH: `${bin}:${process.env.PATH ?? ''}` };
  const install = (repo: TestRepo): TestRepo => {
    if (mode === 'husky') repo.write('package.json', '{"name":"p","devDependencies":{"husky":"^9.1.7"}}\n');
    if (mode === 'hooksPath') repo.git(['config', 'core.hooksPath', 'custom-hooks']);
    repo.commit('start\n', { 'a.txt': 'a\n' });
    const init = aitrail(repo.dir, ['init', ...(mode === 'git' ? ['--mode', 'git'] : [])], { env: { ...env, ...initEnv } });
    expect(init.code, init.stderr).toBe(0);
    return repo;
  };
  // The plain set-up (a start commit, then init) made once per mode and copied (copiedRepo): init's node run once.
  const repo = given === undefined ? copiedRepo(`shim-fast-path-commits ${mode}`, () => install(makeRepo())) : install(given);
  let tick = 0;
  /**
   * Commit (git commit -m) and return the hooks that started node, and git's result. Each commit a
   * second after the one before (author dates from a fixed past): commits made within one second
   * share their author date, and an author equal to an AI commit's is an amend of it to the shim
   * (src/hooks/ai-author.ts), which then rightly starts node.
   */
  const commit = (message: string, extra: NodeJS.ProcessEnv = {}, cwd = repo.dir) => {
    writeFileSync(log, '');
    tick += 1;
    const result = spawnSync('git', ['commit', '-q', '--allow-empty', '-m', message], { cwd, env: { ...env, GIT_AUTHOR_DATE: `@${1780000000 + tick} +0000`, ...extra }, encoding: 'utf8' });
    return { status: result.status, stderr: result.stderr, started: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
  };
  /** Any git command through the hooks: which hooks started node, and git's result. */
  const run = (args: string[], extra: NodeJS.ProcessEnv = {}) => {
    writeFileSync(log, '');
    const result = spawnSync('git', args, { cwd: repo.dir, env: { ...env, ...extra }, encoding: 'utf8' });
    return { status: result.status, stderr: result.stderr, started: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
  };
  return { repo, env, commit, run };
}

const BOTH = ['prepare-commit-msg', 'commit-msg'];

describe('shim fast path in real commits', () => {
  it.each(['git', 'hooksPath', 'husky'] as const)('%s hooks: a human commit skips node from the first one (init stamped the config); every AI signal still reaches node', (mode) => {
    const { repo, commit } = setup(mode);
    // init validated the config and stamped it, as a person's first commit through node would have:
    // the first commit already skips node.
    expect(existsSync(join(repo.dir, '.git', 'aitrail', 'fast-path', 'version'))).toBe(true);
    expect(commit('First human commit').started).toEqual([]);
    const human = commit('Second human commit');
    expect(human.status, human.stderr).toBe(0);
    expect(human.started).toEqual([]);
    expect(messageOf(repo.dir)).toBe('Second human commit\n');
    // Each signal alone sends both hooks to node, and node records it.
    const signals: [string, string, NodeJS.ProcessEnv, string][] = [
      ['env', 'With an agent', { CLAUDECODE: '1', ANTHROPIC_MODEL: 'claude-opus-4-6' }, 'claude-code:anthropic/claude-opus-4.6'],
      ['explicit', 'Explicit', { AITRAIL_MODEL: 'openai/gpt-5' }, 'unknown:openai/gpt-5'],
      ['co-author', 'Co-authored\n\nCO-AUTHORED-BY: Claude Sonnet 4.5 <noreply@anthropic.com>', {}, 'claude-code:anthropic/claude-sonnet-4.5'],
      ['identity', 'By aider', { GIT_AUTHOR_NAME: 'Alice (aider)' }, 'aider:unknown'],
      ['subject', 'aider: fix the parser', {}, 'aider:unknown'],
    ];
    for (const [why, message, extra, recorded] of signals) {
      const ai = commit(message, extra);
      expect(ai.status, `${why}: ${ai.stderr}`).toBe(0);
      expect(ai.started, why).toEqual(BOTH);
      expect(messageOf(repo.dir), why).toContain(`Assisted-by: ${recorded}`);
    }
    expect(commit('Human again').started).toEqual([]);
  });

  it.each(['git', 'husky'] as const)('%s hooks: a human commit made in an editor (git\'s template and status lines, with tabs) skips node; its comment lines reach node only when core.commentChar may not be #', (mode) => {
    const { repo, env, run } = setup(mode);
    expect(run(['commit', '-q', '--allow-empty', '-m', 'First human commit']).started).toEqual([]);
    // An editor that writes the message above what git gave it (the template: comment lines, "#\tmodified:" status lines).
    const editor = join(tempDir('aitrail-editor-'), 'editor.sh');
    writeFileSync(editor, '#!/bin/sh\n{ printf "%s\\n" "$AITRAIL_TEST_MESSAGE"; cat "$1"; } > "$1.new" && mv "$1.new" "$1"\n', { mode: 0o755 });
    const edit = (message: string, extra: NodeJS.ProcessEnv = {}) => {
      repo.write('a.txt', `${Math.random()}\n`);
      repo.git(['add', 'a.txt']);
      const made = run(['commit', '-q'], { GIT_EDITOR: editor, AITRAIL_TEST_MESSAGE: message, ...extra });
      expect(made.status, made.stderr).toBe(0);
      return made;
    };
    const human = edit('Edited by a person\n\nWith a body.');
    expect(readFileSync(join(repo.dir, '.git', 'COMMIT_EDITMSG'), 'utf8')).toMatch(/^#\t/m);
    expect(human.started).toEqual([]);
    expect(messageOf(repo.dir)).toBe('Edited by a person\n\nWith a body.\n');
    // A comment line naming an agent: git drops it, node reads the message without it, and so does the shim.
    expect(edit('Quoting a footer\n\n# Co-authored-by: Claude <noreply@anthropic.com>').started).toEqual([]);
    expect(messageOf(repo.dir)).toBe('Quoting a footer\n');
    // The same line outside a comment reaches node (commit-msg: prepare-commit-msg ran before the editor), which judges it.
    // Dated a day earlier: a person's commit stamped the same second by the same identity may be an
    // amend of it (an amend keeps the author's date), and for that the shims rightly start node.
    const agent = edit('An agent footer\n\nCo-authored-by: Claude <noreply@anthropic.com>', { GIT_AUTHOR_DATE: `${Math.floor(Date.now() / 1000) - 86_400} +0000` });
    expect(agent.started).toEqual(['commit-msg']);
    expect(messageOf(repo.dir)).toBe('An agent footer\n\nCo-authored-by: Claude <noreply@anthropic.com>\n');
    // core.commentChar set (to # or anything else), or a config that includes another: the shim cannot know which lines git drops; node decides.
    for (const [key, value] of [['core.commentChar', ';'], ['core.commentChar', '#'], ['include.path', '/nonexistent/aitrail-test']] as const) {
      repo.git(['config', key, value]);
      expect(edit(`Edited by a person (${key})`).started, key).toEqual(BOTH);
      expect(messageOf(repo.dir), key).not.toMatch(/Assisted-by/);
      repo.git(['config', '--unset', key]);
    }
    // Through git -c as well.
    expect(edit('Edited by a person (git -c)', { GIT_CONFIG_PARAMETERS: "'core.commentchar'=';'" }).started).toEqual(BOTH);
    // A global config longer than the shell reads itself (the rest goes to grep): quiet without the word, node with it at its end.
    const global = join(tempDir('aitrail-global-'), 'gitconfig');
    const padding = Array.from({ length: 700 }, (_, at) => `[alias]\n\tx${at} = log --oneline\n`).join('');
    writeFileSync(global, padding);
    expect(edit('Edited by a person (long global config)', { GIT_CONFIG_GLOBAL: global }).started).toEqual([]);
    writeFileSync(global, `${padding}[core]\n\tcommentChar = %\n`);
    expect(edit('Edited by a person (long global config, commentChar)', { GIT_CONFIG_GLOBAL: global }).started).toEqual(BOTH);
    expect(edit('Edited by a person again').started).toEqual([]);
    void env;
  });

  it('a session, a template marker or checkpoints in the git dir, and a linked worktree of its own', () => {
    const { repo, env, commit } = setup('git');
    commit('stamp');
    expect(aitrail(repo.dir, ['use', 'qwen/qwen3-coder', '--agent', 'qwen-code'], { env }).code).toBe(0);
    expect(commit('Looks human').started).toEqual(BOTH);
    expect(messageOf(repo.dir)).toContain('Assisted-by: qwen-code:qwen/qwen3-coder');
    expect(aitrail(repo.dir, ['use', '--clear'], { env }).code).toBe(0);
    expect(commit('Human').started).toEqual([]);
    // What an agent's work leaves for good (an emptied checkpoints folder, the copy of the last note, the record of notes pushed) says nothing about the next commit.
    const state = join(repo.dir, '.git', 'aitrail');
    mkdirSync(join(state, 'checkpoints'));
    writeFileSync(join(state, 'checkpoints', '.abc.json.123.tmp'), '');
    writeFileSync(join(state, 'last-note'), 'x\n');
    mkdirSync(join(state, 'notes-pushed'));
    writeFileSync(join(state, 'notes-pushed', 'abc'), 'x\n');
    expect(commit('Human, after agents worked here').started).toEqual([]);
    // A pending checkpoint (any name node reads, a dangling link too) sends it to node.
    for (const name of ['abc.json', '.hidden.json']) {
      writeFileSync(join(state, 'checkpoints', name), '{}');
      expect(commit(`Human, an agent left ${name}`).started, name).toEqual(expect.arrayContaining(BOTH));
      // (post-commit drops it: not a checkpoint node can read.)
      rmSync(join(state, 'checkpoints', name), { force: true });
    }
    symlinkSync('/nonexistent', join(state, 'checkpoints', '0.json'));
    expect(commit('Human, a dangling checkpoint').started).toEqual(expect.arrayContaining(BOTH));
    rmSync(join(state, 'checkpoints'), { recursive: true });
    // A linked worktree: its own git dir, its own stamp, its own session.
    const worktree = join(tempDir('aitrail-wt-'), 'wt');
    repo.git(['worktree', 'add', '-q', worktree]);
    expect(commit('In the worktree', {}, worktree).started).toEqual(['prepare-commit-msg']);
    expect(commit('In the worktree again', {}, worktree).started).toEqual([]);
    expect(aitrail(worktree, ['use', 'deepseek/deepseek-chat'], { env }).code).toBe(0);
    expect(commit('Worktree session', {}, worktree).started).toEqual(BOTH);
    expect(commit('Main worktree has none').started).toEqual([]);
  });

  it('config: node validates every change before a human commit skips it again; rules, other trailer keys, invalid configs and symlinks always reach node', () => {
    const { repo, commit } = setup('git');
    commit('stamp');
    // A path-rule policy: a human commit has nothing to judge, an AI one is refused by node.
    repo.write('.aitrailrc.json', '{"policy":{"deny":["qwen/*"],"paths":[{"files":["src/crypto/**"],"allow":[]}]}}\n');
    expect(commit('Config changed').started).toEqual(['prepare-commit-msg']);
    expect(commit('Human').started).toEqual([]);
    const refused = commit('Denied model', { AITRAIL_MODEL: 'qwen/qwen3-coder' });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder/);
    // Same size, one byte changed: node reads it again.
    repo.write('.aitrailrc.json', '{"policy":{"deny":["qwen/*"],"paths":[{"files":["src/crypto/**"],"allow":[]}]}}\t');
    expect(commit('Byte changed').started).toEqual(['prepare-commit-msg']);
    // Invalid after a valid stamp: node refuses the human commit (exit 2), every time.
    repo.write('.aitrailrc.json', '{"policy":{"deny":7}}\n');
    for (const attempt of [1, 2]) {
      const invalid = commit(`Human with a broken config ${attempt}`);
      expect(invalid.status).not.toBe(0);
      expect(invalid.started).toEqual(BOTH);
    }
    // detect.rules: a human-looking commit is the user's rule's to judge.
    repo.write('.aitrailrc.json', '{"detect":{"rules":[{"field":"subject","pattern":"^ACME","agent":"acme-bot","model":"acme/coder-2"}]}}\n');
    for (const attempt of [1, 2]) expect(commit(`ACME fix ${attempt}`).started).toEqual(BOTH);
    expect(messageOf(repo.dir)).toContain('Assisted-by: acme-bot:acme/coder-2');
    // A trailer key the shim does not look for.
    repo.write('.aitrailrc.json', '{"trailer":{"key":"X-Model-Used"}}\n');
    for (const attempt of [1, 2]) expect(commit(`Custom key ${attempt}`).started).toEqual(BOTH);
    // A config that is a symbolic link, a second config file: node decides.
    rmSync(join(repo.dir, '.aitrailrc.json'));
    repo.write('real.json', '{}\n');
    symlinkSync('real.json', join(repo.dir, '.aitrailrc.json'));
    for (const attempt of [1, 2]) expect(commit(`Symlinked config ${attempt}`).started.length).toBeGreaterThan(0);
    rmSync(join(repo.dir, '.aitrailrc.json'));
    repo.write('.aitrailrc.yml', 'policy: {}\n');
    repo.write('aitrail.config.json', '{}\n');
    for (const attempt of [1, 2]) expect(commit(`Two configs ${attempt}`).status).not.toBe(0);
  });

  it('an agent\'s commit leaves the stamp to the next commit without one: its hooks neither write nor check it', () => {
    const { repo, commit } = setup('git');
    const stamp = join(repo.dir, '.git', 'aitrail', 'fast-path');
    const stampFiles = () => Object.fromEntries(['version', 'package.json', '.aitrailrc.yml'].filter((name) => existsSync(join(stamp, name))).map((name) => [name, { text: readFileSync(join(stamp, name), 'latin1'), mtime: statSync(join(stamp, name)).mtimeMs }]));
    // The stamp init left: an agent's commit neither rewrites it nor removes it.
    const atInit = stampFiles();
    const agentEnv = { AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' };
    const first = commit('Agent change', agentEnv);
    expect(first.status, first.stderr).toBe(0);
    expect(first.started).toEqual(BOTH);
    expect(stampFiles()).toEqual(atInit);
    // Without a stamp, an agent's commit does not write one.
    rmSync(stamp, { recursive: true });
    const ai = commit('Agent change again', agentEnv);
    expect(ai.status, ai.stderr).toBe(0);
    expect(ai.started).toEqual(BOTH);
    expect(messageOf(repo.dir, 'HEAD')).toContain('Assisted-by: claude-code:anthropic/claude-opus-4.6');
    expect(existsSync(stamp)).toBe(false);
    // The first human commit after it starts node (no stamp), which stamps; the next one skips node.
    expect(commit('Human after the agent').started).toEqual(['prepare-commit-msg']);
    expect(existsSync(join(stamp, 'version'))).toBe(true);
    expect(commit('Human again').started).toEqual([]);
    // A config changed while only agents commit: their commits judge it (node runs for them), and the stale stamp is not trusted.
    repo.write('.aitrailrc.yml', 'policy:\n  deny: ["qwen/*"]\n');
    const denied = commit('Denied agent', { AITRAIL_MODEL: 'qwen/qwen3-coder' });
    expect(denied.status).not.toBe(0);
    expect(commit('Human, config changed').started).toEqual(['prepare-commit-msg']);
    expect(commit('Human, stamped again').started).toEqual([]);
  });

  it('init stamps only what a first commit through node would: not an invalid config, not one with detect rules, not under an agent variable', () => {
    const stampOf = (repo: TestRepo) => existsSync(join(repo.dir, '.git', 'aitrail', 'fast-path', 'version'));
    // An invalid config: no stamp; the first person's commit reaches node, which refuses it.
    const invalid = makeRepo();
    invalid.write('.aitrailrc.yml', 'policy:\n  deny: 42\n');
    const broken = setup('git', invalid);
    expect(stampOf(invalid)).toBe(false);
    const refused = broken.commit('First human commit');
    expect(refused.status).not.toBe(0);
    expect(refused.started).toEqual(BOTH);
    // detect.rules (regexes the shims cannot run): never stamped, every commit reaches node.
    const ruled = makeRepo();
    ruled.write('.aitrailrc.yml', 'detect:\n  rules:\n    - { field: body, pattern: "Generated by AcmeCoder", model: "qwen/qwen3-coder" }\n');
    const withRules = setup('git', ruled);
    expect(stampOf(ruled)).toBe(false);
    expect(withRules.commit('First human commit').started).toEqual(BOTH);
    // init run by an agent (its variable set): the stamp is left to the first commit without one.
    const byAgent = makeRepo();
    const agentInit = setup('git', byAgent, { CLAUDECODE: '1' });
    expect(stampOf(byAgent)).toBe(false);
    expect(agentInit.commit('First human commit').started).toEqual(['prepare-commit-msg']);
    expect(stampOf(byAgent)).toBe(true);
    expect(agentInit.commit('Second human commit').started).toEqual([]);
  });

  it('a stale stamp is never trusted: another version, a reinstalled package, a copy that differs', () => {
    const { repo, commit } = setup('git');
    commit('stamp');
    const version = join(repo.dir, '.git', 'aitrail', 'fast-path', 'version');
    const [header, folder] = readFileSync(version, 'utf8').split('\n');
    expect(header).toMatch(/^aitrail \d+\.\d+\.\d+/);
    expect(commit('Human').started).toEqual([]);
    writeFileSync(version, `aitrail 0.0.0-other\n${folder}\n`);
    expect(commit('Another version stamped').started).toEqual(['prepare-commit-msg']);
    expect(commit('Restamped').started).toEqual([]);
    // The package folder changed after the stamp (npm reinstalled aitrail): stamp older than it.
    const installed = join(tempDir('aitrail-pkg-'), 'aitrail');
    mkdirSync(installed);
    writeFileSync(version, `${header}\n${installed}\n`);
    utimesSync(version, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    expect(commit('Reinstalled').started).toEqual(['prepare-commit-msg']);
    // A config copy in the stamp that is not the file: node.
    repo.write('package.json', '{"name":"p"}\n');
    commit('package.json appears');
    writeFileSync(join(repo.dir, '.git', 'aitrail', 'fast-path', 'package.json'), '{"name":"q"}\n');
    expect(commit('Copy differs').started).toEqual(['prepare-commit-msg']);
  });
});

/** A branch one commit ahead of `from` adding `file`, made without hooks and holding only that file (the hooks folder of hooksPath and husky modes is not committed). */
function sideBranch(repo: TestRepo, branch: string, from: string, file: string): string {
  repo.git(['checkout', '-q', '-b', branch, from]);
  repo.write(file, `${file}\n`);
  repo.git(['add', '--', file]);
  repo.git(['-c', 'core.hooksPath=/dev/null', 'commit', '-q', '-m', `Work on ${branch}`]);
  repo.git(['checkout', '-q', 'main']);
  return repo.git(['rev-parse', branch]);
}

/** The hooks of git's sequencer (cherry-pick, revert) and of a merge get no author from git. */
const NO_AUTHOR = { GIT_AUTHOR_NAME: undefined, GIT_AUTHOR_EMAIL: undefined };

describe('history edits by a person start no node', () => {
  // git and husky modes (a core.hooksPath folder holds the same shims as .git/hooks).
  it.each(['git', 'husky'] as const)('%s hooks: amend and rebase of human commits end in the shims; an agent note still reaches post-rewrite', (mode) => {
    const { repo, commit, run } = setup(mode);
    commit('stamp');
    commit('Human one');
    commit('Human two');
    const subjects = () => repo.git(['log', '--format=%s', '-3']);
    for (const args of [['commit', '-q', '--amend', '--no-edit', '--allow-empty'], ['commit', '-q', '--amend', '--allow-empty', '-m', 'Human two, amended']]) {
      const amend = run(args);
      expect(amend.status, amend.stderr).toBe(0);
      // Not even git's "notes ref refs/notes/ai is invalid" (notes.rewriteRef is a glob that matches nothing yet).
      expect(amend.stderr).toBe('');
      expect(amend.started, args.join(' ')).toEqual([]);
      expect(repo.git(['reflog', '-1', '--format=%gs'])).toMatch(/^commit \(amend\)/);
    }
    expect(messageOf(repo.dir)).toBe('Human two, amended\n');
    const listed = subjects();
    const rebase = run(['rebase', '-q', '--force-rebase', 'HEAD~2']);
    expect(rebase.status, rebase.stderr).toBe(0);
    expect(rebase.stderr).toBe('');
    expect(rebase.started).toEqual([]);
    expect(subjects()).toBe(listed);
    // Once a git-ai note exists, amend and rebase reach post-rewrite (which carries it), and only it.
    repo.git(['notes', '--ref=ai', 'add', '-m', 'src/app.ts\n  s_0123456789abcd::t_0123456789abcd 1\n---\n{"schema_version":"authorship/3.0.0","prompts":{}}', 'HEAD']);
    const noted = run(['commit', '-q', '--amend', '--no-edit', '--allow-empty']);
    expect(noted.status, noted.stderr).toBe(0);
    expect(noted.started).toEqual(['post-rewrite']);
    expect(repo.git(['notes', '--ref=ai', 'list', 'HEAD'])).not.toBe('');
    const again = run(['rebase', '-q', '--force-rebase', 'HEAD~2']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.started).toEqual(['post-rewrite']);
    // A merge and a revert: git exports no author to their hooks; the shims ask `git var`, as node does.
    const sideCommit = (branch: string, from: string, file: string) => sideBranch(repo, branch, from, file);
    sideCommit('side', 'HEAD', 'side.txt');
    const merge = run(['merge', '-q', '--no-ff', '--no-edit', 'side'], NO_AUTHOR);
    expect(merge.status, merge.stderr).toBe(0);
    expect(merge.started).toEqual([]);
    expect(messageOf(repo.dir)).toBe("Merge branch 'side'\n");
    const revert = run(['revert', '--no-edit', 'side'], NO_AUTHOR);
    expect(revert.status, revert.stderr).toBe(0);
    // A notes ref exists: prepare-commit-msg asks whether the content the revert restores is noted (row 1015). It is
    // (side's parent holds the note above), so post-commit carries it, clipped to the lines the revert adds: none of them.
    expect(revert.started).toEqual(['prepare-commit-msg', 'post-commit']);
    expect(spawnSync('git', ['notes', '--ref=ai', 'list', 'HEAD'], { cwd: repo.dir }).status).not.toBe(0);
    // The same merge by an agent's identity (git var reads it from the config) reaches node, which records it.
    sideCommit('side2', 'HEAD~1', 'side2.txt');
    const byAider = run(['-c', 'user.name=Alice (aider)', 'merge', '-q', '--no-ff', '--no-edit', 'side2'], NO_AUTHOR);
    expect(byAider.status, byAider.stderr).toBe(0);
    expect(byAider.started, byAider.stderr).toEqual(expect.arrayContaining(['prepare-commit-msg']));
    expect(messageOf(repo.dir)).toContain('Assisted-by: aider:unknown');
  });

  it.each(['git', 'husky'] as const)('%s hooks: a cherry-pick starts node only when a git-ai note may have to be carried', (mode) => {
    const { repo, commit, run } = setup(mode);
    commit('stamp');
    sideBranch(repo, 'side', 'HEAD', 'side.txt');
    const plain = run(['cherry-pick', 'side'], NO_AUTHOR);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.started).toEqual([]);
    expect(messageOf(repo.dir)).toBe('Work on side\n');
    // A git-ai note on the picked commit: prepare-commit-msg keeps the pick, post-commit carries the note.
    const picked = sideBranch(repo, 'side2', 'HEAD', 'side2.txt');
    const session = { agent_id: { tool: 'claude', id: 'session-1', model: 'claude-opus-4-6' } };
    repo.git(['notes', '--ref=ai', 'add', '-m', `side2.txt\n  s_0123456789abcd::t_0123456789abcd 1\n---\n${JSON.stringify({ schema_version: 'authorship/3.0.0', base_commit_sha: picked, prompts: {}, sessions: { s_0123456789abcd: session } }, null, 2)}`, picked]);
    const noted = run(['cherry-pick', 'side2'], NO_AUTHOR);
    expect(noted.status, noted.stderr).toBe(0);
    expect(noted.started).toEqual(['prepare-commit-msg', 'post-commit']);
    expect(repo.git(['notes', '--ref=ai', 'show', 'HEAD'])).toContain('side2.txt\n  s_0123456789abcd::t_0123456789abcd 1\n');
  });
});
