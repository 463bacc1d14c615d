import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configBool, configBools, configStrings, configValue } from '../../src/git/config-value.js';
import { objectInfoLines } from '../../src/git/object-batch.js';
import { GitError } from '../../src/git/exec.js';
import { aitrail, BIN } from '../helpers/cli.js';
import { CLAUDE_DECLARED, commitCase, commitWith, policyServer, project, QWEN, tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

/** The git processes a GIT_TRACE file records (each logs its command line once as it starts). */
function gitCommands(trace: string): string[] {
  return readFileSync(trace, 'utf8')
    .split('\n')
    .flatMap((line) => /trace: (?:built-in|exec): git (.*)$/.exec(line)?.[1] ?? []);
}

const catFiles = (commands: string[]) => commands.filter((command) => command.startsWith('cat-file'));

const POLICY = 'policy:\n  deny: ["qwen/*"]\n  paths:\n    - files: ["src/crypto/**"]\n      deny: ["qwen/*", "openai/*"]\n';

describe('git processes of one judged push and one check (issue 12: one cat-file of each kind a run)', () => {
  it('pre-receive and check ask their object questions of at most three `cat-file --batch-check` and three `cat-file --batch` (two one-shots, then one shared); pre-receive reads its two core settings with one `git config` and lists a notes tree once', () => {
    const { remote, work } = policyServer(POLICY);
    const trace = join(tempDir('aitrail-trace-'), 'pre-receive.trace');
    // The server's hook as installHooks writes it, git traced for aitrail's own processes only.
    writeFileSync(join(remote.dir, 'hooks', 'pre-receive'), `#!/bin/sh\nGIT_TRACE='${trace}' exec "${process.execPath}" "${BIN}" hook pre-receive "$@"\n`);
    chmodSync(join(remote.dir, 'hooks', 'pre-receive'), 0o755);
    for (const [at, file] of ['src/crypto/k1.ts', 'src/a.ts', 'src/crypto/k2.ts', 'docs/b.md'].entries()) {
      const sha = commitCase(work, `c${at}`, `feat: change ${at}\n\n${CLAUDE_DECLARED}\n`, file);
      if (at % 2 === 0) addNote(work, sha, gitAiNote({ [file]: [session(NOTE_KEYS.claude, '1')] }));
    }
    const checkTrace = join(tempDir('aitrail-trace-'), 'check.trace');
    const check = aitrail(work.dir, ['check', 'origin/main..HEAD'], { env: { GIT_TRACE: checkTrace } });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main', 'refs/notes/ai']);
    expect(push.code, push.stderr).toBe(0);
    for (const commands of [gitCommands(trace), gitCommands(checkTrace)]) {
      // At a6f7a5a: 33 cat-file processes in this push's pre-receive, one per question asked
      // (resolveCommits, pathObjects, blobIdsAt, filesAt, readBlob, each reader of notes or blobs).
      // The first two questions of a kind go to a process of their own (object-batch.ts ONE_SHOTS_FIRST:
      // no child_process machinery for a run that asks little), the rest to one shared process.
      for (const mode of ['cat-file --batch', 'cat-file --batch-check']) expect(catFiles(commands).filter((command) => command === mode).length, mode).toBeLessThanOrEqual(3);
      expect(catFiles(commands).every((command) => command === 'cat-file --batch' || command === 'cat-file --batch-check')).toBe(true);
    }
    // core.ignorecase and core.precomposeunicode (case-variant-refs.ts): one `git config`, two at a6f7a5a.
    expect(gitCommands(trace).filter((command) => command.startsWith('config '))).toEqual([`config --type=bool -z --get-regexp '^(core\\.ignorecase|core\\.precomposeunicode)$'`]);
    // The common dir (policy memory) and the shallow file of one `git rev-parse` (git-path.ts runPaths): two at 4555ec2.
    expect(gitCommands(trace).filter((command) => command.startsWith('rev-parse '))).toEqual(['rev-parse --absolute-git-dir --git-common-dir --is-shallow-repository --git-path shallow']);
    // The notes refs pre-receive records (receive-record.ts) and the two tips it judges by, of one `for-each-ref`: two at 1e700cf.
    // HEAD's branch (the default, whose policy judges) listed by the same one: a `for-each-ref` of its own at 94e09c1 (session 52 task o).
    expect(gitCommands(trace).filter((command) => command.startsWith('for-each-ref ') && command.includes('refs/notes/'))).toEqual([`for-each-ref '--format=%(objectname) %(refname)%00%(objecttype)' refs/notes/ refs/heads/main`]);
    expect(gitCommands(trace).filter((command) => command.startsWith('for-each-ref ') && command.endsWith(' refs/heads/main'))).toHaveLength(1);
    // Each notes tree listed once a run (notes.ts listNotes): the same tip was listed up to five times.
    const listings = gitCommands(trace).filter((command) => command.startsWith('ls-tree -r -z -l --full-tree '));
    expect(listings.length).toBeGreaterThan(0);
    expect(new Set(listings).size).toBe(listings.length);
    // A refusal keeps its exit code: the run waits for the processes it shared before it ends.
    commitCase(work, 'qwen', `feat: qwen\n\n${QWEN}\n`, 'src/crypto/q.ts');
    expect(aitrail(work.dir, ['check', 'origin/main..HEAD']).code).toBe(1);
    const refused = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main']);
    expect(refused.code, refused.stderr).not.toBe(0);
    expect(refused.stderr).toContain('push rejected by the server');
  });

  it('a name git dies on is asked of a process of its own: the shared one answers the questions beside it', async () => {
    const bare = makeRepo({ bare: true });
    const sha = bare.git(['hash-object', '-w', '--stdin'], { input: 'hello\n' });
    // The first two questions of a kind go to a process of their own (object-batch.ts ONE_SHOTS_FIRST): the pair below meets the shared one.
    // A missing object's name: a found one's answer is kept for the run and never asked again (row 1182).
    for (let asked = 0; asked < 2; asked += 1) expect(await objectInfoLines(bare.dir, ['f'.repeat(40)])).toEqual([`${'f'.repeat(40)} missing`]);
    // `<oid>:./x` is a path relative to a work tree: git cat-file dies in a bare repository.
    const [dies, beside] = await Promise.allSettled([objectInfoLines(bare.dir, [`${sha}:./x`]), objectInfoLines(bare.dir, [sha, `${'0'.repeat(40)}`])]);
    expect(dies.status).toBe('rejected');
    expect((dies as PromiseRejectedResult).reason).toBeInstanceOf(GitError);
    expect(beside).toEqual({ status: 'fulfilled', value: [`${sha} blob 6`, `${'0'.repeat(40)} missing`] });
    expect(await objectInfoLines(bare.dir, [`${sha}`])).toEqual([`${sha} blob 6`]);
  });

  it('configBools reads each key as configBool does: the last value, a key with no value true, unset undefined', async () => {
    const bare = makeRepo({ bare: true });
    writeFileSync(join(bare.dir, 'config'), `${readFileSync(join(bare.dir, 'config'), 'utf8')}[core]\n\tignorecase\n\tprecomposeUnicode = yes\n[Core]\n\tprecomposeunicode = off\n`);
    const keys = ['core.ignorecase', 'core.precomposeunicode', 'core.fsyncobjectfiles'];
    const read = await configBools(bare.dir, keys);
    expect([...read]).toEqual(await Promise.all(keys.map(async (key) => [key, await configBool(bare.dir, key)])));
    expect([...read.values()]).toEqual([true, false, undefined]);
  });

  it("pre-push greps for planted .env switches only when the index holds a .env: none, no `git grep`; one deleted from the work tree is still read and named", () => {
    const { work } = project('policy:\n  deny: ["qwen/*"]\n', { hooks: ['pre-push'] });
    commitCase(work, 'one', `feat: one\n\n${CLAUDE_DECLARED}\n`);
    const trace = join(tempDir('aitrail-trace-'), 'pre-push.trace');
    const quiet = tryGit(work.dir, ['push', '-q', 'origin', 'main'], { env: { GIT_TRACE: trace } });
    expect(quiet.code, quiet.stderr).toBe(0);
    // At bd1a62b: `ls-files` of the .env pathspecs, then a `git grep` of the work tree and one of the index, both over no file.
    const asked = gitCommands(trace);
    expect(asked.filter((command) => command.startsWith('ls-files -s -z -- '))).toHaveLength(1);
    expect(asked.filter((command) => command.startsWith('grep '))).toEqual([]);
    expect(quiet.stderr).not.toContain('.env');
    // The shallow file and the git dir the notes push reads, of one `git rev-parse` (git-path.ts runPaths): two at 4555ec2.
    expect(asked.filter((command) => command.startsWith('rev-parse '))).toEqual(['rev-parse --absolute-git-dir --git-common-dir --is-shallow-repository --git-path shallow']);
    // A committed .env, deleted from the work tree since (still in the index): both greps run, the index's is named.
    expect(commitWith(work, 'chore: env\n', { '.env': 'LOG_LEVEL=info\nexport GIT_CONFIG_COUNT=1\n' }, { noVerify: true }).code).toBe(0);
    rmSync(join(work.dir, '.env'));
    const named = join(tempDir('aitrail-trace-'), 'pre-push.trace');
    const pushed = tryGit(work.dir, ['push', '-q', 'origin', 'main'], { env: { GIT_TRACE: named } });
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(gitCommands(named).filter((command) => command.startsWith('grep '))).toHaveLength(2);
    expect(pushed.stderr).toContain('.env');
    expect(pushed.stderr).toContain('GIT_CONFIG_COUNT');
  });

  it('an agent commit through the hooks finds aitrail outside the work tree (PATH) without asking git whether node_modules is tracked', () => {
    const { repo, env, started } = hookedRepo();
    repo.write('b.txt', 'b\n');
    repo.git(['add', 'b.txt']);
    const trace = join(tempDir('aitrail-trace-'), 'commit.trace');
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: b'], { env: { ...env, CLAUDECODE: '1', GIT_TRACE: trace } });
    expect(made.code, made.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toContain('Assisted-by: claude-code:');
    expect(readFileSync(started, 'utf8')).toContain('hook commit-msg');
    // At bd1a62b: `ls-files --error-unmatch -- node_modules` in each hook that started node (shim-source.ts clientLookup).
    expect(gitCommands(trace).filter((command) => command.startsWith('ls-files'))).toEqual([]);
  });

  it('configStrings reads each key as configValue does (the last value, a key with no value \'\', unset undefined); status reads core.hooksPath and aitrail.packageDir with one `git config`', async () => {
    const repo = makeRepo();
    const config = join(repo.dir, '.git', 'config');
    writeFileSync(config, `${readFileSync(config, 'utf8')}[core]\n\thooksPath = one\n[Core]\n\thookspath = .githooks\n[aitrail]\n\tpackageDir\n`);
    const keys = ['core.hookspath', 'aitrail.packagedir', 'core.editor'];
    const read = await configStrings(repo.dir, keys);
    expect([...read]).toEqual(await Promise.all(keys.map(async (key) => [key, await configValue(repo.dir, key)])));
    expect([...read.values()]).toEqual(['.githooks', '', undefined]);
    const trace = join(tempDir('aitrail-trace-'), 'status.trace');
    const status = aitrail(repo.dir, ['status'], { env: { GIT_TRACE: trace } });
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('core.hooksPath=.githooks');
    // At bd1a62b: `config -z --get core.hooksPath` and `config -z --get aitrail.packageDir`, two processes. Then one more
    // of its own, read from the git dir as receive-pack reads it (a valueless key is `refuse`, not ''): whether the
    // repository takes pushes into its checked-out branch, and whether a linked worktree may read another value
    // (src/install/push-target.ts pushesTaken: row 637's keys in the same process).
    expect(gitCommands(trace).filter((command) => command.startsWith('config '))).toEqual([
      `config -z --get-regexp '^(core\\.hookspath|aitrail\\.packagedir)$'`,
      `config -z --get-regexp '^(receive\\.denycurrentbranch|extensions\\.worktreeconfig|includeif\\..*\\.path)$'`,
    ]);
  });
});

describe('git processes of aitrail init (issue 12)', () => {
  it('init --mode git reads core.hooksPath, aitrail.packageDir and notes.rewriteRef with one `git config`, as each alone reads it', () => {
    const repo = makeRepo();
    repo.commit('start\n', { 'a.txt': 'a\n' });
    const config = join(repo.dir, '.git', 'config');
    // A valueless notes.rewriteRef and one naming other notes: init adds its glob beside them; a package folder recorded before, unusable.
    writeFileSync(config, `${readFileSync(config, 'utf8')}[notes]\n\trewriteRef\n\trewriteRef = refs/notes/commits\n[aitrail]\n\tpackageDir = ../x\n`);
    const trace = join(tempDir('aitrail-trace-'), 'init.trace');
    const init = aitrail(repo.dir, ['init', '--mode', 'git'], { env: { GIT_TRACE: trace } });
    expect(init.code, init.stdout + init.stderr).toBe(0);
    expect(tryGit(repo.dir, ['config', '--get-all', 'notes.rewriteRef']).stdout).toBe('\nrefs/notes/commits\nrefs/notes/a[i]\n');
    expect(tryGit(repo.dir, ['config', '--get-all', 'aitrail.packageDir']).code).toBe(1);
    // At 4555ec2: `config -z --get core.hooksPath`, `config -z --get aitrail.packageDir`, `config -z --get-all notes.rewriteRef`.
    expect(gitCommands(trace).filter((command) => command.startsWith('config -z --get'))).toEqual([
      `config -z --get-regexp '^(core\\.hookspath|aitrail\\.packagedir|notes\\.rewriteref)$'`,
      `config -z --get-regexp '^(receive\\.denycurrentbranch|extensions\\.worktreeconfig|includeif\\..*\\.path)$'`,
    ]);
    // Run again: the glob is there, nothing is added.
    const again = aitrail(repo.dir, ['init', '--mode', 'git']);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(tryGit(repo.dir, ['config', '--get-all', 'notes.rewriteRef']).stdout).toBe('\nrefs/notes/commits\nrefs/notes/a[i]\n');
  });
});

describe('git processes of aitrail log (issue 12)', () => {
  it('log with no range runs one `rev-parse` of HEAD (to say `No commits yet` before anything is opened) and one `git log`', () => {
    const repo = makeRepo();
    repo.commit(`feat: a\n\n${CLAUDE_DECLARED}\n`, { 'a.txt': 'a\n' });
    const trace = join(tempDir('aitrail-trace-'), 'log.trace');
    const log = aitrail(repo.dir, ['log'], { env: { GIT_TRACE: trace } });
    expect(log.code, log.stderr).toBe(0);
    expect(log.stdout).toContain('claude-code');
    // The repository's top, then `rev-parse --verify --quiet --end-of-options HEAD^{commit}` before the `git log`
    // (running git log first to spare the second cost more control flow than the ~1 ms it saved: reverted).
    const asked = gitCommands(trace);
    expect(asked.filter((command) => command.startsWith('rev-parse '))).toHaveLength(2);
    expect(asked.filter((command) => command.startsWith('log '))).toHaveLength(1);
    // A HEAD with no commit: git log fails, the run says so as before (nothing in JSON, exit 0).
    const unborn = makeRepo();
    expect(aitrail(unborn.dir, ['log'])).toMatchObject({ code: 0, stdout: 'No commits yet.\n', stderr: '' });
    expect(aitrail(unborn.dir, ['log', '--format', 'json'])).toMatchObject({ code: 0, stdout: '[]\n', stderr: '' });
    // A bad range still fails as git log does (exit 3).
    expect(aitrail(repo.dir, ['log', 'nosuch']).code).toBe(3);
  });
});
