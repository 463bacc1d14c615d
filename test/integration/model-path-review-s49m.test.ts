// Review, session 49 helper m (row 928): a path whose FOLDER names the model. Row 918 reads a
// path-named model by its file (or last folder); a file that names no model, as llama.cpp's
// converter and quantizer are commonly run to name theirs (`${model}/ggml-model-f16.gguf`,
// `${model}/ggml-model-q4_0.gguf`, in the model's folder) or `model.gguf`, left only `qwen/unknown` from the folder's words, and a file
// naming another maker's model under a Hugging Face cache folder of Qwen's (or the reverse), or a Windows path with a space behind an agent (`opencode:C:\Users\Jane Doe\…`) left
// the other `qwen/unknown`: past a model-level deny (`qwen/qwen3-coder*`, a team allowing
// `qwen/qwen-max`) at check and a real bare server's pre-receive, pushed with --no-verify.
// This test failed before its fix (src/core/detect/declared-value.ts segmentModel, in unreadVendors).
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

const DENY = 'policy:\n  deny: ["qwen/qwen3-coder*"]\n';

describe('a path whose folder names the model (row 928)', () => {
  it("is that folder's model, refused by check and pre-receive; a folder of an allowed model still passes", () => {
    const { remote, work } = policyServer(DENY);
    expectEachRefused(remote, work, {
      quantized: 'feat: a\n\nAI-Model: /models/Qwen3-Coder-30B-A3B-Instruct/ggml-model-Q4_K_M.gguf\n',
      windows: 'feat: b\n\nAI-Model: C:\\models\\Qwen3-Coder-30B-A3B-Instruct\\model.gguf\n',
      agentPair: 'feat: c\n\nAssisted-by: opencode:/models/Qwen3-Coder-30B-A3B-Instruct/ggml-model-Q4_K_M.gguf\n',
      // A Windows user's folder with a space: the value is no path as a whole, the file's segment still is.
      spacedWindows: 'feat: e\n\nAssisted-by: opencode:C:\\Users\\Jane Doe\\models\\Qwen3-Coder-30B-A3B-Instruct-Q4_K_M.gguf\n',
      // A path past the catalog's 200 characters: no id as a whole, its file's segment still is.
      longPath: `feat: f\n\nAI-Model: /srv${'/deep'.repeat(60)}/Qwen3-Coder-30B-A3B-Instruct-Q4_K_M.gguf\n`,
      fileOfAnother: 'feat: d\n\nAI-Model: /root/.cache/huggingface/hub/models--openai--gpt-oss-20b/snapshots/0f2a/Qwen3-Coder-30B-A3B-Instruct-Q4_K_M.gguf\n',
    }, (found, name) => expect([...new Set(found)], name).toEqual(['qwen/qwen3-coder-30b-a3b-instruct']));
    // The same layouts of a Qwen model the policy allows, and of another maker's: not refused.
    expectEachPasses(work, [
      'feat: g\n\nAI-Model: /models/Qwen-Max/ggml-model-Q4_K_M.gguf\n',
      'feat: h\n\nAI-Model: /models/gpt-oss-20b/ggml-model-Q4_K_M.gguf\n',
    ]);
  }, 120_000);
});
