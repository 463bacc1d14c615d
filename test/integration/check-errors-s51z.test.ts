import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';
import { copiedRepo } from '../helpers/hooked-repo.js';
import { aitrail as hookedAitrail, gitRun, messageOf } from '../helpers/hooks.js';

const BAD = '{bad';
const CONFIG_ERROR = /^invalid aitrail config \(1 problem\):\n {2}- \.aitrailrc\.json: found malformed JSON/;

describe('check: an invalid config fails whatever the range holds', () => {
  it('a repository with no commit yet and a malformed .aitrailrc.json: exit 2 and the JSON error object, not ok', () => {
    const repo = makeRepo();
    repo.write('.aitrailrc.json', BAD);
    const json = aitrail(repo.dir, ['check', '--format', 'json']);
    expect(json.code, json.stdout).toBe(2);
    const parsed = JSON.parse(json.stdout) as { error: { exitCode: number; kind: string; message: string } };
    expect(parsed.error.exitCode).toBe(2);
    expect(parsed.error.kind).toBe('usage');
    expect(parsed.error.message).toMatch(CONFIG_ERROR);
    const text = aitrail(repo.dir, ['check']);
    expect(text.code).toBe(2);
    expect(text.stdout).toBe('');
    expect(text.stderr).toMatch(/^aitrail: invalid aitrail config/);
    // The same config once a commit holds it: the same exit code and object.
    repo.commit('first\n', { '.aitrailrc.json': BAD });
    const committed = aitrail(repo.dir, ['check', 'HEAD', '--format', 'json']);
    expect(committed.code).toBe(2);
    expect((JSON.parse(committed.stdout) as { error: { message: string } }).error.message).toMatch(CONFIG_ERROR);
  });

  it('an honest repository with no commit yet and a valid config (or none) still passes', () => {
    const repo = makeRepo();
    expect(aitrail(repo.dir, ['check']).code).toBe(0);
    repo.write('.aitrailrc.json', '{"policy": {"unknownModel": "deny"}}');
    const json = aitrail(repo.dir, ['check', '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, commits: 0, policy: 'none' });
  });
});

describe('check --format github: a failure is one ::error annotation on stdout, same exit code', () => {
  it('an invalid config (exit 2), a git error (exit 3) and outside a repository (exit 3)', () => {
    const repo = makeRepo();
    repo.write('.aitrailrc.json', BAD);
    const usage = aitrail(repo.dir, ['check', '--format', 'github']);
    expect(usage.code).toBe(2);
    expect(usage.stdout).toMatch(/^::error title=aitrail::invalid aitrail config \(1 problem\):%0A {2}- \.aitrailrc\.json: found malformed JSON[^\n]*%0AFix the config file[^\n]*\n$/);
    expect(usage.stderr).toMatch(/^aitrail: invalid aitrail config/);
    repo.commit('first\n', { '.aitrailrc.json': '{}' });
    const git = aitrail(repo.dir, ['check', 'nosuch%rev..HEAD', '--format=github']);
    expect(git.code).toBe(3);
    // `%` escaped as the github format escapes it; one line.
    expect(git.stdout).toMatch(/^::error title=aitrail::[^\n]*nosuch%25rev[^\n]*\n$/);
    const outside = aitrail(tempDir('aitrail-s51z-'), ['check', '--format', 'github']);
    expect(outside.code).toBe(3);
    expect(outside.stdout).toMatch(/^::error title=aitrail::not a git repository[^\n]*\n$/);
    // Text format: stdout stays empty as before.
    expect(aitrail(repo.dir, ['check', 'nosuch..HEAD']).stdout).toBe('');
  });
});

describe('the unknown-model warning names no agent "unknown"', () => {
  it('a trailer naming a vendor no catalog knows, committed through the hooks init installs', () => {
    const repo = copiedRepo('check-errors-s51z', () => {
      const made = makeRepo();
      made.commit('initial\n');
      expect(hookedAitrail(made.dir, ['init', '--mode', 'git']).status).toBe(0);
      return made;
    });
    const commit = gitRun(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'x', '-m', 'Assisted-by: nosuchvendor:zzz-model-9']);
    expect(commit.status, commit.stderr).toBe(0);
    expect(messageOf(repo.dir)).toBe('x\n\nAssisted-by: nosuchvendor:zzz-model-9\nAssisted-by: unknown:unknown\n');
    expect(commit.stderr).toBe('aitrail: warning [unknown-model]: An AI agent not identified contributed, and its model is not identified either (trailer Assisted-by: "nosuchvendor:zzz-model-9") (policy.unknownModel); AITRAIL_QUIET=1 hides warnings.\n');
    expect(commit.stderr).not.toMatch(/AI agent unknown/);
  });
});
