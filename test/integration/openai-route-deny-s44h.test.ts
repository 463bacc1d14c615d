// LiteLLM's `openai/` route before another maker's model (`Assisted-by: aider:openai/Qwen/Qwen2.5-Coder-7B-Instruct`)
// was read as a second model, `openai/unknown`: `aitrail check` refused the commit under `deny: ["openai/*"]`
// though no OpenAI model wrote it, and let it through `deny: ["qwen/*"]` only because Qwen was read too.
import { describe, expect, it } from 'vitest';
import { checkJson } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

function repoWith(deny: string, message: string) {
  const repo = makeRepo();
  repo.commit('init', { '.aitrailrc.yml': `policy:\n  deny: ["${deny}"]\n` });
  repo.git(['checkout', '-q', '-b', 'feature']);
  repo.commit(message, { 'a.txt': 'a\n' });
  return repo;
}

describe("the openai/ route in a declared value is judged as the model it routes to", () => {
  it('passes deny openai/* when the routed model is Qwen\'s', () => {
    const repo = repoWith('openai/*', 'feat: local coder\n\nAssisted-by: aider:openai/Qwen/Qwen2.5-Coder-7B-Instruct\n');
    const { code, json } = checkJson(repo.dir, 'main..feature');
    expect(json.violations).toEqual([]);
    expect(code).toBe(0);
  });

  it('is still refused by deny qwen/*', () => {
    const repo = repoWith('qwen/*', 'feat: local coder\n\nAssisted-by: aider:openai/Qwen/Qwen2.5-Coder-7B-Instruct\n');
    const { code, json } = checkJson(repo.dir, 'main..feature');
    expect(json.violations.map((v) => [v.rule, v.model])).toEqual([['model-denied', 'qwen/qwen-2.5-coder-7b-instruct']]);
    expect(code).not.toBe(0);
  });

  it('still refuses OpenAI named beside the routed model', () => {
    const repo = repoWith('openai/*', 'feat: local coder\n\nAssisted-by: openai/qwen3-coder and OpenAI\n');
    const { json } = checkJson(repo.dir, 'main..feature');
    expect(json.violations.map((v) => [v.rule, v.model])).toEqual([['model-denied', 'openai/unknown']]);
  });
});
