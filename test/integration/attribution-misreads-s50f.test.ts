// Session 50 helper f: misreads of public and near-public commit texts, each replayed with real git,
// the built CLI's `log` and `check`, a real bare server's pre-receive and the installed hooks.
// row 946: Jules' own identities and task footer read `jules:unknown` (row 944 read only `Assisted-by: Jules`
//   as `jules:google/unknown`), a warning under unknownModel, so `deny: ["google/*"]` passed them.
// row 947: an AI account's name written with a comma, a lone dash or a slash (`Claude, Assistant`,
//   `Gemini - AI`, `Gemini/AI`) read as a person's, or as the agent without its vendor.
// row 948: a fine-tune's whole id (`ft:gpt-4o-mini:acme:qwen:abc`) read its owner's suffix as a second vendor.
// row 949: a model file's path (`models/<name>/model.pt`, `openai/models/<name>/model.gguf`) read as a made-up id
//   or as OpenAI's beside the model. Each block fails without its fix.
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked } from '../helpers/agent-home.js';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';
import { hookEnv } from '../helpers/hooks.js';
import { expectLog } from '../helpers/log-cases.js';

const JULES_BOT = 'google-labs-jules[bot] <161369871+google-labs-jules[bot]@users.noreply.github.com>';

describe("Jules' own identities and footer are Google's unknown model (row 946)", () => {
  it('reads its bot co-author, its bot as author, its address and its task footer as jules:google/unknown', () => {
    expectLog([
      [`perf: batch the invoice queries\n\nCo-authored-by: ${JULES_BOT}\n`, ['jules:google/unknown']],
      ['🛡️ Sentinel: [HIGH] Fix overly permissive CORS\n', ['jules:google/unknown'], { name: 'google-labs-jules[bot]', email: '161369871+google-labs-jules[bot]@users.noreply.github.com' }],
      ['test(memory): cover the eviction paths\n\nCo-Authored-By: Jules <noreply@google.com>\n', ['jules:google/unknown']],
      ['Remove the redundant useMemo (#898)\n\n---\n*PR created automatically by Jules for task [10568282859807385424](https://jules.google.com/task/10568282859807385424) started by @arii*\n', ['jules:google/unknown']],
      // A model named beside Jules stays that model; people stay people.
      ['feat: x\n\nAssisted-by: Jules (gemini-2.5-pro)\n', ['jules:google/gemini-2.5-pro']],
      ['Fix the flaky resolver test\n', [], { name: 'Jules Fontaine', email: 'jules@google.com' }],
      ['docs: thank the reviewer\n\nCo-authored-by: Jules Verne <jules.verne@example.com>\n', []],
    ]);
  });

  it('is refused under deny google/* by check, pre-receive and the commit-msg hook; passes an allow of google/*', () => {
    const denied = policyServer('policy:\n  deny: ["google/*"]\n');
    expectEachRefused(denied.remote, denied.work, { bot: `feat: a\n\nCo-authored-by: ${JULES_BOT}\n`, footer: 'feat: b\n\n*PR created automatically by Jules for task [1056](https://jules.google.com/task/1056) started by @arii*\n' }, (found, name) =>
      expect([...new Set(found)], name).toEqual(['google/unknown']),
    );
    const allowed = policyServer('policy:\n  allow: ["google/*"]\n');
    expectEachPasses(allowed.work, [`feat: c\n\nCo-authored-by: ${JULES_BOT}\n`]);
    const refused = agentCommit(hooked('policy:\n  deny: ["google/*"]\n'), hookEnv({}), `feat: d\n\nCo-authored-by: ${JULES_BOT}\n`);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/model-denied[\s\S]*google\/unknown/);
  }, 180_000);
});

describe("an AI account's name with a comma, a lone dash or a slash between its words (row 947)", () => {
  it("reads as the account's name written with a space", () => {
    expectLog([
      ['fix a\n\nCo-authored-by: Claude, Assistant <a@example.com>\n', ['claude-code:anthropic/unknown']],
      ['fix b\n\nCo-authored-by: Gemini - AI <g@example.com>\n', ['gemini-cli:google/unknown']],
      ['fix c\n\nCo-authored-by: Gemini/AI <g@example.com>\n', ['gemini-cli:google/unknown']],
      ['fix d\n\nCo-authored-by: Gemini \u2014 AI\n', ['gemini-cli:google/unknown']],
      ['fix e\n\nAssisted-by: Claude, Assistant <a@example.com>\n', ['claude-code:anthropic/unknown']],
      // People stay people: a surname after the slash, a note, a login.
      ['fix f\n\nCo-authored-by: Claude / Lee <c@example.com>\n', []],
      ['fix g\n\nCo-authored-by: Claude Lee (AI team) <c@example.com>\n', []],
      ['fix h\n\nCo-authored-by: kimi_ai <k@example.com>\n', []],
    ]);
  });

  it('is refused under a deny of the vendor by check and pre-receive', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["google/*", "anthropic/*"]\n');
    expectEachRefused(remote, work, { dash: 'feat: a\n\nCo-authored-by: Gemini - AI <g@example.com>\n', slash: 'feat: b\n\nCo-authored-by: Gemini/AI <g@example.com>\n', comma: 'feat: c\n\nCo-authored-by: Claude, Assistant <a@example.com>\n' });
  }, 120_000);
});

describe("a fine-tune's whole id names its base model alone (row 948)", () => {
  it('reads no second vendor from the owner\'s suffix, under AI-Model and Assisted-by', () => {
    expectLog([
      ['fix a\n\nAI-Model: ft:gpt-4o-mini:acme:qwen:abc\n', ['unknown:openai/gpt-4o-mini']],
      ['fix b\n\nAssisted-by: ft:gpt-4o-mini-2024-07-18:acme:qwen3-coder:9abc\n', ['unknown:openai/gpt-4o-mini']],
      // Not a fine-tune's id: every model named is read, as before.
      ['fix c\n\nAI-Model: anthropic/claude-opus-4.6@qwen3-coder\n', ['unknown:anthropic/claude-opus-4.6', 'unknown:qwen/unknown']],
    ]);
  });

  it('passes deny qwen/* and is refused by deny openai/*', () => {
    const { work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    expectEachPasses(work, ['feat: a\n\nAI-Model: ft:gpt-4o-mini:acme:qwen:abc\n']);
    const denied = policyServer('policy:\n  deny: ["openai/*"]\n');
    expectEachRefused(denied.remote, denied.work, { tuned: 'feat: b\n\nAI-Model: ft:gpt-4o-mini:acme:qwen:abc\n' }, (found) => expect(found).toEqual(['openai/gpt-4o-mini']));
  }, 120_000);
});

describe("a model file's path names the folder's model (row 949)", () => {
  it('reads no made-up id and no openai/unknown beside the model', () => {
    expectLog([
      ['fix a\n\nAI-Model: models/llama-3/model.pt\n', ['unknown:meta-llama/llama-3']],
      ['fix b\n\nAI-Model: openai/models/Qwen3-Coder-30B-A3B-Instruct/model.gguf\n', ['unknown:qwen/qwen3-coder-30b-a3b-instruct']],
      ['fix c\n\nAI-Model: models/Qwen3-Coder-30B-A3B-Instruct/model.pt\n', ['unknown:qwen/qwen3-coder-30b-a3b-instruct']],
      // A folder of no model's name: no model is made up; OpenAI's own route before no model stays OpenAI's.
      ['fix d\n\nAI-Model: models/mymodel/model.pt\n', ['unknown:unknown']],
      ['fix e\n\nAI-Model: openai/models/gpt-oss/model.gguf\n', ['unknown:openai/unknown']],
    ]);
  });

  it("passes deny openai/* for another maker's model behind the route, and is refused by that maker's deny", () => {
    const { work } = policyServer('policy:\n  deny: ["openai/*"]\n');
    expectEachPasses(work, ['feat: a\n\nAI-Model: openai/models/Qwen3-Coder-30B-A3B-Instruct/model.gguf\n']);
    const denied = policyServer('policy:\n  deny: ["qwen/*"]\n');
    expectEachRefused(denied.remote, denied.work, { routed: 'feat: b\n\nAI-Model: openai/models/Qwen3-Coder-30B-A3B-Instruct/model.gguf\n' }, (found) => expect(found).toEqual(['qwen/qwen3-coder-30b-a3b-instruct']));
  }, 120_000);
});
