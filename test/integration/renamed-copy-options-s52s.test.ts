// Row 1057: a renamed copy of an agent (`cp "$(command -v codex)" ~/bin/cx`) is found only as the process that set the
// agent's marker (row 373), and of its command line only the models were read (`-m`, codex's `-c model=`): its other
// options, the ones that say where the model runs or which one the config picks, were dropped. So `cx -c
// model_provider=ollama` (Codex's built-in local provider), `cx -p local` (a profile naming qwen3-coder), `qw
// --auth-type openai` (Qwen Code's list whose entry is on 127.0.0.1), `qw --openai-base-url http://127.0.0.1:…` and
// `k2 --model evil` (Kimi CLI's `[models]` key; its models are never read as names) were recorded as the config's hosted
// model and passed `deny: ["qwen/*"]` + `unknownModel: deny`. This test failed before its fix (command-line.ts
// markerSetterModel `options`, read-agent-settings.ts readAgentSettings). Each copy is a node script under another name
// that sets its agent's marker for its children only, as the real ones do (codex-rs exports CODEX_THREAD_ID to the shells it
// spawns, Qwen Code spawns its shell with QWEN_CODE=1), committing for real through init's hooks.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeWith, hooked } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { tempDir } from '../helpers/gitdir.js';
import { hookEnv } from '../helpers/hooks.js';
import { expectGatewayRefused, STRICT } from '../helpers/local-gateway.js';

/** An executable node script named `name` that commits with `marker` set for git only (the agent sets it for its children). */
function copyOf(name: string, marker: Record<string, string>): string {
  const bin = join(tempDir('aitrail-copy-'), 'bin');
  mkdirSync(bin);
  const path = join(bin, name);
  writeFileSync(
    path,
    `#!${process.execPath}\nconst { spawnSync } = require('node:child_process');\n` +
      `const run = spawnSync('git', ['commit', '-q', '-F', '-'], { input: process.env.MESSAGE, env: { ...process.env, ...${JSON.stringify(marker)} }, stdio: ['pipe', 'inherit', 'inherit'] });\n` +
      `process.exit(run.status ?? 1);\n`,
  );
  chmodSync(path, 0o755);
  return path;
}

const CODEX = 'model = "gpt-5-codex"\n[profiles.local]\nmodel = "qwen3-coder"\n[model_providers.corp]\nname = "corp"\nbase_url = "https://llm.example.com/v1"\n';
const codexEnv = () => hookEnv({ HOME: homeWith(), CODEX_HOME: homeWith({ 'config.toml': CODEX }), CODEX_THREAD_ID: undefined, CODEX_SANDBOX: undefined, OPENAI_BASE_URL: undefined, CODEX_OSS_BASE_URL: undefined });
const cx = () => copyOf('cx', { CODEX_THREAD_ID: '019a6e2c-5d1b-7c30-9f4e-2b8d1a0c7e51' });

const entry = (id: string, baseUrl: string) => ({ id, envKey: 'BOX_KEY', baseUrl });
const QWEN = {
  model: { name: 'gpt-4o' },
  security: { auth: { selectedType: 'anthropic' } },
  modelProviders: { anthropic: [entry('gpt-4o', 'https://llm.example.com/v1')], openai: [entry('gpt-4o', 'http://127.0.0.1:4000/v1')] },
};
const qwenEnv = (settings: object = QWEN) =>
  hookEnv({ HOME: homeWith({ '.qwen/settings.json': JSON.stringify(settings) }), QWEN_CODE: undefined, OPENAI_BASE_URL: undefined, ANTHROPIC_BASE_URL: undefined, OPENAI_MODEL: undefined, QWEN_MODEL: undefined, QWEN_CODE_SYSTEM_SETTINGS_PATH: undefined, QWEN_CODE_SYSTEM_DEFAULTS_PATH: undefined });

const KIMI =
  'default_model = "main"\n[models.main]\nprovider = "moon"\nmodel = "kimi-for-coding"\nmax_context_size = 200000\n[models.evil]\nprovider = "box"\nmodel = "qwen3-coder"\nmax_context_size = 200000\n' +
  '[providers.moon]\ntype = "kimi"\nbase_url = "https://api.moonshot.ai/v1"\napi_key = "x"\n[providers.box]\ntype = "openai_legacy"\nbase_url = "https://llm.example.com/v1"\napi_key = "x"\n';
const kimiEnv = () => hookEnv({ HOME: homeWith({ '.kimi/config.toml': KIMI }), AI_AGENT: undefined, KIMI_SHARE_DIR: undefined, KIMI_BASE_URL: undefined, KIMI_MODEL_NAME: undefined, OPENAI_BASE_URL: undefined });

describe("a renamed copy's provider and config options read as the named program's (row 1057)", () => {
  it('codex copied as cx: -c model_provider=ollama (and --oss) at a gateway on this machine, refused; -p local names its profile\'s model', () => {
    const repo = hooked(STRICT);
    for (const args of [['-c', 'model_provider=ollama'], ['-c', 'model_provider="lmstudio"'], ['--oss', '-m', 'gpt-5-codex'], ['-c', 'openai_base_url="http://127.0.0.1:4000/v1"']]) {
      expectGatewayRefused(runAgent(repo, cx(), args, codexEnv()), `cx ${args.join(' ')}`);
    }
    for (const args of [['-p', 'local'], ['--profile=local'], ['-c', 'profile=local']]) {
      const result = runAgent(repo, cx(), args, codexEnv());
      expect.soft(result.status, `cx ${args.join(' ')}`).not.toBe(0);
      expect.soft(result.stderr, `cx ${args.join(' ')}`).toMatch(/qwen\/qwen3-coder \(via codex\) is denied/);
    }
  });

  it("qwen copied as qw: --auth-type openai picks the list whose entry is on 127.0.0.1; --openai-base-url on loopback: refused", () => {
    const repo = hooked(STRICT);
    for (const args of [['--auth-type', 'openai'], ['--authType=openai']]) {
      expectGatewayRefused(runAgent(repo, copyOf('qw', { QWEN_CODE: '1' }), args, qwenEnv()), `qw ${args.join(' ')}`);
    }
    // Settings with no modelProviders: the flag's endpoint is the one its OpenAI client calls.
    const plain = { model: { name: 'gpt-4o' }, security: { auth: { selectedType: 'openai' } } };
    for (const args of [['--openai-base-url', 'http://127.0.0.1:4000/v1'], ['--openaiBaseUrl=http://localhost:8000/v1']]) {
      expectGatewayRefused(runAgent(repo, copyOf('qw', { QWEN_CODE: '1' }), args, qwenEnv(plain)), `qw ${args.join(' ')}`);
    }
  });

  it('kimi copied as k2 (AI_AGENT=kimi-code set for its children): --model evil is the [models] key naming qwen3-coder, denied', () => {
    const repo = hooked(STRICT);
    for (const args of [['--model', 'evil'], ['-m', 'evil'], ['--config', KIMI.replace('default_model = "main"', 'default_model = "evil"')]]) {
      const result = runAgent(repo, copyOf('k2', { AI_AGENT: 'kimi-code' }), args, kimiEnv());
      expect.soft(result.status, `k2 ${args[0]}`).not.toBe(0);
      expect.soft(result.stderr, `k2 ${args[0]}`).toMatch(/qwen\/qwen3-coder \(via kimi-code\) is denied/);
    }
  });

  it('careless truth: a copy with a remote provider, or no option, records the hosted model as before', () => {
    const repo = hooked(STRICT);
    for (const args of [['-c', 'model_provider=corp'], [], ['exec', 'fix the parser']]) {
      const result = runAgent(repo, cx(), args, codexEnv());
      expect(result.status, `cx ${args.join(' ')}: ${result.stderr}`).toBe(0);
      expect(result.message).toBe('feat: parser\n\nAssisted-by: codex:openai/gpt-5-codex\n');
    }
    const kimi = runAgent(repo, copyOf('k2', { AI_AGENT: 'kimi-code' }), ['--model', 'main'], kimiEnv());
    expect(kimi.status, kimi.stderr).toBe(0);
    expect(kimi.message).toBe('feat: parser\n\nAssisted-by: kimi-code:moonshotai/kimi-for-coding\n');
  });
});

// Row 1058: Kimi CLI parses its command line with click (typer): `-m=evil` is the key `=evil` (click keeps the `=` of a
// short option's attached value), and `-ym evil`, `-Cymevil` are `--yolo`/`--continue` then `-m evil`. The hooks read them as
// clap does: `-m=evil` as the key `evil`, and a cluster not at all, so the config's default (or another key) was recorded.
// Replayed against click 8 (`python3 -c` of a click command with Kimi CLI's options). This test failed before its fix
// (command-line.ts optionValues `click`, AGENT_CLIS `kimi-code`).
describe("Kimi CLI's short options as click reads them (row 1058)", () => {
  const config =
    'default_model = "main"\n[models.main]\nprovider = "moon"\nmodel = "kimi-for-coding"\nmax_context_size = 200000\n' +
    '[models.evil]\nprovider = "moon"\nmodel = "kimi-for-coding"\nmax_context_size = 200000\n[models."=evil"]\nprovider = "box"\nmodel = "qwen3-coder"\nmax_context_size = 200000\n' +
    '[models.q]\nprovider = "box"\nmodel = "qwen3-coder"\nmax_context_size = 200000\n' +
    '[providers.moon]\ntype = "kimi"\nbase_url = "https://api.moonshot.ai/v1"\napi_key = "x"\n[providers.box]\ntype = "openai_legacy"\nbase_url = "https://llm.example.com/v1"\napi_key = "x"\n';
  const env = () => hookEnv({ HOME: homeWith({ '.kimi/config.toml': config }), AI_AGENT: 'kimi-code', KIMI_SHARE_DIR: undefined, KIMI_BASE_URL: undefined, KIMI_MODEL_NAME: undefined, OPENAI_BASE_URL: undefined });

  it('`kimi -m=evil` runs the key `=evil`; `-ym q`, `-Cymq`, `-yCm q` run the key q: each qwen3-coder, denied', () => {
    const repo = hooked(STRICT);
    const kimi = agentBin('kimi');
    for (const args of [['-m=evil'], ['-ym', 'q'], ['-Cymq'], ['-yCm', 'q']]) {
      const result = runAgent(repo, kimi, args, env());
      expect.soft(result.status, `kimi ${args.join(' ')}`).not.toBe(0);
      expect.soft(result.stderr, `kimi ${args.join(' ')}`).toMatch(/qwen\/qwen3-coder \(via kimi-code\) is denied/);
    }
  });

  it('careless truth: `-m evil`, `-mevil`, `--model=evil`, `-y -m evil` run the allowed key evil', () => {
    const repo = hooked(STRICT);
    const kimi = agentBin('kimi');
    for (const args of [['-m', 'evil'], ['-mevil'], ['--model=evil'], ['-y', '-m', 'evil'], ['-ym', 'evil']]) {
      const result = runAgent(repo, kimi, args, env());
      expect(result.status, `kimi ${args.join(' ')}: ${result.stderr}`).toBe(0);
      expect(result.message).toBe('feat: parser\n\nAssisted-by: kimi-code:moonshotai/kimi-for-coding\n');
    }
  });
});
