// Session 55 helper d (rows 1170..1173): what session 54 left of reading a model name's vendor, each found by
// replaying its limits with the built CLI's `log` and `check`, init's hooks under Claude Code's environment and a real
// bare server with pre-receive.
// 1170: row 1157's "a leading agent's word names no vendor" lived in identity.ts idVendor (co-author notes) only, so a
// model variable `ANTHROPIC_MODEL=codex-kimi` (or a Claude settings model, a git-ai note) read `openai/unknown` in catalog.ts
// nameVendor (init's hooks recorded no model, past a deny of Moonshot) and
// `cursor-kimi` no vendor at all, where `Assisted-by: opencode:codex-kimi` reads Moonshot's: now catalog.ts nameVendor
// reads it for every reader; `my-codex` stays no vendor's, as `Assisted-by:` reads it.
// 1171: `Assisted-by: Kimi Räikkönen`, `Ernie Els` (people credited as curl credits them, whose given name is a family's
// word) read as Moonshot's and Baidu's, refused under a vendor's deny: now people, as on a co-author line; `kimi`,
// `Kimi K2`, `grok-4`, `Kimi Fast`, `Grok Smith` (no given name) stay models.
// 1172: `Co-authored-by: kimi-fast-latest <x@example.com>` (a model id at a person's address) read as no AI: now Moonshot's.
// 1173: StepFun's step-1/step-2 and iFlytek's Spark X1 read `unknown`: now the catalog's.
import { describe, expect, it } from 'vitest';
import { claudeHome, hooked, agentCommit } from '../helpers/agent-home.js';
import { expectEachPasses, expectEachRefusedNaming, policyServer } from '../helpers/enforce-repos.js';
import { hookEnv } from '../helpers/hooks.js';
import { expectLog } from '../helpers/log-cases.js';

const DENY = 'policy:\n  deny: ["moonshotai/*", "baidu/*", "stepfun-ai/*", "iflytek/*"]\n';
const PEOPLE = ['fix: a\n\nAssisted-by: Kimi Räikkönen\n', 'fix: b\n\nAssisted-by: Ernie Els\n', 'fix: c\n\nAssisted-by: Kimi Räikkönen and Daniel Gustafsson\n'];

describe('a vendor word read at the right depth, and people named like models (rows 1170..1173)', () => {
  it('log: people named by a family word are people; models, ids at a person\'s address and new ids are their vendor\'s', () => {
    expectLog([
      [PEOPLE[0]!, []],
      [PEOPLE[1]!, []],
      [PEOPLE[2]!, []],
      ['fix: d\n\nAssisted-by: Gemma Chan\n', []],
      ['fix: e\n\nAssisted-by: kimi\n', ['unknown:moonshotai/unknown']],
      ['fix: f\n\nAssisted-by: Kimi K2\n', ['unknown:moonshotai/kimi-k2']],
      ['fix: g\n\nAssisted-by: grok-4\n', ['unknown:x-ai/grok-4']],
      ['fix: h\n\nAssisted-by: Kimi Fast\n', ['unknown:moonshotai/unknown']],
      ['fix: i\n\nAssisted-by: Grok Smith\n', ['unknown:x-ai/unknown']],
      ['fix: j\n\nAssisted-by: Tencent Cloud\n', ['unknown:tencent/unknown']],
      ['fix: k\n\nAI-Assistant: Ernie Els\n', ['unknown:baidu/unknown']],
      ['fix: l\n\nCo-authored-by: kimi-fast-latest <x@example.com>\n', ['unknown:moonshotai/unknown']],
      ['fix: m\n\nCo-authored-by: kimi-fast-latest\n', ['unknown:moonshotai/unknown']],
      ['fix: n\n\nCo-authored-by: kimi-li <kimi.li@example.com>\n', []],
      // Session 55's last re-read: the whole id's vendor, as Assisted-by: and notes read it (was OpenAI's, past a Moonshot deny).
      ['fix: n2\n\nCo-authored-by: o3-kimi <x@example.com>\n', ['unknown:moonshotai/unknown']],
      ['fix: n3\n\nCo-authored-by: codex-kimi\n', ['unknown:moonshotai/unknown']],
      ['fix: o\n\nAssisted-by: opencode:step-1\n', ['opencode:stepfun-ai/step-1']],
      ['fix: p\n\nAssisted-by: step-2-16k\n', ['unknown:stepfun-ai/step-2']],
      ['fix: q\n\nCo-authored-by: opencode (spark-x1) <noreply@opencode.ai>\n', ['opencode:iflytek/spark-x1']],
      ['fix: r\n\nAssisted-by: doubao-seed-1.6\n', ['unknown:bytedance/seed-1.6']],
    ]);
  }, 120_000);

  it("init's hooks refuse a model variable and a settings model named after an agent then a model of a denied vendor", () => {
    const repo = hooked(DENY);
    const variable = agentCommit(repo, hookEnv({ ...claudeHome('claude-sonnet-4-6'), ANTHROPIC_MODEL: 'codex-kimi' }));
    expect(variable.status, variable.stderr).not.toBe(0);
    expect(variable.stderr).toContain('moonshotai/unknown');
    const settings = agentCommit(repo, hookEnv(claudeHome('cursor-kimi')));
    expect(settings.status, settings.stderr).not.toBe(0);
    expect(settings.stderr).toContain('moonshotai/unknown');
    // A person credited by a name a family's word starts passes the hooks as any credited person does.
    const person = agentCommit(repo, hookEnv({ CLAUDECODE: undefined, QWEN_CODE: undefined, OPENCODE: undefined, AI_AGENT: undefined }), PEOPLE[0]);
    expect(person.status, person.stderr).toBe(0);
  }, 120_000);

  it('check and a real pre-receive refuse the models under their vendors\' deny and pass the people', () => {
    const { remote, work } = policyServer(DENY);
    const cases: Record<string, [string, string]> = {
      id: ['fix: s\n\nCo-authored-by: kimi-fast-latest <x@example.com>\n', 'moonshotai/unknown'],
      step: ['fix: t\n\nAssisted-by: opencode:step-1\n', 'stepfun-ai/step-1'],
      spark: ['fix: u\n\nAssisted-by: spark-x1\n', 'iflytek/spark-x1'],
      kimi: ['fix: v\n\nAssisted-by: Kimi\n', 'moonshotai/unknown'],
    };
    expectEachRefusedNaming(remote, work, cases);
    expectEachPasses(work, PEOPLE);
  }, 240_000);
});
