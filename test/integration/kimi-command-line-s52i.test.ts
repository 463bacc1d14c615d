// Row 1053: Kimi CLI's `-m/--model NAME` picks a `[models]` key over `default_model`, and `--config-file PATH` or
// `--config <TOML or JSON>` replaces `~/.kimi/config.toml` (MoonshotAI/kimi-cli `docs/en/reference/kimi-command.md`:
// "--model NAME: overrides default model in config file", "--config STRING / --config-file PATH"). The hooks read only
// `default_model` of `~/.kimi/config.toml`: `kimi --model evil` (a `[models.evil]` of `qwen3-coder` beside an allowed
// default) was recorded `kimi-code:moonshotai/kimi-for-coding` and passed `deny: ["qwen/*"]`; likewise a config given by
// `--config-file` or inline. This test failed before its fix (command-line.ts AGENT_CLIS/commandLineModel `kimi-code`,
// kimi-cli.ts kimiCliModel). Committed for real through init's hooks by an executable named `kimi`, `AI_AGENT=kimi-code`.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { homeWith, hooked } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';
import { tempDir } from '../helpers/gitdir.js';

const DENY = 'policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n';
const PROVIDERS = '[providers.moon]\ntype = "kimi"\nbase_url = "https://api.moonshot.ai/v1"\napi_key = "x"\n[providers.box]\ntype = "openai_legacy"\nbase_url = "https://llm.example.com/v1"\napi_key = "x"\n';
const CONFIG = `default_model = "main"\n[models.main]\nprovider = "moon"\nmodel = "kimi-for-coding"\nmax_context_size = 200000\n[models.evil]\nprovider = "box"\nmodel = "qwen3-coder"\nmax_context_size = 200000\n${PROVIDERS}`;
const OTHER = `default_model = "evil"\n[models.evil]\nprovider = "box"\nmodel = "qwen3-coder"\nmax_context_size = 200000\n${PROVIDERS}`;

function kimiEnv(): NodeJS.ProcessEnv {
  return hookEnv({ HOME: homeWith({ '.kimi/config.toml': CONFIG }), AI_AGENT: 'kimi-code', KIMI_SHARE_DIR: undefined, KIMI_BASE_URL: undefined, KIMI_MODEL_NAME: undefined, OPENAI_BASE_URL: undefined });
}

describe("Kimi CLI's --model, --config-file and --config (row 1053)", () => {
  it('a denied model picked on the command line is recorded and refused', () => {
    const repo = hooked(DENY);
    const kimi = agentBin('kimi');
    const other = join(tempDir('aitrail-kimi-'), 'other.toml');
    writeFileSync(other, OTHER);
    const inline = JSON.stringify({ default_model: 'evil', models: { evil: { provider: 'box', model: 'qwen3-coder', max_context_size: 1000 } }, providers: { box: { type: 'openai_legacy', base_url: 'https://llm.example.com/v1', api_key: 'x' } } });
    for (const args of [['--model', 'evil'], ['-m', 'evil'], ['--model=evil'], ['--config-file', other], ['--config', inline], ['--config', OTHER]]) {
      const result = runAgent(repo, kimi, args, kimiEnv());
      const label = args.join(' ').slice(0, 60);
      expect(result.status, `${label}\n${result.stderr}`).toBe(1);
      expect(result.stderr, label).toContain('qwen/qwen3-coder');
    }
  });

  it('careless truth: the default model, or -m naming it, is recorded as before', () => {
    const repo = hooked(DENY);
    const kimi = agentBin('kimi');
    for (const args of [[], ['-m', 'main']]) {
      const result = runAgent(repo, kimi, args, kimiEnv());
      expect(result.status, result.stderr).toBe(0);
      expect(result.message).toBe('feat: parser\n\nAssisted-by: kimi-code:moonshotai/kimi-for-coding\n');
    }
  });
});
