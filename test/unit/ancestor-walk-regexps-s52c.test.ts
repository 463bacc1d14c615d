// Session 52 (c), the speed of an agent's commit hooks (issue 12 item 2): every ancestor of an
// agent's commit (a shell, git, a terminal, the agent) was asked whether it is a runtime with a
// case-insensitive expression, and whether it is each looked-for agent's program with two more
// (its names, its package paths), and Claude Code's provider switches were read with a fourth: each
// compiled on the hook's first use of it (~0.03-0.15 ms each). They are string comparisons now
// (src/agent-settings/command-line.ts isRuntime, isAgentProgram's hint; claude-code-router.ts
// switchedOn). Speed only: what is read is the same, which the differential cases below hold.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { agentArguments, ancestorModel, type AncestorProcess } from '../../src/agent-settings/command-line.js';
import { switchedOn } from '../../src/agent-settings/claude-code-router.js';
import { quote } from '../../src/core/detect/found.js';
import { commentCharFor, commitEncodingFor, stripsComments } from '../../src/hooks/comment-char.js';
import { makeRepo } from '../helpers/gitdir.js';

// The expressions as they were (the reference the string comparisons must agree with).
const RUNTIMES_BEFORE = /^(?:node|nodejs|bun|bunx|deno|sh|bash|dash|zsh|python|pypy)(?:\d+(?:\.\d+)*)?(?:\.exe)?$/i;
// Claude Code's program as isAgentProgram read it before (its names and paths expressions, no hint).
const claudeBefore = (program: string) =>
  /^claude$/i.test(program.replace(/^.*\//, '').replace(/@[^@/\\]*$/, '').replace(/\.(?:[cm]?js|exe|cmd)$/i, '')) ||
  /(?:^|[/\\:])@anthropic-ai[/\\]claude-code(?:[/\\@]|$)|[/\\]claude[/\\]versions[/\\][^/\\]+$/i.test(program);
const switchedOnBefore = (value: string | undefined) => !/^\s*(?:0|false|no|off)?\s*$/i.test(value ?? '');

const RUNTIME_WORDS = ['node', 'nodejs', 'bun', 'bunx', 'deno', 'sh', 'bash', 'dash', 'zsh', 'python', 'pypy'];
const SUFFIXES = ['', '3', '3.12', '3.12.1', '3.', '.3', '3..1', '22', 'x', '-3', '.exe', '.EXE', '.Exe', '3.exe', '3.12.exe', '.exe.exe', '3.exe3', 'exe', ' ', '\u0000'];
// Characters that fold onto ASCII letters in some readings: Kelvin K, dotted I, long s, Angstrom, fullwidth letters.
const TRICKY = ['\u212a', '\u0130', '\u017f', '\u212b', '\uff4e', '\u0131', 'S', 'H', 'N'];

function runtimeCandidates(): string[] {
  const names = new Set<string>();
  for (const word of [...RUNTIME_WORDS, 'ash', 'shx', 'nod', 'pyth', 'python3x', 'git', 'claude', '']) {
    for (const form of [word, word.toUpperCase(), word.charAt(0).toUpperCase() + word.slice(1)]) {
      for (const suffix of SUFFIXES) names.add(form + suffix);
      // One letter replaced by a character that looks like it or folds onto it elsewhere.
      for (let at = 0; at < form.length; at += 1) for (const char of TRICKY) names.add(form.slice(0, at) + char + form.slice(at + 1));
    }
  }
  return [...names];
}

/** Runs `run` and returns the case-insensitive expressions it ran (RegExp.prototype.exec spied, restored after each test). */
function caseInsensitiveRuns(run: () => void): string[] {
  const ran: string[] = [];
  const exec = RegExp.prototype.exec;
  vi.spyOn(RegExp.prototype, 'exec').mockImplementation(function (this: RegExp, text: string) {
    ran.push(`/${this.source}/${this.flags}`);
    return exec.call(this, text);
  });
  run();
  vi.restoreAllMocks();
  return ran.filter((source) => /\/[a-z]*i[a-z]*$/.test(source));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('an agent commit\'s ancestor walk compiles no case-insensitive expression (row 1035: speed only)', () => {
  it('asks a usual chain of ancestors (git, a shell, node under npm, python) with no case-insensitive expression run', () => {
    const chain: AncestorProcess[] = [
      { argv: ['git', 'commit', '-m', 'Add a feature'], exe: '/usr/bin/git' },
      { argv: ['/bin/bash', '-c', 'git commit -m "Add a feature"'], exe: '/usr/bin/bash' },
      { argv: ['node', '/usr/lib/node_modules/npm/bin/npm-cli.js', 'run', 'commit'], exe: '/usr/bin/node' },
      { argv: ['python3', '-I', '-S', '-c', 'import os'], exe: '/usr/bin/python3.11' },
      { argv: ['-zsh'], exe: '/usr/bin/zsh' },
      { argv: ['/sbin/init'], exe: '/usr/lib/systemd/systemd' },
    ];
    const ran = caseInsensitiveRuns(() => {
      for (const agent of ['claude-code', 'codex', 'gemini-cli', 'qwen-code', 'opencode', 'copilot']) expect(ancestorModel(agent, chain, quote)).toBeNull();
      expect(switchedOn('1')).toBe(true);
      expect(switchedOn(' off ')).toBe(false);
    });
    expect(ran).toEqual([]);
  });

  it('still finds the agent in the chain (its own expressions run only on a program that names it)', () => {
    const chain: AncestorProcess[] = [
      { argv: ['git', 'commit', '-m', 'x'], exe: '/usr/bin/git' },
      { argv: ['node', '/home/u/.npm-global/lib/node_modules/@anthropic-ai/claude-code/cli.js', '--model', 'opus'], exe: '/usr/bin/node' },
    ];
    expect(ancestorModel('claude-code', chain, quote)?.models).toEqual(['opus']);
    expect(ancestorModel('claude-code', [{ argv: ['Claude', '--model', 'sonnet'], exe: '/home/u/.local/share/claude/versions/2.1.3' }], quote)?.models).toEqual(['sonnet']);
    expect(ancestorModel('codex', [{ argv: ['/opt/x/CODEX-x86_64-unknown-linux-musl', '-m', 'o3'] }], quote)?.models).toEqual(['o3']);
    expect(ancestorModel('cursor', [{ argv: ['bash', '/home/u/.local/share/cursor-agent/versions/1/cursor-agent', '-m', 'gpt-5'] }], quote)?.models).toEqual(['gpt-5']);
    expect(ancestorModel('kilo-code', [{ argv: ['node', '/usr/lib/node_modules/@KiloCode/cli/index.js', '-m', 'a/b'] }], quote)?.models).toEqual(['a/b']);
  });

  it('reads a runtime as the expression did, name by name (differential over cases, versions, .exe, look-alike letters)', () => {
    const script = '/usr/lib/node_modules/@anthropic-ai/claude-code/cli.js';
    const candidates = runtimeCandidates();
    expect(candidates.length).toBeGreaterThan(1500);
    const differ = candidates.filter((name) => {
      // Under a runtime the script's arguments are the agent's; a program that is no runtime (and not `claude`) is not the agent.
      const asRuntime = agentArguments('claude-code', [name, script, '--model', 'opus']) !== null;
      const byExe = agentArguments('claude-code', ['x', script, '--model', 'opus'], `/usr/bin/${name}`) !== null;
      return asRuntime !== (RUNTIMES_BEFORE.test(name) || claudeBefore(name)) || byExe !== (RUNTIMES_BEFORE.test(name) || claudeBefore(`/usr/bin/${name}`));
    });
    expect(differ).toEqual([]);
  });

  it('reads a provider switch as the expression did (differential)', () => {
    const values = [undefined, '', ' ', '0', '1', 'false', 'FALSE', 'False', 'no', 'No', 'off', 'OFF', ' off\t', '\u00a0no\u3000', '\ufeff0', 'yes', 'true', 'o f f', '00', 'n0', 'of\u212a', 'fal\u017fe', '\u0130', 'noo', 'nO', '\n0\r\n', 'off ofF'];
    for (const value of values) expect([value, switchedOn(value)]).toEqual([value, switchedOnBefore(value)]);
  });
});

describe('a message hook asks the config files whether git could set its comment prefix, cleanup and encoding, with no case-insensitive expression (row 1035)', () => {
  /** A repository whose config files are its own and a home of its own (no system file). */
  function repoWith(localConfig: string, globalConfig?: string) {
    const repo = makeRepo();
    repo.commit('start\n', { 'a.txt': 'a\n' });
    const home = join(repo.dir, '.git', 'home');
    mkdirSync(home);
    if (globalConfig !== undefined) writeFileSync(join(home, '.gitconfig'), globalConfig);
    if (localConfig) execFileSync('sh', ['-c', `printf '%s' "$1" >> .git/config`, 'sh', localConfig], { cwd: repo.dir });
    const env = { HOME: home, GIT_CONFIG_NOSYSTEM: '1', PATH: process.env.PATH } as NodeJS.ProcessEnv;
    return { dir: repo.dir, gitDir: join(repo.dir, '.git'), env };
  }

  it('a plain repository: the defaults, no case-insensitive expression run (its comment-prefix question asks no git: hook-speed-s52p.test.ts counts them)', () => {
    const repo = repoWith('');
    const ran = caseInsensitiveRuns(() => {
      expect(commentCharFor(repo.dir, 'Add a feature\n', { gitDir: repo.gitDir, env: repo.env })).toBe('#');
      expect(commitEncodingFor(repo.dir, repo.gitDir, repo.env)).toBeUndefined();
      expect(stripsComments(repo.dir, '#', { ...repo.env, GIT_EDITOR: ':' }, 'Add\n# a comment\n', repo.gitDir)).toBe(false);
    });
    expect(ran).toEqual([]);
  });

  it('a setting written in any case is still found (and read by git)', () => {
    const repo = repoWith('[core]\n\tCommentChar = %\n[i18n]\n\tCOMMITENCODING = ISO-8859-1\n[Commit]\n\tCleanUp = strip\n');
    expect(commentCharFor(repo.dir, 'Add a feature\n', { gitDir: repo.gitDir, env: repo.env })).toBe('%');
    expect(commitEncodingFor(repo.dir, repo.gitDir, repo.env)).toBe('ISO-8859-1');
    expect(stripsComments(repo.dir, '%', { ...repo.env, GIT_EDITOR: ':' }, 'Add\n% a comment\n', repo.gitDir)).toBe(true);
  });

  it('an include written in any case sends the question to git, which reads the included file', () => {
    const included = repoWith('');
    const more = join(included.dir, '.git', 'more.gitconfig');
    writeFileSync(more, '[core]\n\tcommentChar = &\n[i18n]\n\tcommitEncoding = ISO-8859-2\n');
    execFileSync('sh', ['-c', `printf '[INCLUDE]\\n\\tpath = %s\\n' "$1" >> .git/config`, 'sh', more], { cwd: included.dir });
    expect(commentCharFor(included.dir, 'Add a feature\n', { gitDir: included.gitDir, env: included.env })).toBe('&');
    expect(commitEncodingFor(included.dir, included.gitDir, included.env)).toBe('ISO-8859-2');
  });
});
