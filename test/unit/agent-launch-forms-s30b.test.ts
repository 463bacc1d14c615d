// Row 358: the ways people start agents that the hooks' reading of `/proc` did not know as the agent's
// process, so its `-m qwen3-coder` went unread; and what must still not be read as an agent's flag.
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentArguments, ancestorModel, ancestorProcesses, type AncestorProcess } from '../../src/agent-settings/command-line.js';
import { readAgentSettings } from '../../src/agent-settings/read-agent-settings.js';
import { detectAtCommitTime } from '../../src/core/detect/commit-time.js';
import { quote } from '../../src/core/detect/found.js';
import { argvPlace } from '../helpers/argv-place.js';

/** The models `agent`'s process among `ancestors` names, or null. */
function models(agent: string, ...ancestors: (string[] | AncestorProcess)[]): string[] | null {
  return ancestorModel(agent, ancestors, quote)?.models ?? null;
}

describe("an agent's process known however it was started (row 358)", () => {
  it('by the program it runs, whatever argv[0] says: exec -a, a link of another name', () => {
    const native = '/usr/lib/node_modules/@openai/codex/vendor/x86_64-unknown-linux-musl/codex/codex';
    expect(models('codex', { argv: ['othername', '-m', 'qwen3-coder'], exe: native })).toEqual(['qwen3-coder']);
    expect(models('codex', { argv: ['node', '-m', 'qwen3-coder'], exe: native })).toEqual(['qwen3-coder']);
    expect(models('claude-code', { argv: ['x', '--model', 'qwen3-coder'], exe: '/home/u/.local/share/claude/versions/2.1.140' })).toEqual(['qwen3-coder']);
    expect(models('gemini-cli', { argv: ['x', '/usr/lib/node_modules/@google/gemini-cli/bundle/gemini.js', '-m', 'qwen3-coder'], exe: '/usr/bin/node' })).toEqual(['qwen3-coder']);
    // Another program of that name's argv[0] is not enough without the agent's program.
    expect(models('codex', { argv: ['othername', '-m', 'qwen3-coder'], exe: '/usr/bin/make' })).toBeNull();
  });

  it("a runtime's options and their values before the script, bun's and deno's run and x, a package named with its version", () => {
    const gemini = '/usr/lib/node_modules/@google/gemini-cli/bundle/gemini.js';
    expect(models('gemini-cli', ['node', '-r', 'dotenv/config', gemini, '-m', 'qwen3-coder'])).toEqual(['qwen3-coder']);
    expect(models('gemini-cli', ['node', '--env-file', '.env', '--import', 'tsx', '/usr/local/bin/gemini', '--model=qwen3-coder'])).toEqual(['qwen3-coder']);
    expect(models('gemini-cli', ['node', '--no-warnings=DEP0040', gemini, '-m', 'qwen3-coder'])).toEqual(['qwen3-coder']);
    expect(models('gemini-cli', ['bun', 'run', '/usr/local/bin/gemini', '-m', 'qwen3-coder'])).toEqual(['qwen3-coder']);
    expect(models('gemini-cli', ['bunx', '@google/gemini-cli@latest', '-m', 'qwen3-coder'])).toEqual(['qwen3-coder']);
    expect(models('gemini-cli', ['deno', 'run', '-A', 'npm:@google/gemini-cli@0.20.0', '-m', 'qwen3-coder'])).toEqual(['qwen3-coder']);
    expect(models('qwen-code', ['bun', 'x', '--bun', '@qwen-code/qwen-code@latest', '-m', 'qwen3-coder'])).toEqual(['qwen3-coder']);
    expect(models('codex', ['bunx', '@openai/codex@latest', 'exec', '-m', 'qwen3-coder'])).toEqual(['qwen3-coder']);
    expect(models('aider', ['python3', '-X', 'utf8', '-m', 'aider', '--model', 'openrouter/qwen/qwen3-coder'])).toEqual(['openrouter/qwen/qwen3-coder']);
    expect(models('cursor', ['bash', '-o', 'pipefail', '/home/u/.local/bin/cursor-agent', '-m', 'qwen3-coder'])).toEqual(['qwen3-coder']);
    // A clone's `npm start -- -m …` (scripts/start.js runs `node --no-warnings=DEP0040 <clone>/packages/cli …`).
    expect(models('gemini-cli', ['node', '--no-warnings=DEP0040', '/home/u/src/gemini-cli/packages/cli', '-m', 'qwen3-coder'])).toEqual(['qwen3-coder']);
    expect(models('qwen-code', ['node', '/home/u/src/qwen-code/packages/cli/dist/index.js', '-m', 'qwen3-coder'])).toEqual(['qwen3-coder']);
    expect(models('gemini-cli', ['node', '/home/u/src/other/packages/cli', '-m', 'qwen3-coder'])).toBeNull();
  });

  it("not another program's arguments: a script's own words, a shell's command string, a module that is not the agent, git's -m", () => {
    expect(agentArguments('gemini-cli', ['node', '/x/other.js', 'gemini', '-m', 'qwen3-coder'])).toBeNull();
    expect(agentArguments('gemini-cli', ['sh', '-c', 'gemini -m qwen3-coder'])).toBeNull();
    expect(agentArguments('aider', ['python3', '-m', 'pip', 'install', 'aider'])).toBeNull();
    expect(agentArguments('codex', ['bun', 'run', 'build', 'codex'])).toBeNull();
    expect(agentArguments('codex', ['git', 'commit', '-m', 'codex'], '/usr/bin/git')).toBeNull();
    expect(agentArguments('gemini-cli', ['make', '-m', 'gemini'], '/usr/bin/make')).toBeNull();
    expect(models('codex', ['bash', '-c', 'git commit -m x'], ['make', '-m', 'qwen3-coder'], ['codex', 'exec'])).toBeNull();
  });

  it('from /proc: the program each runs, an updated one (deleted), and an agent\'s command line past the first read, whole', () => {
    const proc = realpathSync(mkdtempSync(join(tmpdir(), 'aitrail-proc-')));
    const make = (pid: number, argv: string[], ppid: number, exe?: string) => {
      mkdirSync(join(proc, String(pid)));
      writeFileSync(join(proc, String(pid), 'cmdline'), `${argv.join('\0')}\0`);
      writeFileSync(join(proc, String(pid), 'stat'), `${pid} (x) S ${ppid} 1 1 0 -1\n`);
      if (exe) symlinkSync(exe, join(proc, String(pid), 'exe'));
    };
    make(100, ['git', 'commit'], 200, '/usr/bin/git');
    make(200, ['cx', `fix ${'the parser '.repeat(7000)}`, '-m', 'qwen3-coder'], 300, '/opt/codex/codex (deleted)');
    make(300, ['codex', ...Array<string>(300).fill('-v'), '--model', 'qwen3-coder-plus'], 400);
    const ancestors = ancestorProcesses(proc, 100);
    expect(ancestors.map((ancestor) => ancestor.exe)).toEqual(['/usr/bin/git', '/opt/codex/codex', undefined]);
    expect(ancestors[1]!.argv.length).toBeLessThan(4);
    expect(ancestors[2]!.argv).toHaveLength(256);
    expect(ancestorModel('codex', ancestors, quote)?.models).toEqual(['qwen3-coder', 'qwen3-coder-plus']);

    // `~/bin/g`, a link to gemini's script, run from home as `bin/g`: its path is followed from the process's working directory.
    const script = join(proc, 'lib/node_modules/@google/gemini-cli/dist/index.js');
    mkdirSync(dirname(script), { recursive: true });
    writeFileSync(script, '\n');
    mkdirSync(join(proc, 'home/bin'), { recursive: true });
    symlinkSync(script, join(proc, 'home/bin/g'));
    make(600, ['bash', '-c', 'git commit'], 700, '/usr/bin/bash');
    make(700, ['node', '--no-warnings', 'bin/g', '-m', 'qwen3-coder'], 800, '/usr/bin/node');
    symlinkSync(join(proc, 'home'), join(proc, '700', 'cwd'));
    make(800, ['node', 'bin/other', '-m', 'x'], 900, '/usr/bin/node');
    symlinkSync(join(proc, 'home'), join(proc, '800', 'cwd'));
    expect(ancestorModel('gemini-cli', ancestorProcesses(proc, 600), quote)?.models).toEqual(['qwen3-coder']);
  });
});

describe("Codex's -c read as codex-rs reads it: its value TOML, its key a path (row 359)", () => {
  const home = { 'home/.codex/config.toml': 'model = "gpt-5"\n[profiles.fast]\nmodel = "o3"\n' };
  const codex = async (...args: string[]) => {
    const where = argvPlace(home, { CODEX_SANDBOX: 'seatbelt' }, [['git', 'commit', '-m', 'x'], ['codex', ...args]]);
    const settings = await readAgentSettings(['codex'], where);
    return { recorded: detectAtCommitTime('feat: x\n', { env: where.env, settings }).map((found) => `${found.agent}:${found.model}`), evidence: settings.codex?.evidence };
  };

  it('a TOML escape, a literal string, a comment, a second line: the model codex runs', async () => {
    for (const value of ['"qw\\u0065n3-coder"', "'''qwen3-coder'''", '"qwen3-coder" # the fast one', '"qwen3-coder"\nx = 1', ' qwen3-coder ']) {
      expect(await codex('-c', `model=${value}`), value).toEqual({ recorded: ['codex:qwen/qwen3-coder'], evidence: 'argv codex -c model="qwen3-coder"' });
    }
    // The last given wins; a key codex does not read as the model changes nothing.
    expect((await codex('-c', 'model="qwen3-coder"', '-c', 'model="gpt-5-codex"')).recorded).toEqual(['codex:openai/gpt-5-codex']);
    expect((await codex('-c', 'model_provider="x"', '-c', '"model"="qwen3-coder"')).recorded).toEqual(['codex:openai/gpt-5']);
  });

  it("a profile's model set by -c, and a profile named by -c in TOML", async () => {
    expect(await codex('-p', 'fast', '-c', 'profiles.fast.model="qwen3-coder"')).toEqual({ recorded: ['codex:qwen/qwen3-coder'], evidence: 'argv codex -p="fast" argv codex -c profiles.fast.model="qwen3-coder"' });
    expect((await codex('-c', 'profiles={fast={model="qwen3-coder"}}', '-c', 'profile="fast"')).recorded).toEqual(['codex:qwen/qwen3-coder']);
    expect((await codex('-c', 'profile="f\\u0061st"')).recorded).toEqual(['codex:openai/o3']);
    expect((await codex('-c', 'profile=fast', '-c', 'profiles.fast.model=qwen3-coder')).recorded).toEqual(['codex:qwen/qwen3-coder']);
  });
});
