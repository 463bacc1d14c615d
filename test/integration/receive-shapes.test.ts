// Red team, the shape of what is pushed: real bare servers running the pre-receive hook, real
// pushes (hooks skipped on the pushing side), and `aitrail check` as CI runs it.
// Every test here failed before its fix.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, project, tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const refsOf = (dir: string): string => tryGit(dir, ['for-each-ref', '--format=%(refname)']).stdout;

describe('a shallow push', () => {
  it('a server that takes shallow pushes (receive.shallowUpdate) refuses one whose history it then lacks, and takes one whose cut it already has', () => {
    const { remote, work } = policyServer('policy:\n  paths:\n    - files: ["src/crypto/**"]\n      deny: ["qwen/*"]\n');
    remote.git(['config', 'receive.shallowUpdate', 'true']);
    // Qwen writes the protected file; a person's commit on top; a clone one commit deep pushes the person's commit alone.
    work.git(['checkout', '-q', '-b', 'side', 'main']);
    expect(commitWith(work, `feat: aes\n\n${QWEN_DECLARED}\n`, { 'src/crypto/aes.ts': 'export const key = 1;\n' }, { noVerify: true }).code).toBe(0);
    expect(commitWith(work, 'docs: readme\n', { 'README.md': 'aes\n' }, { noVerify: true }).code).toBe(0);
    const shallow = `${tempDir('aitrail-shallow-')}/clone`;
    expect(tryGit(work.dir, ['clone', '-q', '--depth', '1', '--no-local', '-b', 'side', `file://${work.dir}`, shallow]).code).toBe(0);
    expect(tryGit(shallow, ['rev-parse', '--is-shallow-repository']).stdout.trim()).toBe('true');
    const push = tryGit(shallow, ['push', '--no-verify', remote.dir, 'side:refs/heads/side']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toMatch(/shallow/);
    expect(push.stderr).toMatch(/--unshallow/);
    expect(refsOf(remote.dir)).not.toContain('refs/heads/side');
    expect(tryGit(remote.dir, ['rev-parse', '--is-shallow-repository']).stdout.trim()).toBe('false');
    // The same history pushed whole is judged, and refused for Qwen's lines.
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'side']).code).not.toBe(0);

    // A CI clone one commit deep of the server itself: its cut is a commit the server has, nothing shallow is pushed.
    const ci = `${tempDir('aitrail-shallow-')}/ci`;
    expect(tryGit(work.dir, ['clone', '-q', '--depth', '1', '--no-local', `file://${remote.dir}`, ci]).code).toBe(0);
    for (const [key, value] of [['user.name', 'CI'], ['user.email', 'ci@example.com'], ['commit.gpgsign', 'false']]) tryGit(ci, ['config', key as string, value as string]);
    tryGit(ci, ['checkout', '-q', '-b', 'ci']);
    expect(tryGit(ci, ['commit', '-q', '--allow-empty', '-m', 'chore: bump']).code).toBe(0);
    const ciPush = tryGit(ci, ['push', '--no-verify', 'origin', 'ci']);
    expect(ciPush.code, ciPush.stderr).toBe(0);
  });
});

describe('a submodule the checkout\'s own .gitmodules tells git to ignore', () => {
  it('a gitlink at a protected path under `ignore = all` (or `dirty`) in the committed .gitmodules: refused by check in a CI checkout and by pre-push; a submodule elsewhere still passes', () => {
    const policy = 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      deny: ["qwen/*"]\n';
    const { work } = project(policy);
    // Qwen writes aes.ts on a branch of its own (allowed: not under src/crypto).
    work.git(['checkout', '-q', '-b', 'qwen', 'main']);
    expect(commitWith(work, `feat: aes\n\n${QWEN_DECLARED}\n`, { 'lib/aes.ts': 'export const key = 1;\n' }, { noVerify: true }).code).toBe(0);
    const qwen = work.git(['rev-parse', 'HEAD']);
    for (const ignore of ['all', 'dirty', 'untracked']) {
      // A person's commit makes src/crypto/impl a gitlink to it, the .gitmodules beside it saying git should not look.
      work.git(['checkout', '-q', '-b', `sub-${ignore}`, 'main']);
      work.write('.gitmodules', `[submodule "impl"]\n\tpath = src/crypto/impl\n\turl = ./\n\tignore = ${ignore}\n`);
      work.git(['update-index', '--add', '--cacheinfo', `160000,${qwen},src/crypto/impl`]);
      work.git(['add', '.gitmodules']);
      expect(tryGit(work.dir, ['commit', '-q', '--no-verify', '-m', 'chore: vendor the implementation']).code).toBe(0);
      // CI: the checkout is the pull request's, its .gitmodules the one git reads.
      const check = aitrail(work.dir, ['check', 'refs/remotes/origin/main..HEAD', '--policy-from', 'refs/remotes/origin/main', '--format', 'json']);
      expect(check.code, `${ignore}: ${check.stdout}${check.stderr}`).toBe(1);
      expect((JSON.parse(check.stdout) as { violations: { rule: string; path: string }[] }).violations.map((violation) => violation.rule), ignore).toContain('path-submodule');
      const push = tryGit(work.dir, ['push', 'origin', `sub-${ignore}`]);
      expect(push.code, `${ignore}: ${push.stderr}`).not.toBe(0);
      work.git(['checkout', '-q', 'main']);
    }
    // The same submodule outside the protected paths is an ordinary one.
    work.git(['checkout', '-q', '-b', 'sub-elsewhere', 'main']);
    work.write('.gitmodules', '[submodule "impl"]\n\tpath = vendor/impl\n\turl = ./\n\tignore = all\n');
    work.git(['update-index', '--add', '--cacheinfo', `160000,${qwen},vendor/impl`]);
    work.git(['add', '.gitmodules']);
    expect(tryGit(work.dir, ['commit', '-q', '--no-verify', '-m', 'chore: vendor it']).code).toBe(0);
    expect(aitrail(work.dir, ['check', 'refs/remotes/origin/main..HEAD', '--policy-from', 'refs/remotes/origin/main']).code).toBe(0);
  });
});

describe("a session record searched for under the checkout's own .gitattributes", () => {
  it('`* -diff` (or `* binary`) in the pull request makes git grep answer "Binary file … matches": (or a person\'s grep.lineNumber puts numbers before it): the record in another note is still found, and the denied model refused by check', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n', 'a.ts': 'one\n' });
    // A session's first commit, its note holding the session's record (the commit itself is on main, from before).
    const first = repo.commit('feat: first\n', { 'lib.ts': 'q 1\n' });
    addNote(repo, first, gitAiNote({ 'lib.ts': [session(NOTE_KEYS.qwen, '1')] }));
    repo.git(['checkout', '-q', '-b', 'pr']);
    const bare = JSON.parse(gitAiNote({ 'a.ts': [session(NOTE_KEYS.qwen, '2-3')] }).split('---\n')[1]!);
    bare.sessions = {};
    for (const attributes of ['', '* -diff\n', '* binary\n']) {
      // The same session's next commit, its note using the key without the record (git-ai stores it once).
      const files: Record<string, string> = { 'a.ts': `one\nq ${attributes.length}\nq 3\n` };
      if (attributes) files['.gitattributes'] = attributes;
      const second = repo.commit('feat: second\n', files);
      addNote(repo, second, `a.ts\n  ${session(NOTE_KEYS.qwen, '2-3')}\n---\n${JSON.stringify(bare, null, 2)}\n`);
      const check = aitrail(repo.dir, ['check', `main..pr`, '--policy-from', 'main', '--format', 'json']);
      expect(check.code, `${JSON.stringify(attributes)}: ${check.stdout}${check.stderr}`).toBe(1);
      expect((JSON.parse(check.stdout) as { violations: { model: string }[] }).violations.map((violation) => violation.model)).toContain('qwen/qwen3-coder');
      if (!attributes) {
        // A person's own git config (grep.lineNumber, grep.column: common settings) makes git grep put numbers before the match.
        const env = { GIT_CONFIG_COUNT: '2', GIT_CONFIG_KEY_0: 'grep.lineNumber', GIT_CONFIG_VALUE_0: 'true', GIT_CONFIG_KEY_1: 'grep.column', GIT_CONFIG_VALUE_1: 'true' };
        const numbered = aitrail(repo.dir, ['check', `main..pr`, '--policy-from', 'main', '--format', 'json'], { env });
        expect(numbered.code, `grep.lineNumber: ${numbered.stdout}${numbered.stderr}`).toBe(1);
        expect(numbered.stdout).toContain('qwen/qwen3-coder');
      }
      repo.git(['reset', '-q', '--hard', 'HEAD^']);
    }
  });
});

describe('session records past the search cap', () => {
  // A note whose entry names `key` and whose metadata leaves the record out (git-ai stores a session's record once).
  const bareNote = (path: string, keys: string[], ranges: string): string =>
    `${path}\n${keys.map((key) => `  ${session(key, ranges)}`).join('\n')}\n---\n${JSON.stringify({ schema_version: 'authorship/3.0.0', git_ai_version: '1.4.5', base_commit_sha: '0'.repeat(40), prompts: {}, humans: {}, sessions: {} }, null, 2)}\n`;
  const decoy = (index: number): string => `s_${index.toString(16).padStart(14, 'd')}`;

  it('notes naming many records no note holds (eight searches, or 64 keys in one note), or four notes that only mention the key, before the Qwen entry whose record is in an earlier note: check and pre-receive still read Qwen and refuse it', () => {
    const policy = 'policy:\n  deny: ["qwen/*"]\n';
    const { remote, work } = policyServer(policy);
    // The Qwen session's first commit, on a branch the server has not got yet: its note (pushed) holds the session's record.
    work.git(['checkout', '-q', '-b', 'earlier', 'main']);
    const first = work.commit('feat: first\n', { 'lib.ts': 'q 1\n' });
    addNote(work, first, gitAiNote({ 'lib.ts': [session(NOTE_KEYS.qwen, '1')] }));
    work.git(['checkout', '-q', 'main']);
    const setUp = tryGit(work.dir, ['push', '-q', 'origin', 'main', 'refs/notes/ai']);
    expect(setUp.code, setUp.stderr).toBe(0);
    for (const shape of ['many-notes', 'many-keys', 'mentions']) {
      work.git(['checkout', '-q', '-b', shape, 'main']);
      // The Qwen session's next commit (oldest of the branch, judged last), its note without the record.
      const qwen = work.commit('feat: more\n', { 'a.ts': 'q 2\nq 3\n' });
      const keys = shape === 'many-keys' ? [...Array.from({ length: 64 }, (_, index) => decoy(index)), NOTE_KEYS.qwen] : [NOTE_KEYS.qwen];
      addNote(work, qwen, bareNote('a.ts', keys, '1-2'));
      if (shape === 'many-notes') {
        // Then nine commits whose notes each name a session no note holds a record for: each costs the reader one search.
        for (let index = 0; index < 9; index += 1) {
          const sha = work.commit(`chore: step ${index}\n`, { [`d${index}.ts`]: 'x\n' });
          addNote(work, sha, bareNote(`d${index}.ts`, [decoy(index)], '1'));
        }
      }
      if (shape === 'mentions') {
        // Four notes first in the tree (commits this clone lacks) that only mention the key: a search reading the first few notes holding the text finds no record.
        const mention = work.git(['hash-object', '-w', '--stdin'], { input: `x.ts\n  ${NOTE_KEYS.human} 1\n---\n${JSON.stringify({ schema_version: 'authorship/3.0.0', prompts: {}, sessions: {}, humans: { [NOTE_KEYS.human]: { author: 'A <a@example.com>' } }, seen: { [NOTE_KEYS.qwen]: true } })}\n` }).trim();
        const tree = work.git(['ls-tree', 'refs/notes/ai']).trim();
        const decoys = [1, 2, 3, 4].map((index) => `100644 blob ${mention}\t${String(index).padStart(40, '0')}`).join('\n');
        const mixed = tryGit(work.dir, ['mktree'], { input: `${tree}\n${decoys}\n` }).stdout.trim();
        work.git(['update-ref', 'refs/notes/ai', work.git(['commit-tree', mixed, '-p', 'refs/notes/ai', '-m', 'notes']).trim()]);
      }
      const check = aitrail(work.dir, ['check', `main..${shape}`, '--policy-from', 'main', '--format', 'json']);
      expect(check.code, `${shape}: ${check.stdout}${check.stderr}`).toBe(1);
      expect((JSON.parse(check.stdout) as { violations: { model: string }[] }).violations.map((violation) => violation.model), shape).toContain('qwen/qwen3-coder');
      const push = tryGit(work.dir, ['push', '--no-verify', 'origin', shape, 'refs/notes/ai']);
      expect(push.code, `${shape}: ${push.stderr}`).not.toBe(0);
      expect(push.stderr, shape).toContain('qwen');
      expect(refsOf(remote.dir), shape).not.toContain(`refs/heads/${shape}`);
      work.git(['checkout', '-q', 'main']);
    }
  });

  it('a record no readable note holds while a note of the tree cannot be read (missing, or over the size limit): check fails closed (exit 3) naming the cause; blame counts the lines as unknown and says why', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n', 'a.ts': 'one\n' });
    repo.git(['checkout', '-q', '-b', 'pr']);
    const qwen = repo.commit('feat: more\n', { 'a.ts': 'one\nq 2\n' });
    addNote(repo, qwen, bareNote('a.ts', [NOTE_KEYS.qwen], '2'));
    // No note holds the record: an unknown model, judged by policy.unknownModel (a warning by default).
    expect(aitrail(repo.dir, ['check', 'main..pr', '--policy-from', 'main']).code).toBe(0);
    // A note of the notes tree whose blob this repository lacks (a partial fetch): the record may be in it.
    const tree = repo.git(['ls-tree', 'refs/notes/ai']).trim();
    const missing = tryGit(repo.dir, ['mktree', '--missing'], { input: `${tree}\n100644 blob ${'e'.repeat(40)}\t${'f'.repeat(40)}\n` }).stdout.trim();
    const notes = repo.git(['commit-tree', missing, '-p', 'refs/notes/ai', '-m', 'notes']).trim();
    repo.git(['update-ref', 'refs/notes/ai', notes]);
    const check = aitrail(repo.dir, ['check', 'main..pr', '--policy-from', 'main']);
    expect(check.code, `${check.stdout}${check.stderr}`).toBe(3);
    expect(check.stderr).toContain(qwen.slice(0, 12));
    expect(check.stderr).toMatch(/cannot be judged/);
    const blame = aitrail(repo.dir, ['blame', '--format', 'json']);
    expect(blame.code, blame.stderr).toBe(0);
    expect(blame.stderr).toContain(qwen.slice(0, 12));
    expect(blame.stderr).toMatch(/could not be read/);
    // pre-push judges by the same notes: the push is refused, naming the cause.
    const { work } = project('policy:\n  deny: ["qwen/*"]\n', { hooks: ['pre-push'] });
    work.git(['checkout', '-q', '-b', 'pr']);
    const pushed = work.commit('feat: more\n', { 'a.ts': 'q 1\n' });
    addNote(work, pushed, bareNote('a.ts', [NOTE_KEYS.qwen], '1'));
    const workTree = work.git(['ls-tree', 'refs/notes/ai']).trim();
    const workMissing = tryGit(work.dir, ['mktree', '--missing'], { input: `${workTree}\n100644 blob ${'e'.repeat(40)}\t${'f'.repeat(40)}\n` }).stdout.trim();
    work.git(['update-ref', 'refs/notes/ai', work.git(['commit-tree', workMissing, '-p', 'refs/notes/ai', '-m', 'notes']).trim()]);
    const push = tryGit(work.dir, ['push', 'origin', 'pr']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toMatch(/cannot be judged/);
  });
});
