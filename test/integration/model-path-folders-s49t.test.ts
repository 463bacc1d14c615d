// Final review, session 49 helper t (row 936): a path-named model (rows 918, 928) written as
// llama.cpp's own docs run llama-server, `-m models/<name>/ggml-model-Q4_K_M.gguf` (a relative path
// without `./`), or after a space in a folder's name (`/home/jane/My Models/<name>/ggml-model-Q4_K_M.gguf`,
// whose words after the space are `Models/<name>/…`), was read as an id whose folders were its vendor:
// `qwen3-coder-30b-a3b-instruct/ggml-model-q4_k_m.gguf` beside the folder's `qwen/qwen3-coder-30b-a3b-instruct`.
// That made-up model is in no team's allow list, so an honest team allowing Qwen (`allow: ["qwen/*"]`)
// had these commits refused by `check` and a real bare server's pre-receive, and `log` named a second model.
// This test failed before its fix (src/core/catalog.ts FILE_PATH, read by storedModelName).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitCase, expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

const RELATIVE = 'feat: a\n\nAI-Model: models/Qwen3-Coder-30B-A3B-Instruct/ggml-model-Q4_K_M.gguf\n';
const SPACED = 'feat: b\n\nAI-Model: /home/jane/My Models/Qwen3-Coder-30B-A3B-Instruct/ggml-model-Q4_K_M.gguf\n';
const PAIRED = 'feat: c\n\nAssisted-by: aider:models/gpt-oss-20b/model.gguf\n';
// The weights file of a Hugging Face folder, as vLLM and transformers load it (pre-GGUF llama.cpp wrote `ggml-model-q4_0.bin`).
const WEIGHTS = 'feat: d\n\nAI-Model: models/Qwen3-Coder-30B-A3B-Instruct/pytorch_model.bin\n';

describe('a path-named model whose folders would read as a vendor (row 936)', () => {
  it('is only the model the path names: an honest team allowing it passes check and pre-receive', () => {
    const { work } = policyServer('policy:\n  allow: ["qwen/*", "openai/gpt-oss*"]\n');
    work.git(['checkout', '-q', '-b', 'allowed', 'main']);
    for (const [at, message] of [RELATIVE, SPACED, PAIRED, WEIGHTS].entries()) commitCase(work, `allowed-${at}`, message);
    const check = aitrail(work.dir, ['check', 'main..allowed', '--format', 'json'], { timeout: 60_000 });
    expect(check.code, `${check.stdout}${check.stderr}`).toBe(0);
    const log = aitrail(work.dir, ['log', 'main..allowed', '--format', 'json'], { timeout: 60_000 });
    expect(log.code, log.stderr).toBe(0);
    const models = [...log.stdout.matchAll(/"model":\s*"([^"]+)"/g)].map((match) => match[1]);
    expect([...new Set(models)].sort()).toEqual(['openai/gpt-oss-20b', 'qwen/qwen3-coder-30b-a3b-instruct']);
    work.git(['checkout', '-q', 'main']);
    expectEachPasses(work, [RELATIVE, SPACED, PAIRED, WEIGHTS]);
  }, 120_000);

  it("is still refused under a deny of the folder's model", () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/qwen3-coder*"]\n');
    expectEachRefused(remote, work, { relative: RELATIVE, spaced: SPACED, weights: WEIGHTS }, (found, name) => expect([...new Set(found)], name).toEqual(['qwen/qwen3-coder-30b-a3b-instruct']));
  }, 120_000);
});
