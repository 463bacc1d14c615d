// Session 55 helper m (rows 1179..1181): a review of helper d's attribution change (rows 1170..1173) as an attacker
// with a denied vendor and as an honest project, each replayed with the built CLI's `log` and `check`, init's hooks under
// Claude Code's environment and a real bare server with pre-receive.
// 1179: 1171's people rule (and row 260's teams of a company) took every other name of the list that looked like a
// person's (`Qwen Long`, `Kimi Linear`, `Doubao Seed`, `Grok Smith`, `Deepseek Chen`) as a person's, so `Assisted-by: Kimi
// Räikkönen and Qwen Long` or `Tencent Cloud team and Qwen Long` read as no AI and passed `deny: ["qwen/*"]`: now every
// other name must read no AI on its own (`Daniel Gustafsson`), else the value is read as before (its vendors' models).
// 1180: vendors' published names after a family's word (Kimi Explorer, Kimi Slides, Moonlight, Kimi Claw, ERNIE-ViLG,
// ERNIE Functions, Ernie Yiyan, EmbeddingGemma) and a Roman numeral (`Kimi II`) read as people's surnames: now their vendor's.
// 1181: catalog.ts nameVendor (git-ai and co-author notes, model variables, settings) read `o3-kimi` as OpenAI's and
// `kimi-code-latest`/`qwen-code-latest` as no vendor's, where `Assisted-by:` read Moonshot's and Qwen's: now as `Assisted-by:` does.
import { describe, expect, it } from 'vitest';
import { claudeHome, hooked, agentCommit } from '../helpers/agent-home.js';
import { expectEachPasses, expectEachRefusedNaming, policyServer } from '../helpers/enforce-repos.js';
import { hookEnv } from '../helpers/hooks.js';
import { expectLog } from '../helpers/log-cases.js';

const DENY = 'policy:\n  deny: ["qwen/*", "moonshotai/*", "x-ai/*", "bytedance/*", "baidu/*"]\n';
const PEOPLE = [
  'fix: a\n\nAssisted-by: Kimi Räikkönen and Daniel Gustafsson\n',
  'fix: b\n\nAssisted-by: Tencent Cloud team and Kimi Räikkönen\n',
  'fix: c\n\nAssisted-by: Jane Doe, Xiaomi Security folks\n',
];
const note = (model: string): string => `fix: n\n\nCo-authored-by: opencode (${model}) <noreply@opencode.ai>\n`;

describe('people beside models, product names after a family word, and a name read one way by every reader (rows 1179..1181)', () => {
  it('log: a model beside a person named by a family word or a company\'s team is its vendor\'s; the people stay people', () => {
    // The person beside the model is no model since row 1198 (row 1179's limit: the person read as the vendor's too).
    expectLog([
      [PEOPLE[0]!, []],
      [PEOPLE[1]!, []],
      [PEOPLE[2]!, []],
      ['fix: d\n\nAssisted-by: Kimi Räikkönen\n', []],
      ['fix: e\n\nAssisted-by: Kimi Räikkönen and Qwen Long\n', ['unknown:qwen/unknown']],
      ['fix: f\n\nAssisted-by: Kimi Räikkönen and Kimi Linear\n', ['unknown:moonshotai/unknown']],
      // A Cyrillic і in `Kimi`: read as the Latin word, as alone.
      ['fix: g\n\nAssisted-by: Kimi Räikkönen and K\u0456mi Linear\n', ['unknown:moonshotai/unknown']],
      ['fix: h\n\nAssisted-by: Gemma Chan and Grok Smith\n', ['unknown:x-ai/unknown']],
      ['fix: i\n\nAssisted-by: Kimi Räikkönen and Doubao Seed\n', ['unknown:bytedance/unknown']],
      ['fix: j\n\nAssisted-by: Tencent Cloud team and Qwen Long\n', ['unknown:tencent/unknown', 'unknown:qwen/unknown']],
      ['fix: k\n\nAssisted-by: Kimi Slides\n', ['unknown:moonshotai/unknown']],
      ['fix: l\n\nAssisted-by: Kimi Explorer\n', ['unknown:moonshotai/unknown']],
      ['fix: m\n\nAssisted-by: Kimi Moonlight\n', ['unknown:moonshotai/unknown']],
      ['fix: n\n\nAssisted-by: Kimi Claw\n', ['unknown:moonshotai/unknown']],
      ['fix: o\n\nAssisted-by: Ernie Vilg\n', ['unknown:baidu/unknown']],
      ['fix: p\n\nAssisted-by: Ernie Yiyan\n', ['unknown:baidu/unknown']],
      ['fix: q\n\nAssisted-by: Ernie Functions\n', ['unknown:baidu/unknown']],
      ['fix: r\n\nAssisted-by: Gemma Embedding\n', ['unknown:google/unknown']],
      ['fix: s\n\nAssisted-by: Kimi II\n', ['unknown:moonshotai/unknown']],
      [note('o3-kimi'), ['opencode:moonshotai/unknown']],
      [note('swe-kimi'), ['opencode:moonshotai/unknown']],
      [note('kimi-code-latest'), ['opencode:moonshotai/unknown']],
      [note('qwen-code-latest'), ['opencode:qwen/unknown']],
      ['fix: n\n\nCo-Authored-By: Claude (kimi-code-latest) <noreply@anthropic.com>\n', ['claude-code:moonshotai/unknown']],
      // Unchanged: OpenAI's own id, an agent's name alone, an agent's name no vendor's word starts.
      [note('o3-mini'), ['opencode:openai/o3-mini']],
      [note('kimi-code'), ['opencode:unknown']],
      [note('cursor-agent-latest'), ['opencode:unknown']],
    ]);
  }, 120_000);

  it("init's hooks refuse a model variable named o3-kimi or qwen-code-latest and a person beside a denied model", () => {
    const repo = hooked(DENY);
    for (const model of ['o3-kimi', 'qwen-code-latest']) {
      const variable = agentCommit(repo, hookEnv({ ...claudeHome('claude-sonnet-4-6'), ANTHROPIC_MODEL: model }));
      expect(variable.status, `${model}: ${variable.stderr}`).not.toBe(0);
      expect(variable.stderr).toContain(model === 'o3-kimi' ? 'moonshotai/unknown' : 'qwen/unknown');
    }
    const human = hookEnv({ CLAUDECODE: undefined, QWEN_CODE: undefined, OPENCODE: undefined, AI_AGENT: undefined });
    const laundered = agentCommit(repo, human, 'fix: x\n\nAssisted-by: Kimi Räikkönen and Qwen Long\n');
    expect(laundered.status, laundered.stderr).not.toBe(0);
    expect(laundered.stderr).toContain('qwen/unknown');
    const person = agentCommit(repo, human, PEOPLE[0]);
    expect(person.status, person.stderr).toBe(0);
  }, 120_000);

  it('check and a real pre-receive refuse the models beside people and in notes, and pass the people', () => {
    const { remote, work } = policyServer(DENY);
    const cases: Record<string, [string, string]> = {
      family: ['fix: t\n\nAssisted-by: Kimi Räikkönen and Qwen Long\n', 'qwen/unknown'],
      team: ['fix: u\n\nAssisted-by: Tencent Cloud team and Qwen Long\n', 'qwen/unknown'],
      grok: ['fix: v\n\nAssisted-by: Gemma Chan and Grok Smith\n', 'x-ai/unknown'],
      slides: ['fix: w\n\nAssisted-by: Kimi Slides\n', 'moonshotai/unknown'],
      o3: [note('o3-kimi'), 'moonshotai/unknown'],
      code: [note('qwen-code-latest'), 'qwen/unknown'],
    };
    expectEachRefusedNaming(remote, work, cases);
    expectEachPasses(work, PEOPLE);
  }, 240_000);
});
