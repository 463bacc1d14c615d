import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeCode, cursor, type EditCase } from '../fixtures/agent-payloads.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { BIN, hookEnv } from '../helpers/hooks.js';

/** `aitrail checkpoint` as an agent's hook runs it: payload on stdin, from `cwd`. */
function checkpoint(cwd: string, args: string[], input: string | Buffer, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [BIN, 'checkpoint', ...args], { cwd, env: hookEnv(env), input, encoding: 'utf8', maxBuffer: 1 << 26 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const store = (gitDir: string) => join(gitDir, 'aitrail', 'checkpoints');
const stored = (gitDir: string) => (existsSync(store(gitDir)) ? readdirSync(store(gitDir)) : []);

function repoWithFile(): TestRepo {
  const repo = makeRepo();
  repo.commit('base', { 'src/app.ts': 'alpha\nbravo\n' });
  return repo;
}

/** A Claude Code Write of `file` (absolute or as the agent names it). */
function write(repo: TestRepo, file: string, content = 'agent line\n') {
  const edit: EditCase = { file, relative: file, cwd: repo.dir, old: '', replacement: content, transcript: '' };
  const post = claudeCode.post(edit);
  return JSON.stringify({ ...post, tool_name: 'Write', tool_input: { file_path: file, content }, transcript_path: null });
}

describe('aitrail checkpoint never fails the agent', () => {
  it.each([
    ['not JSON', ['--agent', 'claude-code'], '{"session_id": ', /not JSON/],
    ['a JSON array', ['--agent', 'claude-code'], '[1,2]', /not a JSON object/],
    ['an unknown agent', ['--agent', 'vim'], '{}', /unknown agent 'vim'/],
    ['no --agent', [], '{}', /--agent is missing/],
    ['empty stdin', ['--agent', 'cursor'], '', /not JSON/],
    ['control characters in the agent name', ['--agent', 'x\u001b[31m'], '{}', /unknown agent/],
  ])('%s: one warning on stderr, exit 0, nothing stored', (_name, args, input, warning) => {
    const repo = repoWithFile();
    const result = checkpoint(repo.dir, args, input);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^aitrail checkpoint: /);
    expect(result.stderr).toMatch(warning);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\u001b|at .*\.js:\d+/);
    expect(stored(join(repo.dir, '.git'))).toEqual([]);
  });

  it('a payload about another tool or event is ignored silently', () => {
    const repo = repoWithFile();
    const bash = { ...claudeCode.post({ file: join(repo.dir, 'x'), relative: 'x', cwd: repo.dir, old: '', replacement: '', transcript: '' }), tool_name: 'Bash', tool_input: { command: 'ls' } };
    expect(checkpoint(repo.dir, ['--agent', 'claude-code'], JSON.stringify(bash))).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(stored(join(repo.dir, '.git'))).toEqual([]);
  });

  it('Cursor reads JSON on stdout: it gets {} even when the payload is broken', () => {
    const repo = repoWithFile();
    const result = checkpoint(repo.dir, ['--agent', 'cursor'], 'garbage');
    expect(result).toMatchObject({ status: 0, stdout: '{}\n' });
  });

  it('a payload over 32 MB is drained whole (the agent never sees a broken pipe), refused with a warning', () => {
    const repo = repoWithFile();
    const huge = Buffer.alloc(33 * 1024 * 1024, 0x20);
    const result = checkpoint(repo.dir, ['--agent', 'claude-code'], huge);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/over 32 MB; nothing recorded/);
    expect(stored(join(repo.dir, '.git'))).toEqual([]);
  });

  it('AITRAIL=0: nothing recorded, nothing said', () => {
    const repo = repoWithFile();
    repo.write('src/app.ts', 'agent line\n');
    expect(checkpoint(repo.dir, ['--agent', 'claude-code'], write(repo, join(repo.dir, 'src/app.ts')), { AITRAIL: '0' })).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(stored(join(repo.dir, '.git'))).toEqual([]);
  });

  it('AITRAIL_QUIET=1 or -q: the warning is not printed, still exit 0', () => {
    const repo = repoWithFile();
    expect(checkpoint(repo.dir, ['--agent', 'claude-code'], 'garbage', { AITRAIL_QUIET: '1' })).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(checkpoint(repo.dir, ['--agent', 'claude-code', '-q'], 'garbage')).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('outside any repository: nothing recorded, exit 0', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'x\n');
    const result = checkpoint(dir, ['--agent', 'claude-code'], JSON.stringify({ ...JSON.parse(write(makeRepo(), join(dir, 'a.txt'))), cwd: dir }));
    expect(result.status).toBe(0);
    expect(existsSync(join(dir, '.git'))).toBe(false);
  });
});

describe('aitrail checkpoint refuses hostile paths', () => {
  it.each([
    ['an absolute path outside the repository', (repo: TestRepo, outside: string) => join(outside, 'secret.txt')],
    ['a relative path climbing out with ..', (_repo: TestRepo, outside: string) => `../${outside.split('/').pop()}/secret.txt`],
    ['a path into .git', (repo: TestRepo) => join(repo.dir, '.git', 'config')],
    ['a file that is a symbolic link out of the repository', (repo: TestRepo, outside: string) => (symlinkSync(join(outside, 'secret.txt'), join(repo.dir, 'link.txt')), join(repo.dir, 'link.txt'))],
    ['a file under a symbolic link to a folder outside', (repo: TestRepo, outside: string) => (symlinkSync(outside, join(repo.dir, 'out')), join(repo.dir, 'out', 'secret.txt'))],
    ['a FIFO', (repo: TestRepo) => (spawnSync('mkfifo', [join(repo.dir, 'pipe')]), join(repo.dir, 'pipe'))],
    ['a name holding a newline', (repo: TestRepo) => (writeFileSync(join(repo.dir, 'a\nb.ts'), 'x\n'), join(repo.dir, 'a\nb.ts'))],
  ])('%s: refused with a warning, nothing read or stored, exit 0', (_name, target) => {
    const repo = repoWithFile();
    const outside = tempDir('aitrail-outside-');
    writeFileSync(join(outside, 'secret.txt'), 'secret\n');
    const file = target(repo, outside);
    const result = checkpoint(repo.dir, ['--agent', 'claude-code'], write(repo, file));
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^aitrail checkpoint: not recording .*: (it is outside the repository|it is inside git's own folder|it goes through a symbolic link|it is a symbolic link|it is not a regular file|its name holds characters)/);
    expect(stored(join(repo.dir, '.git'))).toEqual([]);
    expect(readFileSync(join(outside, 'secret.txt'), 'utf8')).toBe('secret\n');
  });

  it('a checkpoint store that is a symbolic link (.git/aitrail → elsewhere) is never written through', () => {
    const repo = repoWithFile();
    const elsewhere = tempDir('aitrail-elsewhere-');
    symlinkSync(elsewhere, join(repo.dir, '.git', 'aitrail'));
    repo.write('src/app.ts', 'agent line\n');
    const result = checkpoint(repo.dir, ['--agent', 'claude-code'], write(repo, join(repo.dir, 'src/app.ts')));
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/cannot keep checkpoints: .* is not a directory; nothing recorded/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('a file over 4 MB is not recorded', () => {
    const repo = repoWithFile();
    repo.write('big.txt', 'line\n'.repeat(1024 * 1024));
    const result = checkpoint(repo.dir, ['--agent', 'claude-code'], write(repo, join(repo.dir, 'big.txt')));
    expect(result).toMatchObject({ status: 0, stderr: expect.stringMatching(/not recording .*big\.txt: it is over 4 MB/) });
    expect(stored(join(repo.dir, '.git'))).toEqual([]);
  });

  it('storage is bounded: past 5000 files waiting for a commit, no more are added (a warning says what to do)', () => {
    const repo = repoWithFile();
    const dir = store(join(repo.dir, '.git'));
    mkdirSync(dir, { recursive: true });
    for (let at = 0; at < 5000; at += 1) writeFileSync(join(dir, `${String(at).padStart(32, '0')}.json`), '{}');
    repo.write('src/app.ts', 'agent line\n');
    const result = checkpoint(repo.dir, ['--agent', 'claude-code'], write(repo, join(repo.dir, 'src/app.ts')));
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/5000 files are already waiting for a commit; not recording more/);
    expect(readdirSync(dir)).toHaveLength(5000);
  });

  it('storage is bounded in bytes: past 256 MB waiting for a commit, nothing more is added', () => {
    const repo = repoWithFile();
    const dir = store(join(repo.dir, '.git'));
    mkdirSync(dir, { recursive: true });
    // A sparse file: 256 MB on the books, nothing on the disk.
    truncateSync((writeFileSync(join(dir, `${'f'.repeat(32)}.json`), ''), join(dir, `${'f'.repeat(32)}.json`)), 256 * 1024 * 1024);
    repo.write('src/app.ts', 'agent line\n');
    const result = checkpoint(repo.dir, ['--agent', 'claude-code'], write(repo, join(repo.dir, 'src/app.ts')));
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/hold 256 MB already; not recording more/);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('a checkpoint file is private (0600) and named by a hash, not by the path', () => {
    const repo = repoWithFile();
    repo.write('src/app.ts', 'agent line\n');
    expect(checkpoint(repo.dir, ['--agent', 'claude-code'], write(repo, join(repo.dir, 'src/app.ts'))).stderr).toBe('');
    const [name] = stored(join(repo.dir, '.git'));
    expect(name).toMatch(/^[0-9a-f]{32}\.json$/);
    expect(statSync(join(store(join(repo.dir, '.git')), name!)).mode & 0o777).toBe(0o600);
  });

  it('a linked worktree keeps its checkpoints in its own git dir, not in the main one', () => {
    const repo = repoWithFile();
    const linked = join(tempDir('aitrail-wt-'), 'linked');
    repo.git(['worktree', 'add', '-q', '-b', 'side', linked]);
    writeFileSync(join(linked, 'src/app.ts'), 'agent line\n');
    const payload = cursor.post({ file: join(linked, 'src/app.ts'), relative: 'src/app.ts', cwd: linked, old: 'alpha\nbravo', replacement: 'agent line', transcript: '' });
    expect(checkpoint(linked, ['--agent', 'cursor'], JSON.stringify(payload)).stderr).toBe('');
    expect(stored(join(repo.dir, '.git'))).toEqual([]);
    expect(stored(join(repo.dir, '.git', 'worktrees', 'linked'))).toHaveLength(1);
  });
});
