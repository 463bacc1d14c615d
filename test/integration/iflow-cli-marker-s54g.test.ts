// Session 54 helper g (row 1135): iFlow CLI, a Gemini CLI fork, marks the commands its shell runs `IFLOW_CLI=1` beside the
// fork's `GEMINI_CLI=1` (the @ai-coding-workshop/commit-msg hook reads `IFLOW_CLI=1` before `GEMINI_CLI=1` for that reason).
// The hooks read no `IFLOW_CLI`: such a commit was Gemini CLI's, with GEMINI_MODEL or `~/.gemini/settings.json`'s model,
// which iFlow never reads (its model is `modelName` of `~/.iflow/settings.json`, its `IFLOW_modelName`-style variables or
// `-m`; platform.iflow.cn/cli/configuration/settings). Found reading that hook and iFlow's configuration page; replayed with
// init's hooks, a temp HOME holding both agents' real settings files and an executable named `iflow`. Now the commit is
// iFlow CLI's with iFlow's model; Gemini CLI's own marker alone reads as before.
import { describe, expect, it } from 'vitest';
import { homeWith, hooked } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';

const POLICY = 'policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n';

function iflowEnv(files: Record<string, string>, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return hookEnv({
    HOME: homeWith({ '.gemini/settings.json': JSON.stringify({ model: { name: 'gemini-2.5-pro' } }), ...files }),
    GEMINI_CLI: '1', IFLOW_CLI: '1', GEMINI_MODEL: 'gemini-2.5-pro',
    IFLOW_modelName: undefined, IFLOW_MODEL_NAME: undefined, iflow_modelName: undefined, iflow_MODEL_NAME: undefined, GEMINI_CLI_HOME: undefined, GEMINI_CLI_SYSTEM_SETTINGS_PATH: undefined,
    ...extra,
  });
}

describe("iFlow CLI's shell marker (row 1135)", () => {
  it("row 1135: IFLOW_CLI=1 beside GEMINI_CLI=1 is iFlow CLI with iFlow's model, never Gemini CLI's", () => {
    const repo = hooked(POLICY);
    const settings = { '.iflow/settings.json': JSON.stringify({ selectedAuthType: 'iflow', modelName: 'qwen3-coder-plus' }) };
    const result = runAgent(repo, agentBin('iflow'), [], iflowEnv(settings, {}));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/qwen\/qwen3-coder-plus \(via iflow-cli\) is denied/);
    expect(result.stderr).toContain('modelName="qwen3-coder-plus"');
    expect(result.stderr).not.toContain('gemini-cli');
    // Its variable before its settings file, and `-m` before both.
    const variable = runAgent(repo, agentBin('iflow'), [], iflowEnv({ '.iflow/settings.json': JSON.stringify({ modelName: 'glm-4.6' }) }, { IFLOW_MODEL_NAME: 'qwen3-coder-plus' }));
    expect(variable.stderr).toMatch(/qwen\/qwen3-coder-plus \(via iflow-cli\) is denied/);
    const flag = runAgent(repo, agentBin('iflow'), ['-m', 'qwen3-coder-plus'], iflowEnv({ '.iflow/settings.json': JSON.stringify({ modelName: 'glm-4.6' }) }, {}));
    expect(flag.stderr).toMatch(/qwen\/qwen3-coder-plus \(via iflow-cli\) is denied/);
    // No model anywhere: iFlow CLI's unknown model, not Gemini's.
    const none = runAgent(repo, agentBin('iflow'), [], iflowEnv({}, {}));
    expect(none.status).not.toBe(0);
    expect(none.stderr).not.toContain('gemini-2.5-pro');
  });

  it("careless truth: iFlow's allowed model is recorded as iFlow's; GEMINI_CLI=1 alone is Gemini CLI as before", () => {
    const repo = hooked(POLICY);
    const iflow = runAgent(repo, agentBin('iflow'), [], iflowEnv({ '.iflow/settings.json': JSON.stringify({ modelName: 'glm-4.6' }) }, {}));
    expect(iflow.status, iflow.stderr).toBe(0);
    expect(iflow.message).toContain('Assisted-by: iflow-cli:z-ai/glm-4.6');
    const gemini = runAgent(repo, agentBin('gemini'), [], iflowEnv({}, { IFLOW_CLI: undefined }));
    expect(gemini.status, gemini.stderr).toBe(0);
    expect(gemini.message).toContain('Assisted-by: gemini-cli:google/gemini-2.5-pro');
  });
});
