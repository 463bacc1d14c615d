// aider's and goose's model flags, read from their own process's command line among the hook's
// ancestors as their parsers read them (aider's argparse and deprecated flags, goose's clap).
import { describe, expect, it } from 'vitest';
import { argvPlace } from '../helpers/argv-place.js';
import { agentArguments, ancestorModel } from '../../src/agent-settings/command-line.js';
import { readAgentSettings } from '../../src/agent-settings/read-agent-settings.js';
import { quote } from '../../src/core/detect/found.js';

function modelOf(agent: string, argv: string[]) {
  const found = ancestorModel(agent, [argv], quote);
  return found ? { models: found.models, evidence: found.evidence } : null;
}

const place = argvPlace;

describe("aider's command line", () => {
  it('is its entry point, or that script under python, or python -m aider', () => {
    expect(agentArguments('aider', ['/home/u/.local/share/uv/tools/aider-chat/bin/python', '/home/u/.local/bin/aider', '--model', 'x'])).toEqual(['--model', 'x']);
    expect(agentArguments('aider', ['/usr/bin/python3.12', '-I', '/usr/local/bin/aider', '--4o'])).toEqual(['--4o']);
    expect(agentArguments('aider', ['python3', '-m', 'aider', '--model=y'])).toEqual(['--model=y']);
    expect(agentArguments('aider', ['python3', '/x/aider_helper.py', '--model', 'y'])).toBeNull();
  });

  it('reads --model V and --model=V, the last given first; -m is its --message, and nothing after --', () => {
    expect(modelOf('aider', ['aider', '--model', 'openrouter/qwen/qwen3-coder'])).toEqual({ models: ['openrouter/qwen/qwen3-coder'], evidence: ['argv aider --model="openrouter/qwen/qwen3-coder"'] });
    expect(modelOf('aider', ['aider', '--model=a', '--model', 'b'])?.models).toEqual(['b', 'a']);
    expect(modelOf('aider', ['aider', '-m', 'fix it'])).toBeNull();
    expect(modelOf('aider', ['aider', '--', '--model', 'x'])).toBeNull();
    expect(modelOf('aider', ['aider', '--weak-model', 'qwen3-coder'])).toBeNull();
  });

  it('a deprecated flag is the model over --model (the first in aider\'s order), --model kept beside', () => {
    expect(modelOf('aider', ['aider', '--sonnet'])).toEqual({ models: ['anthropic/claude-3-7-sonnet-20250219'], evidence: ['argv aider --sonnet'] });
    expect(modelOf('aider', ['aider', '--model', 'qwen3-coder', '--4o'])).toEqual({ models: ['gpt-4o', 'qwen3-coder'], evidence: ['argv aider --4o', 'argv aider --model="qwen3-coder"'] });
    expect(modelOf('aider', ['aider', '--4o', '--opus'])?.models).toEqual(['claude-3-opus-20240229']);
    expect(modelOf('aider', ['aider', '-3'])?.models).toEqual(['gpt-3.5-turbo']);
    expect(modelOf('aider', ['aider', '--', '--opus'])).toBeNull();
  });

  it('is recorded over AIDER_MODEL and .aider.conf.yml', async () => {
    const where = place({ 'home/.aider.conf.yml': 'model: gpt-5\n' }, { AIDER_MODEL: 'claude-sonnet-4-5' }, [['git', 'commit'], ['python3', '/u/bin/aider', '--model', 'openrouter/qwen/qwen3-coder']]);
    const settings = await readAgentSettings(['aider'], where);
    expect(settings.aider).toMatchObject({ model: 'openrouter/qwen/qwen3-coder', evidence: 'argv aider --model="openrouter/qwen/qwen3-coder"' });
  });
});

describe("Claude Code's native build", () => {
  it('keeps its arguments: its versioned binary is known by its path', () => {
    expect(modelOf('claude-code', ['/home/u/.local/share/claude/versions/2.1.140', '--model', 'qwen3-coder'])?.models).toEqual(['qwen3-coder']);
    expect(modelOf('claude-code', ['/home/u/.local/share/claude/versions/2.1.140/other', '--model', 'x'])).toBeNull();
  });
});

describe("goose's command line", () => {
  it('reads goose run --model (clap, long only), through the developer extension process between', () => {
    expect(modelOf('goose', ['goose', 'run', '--model', 'qwen3-coder', '-t', 'fix'])).toEqual({ models: ['qwen3-coder'], evidence: ['argv goose --model="qwen3-coder"'] });
    expect(modelOf('goose', ['/usr/local/bin/goose', 'run', '--model=x'])?.models).toEqual(['x']);
    expect(modelOf('goose', ['goose', 'run', '-m', 'x'])).toBeNull();
    expect(ancestorModel('goose', [['bash', '-c', 'git commit'], ['goose', 'mcp', 'developer'], ['goose', 'run', '--provider', 'openrouter', '--model', 'qwen/qwen3-coder']], quote)?.models).toEqual(['qwen/qwen3-coder']);
  });

  it('is recorded over GOOSE_MODEL and config.yaml, their lead model kept beside', async () => {
    const where = place(
      { 'home/.config/goose/config.yaml': 'GOOSE_MODEL: gpt-5\nGOOSE_LEAD_MODEL: claude-opus-4-5\n' },
      { GOOSE_MODEL: 'gpt-4o' },
      [['goose', 'run', '--model', 'qwen3-coder']],
    );
    const settings = await readAgentSettings(['goose'], where);
    expect(settings.goose).toMatchObject({ model: 'qwen3-coder', replaces: ['GOOSE_MODEL'] });
    expect(settings.goose?.also).toEqual([{ model: 'claude-opus-4-5', evidence: expect.stringContaining('GOOSE_LEAD_MODEL="claude-opus-4-5"'), overriddenBy: ['GOOSE_LEAD_MODEL'] }]);
  });
});
