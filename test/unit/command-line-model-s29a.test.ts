// Row 343: the model an agent's own process was started with (`codex -m qwen3-coder`, `gemini
// --model …`), read from its command line among the hook's ancestors (/proc on Linux), in the
// precedence each agent's parser gives it.
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { argvPlace } from '../helpers/argv-place.js';
import type { SettingsPlace } from '../../src/agent-settings/settings-place.js';
import { agentArguments, ancestorCommandLines, ancestorModel, commandLineModel, splitCommandLine } from '../../src/agent-settings/command-line.js';
import { readAgentSettings } from '../../src/agent-settings/read-agent-settings.js';
import { detectAtCommitTime } from '../../src/core/detect/commit-time.js';
import { quote } from '../../src/core/detect/found.js';

/** The model the command line `argv` names for `agent`, or null. */
function modelOf(agent: string, argv: string[]): string[] | null {
  return ancestorModel(agent, [argv], quote)?.models ?? null;
}

const place = argvPlace;

/** What a commit made in `where` records. */
async function recorded(where: SettingsPlace): Promise<string[]> {
  const agents = ['codex', 'gemini-cli', 'qwen-code', 'claude-code', 'cursor', 'opencode'];
  const settings = await readAgentSettings(agents, where);
  return detectAtCommitTime('feat: x\n', { env: where.env, settings }).map((found) => `${found.agent}:${found.model}`);
}

const SHELLS = [['git', 'commit', '-m', 'x'], ['/bin/bash', '-lc', 'git commit -m x']];

describe("an agent's process known by its command line (row 343)", () => {
  it('the program, or the script under node, bun or a shell; never another program, a `sh -c` string or an empty line', () => {
    expect(agentArguments('codex', ['/usr/lib/node_modules/@openai/codex/vendor/x86_64-unknown-linux-musl/codex/codex', '-m', 'x'])).toEqual(['-m', 'x']);
    expect(agentArguments('codex', ['node', '/usr/local/bin/codex', 'exec'])).toEqual(['exec']);
    expect(agentArguments('codex', ['/usr/bin/node', '--max-old-space-size=4096', '/x/bin/codex.js', '-m', 'y'])).toEqual(['-m', 'y']);
    expect(agentArguments('codex', ['codex-x86_64-unknown-linux-musl', '--oss'])).toEqual(['--oss']);
    expect(agentArguments('gemini-cli', ['node', '/usr/lib/node_modules/@google/gemini-cli/dist/index.js', '-m', 'z'])).toEqual(['-m', 'z']);
    expect(agentArguments('claude-code', ['claude', '--model', 'opus'])).toEqual(['--model', 'opus']);
    expect(agentArguments('cursor', ['node', '/home/u/.local/share/cursor-agent/versions/1/index.js', '-m', 'w'])).toEqual(['-m', 'w']);
    expect(agentArguments('cursor', ['/bin/bash', '/home/u/.local/bin/cursor-agent', '-m', 'w'])).toEqual(['-m', 'w']);
    expect(agentArguments('codex', ['sh', '-c', 'codex -m qwen3-coder'])).toBeNull();
    expect(agentArguments('codex', ['gemini', '-m', 'x'])).toBeNull();
    expect(agentArguments('codex', ['node'])).toBeNull();
    expect(agentArguments('codex', [])).toBeNull();
    expect(agentArguments('cline', ['cline', '--model', 'x'])).toBeNull();
  });

  it("each parser's forms: clap's -mX and -m=X, yargs' -m=X and a cluster's last letter, commander's -mX; the last given first; none after --", () => {
    expect(modelOf('codex', ['codex', '-m', 'a'])).toEqual(['a']);
    expect(modelOf('codex', ['codex', 'exec', '--model=b', 'prompt'])).toEqual(['b']);
    expect(modelOf('codex', ['codex', '-mc'])).toEqual(['c']);
    expect(modelOf('codex', ['codex', '-m=d'])).toEqual(['d']);
    expect(modelOf('codex', ['codex', '-m', 'a', '-m', 'b'])).toEqual(['b', 'a']);
    expect(modelOf('codex', ['codex', '--', '-m', 'a'])).toBeNull();
    expect(modelOf('gemini-cli', ['gemini', '-ym', 'e'])).toEqual(['e']);
    expect(modelOf('gemini-cli', ['gemini', '-m=f'])).toEqual(['f']);
    // yargs reads `-mfoo` as the flags m, f, o, o: no model.
    expect(modelOf('gemini-cli', ['gemini', '-mfoo'])).toBeNull();
    expect(modelOf('qwen-code', ['qwen', '--model', 'g'])).toEqual(['g']);
    expect(modelOf('opencode', ['opencode', 'run', '-m', 'anthropic/claude-sonnet-4-5'])).toEqual(['anthropic/claude-sonnet-4-5']);
    expect(modelOf('claude-code', ['claude', '--model=sonnet'])).toEqual(['sonnet']);
    // Claude Code has no -m.
    expect(modelOf('claude-code', ['claude', '-m', 'sonnet'])).toBeNull();
    expect(modelOf('cursor', ['cursor-agent', '-mgpt-5'])).toEqual(['gpt-5']);
  });

  it("Codex's --oss (its local default), -p/--profile and -c model=… / profile=… (TOML strings)", () => {
    expect(modelOf('codex', ['codex', '--oss'])).toEqual(['gpt-oss:20b']);
    expect(modelOf('codex', ['codex', '--oss', '-m', 'qwen3-coder:30b'])).toEqual(['qwen3-coder:30b']);
    expect(commandLineModel('codex', ['-c', 'model="o3"', '-p', 'fast'], quote)).toEqual({
      models: [],
      evidence: [],
      configModel: { model: 'o3', evidence: 'argv codex -c model="o3"' },
      profile: { name: 'fast', evidence: 'argv codex -p="fast"' },
      configs: ['model="o3"'],
    });
    expect(commandLineModel('codex', ['--config=profile=deep'], quote)?.profile?.name).toBe('deep');
    // Names no model, but where the model runs (row 1026): kept for codex.ts to read the provider from.
    expect(commandLineModel('codex', ['-c', 'model_provider=ollama'], quote)).toEqual({ models: [], evidence: [], configs: ['model_provider=ollama'] });
    expect(commandLineModel('codex', ['-c', 'sandbox_mode=workspace-write'], quote)).toBeNull();
  });

  it('the nearest process of the agent names the model; a farther one naming another is kept beside it', () => {
    const lines = [...SHELLS, ['/x/codex/codex', '-m', 'gpt-5'], ['node', '/x/bin/codex.js', '-m', 'gpt-5'], ['codex', '-m', 'qwen3-coder'], ['bash']];
    expect(ancestorModel('codex', lines, quote)?.models).toEqual(['gpt-5', 'qwen3-coder']);
    expect(ancestorModel('codex', SHELLS, quote)).toBeNull();
  });

  it('in precedence: over settings and the variables the agent reads after its flag; settings and variables as before without one', async () => {
    const codexHome = { 'home/.codex/config.toml': 'model = "gpt-5"\nprofile = "p"\n[profiles.p]\nmodel = "o3"\n[profiles.fast]\nmodel = "qwen3-coder"\n' };
    const codex = { CODEX_SANDBOX: 'seatbelt' };
    expect(await recorded(place(codexHome, codex, [...SHELLS, ['codex', '-m', 'kimi-k2']]))).toEqual(['codex:moonshotai/kimi-k2']);
    expect(await recorded(place(codexHome, codex, [...SHELLS, ['codex', '-p', 'fast']]))).toEqual(['codex:qwen/qwen3-coder']);
    expect(await recorded(place(codexHome, codex, [...SHELLS, ['codex']]))).toEqual(['codex:openai/o3']);
    // -c model= replaces config.toml's model, not a profile's.
    expect(await recorded(place({ 'home/.codex/config.toml': 'model = "gpt-5"\n' }, codex, [['codex', '-c', 'model="qwen3-coder"']]))).toEqual(['codex:qwen/qwen3-coder']);
    expect(await recorded(place(codexHome, codex, [['codex', '-c', 'model="qwen3-coder"']]))).toEqual(['codex:openai/o3']);
    // Codex 0.134+: `--profile deep` layers ~/.codex/deep.config.toml over config.toml (below `-c`); a name that is a path is never read.
    const files = { 'home/.codex/config.toml': 'model = "gpt-5"\n', 'home/.codex/deep.config.toml': 'model = "qwen3-coder"\n', 'home/x.config.toml': 'model = "kimi-k2"\n' };
    const deep = place(files, codex, [['codex', 'exec', '--profile', 'deep']]);
    expect(await recorded(deep)).toEqual(['codex:qwen/qwen3-coder']);
    expect((await readAgentSettings(['codex'], deep)).codex?.evidence).toBe('argv codex -p="deep" settings ~/.codex/deep.config.toml model="qwen3-coder"');
    expect(await recorded(place(files, codex, [['codex', '-p', 'deep', '-c', 'model=o3']]))).toEqual(['codex:openai/o3']);
    expect(await recorded(place(files, codex, [['codex', '-p', '../x']]))).toEqual(['codex:openai/gpt-5']);

    const gemini = { GEMINI_CLI: '1', GEMINI_MODEL: 'gemini-2.5-flash' };
    expect(await recorded(place({}, gemini, [['gemini', '-m', 'gemini-2.5-pro']]))).toEqual(['gemini-cli:google/gemini-2.5-pro']);
    expect(await recorded(place({}, gemini, [['gemini']]))).toEqual(['gemini-cli:google/gemini-2.5-flash']);

    const claude = { CLAUDECODE: '1', ANTHROPIC_MODEL: 'claude-opus-4-1', ANTHROPIC_DEFAULT_SONNET_MODEL: 'qwen3-coder-plus' };
    // `--model sonnet` is whatever ANTHROPIC_DEFAULT_SONNET_MODEL maps it to, as a settings alias is.
    expect(await recorded(place({}, claude, [['claude', '--model', 'sonnet']]))).toContain('claude-code:qwen/qwen3-coder-plus');
    expect(await recorded(place({}, claude, [['claude', '--model', 'sonnet']]))).not.toContain('claude-code:anthropic/claude-opus-4-1');

    // The Cursor CLI's command line is read only while its launcher marks the commit.
    const cursor = { 'home/.cursor/cli-config.json': '{"model":{"modelId":"gpt-5"}}' };
    expect(await recorded(place(cursor, { CURSOR_AGENT: '1', CURSOR_INVOKED_AS: 'agent' }, [['agent', '-m', 'qwen3-coder']]))).toEqual(['cursor:qwen/qwen3-coder']);
    expect(await recorded(place(cursor, { CURSOR_AGENT: '1' }, [['agent', '-m', 'qwen3-coder']]))).toEqual(['cursor:unknown']);

    expect(await recorded(place({}, { OPENCODE: '1' }, [['opencode', 'run', '--model', 'openrouter/qwen/qwen3-coder']]))).toEqual(['opencode:qwen/qwen3-coder']);
  });
});

describe("the command line is hostile text (row 343)", () => {
  it('a model with a control character or a huge one is recorded as unknown, evidence escaped; an empty one names none; arguments past the cap are not looked at', async () => {
    const codex = { CODEX_SANDBOX: 'seatbelt' };
    const escape = place({}, codex, [['codex', '-m', 'qwen\u001b[2Jcoder']]);
    expect(await recorded(escape)).toEqual(['codex:unknown']);
    expect((await readAgentSettings(['codex'], escape)).codex?.evidence).toBe('argv codex -m="qwen\\u001b[2Jcoder"');
    expect(await recorded(place({}, codex, [['codex', '-m', 'x'.repeat(1_000_000)]]))).toEqual(['codex:unknown']);
    expect(modelOf('codex', ['codex', '-m', 'q'.repeat(10_000)])?.[0]).toHaveLength(256);
    expect(modelOf('codex', ['codex', '-m', '  '])).toBeNull();
    expect(modelOf('codex', ['codex', '-m'])).toBeNull();
    const many = splitCommandLine(Buffer.from(['codex', ...Array(1000).fill('x'), '-m', 'late', ''].join('\0')));
    expect(many.length).toBe(256);
    expect(modelOf('codex', many)).toBeNull();
    expect(splitCommandLine(Buffer.from('codex\0-m\0qwen3-coder'))).toEqual(['codex', '-m', 'qwen3-coder']);
  });

  it("ancestors from /proc: a stat whose comm holds ') 1 ', a missing process, a loop, at most 16 read; this process's real ones", () => {
    const proc = realpathSync(mkdtempSync(join(tmpdir(), 'aitrail-proc-')));
    const make = (pid: number, argv: string[], ppid: number, comm = 'x') => {
      mkdirSync(join(proc, String(pid)));
      writeFileSync(join(proc, String(pid), 'cmdline'), `${argv.join('\0')}\0`);
      writeFileSync(join(proc, String(pid), 'stat'), `${pid} (${comm}) S ${ppid} 1 1 0 -1\n`);
    };
    make(100, ['git', 'commit'], 200, 'git) 1 (x');
    make(200, ['codex', '-m', 'qwen3-coder'], 300);
    make(300, ['bash'], 400);
    expect(ancestorCommandLines(proc, 100)).toEqual([['git', 'commit'], ['codex', '-m', 'qwen3-coder'], ['bash']]);
    make(500, ['a'], 501);
    make(501, ['b'], 500);
    expect(ancestorCommandLines(proc, 500)).toHaveLength(16);
    if (process.platform === 'linux') expect(ancestorCommandLines().length).toBeGreaterThan(0);
  });
});
