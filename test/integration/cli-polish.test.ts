import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { aitrail as cli } from '../helpers/cli.js';
import { aitrail, gitRun } from '../helpers/hooks.js';

/** Issue 11 item 7: what a new user ran into on the way (help, option wording, hook noise, uninstall). */
function installed(policy?: object): TestRepo {
  const repo = makeRepo();
  if (policy) repo.write('.aitrailrc.json', JSON.stringify({ policy }));
  repo.commit('initial\n');
  expect(aitrail(repo.dir, ['init', '--mode', 'git']).status).toBe(0);
  return repo;
}

describe('help and usage errors', () => {
  it('`aitrail hook --help` is help (exit 0) and `hook` is in the top-level help', () => {
    const repo = makeRepo();
    for (const args of [['hook', '--help'], ['hook', '-h']]) {
      const help = aitrail(repo.dir, args);
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/aitrail hook <name> \[args\.\.\]/);
      expect(help.stdout).toMatch(/prepare-commit-msg.*commit-msg.*pre-push.*pre-receive/s);
    }
    expect(aitrail(repo.dir, ['--help']).stdout).toMatch(/^ {2}aitrail hook <name> \[args\.\.\] +Run one hook handler/m);
  });

  it('printed help is wrapped at 100 columns however it is asked for (the help yargs renders unseen is not)', () => {
    const repo = makeRepo();
    for (const args of [['blame', '--help'], ['blame', '-h'], ['check', '-qh'], ['--help'], ['help']]) {
      const help = aitrail(repo.dir, args);
      expect(help.status, args.join(' ')).toBe(0);
      expect(help.stdout, args.join(' ')).toMatch(/^Options:$/m);
      expect(Math.max(...help.stdout.split('\n').map((line) => line.length)), args.join(' ')).toBeLessThanOrEqual(100);
    }
  });

  it('an unknown option is worded one way for every command', () => {
    const repo = makeRepo();
    for (const command of ['log', 'status', 'check', 'init', 'use', 'blame', 'trend']) {
      const result = aitrail(repo.dir, [command, '--frob']);
      expect(result.status, command).toBe(2);
      expect(result.stderr, command).toMatch(new RegExp(`^aitrail: unknown option '--frob' for 'aitrail ${command}'\\..* Run 'aitrail ${command} --help' for usage\\.\\n`));
    }
    expect(aitrail(repo.dir, ['status', 'extra']).stderr).toMatch(/^aitrail: unexpected argument 'extra' for 'aitrail status'\./);
    // Before the command, and for the hook dispatcher: the same words (not 'no command given', not 'unknown hook').
    for (const [args, named] of [[['--frob', 'status'], 'aitrail'], [['--frob'], 'aitrail'], [['-q', '--frob=1', 'log'], 'aitrail'], [['hook', '--frob'], 'aitrail hook'], [['uninstall', '--frob'], 'aitrail uninstall']] as const) {
      const result = aitrail(repo.dir, [...args]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toBe(`aitrail: unknown option '--frob' for '${named}'. Run '${named} --help' for usage.\n`);
    }
    // A hook name, an argument or a line of input it refuses are shown inert.
    expect(aitrail(repo.dir, ['hook', 'x\x1b[2Jy']).stderr).toMatch(/^aitrail: unknown hook 'x\\x1b\[2Jy'\./);
    expect(aitrail(repo.dir, ['hook', 'pre-receive', '--x\u202e']).stderr).toBe('aitrail: unexpected argument "--x\\u202e"; usage: aitrail hook pre-receive [--config <file>]\n');
    const input = cli(repo.dir, ['hook', 'pre-push', 'origin', 'url'], { input: 'refs/heads/x\u202e\u061c\n' });
    expect(input.code).toBe(3);
    expect(input.stderr).toBe('aitrail: pre-push: unexpected input from git ("refs/heads/x\\u202e\\u061c"); refusing to let it through unjudged.\n');
  });
});

describe('aitrail log -n, --ai-only, --author', () => {
  it('filter as git log does, --ai-only counting AI commits only', () => {
    const repo = makeRepo();
    repo.commit('one\n\nAssisted-by: aider:openai/gpt-5\n', {}, { GIT_AUTHOR_NAME: 'Jane' });
    repo.commit('two\n', {}, { GIT_AUTHOR_NAME: 'Jane' });
    repo.commit('three\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', {}, { GIT_AUTHOR_NAME: 'Bob' });
    repo.commit('four\n', {}, { GIT_AUTHOR_NAME: 'Bob' });
    const subjects = (args: string[]) => (JSON.parse(aitrail(repo.dir, ['log', '--format', 'json', ...args]).stdout) as { subject: string }[]).map((entry) => entry.subject);
    expect(subjects(['-n', '2'])).toEqual(['four', 'three']);
    expect(subjects(['--max-count=1'])).toEqual(['four']);
    // git log's own shorthand for -n.
    expect(subjects(['-1'])).toEqual(['four']);
    expect(subjects(['-3'])).toEqual(['four', 'three', 'two']);
    expect(subjects(['--ai-only', '-1'])).toEqual(['three']);
    expect(aitrail(repo.dir, ['log', '-0']).stderr).toBe("aitrail: '-0' is no number of commits: give 1 to 999999999 (-3, or -n 3).\n");
    expect(aitrail(repo.dir, ['log', '-1', '-n', '2']).stderr).toBe("aitrail: '-1' and -n/--max-count both give the number of commits: give one of them.\n");
    expect(subjects(['--ai-only'])).toEqual(['three', 'one']);
    expect(subjects(['--ai-only', '-n', '1'])).toEqual(['three']);
    expect(subjects(['--author', 'Jane'])).toEqual(['two', 'one']);
    expect(subjects(['--author', 'Jane', '--ai-only'])).toEqual(['one']);
    expect(aitrail(repo.dir, ['log', '-n', 'x']).stderr).toMatch(/-n\/--max-count must be a whole number/);
  });
});

describe('hooks say a thing once, in the right words', () => {
  it('a Claude Code commit without a model warns in one line; AITRAIL_QUIET=1 silences it', () => {
    const repo = installed();
    const loud = gitRun(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'by claude'], { CLAUDECODE: '1' });
    expect(loud.status).toBe(0);
    expect(loud.stderr).toMatch(/^aitrail: warning \[unknown-model\]: AI agent claude-code contributed but its model is not identified .*; AITRAIL_QUIET=1 hides warnings\.\n$/);
    const quiet = gitRun(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'by claude, quietly'], { CLAUDECODE: '1', AITRAIL_QUIET: '1' });
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toBe('');
  });

  it('the commit-time refusal says to commit again, never to amend a commit that was not made', () => {
    const repo = installed({ deny: ['qwen/*'] });
    const refused = gitRun(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'qwen'], { AITRAIL_MODEL: 'qwen/qwen3-coder' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/fix: .*then commit again\./);
    expect(refused.stderr).not.toMatch(/--amend/);
  });

  it('a refused push gives the fix once, not once per commit', () => {
    const repo = installed({ deny: ['qwen/*'] });
    const remote = makeRepo({ bare: true });
    repo.git(['remote', 'add', 'origin', remote.dir]);
    for (const subject of ['a', 'b', 'c']) gitRun(repo.dir, ['commit', '-q', '--no-verify', '--allow-empty', '-m', subject], { AITRAIL_MODEL: 'qwen/qwen3-coder' });
    const refused = gitRun(repo.dir, ['push', '-q', 'origin', 'main']);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr.match(/Remove this model's work/g)).toHaveLength(1);
    expect(refused.stderr.match(/fix: {3}as above\./g)).toHaveLength(2);
  });

  it('an invalid config: prepare-commit-msg says what commit-msg then does (refuse), never "not blocked"', () => {
    const repo = installed();
    repo.write('.aitrailrc.json', '{ "policy": { "unknownModel": "bad" } }');
    const result = gitRun(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'x']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/^aitrail: warning: invalid config .*: the commit-msg hook refuses commits until it is fixed/m);
    expect(result.stderr).not.toMatch(/not blocked/);
    expect(result.stderr).toMatch(/^aitrail: invalid aitrail config \(1 problem\)/m);
  });
});

describe('aitrail uninstall and .git/aitrail/', () => {
  it('says it leaves .git/aitrail/; --purge removes it', () => {
    const repo = installed();
    expect(aitrail(repo.dir, ['use', 'opus']).status).toBe(0);
    const data = join(repo.dir, '.git', 'aitrail');
    expect(existsSync(data)).toBe(true);
    const kept = aitrail(repo.dir, ['uninstall']);
    expect(kept.status).toBe(0);
    expect(kept.stdout).toMatch(/\.git\/aitrail\/ is left \(sessions, caches\): 'aitrail uninstall --purge' removes it\./);
    expect(existsSync(data)).toBe(true);
    const purged = aitrail(repo.dir, ['uninstall', '--purge']);
    expect(purged.status).toBe(0);
    expect(purged.stdout).toMatch(/removed\s+\.git\/aitrail/);
    expect(existsSync(data)).toBe(false);
  });
});
