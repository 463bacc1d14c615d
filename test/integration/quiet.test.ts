import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { aitrail, gitRun } from '../helpers/hooks.js';

/** `--quiet` / AITRAIL_QUIET=1: no warnings, notes or progress on stderr; errors and refusals always. */
const CLAUDE_NO_MODEL = 'feat: by claude\n\nCo-authored-by: Claude <noreply@anthropic.com>\n';
const QWEN = 'feat: by qwen\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n';
const WARNING = /^aitrail: warning \[unknown-model\]: /m;

function repoWithPolicy(): TestRepo {
  const repo = makeRepo();
  repo.commit('initial\n', { '.aitrailrc.json': JSON.stringify({ policy: { deny: ['qwen/*'], unknownModel: 'warn' } }), 'a.txt': 'a\n' });
  return repo;
}

describe('aitrail hook --quiet', () => {
  const repo = repoWithPolicy();
  repo.write('.git/MSG_CLAUDE', CLAUDE_NO_MODEL);
  repo.write('.git/MSG_QWEN', QWEN);

  it('silences the warning, before or after the hook name, and as a global option; AITRAIL_QUIET=1 the same', () => {
    const loud = aitrail(repo.dir, ['hook', 'commit-msg', '.git/MSG_CLAUDE']);
    expect(loud.status).toBe(0);
    expect(loud.stderr).toMatch(WARNING);
    for (const args of [
      ['hook', 'commit-msg', '--quiet', '.git/MSG_CLAUDE'],
      ['hook', 'commit-msg', '-q', '.git/MSG_CLAUDE'],
      ['hook', '--quiet', 'commit-msg', '.git/MSG_CLAUDE'],
      ['--quiet', 'hook', 'commit-msg', '.git/MSG_CLAUDE'],
    ]) {
      const quiet = aitrail(repo.dir, args);
      expect(quiet.status, args.join(' ')).toBe(0);
      expect(quiet.stderr, args.join(' ')).toBe('');
    }
    expect(aitrail(repo.dir, ['hook', 'commit-msg', '.git/MSG_CLAUDE'], { AITRAIL_QUIET: '1' }).stderr).toBe('');
  });

  it('never silences a refusal', () => {
    const refused = aitrail(repo.dir, ['hook', 'commit-msg', '--quiet', '.git/MSG_QWEN']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder/);
    expect(refused.stderr).toMatch(/commit again/);
  });

  it('a push to a remote named --quiet is judged as any other (git\'s argument, not ours)', () => {
    const server = makeRepo({ bare: true });
    const local = repoWithPolicy();
    local.git(['remote', 'add', '--', '--quiet', server.dir]);
    local.git(['push', '-q', '--', '--quiet', 'main']);
    expect(aitrail(local.dir, ['init', '--mode', 'git']).status).toBe(0);
    local.git(['add', '-A']);
    gitRun(local.dir, ['commit', '-q', '--no-verify', '--allow-empty', '-F', '-'], {}, CLAUDE_NO_MODEL);
    const warned = gitRun(local.dir, ['push', '-q', '--', '--quiet', 'main']);
    expect(warned.status, warned.stderr).toBe(0);
    // Shims pass git's arguments as they are: the remote '--quiet' does not silence the warning.
    expect(warned.stderr).toMatch(WARNING);
    expect(server.git(['rev-parse', 'main'])).toBe(local.git(['rev-parse', 'HEAD']));
    gitRun(local.dir, ['commit', '-q', '--no-verify', '--allow-empty', '-F', '-'], {}, QWEN);
    const refused = gitRun(local.dir, ['push', '-q', '--', '--quiet', 'main']);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder/);
    expect(server.git(['rev-parse', 'main'])).not.toBe(local.git(['rev-parse', 'HEAD']));
  });
});

describe('aitrail --quiet for every command', () => {
  const repo = repoWithPolicy();
  const first = repo.git(['rev-parse', 'HEAD']);
  repo.commit(CLAUDE_NO_MODEL, { 'b.txt': 'b\n' });
  symlinkSync('a.txt', join(repo.dir, 'link'));
  repo.commit('a link\n');

  it('blame: notes and warnings go, the report stays; an error is still printed', () => {
    const loud = aitrail(repo.dir, ['blame', '--no-cache', 'link', 'a.txt']);
    expect(loud.status).toBe(0);
    expect(loud.stderr).toMatch(/^aitrail: note: /m);
    for (const [args, env] of [[['--quiet'], {}], [['-q'], {}], [[], { AITRAIL_QUIET: '1' }]] as const) {
      const quiet = aitrail(repo.dir, ['blame', '--no-cache', ...args, 'link', 'a.txt'], env);
      expect(quiet.status).toBe(0);
      expect(quiet.stderr).toBe('');
      expect(quiet.stdout).toBe(loud.stdout);
    }
    const error = aitrail(repo.dir, ['blame', '--quiet', '--rev', 'no-such-rev']);
    expect(error.status).toBe(3);
    expect(error.stderr).toMatch(/^aitrail: unknown --rev 'no-such-rev'/);
  });

  it('trend: no progress lines', () => {
    const loud = aitrail(repo.dir, ['trend', first, 'HEAD']);
    expect(loud.status).toBe(0);
    expect(loud.stderr).not.toBe('');
    const quiet = aitrail(repo.dir, ['trend', '--quiet', first, 'HEAD']);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(loud.stdout);
  });

  it('check: no "policy from" line; the verdict (a warning is part of it) stays on stdout', () => {
    const loud = aitrail(repo.dir, ['check', `${first}..HEAD`]);
    expect(loud.status).toBe(0);
    expect(loud.stderr).toMatch(/policy/);
    const quiet = aitrail(repo.dir, ['check', '-q', `${first}..HEAD`]);
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(loud.stdout);
    expect(quiet.stdout).toMatch(/unknown-model/);
    const bad = aitrail(repo.dir, ['check', '--quiet', 'nope..HEAD']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/^aitrail: /);
  });
});
