// Red team, session 49 helper e (row 919): a runtime named after a model family read as that
// family's maker. llama.cpp (`llama.cpp`, `llama-server`, `llama_cpp`, llama-swap, llama-cpp-python),
// LlamaIndex and mistral.rs serve or call any maker's model; `Assisted-by: gpt-oss-20b via llama.cpp`
// was read as `openai/gpt-oss-20b` and `meta-llama/unknown`, so an honest team that denies Meta's
// Llama (its licence) or wants every model named (`unknownModel: deny`) had such commits refused by
// commit-msg, `check` and pre-receive. This test failed before its fix (catalog.ts RUNTIME_NAME, mentions.ts vendorAt, declared-value.ts unreadVendors).
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked } from '../helpers/agent-home.js';
import { aitrail } from '../helpers/cli.js';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';
import { hookEnv } from '../helpers/hooks.js';

const POLICY = 'policy:\n  deny: ["meta-llama/*"]\n  unknownModel: deny\n';
const HONEST = [
  'feat: a\n\nAssisted-by: openai/gpt-oss-20b via llama.cpp\n',
  'feat: b\n\nAssisted-by: aider:gpt-oss-20b on llama-server\n',
  'feat: c\n\nAssisted-by: llama.cpp:gpt-oss-20b\n',
  'feat: d\n\nAssisted-by: gpt-oss-20b (llama_cpp b6123)\n',
  'feat: e\n\nAssisted-by: gpt-oss-20b via llama-swap, LlamaIndex\n',
  'feat: f\n\nAssisted-by: devstral via mistral.rs\n',
];

describe("a runtime named after a family is where a model ran, not its maker's model (row 919)", () => {
  it('passes check and pre-receive; Llama itself, run by llama.cpp, is still refused', () => {
    const { remote, work } = policyServer(POLICY);
    for (const [at, message] of HONEST.entries()) {
      work.git(['checkout', '-q', '-b', `check-${at}`, 'main']);
      work.write(`src/h${at}.ts`, `export const h = ${at};\n`);
      work.git(['add', '-A']);
      work.git(['commit', '-q', '--no-verify', '-F', '-'], { input: message });
      const check = aitrail(work.dir, ['check', `main..check-${at}`, '--format', 'json']);
      expect(check.code, `${message}${check.stdout}${check.stderr}`).toBe(0);
      work.git(['checkout', '-q', 'main']);
    }
    expectEachPasses(work, HONEST);
    expectEachRefused(remote, work, {
      llama: 'feat: g\n\nAssisted-by: llama-3.3-70b via llama.cpp\n',
      vendor: 'feat: h\n\nAssisted-by: Llama (llama.cpp)\n',
    }, (found, name) => expect(found.every((model) => model.startsWith('meta-llama/')), name).toBe(true));
  }, 120_000);

  it('passes the installed commit-msg hook', () => {
    const repo = hooked(POLICY);
    const made = agentCommit(repo, hookEnv({}), HONEST[0]);
    expect(made.status, made.stderr).toBe(0);
  });
});
