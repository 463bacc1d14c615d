// Red team, session 42 (helper k): denied models under the ids inference providers give them today
// (Hugging Face's router, Cloudflare Workers AI), committed through the installed hooks with the
// agent's own environment and replayed through `aitrail check`. Each test failed before its fix.
import { describe, expect, it } from 'vitest';
import { checkJson as check } from '../helpers/cli.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { copiedRepo } from '../helpers/hooked-repo.js';
import { aitrail, gitRun, messageOf } from '../helpers/hooks.js';

const DENY_CHINESE = 'policy:\n  deny: ["qwen/*", "deepseek/*", "moonshotai/*", "z-ai/*", "minimax/*"]\n';

/** A repository on `feature` (after `main` committed `config`) for `aitrail check main..feature`. */
function checked(config: string): TestRepo {
  const repo = makeRepo();
  repo.commit('chore: policy\n', { '.aitrailrc.yml': config });
  repo.git(['checkout', '-q', '-b', 'feature']);
  return repo;
}

function errors(repo: TestRepo) {
  const { code, json } = check(repo.dir);
  return { code, refused: json.violations.filter((violation) => violation.severity === 'error') };
}

describe('612: Hugging Face router\'s `:provider` tag after a model id', () => {
  it('a co-author line and an `Assisted-by:` naming `<model>:novita` (`:fireworks-ai`, `:groq`, `:fastest`) are that model', () => {
    const repo = checked('policy:\n  deny: ["qwen/qwen3-coder", "deepseek/deepseek-v4-pro", "moonshotai/*", "z-ai/*", "minimax/*"]\n');
    const coAuthored = repo.commit('feat: a\n\nCo-authored-by: Qwen/Qwen3-Coder-480B-A35B-Instruct:novita <ai@example.com>\n', { a: 'a\n' });
    const assisted = repo.commit('feat: b\n\nAssisted-by: aider:huggingface/deepseek-ai/DeepSeek-V4-Pro:fireworks-ai\n', { b: 'b\n' });
    const kimi = repo.commit('feat: c\n\nCo-authored-by: moonshotai/Kimi-K2-Instruct-0905:groq <ai@example.com>\n', { c: 'c\n' });
    const glm = repo.commit('feat: d\n\nCo-authored-by: zai-org/GLM-4.6:fastest <ai@example.com>\n', { d: 'd\n' });
    // The flagship's smaller sibling as ollama tags it is another model: `deny: ["qwen/qwen3-coder"]` does not name it.
    const small = repo.commit('feat: e\n\nAssisted-by: aider:ollama/qwen3-coder:30b\n', { e: 'e\n' });
    // An OpenAI open-weight model served by Cerebras through the router is OpenAI's.
    const oss = repo.commit('feat: f\n\nCo-authored-by: openai/gpt-oss-120b:cerebras <ai@example.com>\n', { f: 'f\n' });

    const { code, refused } = errors(repo);
    expect(code).toBe(1);
    expect(refused).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sha: coAuthored, rule: 'model-denied', model: 'qwen/qwen3-coder' }),
        expect.objectContaining({ sha: assisted, rule: 'model-denied', model: 'deepseek/deepseek-v4-pro' }),
        expect.objectContaining({ sha: kimi, rule: 'model-denied', model: 'moonshotai/kimi-k2-0905' }),
        expect.objectContaining({ sha: glm, rule: 'model-denied', model: 'z-ai/glm-4.6' }),
      ]),
    );
    expect(refused.filter((violation) => violation.sha === small || violation.sha === oss)).toEqual([]);
  });

  it('Claude Code pointed at the router (ANTHROPIC_MODEL=<model>:<provider>) is refused at commit by a deny of that model', () => {
    const repo = copiedRepo('provider-model-ids-s42k router', () => {
      const made = makeRepo();
      made.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["meta-llama/llama-3.3-70b-instruct", "qwen/qwen3-coder"]\n' });
      const init = aitrail(made.dir, ['init', '--mode', 'git']);
      expect(init.status, init.stderr).toBe(0);
      return made;
    });
    for (const model of ['meta-llama/Llama-3.3-70B-Instruct:groq', 'Qwen/Qwen3-Coder-480B-A35B-Instruct:novita']) {
      repo.write('src/parser.ts', `export const n = ${Math.random()};\n`);
      repo.git(['add', 'src/parser.ts']);
      const result = gitRun(repo.dir, ['commit', '-q', '-F', '-'], { CLAUDECODE: '1', ANTHROPIC_MODEL: model }, 'feat: parser\n');
      expect(result.status, `${model}: ${result.status === 0 ? messageOf(repo.dir) : ''}`).toBe(1);
      expect(result.stderr).toMatch(/denied by policy\.deny/);
    }
  });
});

describe('613: Cloudflare Workers AI\'s `@cf/` ids behind a route, read as an e-mail address', () => {
  it('`Assisted-by: aider:cloudflare/@cf/qwen/qwen2.5-coder-32b-instruct` is Qwen\'s, not a person\'s address', () => {
    const repo = checked(DENY_CHINESE);
    const routed = repo.commit('feat: a\n\nAssisted-by: aider:cloudflare/@cf/qwen/qwen2.5-coder-32b-instruct\n', { a: 'a\n' });
    const kimi = repo.commit('feat: b\n\nAssisted-by: opencode:cloudflare-workers-ai/@cf/moonshotai/kimi-k2.6\n', { b: 'b\n' });
    const glm = repo.commit('feat: c\n\nAssisted-by: aider:@cf/zai-org/glm-4.7-flash\n', { c: 'c\n' });
    // A person's address still names no model: no refusal.
    const person = repo.commit('feat: d\n\nAssisted-by: qwen.li@cf.example.com\n', { d: 'd\n' });

    const { code, refused } = errors(repo);
    expect(code).toBe(1);
    expect(refused).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sha: routed, rule: 'model-denied', model: 'qwen/qwen-2.5-coder-32b-instruct' }),
        expect.objectContaining({ sha: kimi, rule: 'model-denied', model: 'moonshotai/kimi-k2.6' }),
        expect.objectContaining({ sha: glm, rule: 'model-denied', model: 'z-ai/glm-4.7-flash' }),
      ]),
    );
    expect(refused.filter((violation) => violation.sha === person)).toEqual([]);
  });
});

describe('614: a provider\'s serving variant after a full model name (Nebius `-fast`, Chutes `-TEE`)', () => {
  it('deny: ["qwen/qwen3-coder", "deepseek/deepseek-v3.1", "deepseek/deepseek-v3-0324"] names them; xAI\'s `grok-4-fast` stays a model of its own', () => {
    const repo = checked('policy:\n  deny: ["qwen/qwen3-coder", "deepseek/deepseek-v3.1", "deepseek/deepseek-v3-0324", "x-ai/grok-4"]\n');
    const tee = repo.commit('feat: a\n\nCo-authored-by: chutes/Qwen/Qwen3-Coder-480B-A35B-Instruct-FP8-TEE <ai@example.com>\n', { a: 'a\n' });
    const teeV31 = repo.commit('feat: b\n\nAssisted-by: opencode:chutes/deepseek-ai/DeepSeek-V3.1-TEE\n', { b: 'b\n' });
    const fast = repo.commit('feat: c\n\nAssisted-by: aider:nebius/deepseek-ai/DeepSeek-V3-0324-fast\n', { c: 'c\n' });
    const grok = repo.commit('feat: d\n\nAssisted-by: aider:xai/grok-4-fast\n', { d: 'd\n' });

    const { code, refused } = errors(repo);
    expect(code).toBe(1);
    expect(refused).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sha: tee, rule: 'model-denied', model: 'qwen/qwen3-coder' }),
        expect.objectContaining({ sha: teeV31, rule: 'model-denied', model: 'deepseek/deepseek-v3.1' }),
        expect.objectContaining({ sha: fast, rule: 'model-denied', model: 'deepseek/deepseek-v3-0324' }),
      ]),
    );
    expect(refused.filter((violation) => violation.sha === grok)).toEqual([]);
  });
});

describe('615: a denied vendor\'s family or company word the declared reading did not know', () => {
  it('`Assisted-by: aider:qvq-max`, `CodeGeeX`, `ChatGLM`, `THUDM`, `aider:abab6.5s-chat` name Qwen, Z.ai and MiniMax', () => {
    const repo = checked(DENY_CHINESE);
    const values = ['aider:qvq-max', 'CodeGeeX', 'ChatGLM', 'THUDM', 'aider:codeqwen-max', 'Copilot (aliyun bailian)', 'aider:abab6.5s-chat'];
    const shas = values.map((value, at) => repo.commit(`feat: ${at}\n\nAssisted-by: ${value}\n`, { [`f${at}`]: `${at}\n` }));
    // A person named Zai on a co-author line is still a person.
    const person = repo.commit('feat: person\n\nCo-authored-by: Zai Chen <zai@example.com>\n', { p: 'p\n' });

    const { code, refused } = errors(repo);
    expect(code).toBe(1);
    const models = shas.map((sha) => refused.find((violation) => violation.sha === sha && violation.rule === 'model-denied')?.model);
    expect(models).toEqual(['qwen/unknown', 'z-ai/unknown', 'z-ai/unknown', 'z-ai/unknown', 'qwen/unknown', 'qwen/unknown', 'minimax/abab6.5s-chat']);
    expect(refused.filter((violation) => violation.sha === person)).toEqual([]);
  });
});

describe('616: `provider:model` (pydantic-ai\'s, promptfoo\'s way of naming a model) read as an ollama tag', () => {
  it('a co-author line naming `cerebras:qwen-3-coder-480b` or `cerebras:zai-glm-4.6` is Qwen\'s or Z.ai\'s; an ollama tag stays one', () => {
    const repo = checked('policy:\n  deny: ["qwen/qwen3-coder", "z-ai/*"]\n');
    const qwen = repo.commit('feat: a\n\nCo-authored-by: cerebras:qwen-3-coder-480b <ai@example.com>\n', { a: 'a\n' });
    const glm = repo.commit('feat: b\n\nCo-authored-by: cerebras:zai-glm-4.6 <ai@example.com>\n', { b: 'b\n' });
    // ollama's `qwen3-coder:30b` is the 30B model: not the flagship a deny of `qwen/qwen3-coder` names.
    const small = repo.commit('feat: c\n\nCo-authored-by: qwen3-coder:30b <ai@example.com>\n', { c: 'c\n' });

    const { code, refused } = errors(repo);
    expect(code).toBe(1);
    expect(refused).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sha: qwen, rule: 'model-denied', model: 'qwen/qwen3-coder' }),
        expect.objectContaining({ sha: glm, rule: 'model-denied', model: 'z-ai/glm-4.6' }),
      ]),
    );
    expect(refused.filter((violation) => violation.sha === small)).toEqual([]);
  });
});
