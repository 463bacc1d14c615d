// Red team, session 49 helper e (row 918): a model named by the path a local server loaded it
// from. llama.cpp's llama-server without `--alias` names its model by its `-m` path
// (`/models/Qwen2.5-Coder-32B-Instruct-Q4_K_M.gguf`), vLLM without `--served-model-name` by its
// `--model` folder, a Windows server by `C:\models\…`; an agent declares what the server names.
// Read as an id of empty or backslashed segments, such a path was only `qwen/unknown` by its words,
// so a deny of the model (`qwen/qwen3-coder*`, a team that allows `qwen/qwen-max`) let it through
// commit-msg, `check` and pre-receive. This test failed before its fix (catalog.ts storedModelName).
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked } from '../helpers/agent-home.js';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';
import { hookEnv } from '../helpers/hooks.js';

const DENY = 'policy:\n  deny: ["qwen/qwen3-coder*", "qwen/qwen-2.5-coder*"]\n';

describe('a model named by its file or folder path (row 918)', () => {
  it('is the model the path names, refused by check and pre-receive; an allowed model by path still passes', () => {
    const { remote, work } = policyServer(DENY);
    const expected: Record<string, string> = {
      absolute: 'qwen/qwen3-coder-30b-a3b-instruct',
      home: 'qwen/qwen-2.5-coder-32b-instruct',
      windows: 'qwen/qwen3-coder-30b-a3b-instruct',
      relative: 'qwen/qwen-2.5-coder-32b-instruct',
      folder: 'qwen/qwen3-coder-30b-a3b-instruct',
      hubCache: 'qwen/qwen3-coder-30b-a3b-instruct',
      routed: 'qwen/qwen3-coder-30b-a3b-instruct',
      runtime: 'qwen/qwen3-coder-30b-a3b-instruct',
    };
    expectEachRefused(remote, work, {
      absolute: 'feat: a\n\nAI-Model: /models/Qwen3-Coder-30B-A3B-Instruct-Q4_K_M.gguf\n',
      home: 'feat: b\n\nAssisted-by: opencode:~/.lmstudio/models/lmstudio-community/Qwen2.5-Coder-32B-Instruct-GGUF/Qwen2.5-Coder-32B-Instruct-Q4_K_M.gguf\n',
      windows: 'feat: c\n\nAI-Model: C:\\models\\Qwen3-Coder-30B-A3B-Instruct-UD-Q4_K_XL.gguf\n',
      relative: 'feat: d\n\nAI-Model: ./models/qwen2.5-coder-32b-instruct-q4_k_m.gguf\n',
      folder: 'feat: e\n\nAI-Model: /srv/models/Qwen3-Coder-30B-A3B-Instruct/\n',
      hubCache: 'feat: f\n\nAI-Model: /root/.cache/huggingface/hub/models--Qwen--Qwen3-Coder-30B-A3B-Instruct/snapshots/b2cff646eb4bb1d68355c01b18ae02e7cf42d120\n',
      routed: 'feat: g\n\nAI-Model: openai//models/Qwen3-Coder-30B-A3B-Instruct-Q4_K_M.gguf\n',
      runtime: 'feat: g2\n\nAssisted-by: opencode:llama.cpp//models/Qwen3-Coder-30B-A3B-Instruct-Q4_K_M.gguf\n',
    }, (found, name) => expect(found, name).toEqual([expected[name]]));
    // A Qwen model the policy leaves allowed, by its path, and a path that names no model: not refused.
    expectEachPasses(work, ['feat: h\n\nAI-Model: /models/qwen-max.gguf\n', 'feat: i\n\nAssisted-by: ./scripts/generate.sh\n']);
  }, 120_000);

  it('is refused at commit by the installed hooks', () => {
    const repo = hooked(DENY);
    const refused = agentCommit(repo, hookEnv({}), 'feat: parser\n\nAI-Model: /models/Qwen3-Coder-30B-A3B-Instruct-Q4_K_M.gguf\n');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/model-denied[\s\S]*qwen\/qwen3-coder-30b-a3b-instruct/);
  });
});
