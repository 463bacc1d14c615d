// Session 54 helper g (row 1134): Qwen Code under an auth type whose own model variable is unset, or under `qwen-oauth`,
// was recorded with OPENAI_MODEL's model, which that run never reads. Found reading QwenLM/qwen-code
// `packages/cli/src/utils/modelConfigUtils.ts` `resolveCliGenerationConfig` (with no `--model` and no settings model only the
// auth type's own variables are read, every other model variable stripped) and `packages/core/src/models/modelConfigResolver.ts`
// (`DEFAULT_MODELS` names no anthropic, gemini or vertex-ai default; `resolveQwenOAuthConfig` runs `coder-model` whatever
// `--model`, the settings or a variable name). `selectedType: anthropic` with only `OPENAI_MODEL=gpt-4o` set, and `QWEN_OAUTH=1`
// or `selectedType: qwen-oauth` with `OPENAI_MODEL=gpt-4o` (or `model.name`, or `-m gpt-4o`), were recorded
// `qwen-code:openai/gpt-4o` and passed `deny: ["qwen/*"]`, `unknownModel: deny`. Now: `unknown` for the first (refused under
// `unknownModel: deny`), Qwen's `coder-model` (`qwen/unknown`, denied) for the second. Committed for real through init's hooks
// by an executable named `qwen`.
import { describe, expect, it } from 'vitest';
import { homeWith, hooked } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';
import { STRICT } from '../helpers/local-gateway.js';

function qwenEnv(settings: object, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return hookEnv({ HOME: homeWith({ '.qwen/settings.json': JSON.stringify(settings) }), QWEN_CODE: '1', OPENAI_BASE_URL: undefined, ANTHROPIC_BASE_URL: undefined, OPENAI_MODEL: undefined, QWEN_MODEL: undefined, ANTHROPIC_MODEL: undefined, GEMINI_MODEL: undefined, GOOGLE_MODEL: undefined, OPENAI_API_KEY: undefined, ANTHROPIC_API_KEY: undefined, GEMINI_API_KEY: undefined, GOOGLE_API_KEY: undefined, QWEN_OAUTH: undefined, QWEN_CODE_SYSTEM_SETTINGS_PATH: undefined, QWEN_CODE_SYSTEM_DEFAULTS_PATH: undefined, ...extra });
}

describe('Qwen Code never recorded with a model variable its auth type does not read (row 1134)', () => {
  it('row 1134: anthropic, gemini or vertex-ai with its own variable unset: not OPENAI_MODEL\'s model, unknown', () => {
    const repo = hooked(STRICT);
    for (const [type, variable] of [['anthropic', 'ANTHROPIC_MODEL'], ['gemini', 'GEMINI_MODEL'], ['vertex-ai', 'GOOGLE_MODEL']] as const) {
      const result = runAgent(repo, agentBin('qwen'), [], qwenEnv({ security: { auth: { selectedType: type } } }, { OPENAI_MODEL: 'gpt-4o', QWEN_MODEL: 'gpt-4o' }));
      expect.soft(result.status, type).not.toBe(0);
      expect.soft(result.stderr, type).not.toContain('openai/gpt-4o');
      expect.soft(result.stderr, type).toContain(`Qwen Code's auth type "${type}" with ${variable} unset`);
    }
    // `--auth-type anthropic` over the settings' openai.
    const flagged = runAgent(repo, agentBin('qwen'), ['--auth-type', 'anthropic'], qwenEnv({ security: { auth: { selectedType: 'openai' } } }, { OPENAI_MODEL: 'gpt-4o' }));
    expect(flagged.status).not.toBe(0);
    expect(flagged.stderr).not.toContain('openai/gpt-4o');
  });

  it('row 1134: qwen-oauth runs coder-model whatever OPENAI_MODEL, the settings or -m name: Qwen\'s, denied', () => {
    const repo = hooked(STRICT);
    const cases: [string, string[], object, NodeJS.ProcessEnv][] = [
      ['QWEN_OAUTH=1', [], {}, { QWEN_OAUTH: '1', OPENAI_MODEL: 'gpt-4o' }],
      ['selectedType', [], { security: { auth: { selectedType: 'qwen-oauth' } } }, { OPENAI_MODEL: 'gpt-4o' }],
      ['settings model', [], { model: { name: 'gpt-4o' }, security: { auth: { selectedType: 'qwen-oauth' } } }, {}],
      ['-m', ['-m', 'gpt-4o'], { security: { auth: { selectedType: 'qwen-oauth' } } }, {}],
      ['--auth-type', ['--auth-type', 'qwen-oauth', '-m', 'gpt-4o'], { security: { auth: { selectedType: 'openai' } } }, { OPENAI_MODEL: 'gpt-4o' }],
    ];
    for (const [label, args, settings, extra] of cases) {
      const result = runAgent(repo, agentBin('qwen'), args, qwenEnv(settings, extra));
      expect.soft(result.status, label).not.toBe(0);
      expect.soft(result.stderr, label).toMatch(/qwen\/unknown \(via qwen-code\) is denied/);
      expect.soft(result.stderr, label).toContain('Qwen Code\'s auth type "qwen-oauth"');
    }
  });

  it('careless truth: openai, and an auth type whose variable is set, read as before', () => {
    const repo = hooked(STRICT);
    const openai = runAgent(repo, agentBin('qwen'), [], qwenEnv({ security: { auth: { selectedType: 'openai' } } }, { OPENAI_MODEL: 'gpt-4o' }));
    expect(openai.status, openai.stderr).toBe(0);
    expect(openai.message).toContain('Assisted-by: qwen-code:openai/gpt-4o');
    const anthropic = runAgent(repo, agentBin('qwen'), [], qwenEnv({ security: { auth: { selectedType: 'anthropic' } } }, { ANTHROPIC_MODEL: 'claude-sonnet-4-5', OPENAI_MODEL: 'qwen3-coder' }));
    expect(anthropic.status, anthropic.stderr).toBe(0);
    expect(anthropic.message).toContain('Assisted-by: qwen-code:anthropic/claude-sonnet-4.5');
    // A settings model under anthropic is what runs, as before.
    const named = runAgent(repo, agentBin('qwen'), [], qwenEnv({ model: { name: 'gpt-4o' }, security: { auth: { selectedType: 'anthropic' } } }, {}));
    expect(named.status, named.stderr).toBe(0);
    expect(named.message).toContain('Assisted-by: qwen-code:openai/gpt-4o');
  });
});
