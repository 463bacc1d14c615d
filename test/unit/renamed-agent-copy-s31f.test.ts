// Row 373: a copy of an agent under another name is the process that set the agent's marker in its
// children's environment; its flags are read with the agent's syntax, and nothing else's are.
import { describe, expect, it } from 'vitest';
import { markerSetterModel, markerSetters, type AncestorProcess } from '../../src/agent-settings/command-line.js';
import { agentMarkers } from '../../src/core/detect/env-findings.js';
import { quote } from '../../src/core/detect/found.js';

/** An ancestor started with `env` (null: its environment unreadable). */
const proc = (argv: string[], env: Record<string, string> | null, exe?: string): AncestorProcess => ({
  argv,
  ...(exe ? { exe } : {}),
  environ: () => (env ? Object.entries(env).map(([name, value]) => `${name}=${value}`) : null),
});

const THREAD = ['CODEX_THREAD_ID', '019a6e2c'] as const;

describe('the process that set the agent\'s marker (row 373)', () => {
  const hookShim = proc(['/bin/sh', '.git/hooks/commit-msg'], { CODEX_THREAD_ID: '019a6e2c' });
  const git = proc(['git', 'commit', '-m', 'use qwen3-coder'], { CODEX_THREAD_ID: '019a6e2c' });
  const shell = proc(['bash', '-lc', 'git commit -m "use qwen3-coder"'], { CODEX_THREAD_ID: '019a6e2c' });

  it('is the nearest ancestor started without it, read with the agent\'s flags whatever its name', () => {
    const cx = proc(['cx', '-m', 'qwen3-coder'], { HOME: '/home/u' }, '/home/u/bin/cx');
    const setters = markerSetters([hookShim, git, shell, cx], [THREAD]);
    expect(setters.map((setter) => setter.ancestor)).toEqual([cx]);
    const read = markerSetterModel('codex', [hookShim, git, shell, cx, proc(['python', 'train.py', '--model', 'llama'], {})], [THREAD], quote);
    expect(read).toEqual({ models: ['qwen3-coder'], evidence: ['argv codex -m="qwen3-coder" (the process that set CODEX_THREAD_ID)'] });
  });

  it('a script under a runtime: its own arguments after the script, a runtime option\'s value passed over', () => {
    const env = { GEMINI_CLI: '1' };
    const bundle = proc(['node', '-r', 'dotenv/config', '/tmp/g/dist/index.js', '--model=qwen3-coder'], {}, '/usr/bin/node');
    expect(markerSetterModel('gemini-cli', [proc(['sh', '-c', 'git commit'], env), bundle], [['GEMINI_CLI', '1']], quote)?.models).toEqual(['qwen3-coder']);
  });

  it('none: no marker, a marker every ancestor was started with, an unreadable environment, a value of another run', () => {
    const cx = proc(['cx', '-m', 'qwen3-coder'], {});
    expect(markerSetterModel('codex', [hookShim, git, shell, cx], [], quote)).toBeNull();
    const inherited = proc(['cx', '-m', 'qwen3-coder'], { CODEX_THREAD_ID: '019a6e2c' });
    expect(markerSetterModel('codex', [hookShim, git, shell, inherited], [THREAD], quote)).toBeNull();
    expect(markerSetterModel('codex', [hookShim, proc(['sudo', '-m', 'x'], null), cx], [THREAD], quote)).toBeNull();
    // A nested run: the inner agent was started with the outer one's thread id, and set its own.
    const outer = proc(['codex', '-m', 'gpt-5'], {});
    const inner = proc(['cx', '-m', 'qwen3-coder'], { CODEX_THREAD_ID: 'outer' });
    expect(markerSetterModel('codex', [hookShim, git, inner, outer], [THREAD], quote)?.models).toEqual(['qwen3-coder']);
    // Command lines without environments (a test's plain argv lists) decide nothing.
    expect(markerSetterModel('codex', [['cx', '-m', 'qwen3-coder']], [THREAD], quote)).toBeNull();
  });

  it("the agent's variables as the environment holds them: its markers' and a generic variable naming it", () => {
    expect(agentMarkers({ CODEX_THREAD_ID: 'abc', CODEX_SANDBOX_NETWORK_DISABLED: '1', GEMINI_CLI: '1' }, 'codex')).toEqual([
      ['CODEX_SANDBOX_NETWORK_DISABLED', '1'],
      ['CODEX_THREAD_ID', 'abc'],
    ]);
    expect(agentMarkers({ GEMINI_CLI: '0' }, 'gemini-cli')).toEqual([]);
    expect(agentMarkers({ AGENT: 'opencode', OPENCODE: '1' }, 'opencode').map(([name]) => name).sort()).toEqual(['AGENT', 'OPENCODE']);
  });
});
