// Session 54 helper l (row 1140): a model name the model table does not know, named by a vendor's family, read as
// no vendor's. Found by helper d and replayed by helper l (attacker's playbook 8b): `Co-Authored-By: opencode
// (kimi-fast-latest) <noreply@opencode.ai>` read as `opencode:unknown` while `Assisted-by: opencode:kimi-fast-latest`
// gave `moonshotai/unknown`, so `deny: ["moonshotai/*"]` passed it (only `unknownModel: deny` caught it); the same for
// every family (qwen, deepseek, glm, minimax, doubao, ernie, hunyuan, grok…), at Claude Code's and Cursor's
// identities, and in a footer's model (`🤖 Generated with [opencode](…) (qwen-foo-latest)`). A fine-tune named after
// its base by a later word (`openthinker-qwen`, `my-kimi-tune`) read as Qwen's in a declared value but as no vendor's
// in a co-author's note and in a model variable (`ANTHROPIC_MODEL=openthinker-qwen2` under Claude Code). Now each
// reader gives the vendor (identity.ts unknownModelVendor, commit.ts lineModel, catalog.ts nameVendor). Decision
// recorded here: a distill is its publisher's model (`deepseek-r1-distill-qwen-32b` is DeepSeek's), its base named in
// its id, so `deny: ["*/*qwen*"]` refuses it beside `qwen/*`.
// Session 54 helper l (row 1141): an unknown publisher's fine-tune named after its base (`cognitivecomputations/dolphin-qwen`)
// at an agent's identity read as the literal alone (a declared value adds `qwen/unknown`, row 338): it passed `deny: ["qwen/*"]`.
// Now the base's vendor is read beside it (identity.ts literalBase). Each block failed before its fix but the decision's.
import { describe, expect, it } from 'vitest';
import { claudeHome, hooked, agentCommit } from '../helpers/agent-home.js';
import { expectEachPasses, expectEachRefused, expectEachRefusedNaming, policyServer } from '../helpers/enforce-repos.js';
import { hookEnv } from '../helpers/hooks.js';
import { expectLog, refusedBy } from '../helpers/log-cases.js';

const OPENCODE = (model: string): string => `fix: parser\n\nCo-Authored-By: opencode (${model}) <noreply@opencode.ai>\n`;
/** Each case's message and the model it reads (the agent: opencode, or Claude Code for `claude`). */
const FAMILY_CASES: Record<string, [string, string]> = {
  kimi: [OPENCODE('kimi-fast-latest'), 'moonshotai/unknown'],
  qwen: [OPENCODE('qwen-foo-latest'), 'qwen/unknown'],
  deepseek: [OPENCODE('deepseek-foo'), 'deepseek/unknown'],
  glm: [OPENCODE('glm-turbo-x'), 'z-ai/unknown'],
  minimax: [OPENCODE('minimax-foo'), 'minimax/unknown'],
  doubao: [OPENCODE('doubao-seed-code-x'), 'bytedance/unknown'],
  ernie: [OPENCODE('ernie-foo'), 'baidu/unknown'],
  hunyuan: [OPENCODE('hunyuan-foo'), 'tencent/unknown'],
  grok: [OPENCODE('grok-foo'), 'x-ai/unknown'],
  finetune: [OPENCODE('openthinker-qwen'), 'qwen/unknown'],
  claude: ['fix: b\n\nCo-Authored-By: Claude (kimi-fast-latest) <noreply@anthropic.com>\n', 'moonshotai/unknown'],
  footer: ['fix: d\n\n\u{1F916} Generated with [opencode](https://opencode.ai) (qwen-foo-latest)\n', 'qwen/unknown'],
};
const VENDOR_DENY = 'policy:\n  deny: ["moonshotai/*", "qwen/*", "deepseek/*", "z-ai/*", "minimax/*", "bytedance/*", "baidu/*", "tencent/*", "x-ai/*"]\n';

describe('a model the table does not know, named by its family, is its vendor\'s in every reader (row 1140)', () => {
  it('log reads co-author notes and footer models by their family; routes, pronouns and agent names stay no vendor', () => {
    expectLog([
      ...Object.entries(FAMILY_CASES).map(([name, [message, model]]): [string, string[]] => [message, [`${name === 'claude' ? 'claude-code' : 'opencode'}:${model}`]]),
      ['fix: a\n\nAssisted-by: opencode:kimi-fast-latest\n', ['opencode:moonshotai/unknown']],
      [OPENCODE('gemini-foo'), ['opencode:google/unknown']],
      [OPENCODE('Kimi Fast'), ['opencode:moonshotai/unknown']],
      ['fix: c\n\nCo-Authored-By: Cursor (kimi-foo) <cursoragent@cursor.com>\n', ['cursor:moonshotai/unknown']],
      // What names no vendor stays so: a route, a pronoun pair, words, an agent's own name, the agent's own family word.
      [OPENCODE('Amazon Bedrock'), ['opencode:unknown']],
      [OPENCODE('google-vertex'), ['opencode:unknown']],
      [OPENCODE('she/her'), ['opencode:unknown']],
      [OPENCODE('via opencode'), ['opencode:unknown']],
      // An agent's name alone stays no vendor's; with a tail (`qwen-code-latest`) its vendor's since row 1181, as `Assisted-by:` reads it.
      [OPENCODE('qwen-code'), ['opencode:unknown']],
      [OPENCODE('qwen-code-latest'), ['opencode:qwen/unknown']],
      [OPENCODE('my-fast-model'), ['opencode:unknown']],
      ['fix: e\n\nCo-Authored-By: Claude (claude-foo) <noreply@anthropic.com>\n', ['claude-code:unknown']],
    ]);
  }, 120_000);

  it('check and a real pre-receive refuse each under a deny of its vendor alone; another vendor\'s passes', () => {
    const { remote, work } = policyServer(VENDOR_DENY);
    const cases = FAMILY_CASES;
    expectEachRefusedNaming(remote, work, cases);
    expectEachPasses(work, [OPENCODE('claude-foo'), OPENCODE('Amazon Bedrock'), OPENCODE('she/her')]);
  }, 240_000);

  it("init's hooks refuse the co-author line, and a model variable or settings model named after its base", () => {
    const repo = hooked(VENDOR_DENY);
    const person = hookEnv({ CLAUDECODE: undefined, QWEN_CODE: undefined, OPENCODE: undefined, AI_AGENT: undefined });
    const line = agentCommit(repo, person, OPENCODE('kimi-fast-latest'));
    expect(line.status, line.stderr).not.toBe(0);
    expect(line.stderr).toContain('moonshotai/unknown');
    const variable = agentCommit(repo, hookEnv({ ...claudeHome('claude-sonnet-4-6'), ANTHROPIC_MODEL: 'openthinker-qwen2' }));
    expect(variable.status, variable.stderr).not.toBe(0);
    expect(variable.stderr).toContain('qwen/unknown');
    const settings = agentCommit(repo, hookEnv(claudeHome('my-kimi-tune')));
    expect(settings.status, settings.stderr).not.toBe(0);
    expect(settings.stderr).toContain('moonshotai/unknown');
    // Careless truth: a model of no denied vendor is recorded as it was.
    const honest = agentCommit(repo, hookEnv(claudeHome('claude-sonnet-4-6')));
    expect(honest.status, honest.stderr).toBe(0);
    expect(honest.message).toContain('Assisted-by: claude-code:anthropic/claude-sonnet-4.6');
  }, 120_000);

  it('decision: a distill is its publisher\'s model; a deny of every id naming Qwen refuses it beside qwen/*', () => {
    const messages = ['fix: a\n\nAssisted-by: opencode:deepseek-r1-distill-qwen-32b\n', OPENCODE('deepseek-r1-distill-qwen-32b')];
    expect(refusedBy('policy:\n  deny: ["qwen/*"]\n', messages).refused).toEqual([]);
    const both = refusedBy('policy:\n  deny: ["qwen/*", "*/*qwen*"]\n', messages);
    expect(both.refused).toEqual([...both.shas].sort());
  }, 120_000);
});

describe("an unknown publisher's fine-tune named after its base, at an agent's identity, is the base's vendor's too (row 1141)", () => {
  const DOLPHIN = OPENCODE('cognitivecomputations/dolphin-qwen');
  const AGENT_AUTHOR = { name: 'opencode (arcee-ai/virtuoso-qwen)', email: 'noreply@opencode.ai' };
  it('log reads the literal and its base\'s vendor on a co-author line and as the author, as in a declared value; a literal of no base stays alone', () => {
    expectLog([
      ['fix: a\n\nAssisted-by: opencode:cognitivecomputations/dolphin-qwen\n', ['opencode:cognitivecomputations/dolphin-qwen', 'opencode:qwen/unknown']],
      [DOLPHIN, ['opencode:cognitivecomputations/dolphin-qwen', 'opencode:qwen/unknown']],
      [OPENCODE('nousresearch/deephermes-3-llama-3-8b'), ['opencode:nousresearch/deephermes-3-llama-3-8b', 'opencode:meta-llama/unknown']],
      ['fix: b\n\nCo-authored-by: Claude (arcee-ai/virtuoso-qwen) <noreply@anthropic.com>\n', ['claude-code:arcee-ai/virtuoso-qwen', 'claude-code:qwen/unknown']],
      ['fix: c\n', ['opencode:arcee-ai/virtuoso-qwen', 'opencode:qwen/unknown'], AGENT_AUTHOR],
      [OPENCODE('acme/coder-2'), ['opencode:acme/coder-2']],
      [OPENCODE('nousresearch/hermes-4-70b'), ['opencode:nousresearch/hermes-4-70b']],
    ]);
  }, 120_000);

  it('check and a real pre-receive refuse the co-author line under a deny of the base\'s vendor', () => {
    const { remote, work } = policyServer(VENDOR_DENY);
    expectEachRefused(remote, work, { dolphin: DOLPHIN, claude: 'fix: b\n\nCo-authored-by: Claude (arcee-ai/virtuoso-qwen) <noreply@anthropic.com>\n' }, (found, name) => {
      expect(found, name).toContain('qwen/unknown');
    });
    expectEachPasses(work, [OPENCODE('acme/coder-2')]);
  }, 240_000);
});
