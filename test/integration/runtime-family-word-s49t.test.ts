// Final review, session 49 helper t (row 937): row 919's runtimes named after a family, three it
// left out. LlamaEdge (WasmEdge's OpenAI-compatible server of any GGUF model: Gemma, Mistral, Qwen),
// GPUStack's llama-box (a llama.cpp server, its default GGUF backend) and LLaMA-Factory (a fine-tuning
// framework of many makers' models) name where a model ran or was tuned, not Meta's model; read as
// `meta-llama/unknown` beside the model run, an honest team denying Llama (`deny: ["meta-llama/*"]`,
// `unknownModel: deny`) had these commits refused by `check` and a real bare server's pre-receive.
// This test failed before its fix (src/core/catalog.ts RUNTIME_NAME).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitCase, expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

const POLICY = 'policy:\n  deny: ["meta-llama/*"]\n  unknownModel: deny\n';
const HONEST = [
  'feat: a\n\nAssisted-by: gpt-oss-20b via LlamaEdge\n',
  'feat: b\n\nAssisted-by: aider:qwen3-coder on llama-box\n',
  'feat: c\n\nAssisted-by: qwen3-coder fine-tuned with LLaMA-Factory\n',
];

describe('LlamaEdge, llama-box and LLaMA-Factory are where a model ran, not Llama (row 937)', () => {
  it('pass check and pre-receive; Llama itself, run by them, is still refused', () => {
    const { remote, work } = policyServer(POLICY);
    work.git(['checkout', '-q', '-b', 'honest', 'main']);
    for (const [at, message] of HONEST.entries()) commitCase(work, `honest-${at}`, message);
    const check = aitrail(work.dir, ['check', 'main..honest', '--format', 'json'], { timeout: 60_000 });
    expect(check.code, `${check.stdout}${check.stderr}`).toBe(0);
    work.git(['checkout', '-q', 'main']);
    expectEachPasses(work, HONEST);
    expectEachRefused(remote, work, {
      edge: 'feat: d\n\nAssisted-by: llama-3.3-70b via LlamaEdge\n',
      box: 'feat: e\n\nAssisted-by: Llama (llama-box)\n',
    }, (found, name) => expect(found.length > 0 && found.every((model) => model.startsWith('meta-llama/')), `${name}: ${found.join(' ')}`).toBe(true));
  }, 120_000);
});
