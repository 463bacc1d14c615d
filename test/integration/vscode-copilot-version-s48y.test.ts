// row 903: VS Code's Copilot agent value with the AI_AGENT convention's version suffix
// (`AI_AGENT=github_copilot_vscode_agent@1.2`, the `devin@1` form row 897 reads) was mapped to Copilot by
// `genericAgent` (the version dropped) but not seen as VS Code's agent by `vscodeCopilot` (an exact compare), so
// Copilot CLI's own settings (`gpt-5`) were recorded as VS Code's model and passed `unknownModel: deny`
// (row 899's fault again).
// row 904: `vscodeCopilot` took `COPILOT_CLI` trimmed (` 1`, `true` and a newline) as Copilot CLI's marker, which
// its signature (`^1$|^true$`) does not match: Copilot CLI was not detected, yet its settings were read as VS Code's model.
// Replayed through init's real hooks.
import { describe, expect, it } from 'vitest';
import { stagedInHome } from '../helpers/agent-home.js';
import { tryGit } from '../helpers/enforce-repos.js';

const staged = () => stagedInHome({ '.copilot/settings.json': JSON.stringify({ model: 'gpt-5' }) }, { COPILOT_HOME: '', COPILOT_CLI: '', COPILOT_MODEL: '', AI_AGENT: '', AGENT: '' });

describe("VS Code's Copilot agent value with a version (row 903) or a look-alike COPILOT_CLI (row 904)", () => {
  it.each(['github_copilot_vscode_agent@1.2', 'github_copilot_vscode_agent@v2', ' GitHub_Copilot_VSCode_Agent '])('AI_AGENT=%j is copilot:unknown, not the model Copilot CLI is set to', (value) => {
    const { repo, env } = staged();
    const result = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: { ...env, AI_AGENT: value, COPILOT_AGENT: '1' } });
    expect(result.code, result.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)']).trim()).toBe('copilot:unknown');
  });

  it.each([' 1', 'true\n', 'yes'])('COPILOT_CLI=%j, no marker of Copilot CLI: VS Code\'s agent stays copilot:unknown (row 904)', (value) => {
    const { repo, env } = staged();
    const result = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: { ...env, AI_AGENT: 'github_copilot_vscode_agent', COPILOT_AGENT: '1', COPILOT_CLI: value } });
    expect(result.code, result.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)']).trim()).toBe('copilot:unknown');
  });

  it("COPILOT_CLI=1 beside it is Copilot CLI's own marker: its settings are read (row 904's careless truth)", () => {
    const { repo, env } = staged();
    const result = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: { ...env, AI_AGENT: 'github_copilot_vscode_agent', COPILOT_CLI: '1' } });
    expect(result.code, result.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)']).trim()).toBe('copilot:openai/gpt-5');
  });
});
